package io.github.cloudtwin.cost;

/** How an EC2 instance is bought: On-Demand or Spot (Linux in both cases). */
public enum PurchaseOption {
  /** Pay by the second at the On-Demand rate, no commitment. */
  ON_DEMAND,
  /**
   * Spare capacity at the Spot price; the twin has no built-in Spot prices, a user table supplies
   * them.
   */
  SPOT
}
