package io.github.cloudtwin.autoscaling;

/**
 * How a mixed-instances group picks the instance type of an On-Demand launch
 * (InstancesDistribution.OnDemandAllocationStrategy).
 */
public enum OnDemandAllocationStrategy {
  /** The overrides' order: the first type that can launch in the zone (the default). */
  PRIORITIZED("prioritized"),
  /**
   * The lowest On-Demand price first. The twin has no instance prices, so a policy with this
   * strategy is rejected; use {@link #PRIORITIZED} with the overrides ordered by price.
   */
  LOWEST_PRICE("lowest-price");

  private final String awsName;

  OnDemandAllocationStrategy(String awsName) {
    this.awsName = awsName;
  }

  /** {@return AWS's spelling, such as {@code prioritized}} */
  @Override
  public String toString() {
    return awsName;
  }
}
