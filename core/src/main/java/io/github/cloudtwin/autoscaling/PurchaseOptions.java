package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.PurchaseOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The On-Demand and Spot split of one group's capacity under its mixed instances policy: which
 * purchase option the next launch takes and in which order it tries the instance types, and which
 * option a scale-in takes from first. During an instance refresh the refresh phase's policy decides
 * ({@link GroupContext#launchSpec()}).
 */
final class PurchaseOptions {

  private final GroupState state;
  private final GroupContext group;
  private final Ec2 ec2;

  PurchaseOptions(GroupState state, GroupContext group, Ec2 ec2) {
    this.state = state;
    this.group = group;
    this.ec2 = ec2;
  }

  /**
   * The On-Demand or Spot purchase option of the next launch: On-Demand while the On-Demand units
   * are below the policy's share of desired capacity, else Spot.
   */
  PurchaseOption nextPurchaseOption() {
    AutoScalingGroupSpec spec = group.launchSpec();
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    if (p == null || !p.usesSpot()) return PurchaseOption.ON_DEMAND;
    int onDemand = 0;
    for (Member m : state.members.values())
      if (m.counts() && m.purchaseOption == PurchaseOption.ON_DEMAND) onDemand += m.weight;
    return onDemand < p.onDemandUnits(spec.desiredCapacity())
        ? PurchaseOption.ON_DEMAND
        : PurchaseOption.SPOT;
  }

  /**
   * The instance types a launch bought as {@code option} tries in {@code zone}, in order (see
   * {@link SpotAllocation}); {@code unitsToGo} are the units of the batch the zone takes.
   */
  List<String> instanceTypes(PurchaseOption option, String zone, int unitsToGo) {
    AutoScalingGroupSpec spec = group.launchSpec();
    return option == PurchaseOption.SPOT
        ? SpotAllocation.spotOrder(
            Objects.requireNonNull(spec.mixedInstancesPolicy(), "only a mixed policy buys Spot"),
            zone,
            unitsToGo,
            ec2,
            spotHeld(zone))
        : SpotAllocation.onDemandOrder(spec, ec2);
  }

  /** The group's counting Spot Instances per instance type in {@code zone}. */
  private Map<String, Integer> spotHeld(String zone) {
    Map<String, Integer> held = new HashMap<>();
    for (Member m : state.members.values()) {
      if (m.counts() && m.purchaseOption == PurchaseOption.SPOT && m.zone.equals(zone))
        held.merge(m.instanceType, 1, Integer::sum);
    }
    return held;
  }

  /**
   * With Spot members, the purchase option a scale-in takes from first: the one above its share of
   * the new desired capacity (AWS's Default termination policy for mixed instances groups aligns
   * the remaining instances to the distribution first); null without Spot members.
   */
  @Nullable PurchaseOption optionToShed() {
    AutoScalingGroupSpec spec = group.launchSpec();
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    if (p == null) return null;
    int onDemand = 0;
    int spot = 0;
    for (Member m : state.members.values()) {
      if (!m.counts() || m.terminationStarted) continue;
      if (m.purchaseOption == PurchaseOption.SPOT) spot += m.weight;
      else onDemand += m.weight;
    }
    return optionToShed(onDemand, spot);
  }

  /**
   * {@link #optionToShed()} for members that count and are not yet terminating of {@code
   * onDemandUnits} On-Demand and {@code spotUnits} Spot capacity units.
   */
  @Nullable PurchaseOption optionToShed(int onDemandUnits, int spotUnits) {
    AutoScalingGroupSpec spec = group.launchSpec();
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    if (p == null || spotUnits == 0) return null;
    return onDemandUnits > p.onDemandUnits(spec.desiredCapacity())
        ? PurchaseOption.ON_DEMAND
        : PurchaseOption.SPOT;
  }
}
