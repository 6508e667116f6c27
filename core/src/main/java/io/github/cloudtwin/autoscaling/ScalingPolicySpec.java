package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * A scaling policy as {@code PutScalingPolicy} takes it: {@link SimpleScalingPolicy}, {@link
 * StepScalingPolicy} or {@link TargetTrackingScalingPolicy}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public sealed interface ScalingPolicySpec
    permits SimpleScalingPolicy, StepScalingPolicy, TargetTrackingScalingPolicy {

  /** {@return the policy name, unique within its group} */
  String policyName();

  /** {@return the group the policy scales} */
  String autoScalingGroupName();
}
