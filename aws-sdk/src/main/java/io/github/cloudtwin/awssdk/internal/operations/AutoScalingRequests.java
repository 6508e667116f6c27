package io.github.cloudtwin.awssdk.internal.operations;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The typed requests of EC2 Auto Scaling's group operations, as {@link AutoScalingOperations} takes
 * them from the SDK and wire layers: no SDK type, nulls where the caller gave nothing.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AutoScalingRequests {

  private AutoScalingRequests() {}

  /**
   * The {@code CreateAutoScalingGroup} parameters the twin simulates (nulls: AWS's defaults).
   *
   * @param autoScalingGroupName required, 1 to 255 characters
   * @param launchTemplateId a launch template by id, or null
   * @param launchTemplateName a launch template by name, or null
   * @param launchTemplateVersion {@code $Default} (default), {@code $Latest} or a number
   * @param minSize required
   * @param maxSize required
   * @param desiredCapacity default MinSize
   * @param availabilityZones the zones, or empty with {@code vpcZoneIdentifier}
   * @param vpcZoneIdentifier comma-separated subnet ids (one per zone in the twin), or null
   * @param defaultCooldown seconds, default 300
   * @param defaultInstanceWarmup seconds, or null
   * @param healthCheckType {@code EC2} (default) or {@code ELB}
   * @param healthCheckGracePeriod seconds, default 0
   * @param terminationPolicies AWS's names, default {@code [Default]}
   * @param newInstancesProtectedFromScaleIn default false
   * @param capacityDistributionStrategy {@code balanced-best-effort} (default) or {@code
   *     balanced-only}
   * @param targetGroupArns the target groups, by ARN
   * @param lifecycleHookSpecifications the hooks the group starts with (they hold its first
   *     launches), or null
   * @param mixedInstancesPolicy the MixedInstancesPolicy (it then holds the launch template), or
   *     null
   * @param capacityRebalance CapacityRebalance, or null (false)
   * @param maxInstanceLifetime MaxInstanceLifetime in seconds, or null (none)
   */
  public record CreateGroup(
      String autoScalingGroupName,
      @Nullable String launchTemplateId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      Integer minSize,
      Integer maxSize,
      Integer desiredCapacity,
      @Nullable List<String> availabilityZones,
      String vpcZoneIdentifier,
      Integer defaultCooldown,
      Integer defaultInstanceWarmup,
      String healthCheckType,
      Integer healthCheckGracePeriod,
      @Nullable List<String> terminationPolicies,
      Boolean newInstancesProtectedFromScaleIn,
      @Nullable String capacityDistributionStrategy,
      @Nullable List<String> targetGroupArns,
      @Nullable List<HookSpecification> lifecycleHookSpecifications,
      @Nullable MixedPolicy mixedInstancesPolicy,
      Boolean capacityRebalance,
      Integer maxInstanceLifetime) {}

  /**
   * A {@code MixedInstancesPolicy} as CreateAutoScalingGroup and UpdateAutoScalingGroup take it
   * (nulls: the group's current values on an update, else AWS's defaults).
   *
   * @param launchTemplateId LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId, or null
   * @param launchTemplateName its LaunchTemplateName, or null
   * @param launchTemplateVersion its Version, or null
   * @param overrides LaunchTemplate.Overrides, or null
   * @param onDemandAllocationStrategy {@code prioritized} or {@code lowest-price}, or null
   * @param onDemandBaseCapacity 0 or more, or null
   * @param onDemandPercentageAboveBaseCapacity 0 to 100, or null
   * @param spotAllocationStrategy one of AWS's four, or null
   * @param spotInstancePools 1 to 20 with {@code lowest-price}, or null
   * @param spotMaxPrice USD per hour as text, empty for the On-Demand price, or null
   */
  public record MixedPolicy(
      @Nullable String launchTemplateId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      List<OverrideSpec> overrides,
      @Nullable String onDemandAllocationStrategy,
      @Nullable Integer onDemandBaseCapacity,
      @Nullable Integer onDemandPercentageAboveBaseCapacity,
      @Nullable String spotAllocationStrategy,
      @Nullable Integer spotInstancePools,
      @Nullable String spotMaxPrice) {}

  /**
   * One of a MixedInstancesPolicy's {@code LaunchTemplateOverrides}.
   *
   * @param instanceType the instance type (null: InstanceRequirements, not simulated)
   * @param weightedCapacity WeightedCapacity as AWS passes it, text of 1 to 999, or null
   */
  public record OverrideSpec(String instanceType, String weightedCapacity) {}

  /**
   * One {@code LifecycleHookSpecification} of {@code CreateAutoScalingGroup} (nulls: AWS's
   * defaults).
   *
   * @param lifecycleHookName required
   * @param lifecycleTransition required, {@code autoscaling:EC2_INSTANCE_LAUNCHING} or {@code
   *     autoscaling:EC2_INSTANCE_TERMINATING}
   * @param heartbeatTimeout seconds, 30 to 7200, default 3600
   * @param defaultResult {@code ABANDON} (default) or {@code CONTINUE}
   */
  public record HookSpecification(
      String lifecycleHookName,
      String lifecycleTransition,
      Integer heartbeatTimeout,
      String defaultResult) {}
}
