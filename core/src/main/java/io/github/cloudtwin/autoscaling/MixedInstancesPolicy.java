package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A group's MixedInstancesPolicy: the instance types it may launch (the launch template's
 * overrides, in priority order, with optional weights) and the instances distribution: how much of
 * the capacity is On-Demand and how On-Demand and Spot launches pick their instance type.
 *
 * <p>The On-Demand share of a desired capacity {@code D} (units) is {@code min(D, base) + ceil((D -
 * base) x percent / 100)}; the rest is Spot. With weights, desired, minimum and maximum capacity
 * are capacity units; the group launches until its units reach desired, so it may exceed desired by
 * less than the largest weight, and scales in only while it stays at or above desired (EC2 Auto
 * Scaling User Guide, "Configure an Auto Scaling group to use instance weights"; "Allocation
 * strategies for multiple instance types").
 *
 * @param overrides 1 to 40 instance types, each at most once, in priority order; either every
 *     override has a weight or none has
 * @param onDemandAllocationStrategy {@code prioritized} (the default) or {@code lowest-price}
 * @param onDemandBaseCapacity units launched On-Demand before the percentage applies, 0 or more
 *     (default 0)
 * @param onDemandPercentageAboveBaseCapacity 0 to 100 (default 100: no Spot)
 * @param spotAllocationStrategy how Spot launches pick their pool (default {@code lowest-price},
 *     the API's default)
 * @param spotInstancePools with {@code lowest-price} only: how many of the cheapest pools of a zone
 *     the Spot Instances spread over, 1 to 20, or null (2, AWS's default)
 * @param spotMaxPrice the most to pay per instance-hour for Spot, greater than 0, or null (the
 *     On-Demand price, AWS's default); pools priced above it are not used
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MixedInstancesPolicy(
    List<LaunchTemplateOverride> overrides,
    OnDemandAllocationStrategy onDemandAllocationStrategy,
    int onDemandBaseCapacity,
    int onDemandPercentageAboveBaseCapacity,
    SpotAllocationStrategy spotAllocationStrategy,
    @Nullable Integer spotInstancePools,
    @Nullable Double spotMaxPrice) {

  /** AWS's limit on the instance types of one group. */
  public static final int MAX_OVERRIDES = 40;

  /**
   * Validates the way CreateAutoScalingGroup does.
   *
   * @param overrides 1 to 40 instance types, each at most once, in priority order; either every
   *     override has a weight or none has
   * @param onDemandAllocationStrategy {@code prioritized} or {@code lowest-price}
   * @param onDemandBaseCapacity 0 or more
   * @param onDemandPercentageAboveBaseCapacity 0 to 100
   * @param spotAllocationStrategy the Spot allocation strategy
   * @param spotInstancePools 1 to 20 with {@code lowest-price}, else null
   * @param spotMaxPrice greater than 0 and at most 1,000, or null
   */
  public MixedInstancesPolicy {
    overrides = Require.elements("Overrides", overrides);
    if (overrides.isEmpty() || overrides.size() > MAX_OVERRIDES) {
      throw new ValidationException(
          "Overrides", overrides.size() + " overrides", "between 1 and 40 instance types");
    }
    Set<String> types = new HashSet<>();
    boolean weighted = overrides.get(0).weightedCapacity() != null;
    for (int i = 0; i < overrides.size(); i++) {
      LaunchTemplateOverride o = overrides.get(i);
      if (!types.add(o.instanceType())) {
        throw new ValidationException(
            "Overrides[" + i + "].InstanceType",
            o.instanceType(),
            "each instance type at most once");
      }
      if ((o.weightedCapacity() != null) != weighted) {
        throw new ValidationException(
            "Overrides[" + i + "].WeightedCapacity",
            o.weightedCapacity(),
            "a WeightedCapacity for every override or for none (Overrides[0] "
                + (weighted ? "has one" : "has none")
                + ")");
      }
    }
    Require.notNull("OnDemandAllocationStrategy", onDemandAllocationStrategy);
    Require.notNegative("OnDemandBaseCapacity", onDemandBaseCapacity);
    Require.between(
        "OnDemandPercentageAboveBaseCapacity", onDemandPercentageAboveBaseCapacity, 0, 100);
    Require.notNull("SpotAllocationStrategy", spotAllocationStrategy);
    if (spotInstancePools != null) {
      if (spotAllocationStrategy != SpotAllocationStrategy.LOWEST_PRICE) {
        throw new ValidationException(
            "SpotInstancePools",
            spotInstancePools,
            "no value with SpotAllocationStrategy "
                + spotAllocationStrategy
                + " (valid only with lowest-price)");
      }
      Require.between("SpotInstancePools", spotInstancePools, 1, 20);
    }
    if (spotMaxPrice != null && (!(spotMaxPrice > 0) || spotMaxPrice > 1000)) {
      throw new ValidationException(
          "SpotMaxPrice", spotMaxPrice, "a price in USD per hour greater than 0 and at most 1000");
    }
  }

  /**
   * An On-Demand-only policy (the form before Spot was modelled).
   *
   * @param overrides the overrides, highest priority first
   * @param onDemandAllocationStrategy the On-Demand allocation strategy
   * @param onDemandBaseCapacity 0 or more
   * @param onDemandPercentageAboveBaseCapacity 0 to 100
   */
  public MixedInstancesPolicy(
      List<LaunchTemplateOverride> overrides,
      OnDemandAllocationStrategy onDemandAllocationStrategy,
      int onDemandBaseCapacity,
      int onDemandPercentageAboveBaseCapacity) {
    this(
        overrides,
        onDemandAllocationStrategy,
        onDemandBaseCapacity,
        onDemandPercentageAboveBaseCapacity,
        SpotAllocationStrategy.LOWEST_PRICE,
        null,
        null);
  }

  /**
   * A prioritized, all On-Demand policy over these overrides.
   *
   * @param overrides the overrides, highest priority first
   * @return the policy
   */
  public static MixedInstancesPolicy prioritized(LaunchTemplateOverride... overrides) {
    return new MixedInstancesPolicy(
        Require.elements("Overrides", overrides), OnDemandAllocationStrategy.PRIORITIZED, 0, 100);
  }

  /**
   * This policy with another On-Demand base capacity.
   *
   * @param units the base, in capacity units
   * @return this policy with another On-Demand base capacity
   */
  public MixedInstancesPolicy withOnDemandBaseCapacity(int units) {
    return new MixedInstancesPolicy(
        overrides,
        onDemandAllocationStrategy,
        units,
        onDemandPercentageAboveBaseCapacity,
        spotAllocationStrategy,
        spotInstancePools,
        spotMaxPrice);
  }

  /**
   * This policy with another On-Demand percentage above the base (the rest is Spot).
   *
   * @param percent 0 to 100
   * @return this policy with another On-Demand percentage above the base
   */
  public MixedInstancesPolicy withOnDemandPercentageAboveBaseCapacity(int percent) {
    return new MixedInstancesPolicy(
        overrides,
        onDemandAllocationStrategy,
        onDemandBaseCapacity,
        percent,
        spotAllocationStrategy,
        spotInstancePools,
        spotMaxPrice);
  }

  /**
   * This policy with another On-Demand allocation strategy.
   *
   * @param strategy {@code prioritized} or {@code lowest-price}
   * @return this policy with that strategy
   */
  public MixedInstancesPolicy withOnDemandAllocationStrategy(OnDemandAllocationStrategy strategy) {
    return new MixedInstancesPolicy(
        overrides,
        strategy,
        onDemandBaseCapacity,
        onDemandPercentageAboveBaseCapacity,
        spotAllocationStrategy,
        spotInstancePools,
        spotMaxPrice);
  }

  /**
   * This policy with another Spot allocation strategy (and no SpotInstancePools unless it is {@code
   * lowest-price}, which keeps the pools given before).
   *
   * @param strategy the Spot allocation strategy
   * @return this policy with that strategy
   */
  public MixedInstancesPolicy withSpotAllocationStrategy(SpotAllocationStrategy strategy) {
    return new MixedInstancesPolicy(
        overrides,
        onDemandAllocationStrategy,
        onDemandBaseCapacity,
        onDemandPercentageAboveBaseCapacity,
        strategy,
        strategy == SpotAllocationStrategy.LOWEST_PRICE ? spotInstancePools : null,
        spotMaxPrice);
  }

  /**
   * This policy with {@code lowest-price} Spot allocation over {@code pools} pools.
   *
   * @param pools 1 to 20
   * @return this policy with that many pools
   */
  public MixedInstancesPolicy withSpotInstancePools(int pools) {
    return new MixedInstancesPolicy(
        overrides,
        onDemandAllocationStrategy,
        onDemandBaseCapacity,
        onDemandPercentageAboveBaseCapacity,
        SpotAllocationStrategy.LOWEST_PRICE,
        pools,
        spotMaxPrice);
  }

  /**
   * This policy with a maximum Spot price.
   *
   * @param usdPerHour greater than 0 and at most 1,000, or null for the On-Demand price
   * @return this policy with that maximum
   */
  public MixedInstancesPolicy withSpotMaxPrice(@Nullable Double usdPerHour) {
    return new MixedInstancesPolicy(
        overrides,
        onDemandAllocationStrategy,
        onDemandBaseCapacity,
        onDemandPercentageAboveBaseCapacity,
        spotAllocationStrategy,
        spotInstancePools,
        usdPerHour);
  }

  /** {@return the pools lowest-price spreads over: SpotInstancePools, or 2 (AWS's default)} */
  public int effectiveSpotInstancePools() {
    return spotInstancePools == null ? 2 : spotInstancePools;
  }

  /**
   * The On-Demand units of a group at {@code desiredCapacity} units: the base (at most desired),
   * plus the percentage of the rest, rounded up (the twin's reading: AWS gives no rounding rule,
   * the twin rounds in favour of On-Demand).
   *
   * @param desiredCapacity the desired capacity, in units
   * @return the On-Demand units; the rest is Spot
   */
  public int onDemandUnits(int desiredCapacity) {
    int base = Math.min(desiredCapacity, onDemandBaseCapacity);
    long above = (long) desiredCapacity - base;
    return base + (int) ((above * onDemandPercentageAboveBaseCapacity + 99) / 100);
  }

  /** {@return whether any capacity can be Spot: the percentage above the base is below 100} */
  public boolean usesSpot() {
    return onDemandPercentageAboveBaseCapacity < 100;
  }

  /** {@return whether the overrides carry weights} */
  public boolean weighted() {
    return overrides.get(0).weightedCapacity() != null;
  }

  /** {@return the largest number of units one instance counts} */
  public int largestWeight() {
    int w = 1;
    for (LaunchTemplateOverride o : overrides) w = Math.max(w, o.units());
    return w;
  }

  /**
   * The units an instance of {@code instanceType} counts: its override's weight, else 1 (AWS: an
   * instance of a type no longer listed keeps its last weight; the twin's overrides do not change).
   *
   * @param instanceType the instance type
   * @return the units it counts
   */
  public int unitsOf(String instanceType) {
    for (LaunchTemplateOverride o : overrides)
      if (o.instanceType().equals(instanceType)) return o.units();
    return 1;
  }
}
