package io.github.cloudtwin.cost;

import org.apiguardian.api.API;

/** How an EC2 instance is bought: On-Demand or Spot (Linux in both cases). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum PurchaseOption {
  /** Pay by the second at the On-Demand rate, no commitment. */
  ON_DEMAND,
  /**
   * Spare capacity at the Spot price; the twin has no built-in Spot prices, a user table supplies
   * them.
   */
  SPOT
}
