package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An Auto Scaling group as {@code CreateAutoScalingGroup} takes it: launch settings, capacity
 * limits, zones, cooldown, health checks, termination policies, target groups and the lifecycle
 * hooks it starts with.
 *
 * @param autoScalingGroupName unique within the twin
 * @param launchTemplateName the launch template name (default {@code lt-<group>})
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
    Duration defaultInstanceWarmup,
    HealthCheckType healthCheckType,
    Duration healthCheckGracePeriod,
    List<TerminationPolicy> terminationPolicies,
    boolean newInstancesProtectedFromScaleIn,
    CapacityDistributionStrategy capacityDistributionStrategy,
    List<String> targetGroupNames,
    List<LifecycleHookSpec> lifecycleHookSpecifications,
    MixedInstancesPolicy mixedInstancesPolicy,
    boolean capacityRebalance,
    Duration maxInstanceLifetime) {

  /** The default cooldown: 300 s. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

  /**
   * Validates the way CreateAutoScalingGroup does.
   *
   * @param autoScalingGroupName unique within the twin
   * @param launchTemplateName the launch template name (default {@code lt-<group>})
   * @param launchTemplateVersion its version (default {@code 1})
   * @param instanceType the instance type launched (default {@code t3.micro}); with a mixed
   *     instances policy, its first override's type
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
   *     apply to its first launches (LifecycleHookSpecificationList); each names this group, no
   *     hook name twice
   * @param mixedInstancesPolicy the instance types it launches, with weights and the distribution,
   *     or null (one type, {@code instanceType}, On-Demand)
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
    if (defaultInstanceWarmup != null) {
      Require.seconds("DefaultInstanceWarmup", defaultInstanceWarmup, 0, Require.INTEGER_SECONDS);
    }
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
  public static void checkMaxInstanceLifetime(Duration lifetime) {
    GroupSpecValidation.checkMaxInstanceLifetime(lifetime);
  }

  /** {@return the MaxInstanceLifetime in force, or null when there is none (null or zero)} */
  public Duration effectiveMaxInstanceLifetime() {
    return maxInstanceLifetime == null || maxInstanceLifetime.isZero() ? null : maxInstanceLifetime;
  }

  /**
   * {@return the instance types the group may launch: the overrides' in priority order, else {@code
   * instanceType}}
   */
  public List<String> instanceTypes() {
    if (mixedInstancesPolicy == null) return List.of(instanceType);
    return mixedInstancesPolicy.overrides().stream()
        .map(LaunchTemplateOverride::instanceType)
        .toList();
  }

  /**
   * The capacity units an instance of {@code type} counts toward desired capacity.
   *
   * @param type the instance type
   * @return its weight, or 1 without weights
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
    Builder b = new Builder();
    b.autoScalingGroupName = autoScalingGroupName;
    b.launchTemplateName = launchTemplateName;
    b.launchTemplateVersion = launchTemplateVersion;
    b.instanceType = instanceType;
    b.bootTime = bootTime;
    b.detailedMonitoring = detailedMonitoring;
    b.minSize = minSize;
    b.maxSize = maxSize;
    b.desiredCapacity = desiredCapacity;
    b.availabilityZones = new ArrayList<>(availabilityZones);
    b.defaultCooldown = defaultCooldown;
    b.defaultInstanceWarmup = defaultInstanceWarmup;
    b.healthCheckType = healthCheckType;
    b.healthCheckGracePeriod = healthCheckGracePeriod;
    b.terminationPolicies = new ArrayList<>(terminationPolicies);
    b.newInstancesProtectedFromScaleIn = newInstancesProtectedFromScaleIn;
    b.capacityDistributionStrategy = capacityDistributionStrategy;
    b.targetGroupNames = new ArrayList<>(targetGroupNames);
    b.lifecycleHookSpecifications = new ArrayList<>(lifecycleHookSpecifications);
    b.mixedInstancesPolicy = mixedInstancesPolicy;
    b.capacityRebalance = capacityRebalance;
    b.maxInstanceLifetime = maxInstanceLifetime;
    return b;
  }

  /** Builds {@link AutoScalingGroupSpec}s with AWS's defaults. Not thread-safe. */
  public static final class Builder {
    private String autoScalingGroupName;
    private String launchTemplateName;
    private String launchTemplateVersion = "1";
    private String instanceType = "t3.micro";
    private Duration bootTime = Duration.ofSeconds(30);
    private boolean detailedMonitoring;
    private Integer minSize;
    private Integer maxSize;
    private Integer desiredCapacity;
    private List<String> availabilityZones = new ArrayList<>();
    private Duration defaultCooldown = DEFAULT_COOLDOWN;
    private Duration defaultInstanceWarmup;
    private HealthCheckType healthCheckType = HealthCheckType.EC2;
    private Duration healthCheckGracePeriod = Duration.ZERO;
    private List<TerminationPolicy> terminationPolicies = new ArrayList<>();
    private boolean newInstancesProtectedFromScaleIn;
    private CapacityDistributionStrategy capacityDistributionStrategy =
        CapacityDistributionStrategy.BALANCED_BEST_EFFORT;
    private List<String> targetGroupNames = new ArrayList<>();
    private List<LifecycleHookSpec> lifecycleHookSpecifications = new ArrayList<>();
    private MixedInstancesPolicy mixedInstancesPolicy;
    private boolean capacityRebalance;
    private Duration maxInstanceLifetime;

    private Builder() {}

    /**
     * The group name.
     *
     * @param name the group name
     * @return this builder
     */
    public Builder autoScalingGroupName(String name) {
      this.autoScalingGroupName = name;
      return this;
    }

    /**
     * The launch template and version new instances use.
     *
     * @param name the name
     * @param version the version
     * @return this builder
     */
    public Builder launchTemplate(String name, String version) {
      this.launchTemplateName = name;
      this.launchTemplateVersion = version;
      return this;
    }

    /**
     * The instance type.
     *
     * @param instanceType the instance type
     * @return this builder
     */
    public Builder instanceType(String instanceType) {
      this.instanceType = instanceType;
      return this;
    }

    /**
     * How long a new instance stays pending.
     *
     * @param bootTime how long a new instance stays pending
     * @return this builder
     */
    public Builder bootTime(Duration bootTime) {
      this.bootTime = bootTime;
      return this;
    }

    /**
     * 1-minute CPU datapoints.
     *
     * @param detailedMonitoring 1-minute CPU datapoints
     * @return this builder
     */
    public Builder detailedMonitoring(boolean detailedMonitoring) {
      this.detailedMonitoring = detailedMonitoring;
      return this;
    }

    /**
     * MinSize.
     *
     * @param minSize MinSize
     * @return this builder
     */
    public Builder minSize(int minSize) {
      this.minSize = minSize;
      return this;
    }

    /**
     * MaxSize.
     *
     * @param maxSize MaxSize
     * @return this builder
     */
    public Builder maxSize(int maxSize) {
      this.maxSize = maxSize;
      return this;
    }

    /**
     * DesiredCapacity (default MinSize).
     *
     * @param desiredCapacity DesiredCapacity (default MinSize)
     * @return this builder
     */
    public Builder desiredCapacity(int desiredCapacity) {
      this.desiredCapacity = desiredCapacity;
      return this;
    }

    /**
     * The enabled zones.
     *
     * @param zones the enabled zones
     * @return this builder
     */
    public Builder availabilityZones(String... zones) {
      this.availabilityZones =
          new ArrayList<>(java.util.Arrays.asList(Require.notNull("AvailabilityZones", zones)));
      return this;
    }

    /**
     * DefaultCooldown (default 300 s).
     *
     * @param defaultCooldown DefaultCooldown (default 300 s)
     * @return this builder
     */
    public Builder defaultCooldown(Duration defaultCooldown) {
      this.defaultCooldown = defaultCooldown;
      return this;
    }

    /**
     * DefaultInstanceWarmup (default none).
     *
     * @param warmup DefaultInstanceWarmup (default none)
     * @return this builder
     */
    public Builder defaultInstanceWarmup(Duration warmup) {
      this.defaultInstanceWarmup = warmup;
      return this;
    }

    /**
     * HealthCheckType (default EC2).
     *
     * @param type HealthCheckType (default EC2)
     * @return this builder
     */
    public Builder healthCheckType(HealthCheckType type) {
      this.healthCheckType = type;
      return this;
    }

    /**
     * HealthCheckGracePeriod (default 0).
     *
     * @param grace HealthCheckGracePeriod (default 0)
     * @return this builder
     */
    public Builder healthCheckGracePeriod(Duration grace) {
      this.healthCheckGracePeriod = grace;
      return this;
    }

    /**
     * TerminationPolicies, in order.
     *
     * @param policies TerminationPolicies, in order
     * @return this builder
     */
    public Builder terminationPolicies(TerminationPolicy... policies) {
      this.terminationPolicies =
          new ArrayList<>(
              java.util.Arrays.asList(Require.notNull("TerminationPolicies", policies)));
      return this;
    }

    /**
     * NewInstancesProtectedFromScaleIn.
     *
     * @param protect NewInstancesProtectedFromScaleIn
     * @return this builder
     */
    public Builder newInstancesProtectedFromScaleIn(boolean protect) {
      this.newInstancesProtectedFromScaleIn = protect;
      return this;
    }

    /**
     * AvailabilityZoneDistribution.CapacityDistributionStrategy.
     *
     * @param strategy AvailabilityZoneDistribution.CapacityDistributionStrategy
     * @return this builder
     */
    public Builder capacityDistributionStrategy(CapacityDistributionStrategy strategy) {
      this.capacityDistributionStrategy = strategy;
      return this;
    }

    /**
     * Target groups (by name) new instances are registered with.
     *
     * @param names target groups (by name) new instances are registered with
     * @return this builder
     */
    public Builder targetGroupNames(String... names) {
      this.targetGroupNames =
          new ArrayList<>(java.util.Arrays.asList(Require.notNull("TargetGroupARNs", names)));
      return this;
    }

    /**
     * Lifecycle hooks the group has from its creation on, as CreateAutoScalingGroup's
     * LifecycleHookSpecificationList: its first instances already wait in {@code Pending:Wait}.
     * Each hook names this group, e.g. {@code LifecycleHookSpec.of("boot", "web",
     * LifecycleTransition.LAUNCHING)}; replaces hooks given before.
     *
     * @param hooks the hooks, validated as PutLifecycleHook validates them
     * @return this builder
     */
    public Builder lifecycleHookSpecifications(LifecycleHookSpec... hooks) {
      this.lifecycleHookSpecifications =
          new ArrayList<>(Require.elements("LifecycleHookSpecificationList", hooks));
      return this;
    }

    /**
     * The instance types to launch (MixedInstancesPolicy), replacing {@code instanceType}: the
     * group launches the first override EC2 has capacity for in the zone, and with weights counts
     * each instance by its weight.
     *
     * @param policy the policy, or null for one instance type
     * @return this builder
     */
    public Builder mixedInstancesPolicy(MixedInstancesPolicy policy) {
      this.mixedInstancesPolicy = policy;
      return this;
    }

    /**
     * CapacityRebalance: whether the group replaces a Spot Instance that receives a rebalance
     * recommendation, launching the replacement first (default false).
     *
     * @param capacityRebalance whether Capacity Rebalancing is on
     * @return this builder
     */
    public Builder capacityRebalance(boolean capacityRebalance) {
      this.capacityRebalance = capacityRebalance;
      return this;
    }

    /**
     * MaxInstanceLifetime: instances older than this are replaced, one at a time (default none).
     *
     * @param lifetime at least 86,400 s, or zero or null for none
     * @return this builder
     */
    public Builder maxInstanceLifetime(Duration lifetime) {
      this.maxInstanceLifetime = lifetime;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public AutoScalingGroupSpec build() {
      Require.name("AutoScalingGroupName", autoScalingGroupName);
      if (minSize == null) throw new ValidationException("MinSize", null, "a value is required");
      if (maxSize == null) throw new ValidationException("MaxSize", null, "a value is required");
      return new AutoScalingGroupSpec(
          autoScalingGroupName,
          launchTemplateName == null ? "lt-" + autoScalingGroupName : launchTemplateName,
          launchTemplateVersion,
          mixedInstancesPolicy == null
              ? instanceType
              : mixedInstancesPolicy.overrides().get(0).instanceType(),
          bootTime,
          detailedMonitoring,
          minSize,
          maxSize,
          desiredCapacity == null ? minSize : desiredCapacity,
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
