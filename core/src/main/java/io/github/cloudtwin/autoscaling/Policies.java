package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.Capacity;
import io.github.cloudtwin.internal.scaling.StepIntervals;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * EC2 Auto Scaling's side of the shared scaling engine ({@code internal.scaling}): its validation
 * messages, and its adjustment types and steps handed to the shared arithmetic. Stateless.
 */
final class Policies {

  private Policies() {}

  static void checkAdjustment(
      AdjustmentType type, int adjustment, @Nullable Integer minAdjustmentMagnitude) {
    Require.notNull("AdjustmentType", type);
    if (type == AdjustmentType.ExactCapacity && adjustment < 0) {
      throw new ValidationException("ScalingAdjustment", adjustment, "0 or more for ExactCapacity");
    }
    if (minAdjustmentMagnitude != null) {
      if (type != AdjustmentType.PercentChangeInCapacity) {
        throw new ValidationException(
            "MinAdjustmentMagnitude",
            minAdjustmentMagnitude,
            "only with AdjustmentType PercentChangeInCapacity (it is " + type + ")");
      }
      if (minAdjustmentMagnitude < 1) {
        throw new ValidationException(
            "MinAdjustmentMagnitude", minAdjustmentMagnitude, "1 or more");
      }
    }
  }

  /**
   * Validates step intervals (no overlap, no gap, open ends as AWS requires); returns them sorted.
   */
  static List<StepAdjustment> checkSteps(List<StepAdjustment> steps) {
    return StepIntervals.check(
        steps, StepAdjustment::metricIntervalLowerBound, StepAdjustment::metricIntervalUpperBound);
  }

  /** AWS's rounding of a percent change, then MinAdjustmentMagnitude. */
  static int percentDelta(int base, int percent, @Nullable Integer minAdjustmentMagnitude) {
    return Capacity.percentChange(
        base, percent, minAdjustmentMagnitude == null ? 0 : minAdjustmentMagnitude);
  }

  /**
   * The capacity an adjustment gives from {@code base} (before clamping; saturated, never wrapped).
   */
  static int apply(
      AdjustmentType type, int adjustment, @Nullable Integer minAdjustmentMagnitude, int base) {
    return type.arithmetic()
        .capacity(base, adjustment, minAdjustmentMagnitude == null ? 0 : minAdjustmentMagnitude);
  }

  /**
   * The step for {@code diff} = metric minus threshold: lower bound inclusive above the threshold,
   * upper bound inclusive below it; null when no step matches.
   */
  static @Nullable StepAdjustment selectStep(List<StepAdjustment> steps, double diff) {
    return StepIntervals.select(
        steps,
        StepAdjustment::metricIntervalLowerBound,
        StepAdjustment::metricIntervalUpperBound,
        diff);
  }
}
