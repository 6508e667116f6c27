package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.scaling.StepIntervals;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One step of a step policy: bounds relative to the alarm threshold (null means minus or plus
 * infinity) and the adjustment applied when the metric falls in the interval.
 *
 * @param metricIntervalLowerBound lower bound, or null for minus infinity
 * @param metricIntervalUpperBound upper bound, or null for plus infinity
 * @param scalingAdjustment the adjustment
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StepAdjustment(
    @Nullable Double metricIntervalLowerBound,
    @Nullable Double metricIntervalUpperBound,
    int scalingAdjustment) {

  /**
   * Validates one step.
   *
   * @param metricIntervalLowerBound lower bound, or null for minus infinity
   * @param metricIntervalUpperBound upper bound, or null for plus infinity
   * @param scalingAdjustment the adjustment
   */
  public StepAdjustment {
    if (metricIntervalLowerBound != null || metricIntervalUpperBound != null) {
      StepIntervals.checkStep(metricIntervalLowerBound, metricIntervalUpperBound);
    }
  }

  /**
   * A step {@code [lower, upper)} relative to the threshold; pass null for an open end.
   *
   * @param lower the lower
   * @param upper the upper
   * @param adjustment the adjustment
   * @return a step {@code [lower, upper)} relative to the threshold; pass null for an open end
   */
  public static StepAdjustment of(@Nullable Double lower, @Nullable Double upper, int adjustment) {
    return new StepAdjustment(lower, upper, adjustment);
  }

  @Override
  public String toString() {
    return "["
        + (metricIntervalLowerBound == null ? "-inf" : metricIntervalLowerBound)
        + ", "
        + (metricIntervalUpperBound == null ? "+inf" : metricIntervalUpperBound)
        + ") -> "
        + (scalingAdjustment >= 0 ? "+" : "")
        + scalingAdjustment;
  }
}
