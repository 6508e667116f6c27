package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.SpotPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which a mixed-instances group's launch in one zone tries its instance types: by the
 * On-Demand allocation strategy for an On-Demand launch, by the Spot allocation strategy over the
 * zone's Spot pools for a Spot launch (docs/autoscaling.md, "Mixed instances and Spot").
 */
final class SpotAllocation {

  private SpotAllocation() {}

  /** One override's pool in the zone, as the strategies rank it. */
  private record Pool(
      String type, int priority, double pricePerUnit, int free, int units, int held) {
    boolean fits(int unitsToGo) {
      return (long) free * units >= unitsToGo;
    }
  }

  /**
   * The On-Demand order: the overrides' (prioritized) or by On-Demand price per unit (lowest-price;
   * ties keep the overrides' order).
   */
  static List<String> onDemandOrder(AutoScalingGroupSpec spec, Ec2 ec2) {
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    if (p == null || p.onDemandAllocationStrategy() == OnDemandAllocationStrategy.PRIORITIZED)
      return spec.instanceTypes();
    List<LaunchTemplateOverride> os = new ArrayList<>(p.overrides());
    os.sort(Comparator.comparingDouble(o -> ec2.onDemandPrice(o.instanceType()) / o.units()));
    return os.stream().map(LaunchTemplateOverride::instanceType).toList();
  }

  /**
   * The Spot order in {@code zone}: the pools with a free place and a price per unit at most the
   * maximum (SpotMaxPrice, else the type's On-Demand price per unit), ranked by the strategy.
   *
   * @param unitsToGo the capacity units of this scaling activity's batch the zone takes
   * @param held the group's Spot Instances per instance type in the zone
   */
  static List<String> spotOrder(
      MixedInstancesPolicy p, String zone, int unitsToGo, Ec2 ec2, Map<String, Integer> held) {
    List<Pool> pools = new ArrayList<>();
    List<LaunchTemplateOverride> os = p.overrides();
    for (int i = 0; i < os.size(); i++) {
      LaunchTemplateOverride o = os.get(i);
      SpotPool pool = ec2.spotPool(zone, o.instanceType());
      int free = ec2.spotCapacityAvailable(zone, o.instanceType());
      double perUnit = pool.spotPrice() / o.units();
      double max =
          p.spotMaxPrice() != null
              ? p.spotMaxPrice()
              : ec2.onDemandPrice(o.instanceType()) / o.units();
      if (free == 0 || perUnit > max) continue;
      pools.add(
          new Pool(
              o.instanceType(),
              i,
              perUnit,
              free,
              o.units(),
              held.getOrDefault(o.instanceType(), 0)));
    }
    Comparator<Pool> byPrice =
        Comparator.comparingDouble(Pool::pricePerUnit).thenComparingInt(Pool::priority);
    Comparator<Pool> byFree = Comparator.comparingInt(Pool::free).reversed();
    Comparator<Pool> fitsFirst = Comparator.comparing((Pool x) -> !x.fits(unitsToGo));
    switch (p.spotAllocationStrategy()) {
      case CAPACITY_OPTIMIZED -> pools.sort(byFree.thenComparing(byPrice));
      case PRICE_CAPACITY_OPTIMIZED ->
          pools.sort(
              fitsFirst.thenComparing(
                  (a, b) ->
                      a.fits(unitsToGo)
                          ? byPrice.compare(a, b)
                          : byFree.thenComparing(byPrice).compare(a, b)));
      case CAPACITY_OPTIMIZED_PRIORITIZED ->
          pools.sort(
              fitsFirst.thenComparing(
                  (a, b) ->
                      a.fits(unitsToGo)
                          ? Integer.compare(a.priority(), b.priority())
                          : byFree.thenComparingInt(Pool::priority).compare(a, b)));
      case LOWEST_PRICE -> {
        pools.sort(byPrice);
        int n = Math.min(p.effectiveSpotInstancePools(), pools.size());
        List<Pool> chosen = new ArrayList<>(pools.subList(0, n));
        chosen.sort(Comparator.comparingInt(Pool::held).thenComparing(byPrice));
        List<Pool> rest = new ArrayList<>(pools.subList(n, pools.size()));
        pools = new ArrayList<>(chosen);
        pools.addAll(rest);
      }
      default -> throw new IllegalStateException(String.valueOf(p.spotAllocationStrategy()));
    }
    return pools.stream().map(Pool::type).toList();
  }
}
