package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.internal.scaling.Adjustment;
import org.apiguardian.api.API;

/** How a step adjustment changes the capacity. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum AdjustmentType {
  /** current + N. */
  ChangeInCapacity,
  /** current + current x N / 100, rounded as AWS does. */
  PercentChangeInCapacity,
  /** N. */
  ExactCapacity;

  /** The shared arithmetic behind this type. */
  Adjustment arithmetic() {
    return switch (this) {
      case ChangeInCapacity -> Adjustment.CHANGE_IN_CAPACITY;
      case PercentChangeInCapacity -> Adjustment.PERCENT_CHANGE_IN_CAPACITY;
      case ExactCapacity -> Adjustment.EXACT_CAPACITY;
    };
  }
}
