package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Kernel;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The twin's Spot market: one {@link SpotPool} per instance type and zone (set by the test, or
 * drawn once from the twin's seed), how many Spot Instances each pool holds now, and the On-Demand
 * prices. Guarded by the kernel lock.
 */
final class SpotMarket {

  /**
   * The default Spot price is this share of the On-Demand price, plus up to {@link #PRICE_SPREAD}.
   */
  static final double PRICE_FLOOR = 0.30;

  static final double PRICE_SPREAD = 0.15;

  /**
   * The default capacity of a pool: this many Spot Instances, plus up to {@link #CAPACITY_SPREAD}.
   */
  static final int CAPACITY_FLOOR = 50;

  static final int CAPACITY_SPREAD = 200;

  private final Kernel kernel;
  private final Map<String, SpotPool> pools = new HashMap<>();
  private final Map<String, Integer> inUse = new HashMap<>();
  private final Map<String, Double> onDemandPrices = new HashMap<>();

  SpotMarket(Kernel kernel) {
    this.kernel = kernel;
  }

  private static String key(String zone, String instanceType) {
    return zone + " " + instanceType;
  }

  SpotPool pool(String zone, String instanceType) {
    return pools.computeIfAbsent(
        key(zone, instanceType),
        k -> {
          SplittableRandom r = kernel.randomness().stream("ec2.spot-pool " + k);
          double price =
              onDemandPrice(instanceType) * (PRICE_FLOOR + PRICE_SPREAD * r.nextDouble());
          price = Math.max(0.0001, Math.round(price * 10_000) / 10_000.0);
          return new SpotPool(
              zone, instanceType, price, CAPACITY_FLOOR + r.nextInt(CAPACITY_SPREAD + 1));
        });
  }

  void put(SpotPool pool) {
    pools.put(key(pool.availabilityZone(), pool.instanceType()), pool);
  }

  int inUse(String zone, String instanceType) {
    return inUse.getOrDefault(key(zone, instanceType), 0);
  }

  /**
   * How many more Spot Instances the pool takes now (0 when it is full or shrank below its use).
   */
  int free(String zone, String instanceType) {
    return Math.max(0, pool(zone, instanceType).capacity() - inUse(zone, instanceType));
  }

  void taken(String zone, String instanceType, int delta) {
    inUse.merge(key(zone, instanceType), delta, Integer::sum);
  }

  double onDemandPrice(String instanceType) {
    Double p = onDemandPrices.get(instanceType);
    return p != null ? p : InstanceType.of(instanceType).defaultOnDemandPrice();
  }

  void putOnDemandPrice(String instanceType, double usdPerHour) {
    onDemandPrices.put(instanceType, usdPerHour);
  }
}
