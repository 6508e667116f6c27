package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The On-Demand part of a group's MixedInstancesPolicy: the instance types it may launch, in
 * priority order, with optional weights, and the On-Demand distribution. Spot Instances are not
 * simulated: every instance the group launches is On-Demand.
 *
 * <p>With {@link OnDemandAllocationStrategy#PRIORITIZED} a launch in a zone tries the overrides
 * in order and takes the first type EC2 has capacity for. With weights, desired, minimum and
 * maximum capacity are capacity units; the group launches until its units reach desired, so it
 * may exceed desired by less than the largest weight, and scales in only while it stays at or
 * above desired (EC2 Auto Scaling User Guide, "Configure an Auto Scaling group to use instance
 * weights").
 *
 * @param overrides 1 to 40 instance types, each at most once, in priority order; either every
 *     override has a weight or none has
 * @param onDemandAllocationStrategy {@link OnDemandAllocationStrategy#PRIORITIZED} (lowest-price
 *     needs instance prices, which the twin does not model)
 * @param onDemandBaseCapacity units launched On-Demand before the percentage applies, 0 or more
 *     (default 0)
 * @param onDemandPercentageAboveBaseCapacity 0 to 100 (default 100); below 100 AWS would launch
 *     the rest as Spot, which the twin launches On-Demand
 */
public record MixedInstancesPolicy(
    List<LaunchTemplateOverride> overrides,
    OnDemandAllocationStrategy onDemandAllocationStrategy,
    int onDemandBaseCapacity,
    int onDemandPercentageAboveBaseCapacity) {

  /**
   * Validates the way CreateAutoScalingGroup does for the On-Demand part.
   *
   * @param overrides 1 to 40 instance types, each at most once, in priority order; either every
   *     override has a weight or none has
   * @param onDemandAllocationStrategy {@link OnDemandAllocationStrategy#PRIORITIZED}
   * @param onDemandBaseCapacity 0 or more
   * @param onDemandPercentageAboveBaseCapacity 0 to 100
   */
  public MixedInstancesPolicy {
    overrides = Require.elements("Overrides", overrides);
    if (overrides.isEmpty() || overrides.size() > 40) {
      throw new ValidationException("Overrides", overrides.size() + " overrides", "between 1 and 40 instance types");
    }
    Set<String> types = new HashSet<>();
    boolean weighted = overrides.get(0).weightedCapacity() != null;
    for (int i = 0; i < overrides.size(); i++) {
      LaunchTemplateOverride o = overrides.get(i);
      if (!types.add(o.instanceType())) {
        throw new ValidationException("Overrides[" + i + "].InstanceType", o.instanceType(), "each instance type at most once");
      }
      if ((o.weightedCapacity() != null) != weighted) {
        throw new ValidationException("Overrides[" + i + "].WeightedCapacity", o.weightedCapacity(),
            "a WeightedCapacity for every override or for none (Overrides[0] " + (weighted ? "has one" : "has none") + ")");
      }
    }
    Require.notNull("OnDemandAllocationStrategy", onDemandAllocationStrategy);
    if (onDemandAllocationStrategy == OnDemandAllocationStrategy.LOWEST_PRICE) {
      throw new ValidationException("OnDemandAllocationStrategy", onDemandAllocationStrategy,
          "prioritized (the twin has no instance prices to rank lowest-price by; order the overrides instead)");
    }
    Require.notNegative("OnDemandBaseCapacity", onDemandBaseCapacity);
    Require.between("OnDemandPercentageAboveBaseCapacity", onDemandPercentageAboveBaseCapacity, 0, 100);
  }

  /**
   * A prioritized, all On-Demand policy over these overrides.
   *
   * @param overrides the overrides, highest priority first
   * @return the policy
   */
  public static MixedInstancesPolicy prioritized(LaunchTemplateOverride... overrides) {
    return new MixedInstancesPolicy(Require.elements("Overrides", overrides), OnDemandAllocationStrategy.PRIORITIZED, 0, 100);
  }

  /**
   * This policy with another On-Demand base capacity.
   *
   * @param units the base, in capacity units
   * @return this policy with another On-Demand base capacity
   */
  public MixedInstancesPolicy withOnDemandBaseCapacity(int units) {
    return new MixedInstancesPolicy(overrides, onDemandAllocationStrategy, units, onDemandPercentageAboveBaseCapacity);
  }

  /**
   * This policy with another On-Demand percentage above the base.
   *
   * @param percent 0 to 100
   * @return this policy with another On-Demand percentage above the base
   */
  public MixedInstancesPolicy withOnDemandPercentageAboveBaseCapacity(int percent) {
    return new MixedInstancesPolicy(overrides, onDemandAllocationStrategy, onDemandBaseCapacity, percent);
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
    for (LaunchTemplateOverride o : overrides) if (o.instanceType().equals(instanceType)) return o.units();
    return 1;
  }
}
