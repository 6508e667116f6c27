package io.github.cloudtwin.appautoscaling;

/** What {@code PutScalingPolicy} takes: a target tracking or a step scaling policy. */
public sealed interface ScalingPolicySpec permits TargetTrackingPolicySpec, StepScalingPolicySpec {

  /** {@return the policy name, unique per scalable target} */
  String policyName();

  /** {@return the scalable target, {@code service/<cluster>/<service>}} */
  String resourceId();
}
