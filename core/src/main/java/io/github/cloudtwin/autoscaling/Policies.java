package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.Capacity;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.StepIntervals;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;

/** Policy arithmetic: validation, AWS's percent rounding and step selection. Stateless. */
final class Policies {

  private Policies() {}

  static void checkAdjustment(AdjustmentType type, int adjustment, Integer minAdjustmentMagnitude) {
    Require.notNull("AdjustmentType", type);
    if (type == AdjustmentType.ExactCapacity && adjustment < 0) {
      throw new ValidationException("ScalingAdjustment", adjustment, "0 or more for ExactCapacity");
    }
    if (minAdjustmentMagnitude != null) {
      if (type != AdjustmentType.PercentChangeInCapacity) {
        throw new ValidationException(
            "MinAdjustmentMagnitude", minAdjustmentMagnitude,
            "only with AdjustmentType PercentChangeInCapacity (it is " + type + ")");
      }
      if (minAdjustmentMagnitude < 1) {
        throw new ValidationException("MinAdjustmentMagnitude", minAdjustmentMagnitude, "1 or more");
      }
    }
  }

  /** Validates step intervals (no overlap, no gap, open ends as AWS requires); returns them sorted. */
  static List<StepAdjustment> checkSteps(List<StepAdjustment> steps) {
    return StepIntervals.check(steps, StepAdjustment::metricIntervalLowerBound, StepAdjustment::metricIntervalUpperBound);
  }

  /** AWS's rounding of a percent change, then MinAdjustmentMagnitude. */
  static int percentDelta(int base, int percent, Integer minAdjustmentMagnitude) {
    return Capacity.percentChange(base, percent, minAdjustmentMagnitude == null ? 0 : minAdjustmentMagnitude);
  }

  /** The capacity an adjustment gives from {@code base} (before clamping; saturated, never wrapped). */
  static int apply(AdjustmentType type, int adjustment, Integer minAdjustmentMagnitude, int base) {
    return switch (type) {
      case ChangeInCapacity -> Capacity.plus(base, adjustment);
      case ExactCapacity -> adjustment;
      case PercentChangeInCapacity -> Capacity.plus(base, percentDelta(base, adjustment, minAdjustmentMagnitude));
    };
  }

  /**
   * The step for {@code diff} = metric minus threshold: lower bound inclusive above the threshold,
   * upper bound inclusive below it; null when no step matches.
   */
  static StepAdjustment selectStep(List<StepAdjustment> steps, double diff) {
    if (Double.isNaN(diff)) {
      return null;
    }
    if (diff >= 0) {
      for (StepAdjustment s : steps) if (s.containsLowerInclusive(diff)) return s;
    }
    if (diff <= 0) {
      for (StepAdjustment s : steps) if (s.containsUpperInclusive(diff)) return s;
    }
    return null;
  }
}
