package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.scaling.Adjustment;
import org.apiguardian.api.API;

/** How a simple or step policy's adjustment is read. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum AdjustmentType {
  /** Add the adjustment to the current capacity (negative removes). */
  ChangeInCapacity,
  /** Set the capacity to the adjustment (0 or more). */
  ExactCapacity,
  /** Change the capacity by a percentage, rounded as AWS documents. */
  PercentChangeInCapacity;

  /** The shared arithmetic behind this type. */
  Adjustment arithmetic() {
    return switch (this) {
      case ChangeInCapacity -> Adjustment.CHANGE_IN_CAPACITY;
      case ExactCapacity -> Adjustment.EXACT_CAPACITY;
      case PercentChangeInCapacity -> Adjustment.PERCENT_CHANGE_IN_CAPACITY;
    };
  }
}
