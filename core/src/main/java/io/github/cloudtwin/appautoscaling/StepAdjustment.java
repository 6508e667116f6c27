package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.internal.scaling.StepIntervals;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One step of a step scaling policy: bounds relative to the alarm threshold (null = infinity) and
 * the adjustment.
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
   * Validates.
   *
   * @param metricIntervalLowerBound lower bound, or null for minus infinity
   * @param metricIntervalUpperBound upper bound, or null for plus infinity
   * @param scalingAdjustment the adjustment
   */
  public StepAdjustment {
    StepIntervals.checkStep(metricIntervalLowerBound, metricIntervalUpperBound);
  }

  /**
   * A step {@code [lower, upper) -> adjustment}; null bounds are infinite.
   *
   * @param lower the lower
   * @param upper the upper
   * @param adjustment the adjustment
   * @return a step {@code [lower, upper) -> adjustment}; null bounds are infinite
   */
  public static StepAdjustment of(@Nullable Double lower, @Nullable Double upper, int adjustment) {
    return new StepAdjustment(lower, upper, adjustment);
  }
}
