package io.github.cloudtwin.appautoscaling;

import org.apiguardian.api.API;

/** What {@code PutScalingPolicy} takes: a target tracking or a step scaling policy. */
@API(status = API.Status.STABLE, since = "0.1.0")
public sealed interface ScalingPolicySpec permits TargetTrackingPolicySpec, StepScalingPolicySpec {

  /** {@return the policy name, unique per scalable target} */
  String policyName();

  /** {@return the scalable target, {@code service/<cluster>/<service>}} */
  String resourceId();
}
