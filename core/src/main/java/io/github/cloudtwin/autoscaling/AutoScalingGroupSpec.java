package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An Auto Scaling group as {@code CreateAutoScalingGroup} takes it: launch settings, capacity
 * limits, zones, cooldown, health checks, termination policies, target groups and the lifecycle
 * hooks it starts with.
 *
 * @param autoScalingGroupName unique within the twin
 * @param launchTemplateName the launch template name (default {@code lt-<group>}, made legal)
 * @param launchTemplateVersion its version (default {@code 1})
 * @param instanceType the instance type launched (default {@code t3.micro}); with a mixed instances
 *     policy, its first override's type
 * @param bootTime how long a new instance stays pending (default 30 s, EC2's fake choice)
 * @param detailedMonitoring 1-minute CPU datapoints (true) or 5-minute basic ones (default false)
 * @param minSize at least 0
 * @param maxSize at least minSize
 * @param desiredCapacity in [minSize, maxSize]; defaults to minSize
 * @param availabilityZones the enabled zones, at least one, no repeats
 * @param defaultCooldown default 300 s; gates simple policies only
 * @param defaultInstanceWarmup null (none, the default) or zero or more
 * @param healthCheckType EC2 (default) or ELB
 * @param healthCheckGracePeriod default 0 s (the API default; the console uses 300 s)
 * @param terminationPolicies in order; default {@code [Default]}; Default may only be last, a
 *     custom policy only first
 * @param newInstancesProtectedFromScaleIn protection given to new instances (default false)
 * @param capacityDistributionStrategy what to do when a zone's launches fail
 * @param targetGroupNames target groups new instances are registered with
 * @param lifecycleHookSpecifications lifecycle hooks the group has from its creation on, so they
 *     apply to its first launches (LifecycleHookSpecificationList); each names this group, no hook
 *     name twice
 * @param mixedInstancesPolicy the instance types it launches, with weights and the On-Demand and
 *     Spot distribution, or null (one type, {@code instanceType}, On-Demand); with weights, sizes
 *     are capacity units
 * @param capacityRebalance whether Capacity Rebalancing replaces a Spot Instance when EC2 sends it
 *     a rebalance recommendation (default false)
 * @param maxInstanceLifetime how long an instance may serve before it is replaced: null or zero
 *     (none, the default) or at least 86,400 s
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record AutoScalingGroupSpec(
    String autoScalingGroupName,
    String launchTemplateName,
    String launchTemplateVersion,
    String instanceType,
    Duration bootTime,
    boolean detailedMonitoring,
    int minSize,
    int maxSize,
    int desiredCapacity,
    List<String> availabilityZones,
    Duration defaultCooldown,
    @Nullable Duration defaultInstanceWarmup,
    HealthCheckType healthCheckType,
    Duration healthCheckGracePeriod,
    List<TerminationPolicy> terminationPolicies,
    boolean newInstancesProtectedFromScaleIn,
    CapacityDistributionStrategy capacityDistributionStrategy,
    List<String> targetGroupNames,
    List<LifecycleHookSpec> lifecycleHookSpecifications,
    @Nullable MixedInstancesPolicy mixedInstancesPolicy,
    boolean capacityRebalance,
    @Nullable Duration maxInstanceLifetime) {

  /** The default cooldown: 300 s. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

  /**
   * Validates the way CreateAutoScalingGroup does (the components are described above).
   *
   * @param autoScalingGroupName unique within the twin
   * @param launchTemplateName the launch template name (default {@code lt-<group>}, made legal)
   * @param launchTemplateVersion its version (default {@code 1})
   * @param instanceType the instance type launched (default {@code t3.micro})
   * @param bootTime how long a new instance stays pending (default 30 s, EC2's fake choice)
   * @param detailedMonitoring 1-minute CPU datapoints (true) or 5-minute basic ones (default false)
   * @param minSize at least 0
   * @param maxSize at least minSize
   * @param desiredCapacity in [minSize, maxSize]; defaults to minSize
   * @param availabilityZones the enabled zones, at least one, no repeats
   * @param defaultCooldown default 300 s; gates simple policies only
   * @param defaultInstanceWarmup null (none, the default) or zero or more
   * @param healthCheckType EC2 (default) or ELB
   * @param healthCheckGracePeriod default 0 s (the API default; the console uses 300 s)
   * @param terminationPolicies in order; default {@code [Default]}
   * @param newInstancesProtectedFromScaleIn protection given to new instances (default false)
   * @param capacityDistributionStrategy what to do when a zone's launches fail
   * @param targetGroupNames target groups new instances are registered with
   * @param lifecycleHookSpecifications lifecycle hooks the group has from its creation on
   * @param mixedInstancesPolicy the instance types it launches, or null (one, On-Demand)
   * @param capacityRebalance whether Capacity Rebalancing is on
   * @param maxInstanceLifetime null or zero (none), or at least 86,400 s
   */
  public AutoScalingGroupSpec {
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    Require.name("LaunchTemplateName", launchTemplateName);
    Require.name("LaunchTemplateVersion", launchTemplateVersion);
    InstanceType.of(instanceType);
    GroupSpecValidation.checkBootTime(bootTime);
    GroupSpecValidation.checkCapacity(minSize, maxSize, desiredCapacity);
    availabilityZones = GroupSpecValidation.availabilityZones(availabilityZones);
    Require.seconds("DefaultCooldown", defaultCooldown, 0, Require.INTEGER_SECONDS);
    GroupSpecValidation.checkWarmup(defaultInstanceWarmup);
    Require.notNull("HealthCheckType", healthCheckType);
    Require.seconds("HealthCheckGracePeriod", healthCheckGracePeriod, 0, Require.INTEGER_SECONDS);
    terminationPolicies = GroupSpecValidation.terminationPolicies(terminationPolicies);
    Require.notNull("CapacityDistributionStrategy", capacityDistributionStrategy);
    targetGroupNames = GroupSpecValidation.targetGroupNames(targetGroupNames);
    lifecycleHookSpecifications =
        GroupSpecValidation.lifecycleHooks(autoScalingGroupName, lifecycleHookSpecifications);
    GroupSpecValidation.checkMaxInstanceLifetime(maxInstanceLifetime);
  }

  /** The shortest MaxInstanceLifetime AWS accepts: 86,400 s (one day). */
  public static final Duration MIN_INSTANCE_LIFETIME = Duration.ofSeconds(86_400);

  /**
   * Checks MaxInstanceLifetime as CreateAutoScalingGroup and UpdateAutoScalingGroup do.
   *
   * @param lifetime null or zero (none), or whole seconds of at least 86,400
   * @throws ValidationException naming MaxInstanceLifetime otherwise
   */
  public static void checkMaxInstanceLifetime(@Nullable Duration lifetime) {
    GroupSpecValidation.checkMaxInstanceLifetime(lifetime);
  }

  /** {@return the MaxInstanceLifetime in force, or null when there is none (null or zero)} */
  public @Nullable Duration effectiveMaxInstanceLifetime() {
    return maxInstanceLifetime == null || maxInstanceLifetime.isZero() ? null : maxInstanceLifetime;
  }

  /** {@return the types the group may launch: the overrides' in priority order, or instanceType} */
  public List<String> instanceTypes() {
    if (mixedInstancesPolicy == null) return List.of(instanceType);
    return mixedInstancesPolicy.overrides().stream()
        .map(LaunchTemplateOverride::instanceType)
        .toList();
  }

  /**
   * {@return the capacity units an instance of {@code type} counts for: its weight, else 1}
   *
   * @param type the instance type
   */
  public int unitsOf(String type) {
    return mixedInstancesPolicy == null ? 1 : mixedInstancesPolicy.unitsOf(type);
  }

  /** {@return a builder; {@code autoScalingGroupName}, sizes and zones are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this spec's values} */
  public Builder toBuilder() {
    return GroupSpecCopy.toBuilder(this);
  }

  /** Builds {@link AutoScalingGroupSpec}s with AWS's defaults. Not thread-safe. */
  public static final class Builder {
    private @Nullable String autoScalingGroupName;
    private @Nullable String launchTemplateName;
    private String launchTemplateVersion = "1";
    private String instanceType = "t3.micro";
    private Duration bootTime = Duration.ofSeconds(30);
    private boolean detailedMonitoring;
    private @Nullable Integer minSize;
    private @Nullable Integer maxSize;
    private @Nullable Integer desiredCapacity;
    private List<String> availabilityZones = new ArrayList<>();
    private Duration defaultCooldown = DEFAULT_COOLDOWN;
    private @Nullable Duration defaultInstanceWarmup;
    private HealthCheckType healthCheckType = HealthCheckType.EC2;
    private Duration healthCheckGracePeriod = Duration.ZERO;
    private List<TerminationPolicy> terminationPolicies = new ArrayList<>();
    private boolean newInstancesProtectedFromScaleIn;
    private CapacityDistributionStrategy capacityDistributionStrategy =
        CapacityDistributionStrategy.BALANCED_BEST_EFFORT;
    private List<String> targetGroupNames = new ArrayList<>();
    private List<LifecycleHookSpec> lifecycleHookSpecifications = new ArrayList<>();
    private @Nullable MixedInstancesPolicy mixedInstancesPolicy;
    private boolean capacityRebalance;
    private @Nullable Duration maxInstanceLifetime;

    private Builder() {}

    /**
     * {@return this builder with the group name}
     *
     * @param name the group name
     */
    public Builder autoScalingGroupName(String name) {
      this.autoScalingGroupName = name;
      return this;
    }

    /**
     * {@return this builder with the launch template and version new instances use}
     *
     * @param name the name
     * @param version the version
     */
    public Builder launchTemplate(String name, String version) {
      this.launchTemplateName = name;
      this.launchTemplateVersion = version;
      return this;
    }

    /**
     * {@return this builder with the instance type}
     *
     * @param instanceType the instance type
     */
    public Builder instanceType(String instanceType) {
      this.instanceType = instanceType;
      return this;
    }

    /**
     * {@return this builder with how long a new instance stays pending (default 30 s)}
     *
     * @param bootTime how long a new instance stays pending
     */
    public Builder bootTime(Duration bootTime) {
      this.bootTime = bootTime;
      return this;
    }

    /**
     * {@return this builder with 1-minute CPU datapoints (true) or 5-minute ones (default)}
     *
     * @param detailedMonitoring 1-minute CPU datapoints
     */
    public Builder detailedMonitoring(boolean detailedMonitoring) {
      this.detailedMonitoring = detailedMonitoring;
      return this;
    }

    /**
     * {@return this builder with MinSize}
     *
     * @param minSize MinSize
     */
    public Builder minSize(int minSize) {
      this.minSize = minSize;
      return this;
    }

    /**
     * {@return this builder with MaxSize}
     *
     * @param maxSize MaxSize
     */
    public Builder maxSize(int maxSize) {
      this.maxSize = maxSize;
      return this;
    }

    /**
     * {@return this builder with DesiredCapacity (default MinSize)}
     *
     * @param desiredCapacity DesiredCapacity (default MinSize)
     */
    public Builder desiredCapacity(int desiredCapacity) {
      this.desiredCapacity = desiredCapacity;
      return this;
    }

    /**
     * {@return this builder with the enabled zones}
     *
     * @param zones the enabled zones
     */
    public Builder availabilityZones(String... zones) {
      this.availabilityZones =
          new ArrayList<>(java.util.Arrays.asList(Require.notNull("AvailabilityZones", zones)));
      return this;
    }

    /**
     * {@return this builder with DefaultCooldown (default 300 s)}
     *
     * @param defaultCooldown DefaultCooldown (default 300 s)
     */
    public Builder defaultCooldown(Duration defaultCooldown) {
      this.defaultCooldown = defaultCooldown;
      return this;
    }

    /**
     * {@return this builder with DefaultInstanceWarmup (default none)}
     *
     * @param warmup DefaultInstanceWarmup (default none)
     */
    public Builder defaultInstanceWarmup(@Nullable Duration warmup) {
      this.defaultInstanceWarmup = warmup;
      return this;
    }

    /**
     * {@return this builder with HealthCheckType (default EC2)}
     *
     * @param type HealthCheckType (default EC2)
     */
    public Builder healthCheckType(HealthCheckType type) {
      this.healthCheckType = type;
      return this;
    }

    /**
     * {@return this builder with HealthCheckGracePeriod (default 0)}
     *
     * @param grace HealthCheckGracePeriod (default 0)
     */
    public Builder healthCheckGracePeriod(Duration grace) {
      this.healthCheckGracePeriod = grace;
      return this;
    }

    /**
     * {@return this builder with TerminationPolicies, in order}
     *
     * @param policies TerminationPolicies, in order
     */
    public Builder terminationPolicies(TerminationPolicy... policies) {
      this.terminationPolicies =
          new ArrayList<>(
              java.util.Arrays.asList(Require.notNull("TerminationPolicies", policies)));
      return this;
    }

    /**
     * {@return this builder with NewInstancesProtectedFromScaleIn (default false)}
     *
     * @param protect NewInstancesProtectedFromScaleIn
     */
    public Builder newInstancesProtectedFromScaleIn(boolean protect) {
      this.newInstancesProtectedFromScaleIn = protect;
      return this;
    }

    /**
     * {@return this builder with AvailabilityZoneDistribution.CapacityDistributionStrategy}
     *
     * @param strategy AvailabilityZoneDistribution.CapacityDistributionStrategy
     */
    public Builder capacityDistributionStrategy(CapacityDistributionStrategy strategy) {
      this.capacityDistributionStrategy = strategy;
      return this;
    }

    /**
     * {@return this builder with target groups (by name) new instances are registered with}
     *
     * @param names target groups (by name) new instances are registered with
     */
    public Builder targetGroupNames(String... names) {
      this.targetGroupNames =
          new ArrayList<>(java.util.Arrays.asList(Require.notNull("TargetGroupARNs", names)));
      return this;
    }

    /**
     * {@return this builder with the hooks the group has from its creation on, as
     * LifecycleHookSpecificationList: its first instances already wait in {@code Pending:Wait}}
     *
     * @param hooks hooks naming this group, such as {@code LifecycleHookSpec.of("boot", "web",
     *     LifecycleTransition.LAUNCHING)}, replacing those given before
     */
    public Builder lifecycleHookSpecifications(LifecycleHookSpec... hooks) {
      this.lifecycleHookSpecifications =
          new ArrayList<>(Require.elements("LifecycleHookSpecificationList", hooks));
      return this;
    }

    /**
     * {@return this builder with the instance types to launch (MixedInstancesPolicy), replacing
     * {@code instanceType}: the group launches the first override EC2 has capacity for in the zone,
     * and with weights counts each instance by its weight}
     *
     * @param policy the policy, or null for one instance type
     */
    public Builder mixedInstancesPolicy(@Nullable MixedInstancesPolicy policy) {
      this.mixedInstancesPolicy = policy;
      return this;
    }

    /**
     * {@return this builder with CapacityRebalance: whether the group replaces a Spot Instance that
     * receives a rebalance recommendation, launching the replacement first (default false)}
     *
     * @param capacityRebalance whether Capacity Rebalancing is on
     */
    public Builder capacityRebalance(boolean capacityRebalance) {
      this.capacityRebalance = capacityRebalance;
      return this;
    }

    /**
     * {@return this builder with MaxInstanceLifetime: older instances are replaced, one at a time}
     *
     * @param lifetime at least 86,400 s, or zero or null for none
     */
    public Builder maxInstanceLifetime(@Nullable Duration lifetime) {
      this.maxInstanceLifetime = lifetime;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public AutoScalingGroupSpec build() {
      String name = Require.name("AutoScalingGroupName", autoScalingGroupName);
      int min = Require.notNull("MinSize", minSize);
      int max = Require.notNull("MaxSize", maxSize);
      return new AutoScalingGroupSpec(
          name,
          launchTemplateName == null ? LaunchTemplateNames.implicit(name) : launchTemplateName,
          launchTemplateVersion,
          mixedInstancesPolicy == null
              ? instanceType
              : mixedInstancesPolicy.overrides().get(0).instanceType(),
          bootTime,
          detailedMonitoring,
          min,
          max,
          desiredCapacity == null ? min : desiredCapacity,
          availabilityZones,
          defaultCooldown,
          defaultInstanceWarmup,
          healthCheckType,
          healthCheckGracePeriod,
          terminationPolicies,
          newInstancesProtectedFromScaleIn,
          capacityDistributionStrategy,
          targetGroupNames,
          lifecycleHookSpecifications,
          mixedInstancesPolicy,
          capacityRebalance,
          maxInstanceLifetime);
    }
  }
}
