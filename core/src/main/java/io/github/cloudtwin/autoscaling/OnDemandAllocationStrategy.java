package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * How a mixed-instances group picks the instance type of an On-Demand launch
 * (InstancesDistribution.OnDemandAllocationStrategy).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum OnDemandAllocationStrategy {
  /** The overrides' order: the first type that can launch in the zone (the default). */
  PRIORITIZED("prioritized"),
  /**
   * The lowest On-Demand price per capacity unit first ({@code ec2().onDemandPrice(type)} divided
   * by the override's weight; ties keep the overrides' order), the next when EC2 has no capacity.
   */
  LOWEST_PRICE("lowest-price");

  private final String awsName;

  OnDemandAllocationStrategy(String awsName) {
    this.awsName = awsName;
  }

  /**
   * The strategy AWS spells {@code name}.
   *
   * @param name {@code prioritized} or {@code lowest-price}
   * @return the strategy
   * @throws io.github.cloudtwin.kernel.ValidationException naming the valid values
   */
  public static OnDemandAllocationStrategy of(String name) {
    for (OnDemandAllocationStrategy s : values()) if (s.awsName.equals(name)) return s;
    throw new io.github.cloudtwin.kernel.ValidationException(
        "OnDemandAllocationStrategy", name, "one of prioritized, lowest-price");
  }

  /** {@return AWS's spelling, such as {@code prioritized}} */
  @Override
  public String toString() {
    return awsName;
  }
}
