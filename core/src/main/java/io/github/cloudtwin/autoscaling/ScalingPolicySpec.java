package io.github.cloudtwin.autoscaling;

/**
 * A scaling policy as {@code PutScalingPolicy} takes it: {@link SimpleScalingPolicy}, {@link
 * StepScalingPolicy} or {@link TargetTrackingScalingPolicy}.
 */
public sealed interface ScalingPolicySpec
    permits SimpleScalingPolicy, StepScalingPolicy, TargetTrackingScalingPolicy {

  /** {@return the policy name, unique within its group} */
  String policyName();

  /** {@return the group the policy scales} */
  String autoScalingGroupName();
}
