package io.github.cloudtwin.autoscaling;

/** How a simple or step policy's adjustment is read. */
public enum AdjustmentType {
  /** Add the adjustment to the current capacity (negative removes). */
  ChangeInCapacity,
  /** Set the capacity to the adjustment (0 or more). */
  ExactCapacity,
  /** Change the capacity by a percentage, rounded as AWS documents. */
  PercentChangeInCapacity
}
