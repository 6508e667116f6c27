package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * How a mixed-instances group picks the Spot pool (instance type in a zone) of a Spot launch
 * (InstancesDistribution.SpotAllocationStrategy). The twin ranks the pools of the group's overrides
 * in the launch's zone from its Spot market ({@code ec2().spotPool(zone, type)}): prices per
 * capacity unit (the Spot price divided by the override's weight) and free places.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum SpotAllocationStrategy {
  /**
   * The pools with the highest capacity availability, then the lowest price among them (AWS's
   * recommendation). Twin's reading: the pools with room for the zone's share of the units the
   * scaling activity launches, else the one with the most free places; among them the lowest price
   * per unit.
   */
  PRICE_CAPACITY_OPTIMIZED("price-capacity-optimized"),
  /** The pool with the most free places (price per unit, then override order, break ties). */
  CAPACITY_OPTIMIZED("capacity-optimized"),
  /**
   * Capacity first, the overrides' order on a best-effort basis. Twin's reading: the first
   * override, in order, whose pool has room for the zone's share of the launch, else the pool with
   * the most free places.
   */
  CAPACITY_OPTIMIZED_PRIORITIZED("capacity-optimized-prioritized"),
  /**
   * The {@code SpotInstancePools} lowest-priced pools (per unit) of the zone, spread evenly: the
   * one holding the fewest of the group's Spot Instances, then the cheaper; the next cheapest pool
   * when those are full. The API's default.
   */
  LOWEST_PRICE("lowest-price");

  private final String awsName;

  SpotAllocationStrategy(String awsName) {
    this.awsName = awsName;
  }

  /**
   * The strategy AWS spells {@code name}.
   *
   * @param name such as {@code price-capacity-optimized}
   * @return the strategy
   * @throws io.github.cloudtwin.kernel.ValidationException naming the valid values
   */
  public static SpotAllocationStrategy of(String name) {
    for (SpotAllocationStrategy s : values()) if (s.awsName.equals(name)) return s;
    throw new io.github.cloudtwin.kernel.ValidationException(
        "SpotAllocationStrategy",
        name,
        "one of price-capacity-optimized, capacity-optimized, capacity-optimized-prioritized, lowest-price");
  }

  /** {@return AWS's spelling, such as {@code price-capacity-optimized}} */
  @Override
  public String toString() {
    return awsName;
  }
}
