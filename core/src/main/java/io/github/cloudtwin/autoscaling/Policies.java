package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
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
    if (steps.isEmpty()) {
      throw new ValidationException("StepAdjustments", "[]", "at least one step adjustment");
    }
    List<StepAdjustment> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparing(StepAdjustment::metricIntervalLowerBound, Comparator.nullsFirst(Comparator.naturalOrder())));
    int nullLower = 0;
    int nullUpper = 0;
    boolean negativeLower = false;
    boolean positiveUpper = false;
    for (StepAdjustment s : sorted) {
      if (s.metricIntervalLowerBound() == null && s.metricIntervalUpperBound() == null) {
        throw new ValidationException(
            "StepAdjustments", s, "a step may not leave both MetricIntervalLowerBound and MetricIntervalUpperBound null");
      }
      if (s.metricIntervalLowerBound() == null) nullLower++;
      else if (s.metricIntervalLowerBound() < 0) negativeLower = true;
      if (s.metricIntervalUpperBound() == null) nullUpper++;
      else if (s.metricIntervalUpperBound() > 0) positiveUpper = true;
    }
    if (nullLower > 1) {
      throw new ValidationException("StepAdjustments", sorted, "at most one null MetricIntervalLowerBound");
    }
    if (nullUpper > 1) {
      throw new ValidationException("StepAdjustments", sorted, "at most one null MetricIntervalUpperBound");
    }
    if (negativeLower && nullLower == 0) {
      throw new ValidationException(
          "StepAdjustments", sorted, "a null MetricIntervalLowerBound is required when a lower bound is negative");
    }
    if (positiveUpper && nullUpper == 0) {
      throw new ValidationException(
          "StepAdjustments", sorted, "a null MetricIntervalUpperBound is required when an upper bound is positive");
    }
    for (int i = 1; i < sorted.size(); i++) {
      StepAdjustment prev = sorted.get(i - 1);
      StepAdjustment next = sorted.get(i);
      Double prevUpper = prev.metricIntervalUpperBound();
      double nextLower = next.metricIntervalLowerBound();
      if (prevUpper == null || prevUpper > nextLower) {
        throw new ValidationException("StepAdjustments", sorted, "intervals that do not overlap (" + prev + " and " + next + " overlap)");
      }
      if (prevUpper < nextLower) {
        throw new ValidationException("StepAdjustments", sorted, "intervals without gaps (gap between " + prev + " and " + next + ")");
      }
    }
    return List.copyOf(sorted);
  }

  /** AWS's rounding of a percent change, then MinAdjustmentMagnitude. */
  static int percentDelta(int base, int percent, Integer minAdjustmentMagnitude) {
    double raw = base * (double) percent / 100.0;
    int delta;
    if (raw > 1) delta = (int) Math.floor(raw);
    else if (raw > 0) delta = 1;
    else if (raw == 0) delta = 0;
    else if (raw > -1) delta = -1;
    else delta = (int) Math.ceil(raw);
    if (minAdjustmentMagnitude != null && delta != 0 && Math.abs(delta) < minAdjustmentMagnitude) {
      delta = delta > 0 ? minAdjustmentMagnitude : -minAdjustmentMagnitude;
    }
    return delta;
  }

  /** The capacity an adjustment gives from {@code base} (before clamping). */
  static int apply(AdjustmentType type, int adjustment, Integer minAdjustmentMagnitude, int base) {
    return switch (type) {
      case ChangeInCapacity -> base + adjustment;
      case ExactCapacity -> adjustment;
      case PercentChangeInCapacity -> base + percentDelta(base, adjustment, minAdjustmentMagnitude);
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
