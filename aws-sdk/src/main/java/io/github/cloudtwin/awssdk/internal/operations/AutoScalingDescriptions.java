package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What EC2 Auto Scaling's describe operations answer beyond the twin's views: a group, an instance,
 * a target group attachment as {@link AutoScalingOperations} hands them to the SDK and wire layers.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AutoScalingDescriptions {

  private AutoScalingDescriptions() {}

  /**
   * A group as {@code DescribeAutoScalingGroups} shows it.
   *
   * @param group the live view
   * @param autoScalingGroupArn its ARN
   * @param targetGroupArns its target groups, by ARN
   * @param vpcZoneIdentifier its subnets, comma-separated
   * @param instances its instances, in launch order
   */
  public record GroupDescription(
      AutoScalingGroup group,
      String autoScalingGroupArn,
      List<String> targetGroupArns,
      String vpcZoneIdentifier,
      List<AutoScalingInstance> instances) {}

  /**
   * An instance as {@code DescribeAutoScalingInstances} shows it.
   *
   * @param autoScalingGroupName its group
   * @param instance the instance
   * @param instanceType its instance type
   */
  public record InstanceDescription(
      String autoScalingGroupName, AutoScalingInstance instance, String instanceType) {}

  /**
   * A target group of a group as {@code DescribeLoadBalancerTargetGroups} and {@code
   * DescribeTrafficSources} show it.
   *
   * @param targetGroupArn the target group's ARN
   * @param state {@code Added}, {@code InService} (ELB health checks and a healthy instance) or
   *     {@code Removing} (detached, instances still draining)
   */
  public record TargetGroupState(String targetGroupArn, String state) {}

  /**
   * A policy as {@code DescribePolicies} lists it: a dynamic policy (simple, step, target tracking)
   * or a predictive scaling policy; exactly one of the two is given.
   *
   * @param dynamic the dynamic policy, or null
   * @param predictive the predictive scaling policy, or null
   */
  public record PolicyDescription(
      @Nullable ScalingPolicy dynamic,
      PredictiveScalingOperations.@Nullable PredictivePolicy predictive) {

    /**
     * Checks that exactly one is given.
     *
     * @param dynamic the dynamic policy, or null
     * @param predictive the predictive scaling policy, or null
     */
    public PolicyDescription {
      if ((dynamic == null) == (predictive == null)) {
        throw new IllegalArgumentException("one of dynamic and predictive");
      }
    }

    private PredictiveScalingOperations.PredictivePolicy predictiveOne() {
      return Objects.requireNonNull(predictive, "exactly one is given (the constructor checks)");
    }

    /** {@return the group's name} */
    public String autoScalingGroupName() {
      return dynamic != null
          ? dynamic.autoScalingGroupName()
          : predictiveOne().spec().autoScalingGroupName();
    }

    /** {@return the policy's name} */
    public String policyName() {
      return dynamic != null ? dynamic.policyName() : predictiveOne().spec().policyName();
    }

    /** {@return the policy's ARN} */
    public String policyArn() {
      return dynamic != null ? dynamic.policyArn() : predictiveOne().policyArn();
    }

    /** {@return AWS's PolicyType} */
    public String policyType() {
      return dynamic != null
          ? PolicyOperations.policyType(dynamic.spec())
          : PredictiveScalingOperations.POLICY_TYPE;
    }
  }
}
