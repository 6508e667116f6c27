package io.github.cloudtwin.autoscaling;

/**
 * A scaling policy as {@code PutScalingPolicy} takes it: {@link SimpleScalingPolicy}, {@link
 * StepScalingPolicy} or {@link TargetTrackingScalingPolicy}.
 */
public sealed interface ScalingPolicySpec
    permits SimpleScalingPolicy, StepScalingPolicy, TargetTrackingScalingPolicy {

  /** The policy name, unique within its group. */
  String policyName();

  /** The group the policy scales. */
  String autoScalingGroupName();
}
