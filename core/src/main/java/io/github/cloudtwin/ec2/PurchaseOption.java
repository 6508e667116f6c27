package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/**
 * How an instance is bought: On-Demand, or Spot (spare capacity EC2 can reclaim with a two-minute
 * interruption notice). AWS's {@code InstanceLifecycle} is {@code spot} for Spot Instances and
 * absent for On-Demand ones.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum PurchaseOption {
  /** An On-Demand Instance (the default). */
  ON_DEMAND("on-demand"),
  /** A Spot Instance, launched into a Spot capacity pool ({@link SpotPool}). */
  SPOT("spot");

  private final String awsName;

  PurchaseOption(String awsName) {
    this.awsName = awsName;
  }

  /** {@return AWS's spelling: {@code on-demand} or {@code spot}} */
  @Override
  public String toString() {
    return awsName;
  }
}
