package io.github.cloudtwin.internal.scaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The rules AWS applies to the step adjustments of a step scaling policy, in EC2 Auto Scaling and
 * Application Auto Scaling alike: finite bounds, upper above lower, at most one open end of each
 * kind, an open end wherever a bound crosses the threshold, no overlap and no gap; and which step a
 * breach selects. Stateless.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StepIntervals {

  private StepIntervals() {}

  /**
   * Checks one step's bounds (null = open end).
   *
   * @param lower the lower bound, or null
   * @param upper the upper bound, or null
   */
  public static void checkStep(@Nullable Double lower, @Nullable Double upper) {
    if (lower == null && upper == null) {
      throw new ValidationException(
          "StepAdjustments",
          "(-inf, +inf)",
          "a step may not leave both MetricIntervalLowerBound and MetricIntervalUpperBound null");
    }
    if (lower != null) Require.finite("MetricIntervalLowerBound", lower);
    if (upper != null) Require.finite("MetricIntervalUpperBound", upper);
    if (lower != null && upper != null && lower >= upper) {
      throw new ValidationException(
          "MetricIntervalUpperBound", upper, "greater than MetricIntervalLowerBound " + lower);
    }
  }

  /**
   * Validates a policy's steps together; returns them sorted by lower bound.
   *
   * @param <T> the step type
   * @param steps the steps, not null and without null elements
   * @param lower a step's lower bound (null = minus infinity)
   * @param upper a step's upper bound (null = plus infinity)
   * @return the steps sorted by lower bound
   */
  public static <T> List<T> check(
      List<T> steps, Function<T, Double> lower, Function<T, Double> upper) {
    Require.elements("StepAdjustments", steps);
    if (steps.isEmpty()) {
      throw new ValidationException("StepAdjustments", "[]", "at least one step adjustment");
    }
    List<T> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparing(lower, Comparator.nullsFirst(Comparator.naturalOrder())));
    int nullLower = 0;
    int nullUpper = 0;
    boolean negativeLower = false;
    boolean positiveUpper = false;
    for (T s : sorted) {
      checkStep(lower.apply(s), upper.apply(s));
      if (lower.apply(s) == null) nullLower++;
      else if (lower.apply(s) < 0) negativeLower = true;
      if (upper.apply(s) == null) nullUpper++;
      else if (upper.apply(s) > 0) positiveUpper = true;
    }
    if (nullLower > 1) {
      throw new ValidationException(
          "StepAdjustments", sorted, "at most one null MetricIntervalLowerBound");
    }
    if (nullUpper > 1) {
      throw new ValidationException(
          "StepAdjustments", sorted, "at most one null MetricIntervalUpperBound");
    }
    if (negativeLower && nullLower == 0) {
      throw new ValidationException(
          "StepAdjustments",
          sorted,
          "a null MetricIntervalLowerBound is required when a lower bound is negative");
    }
    if (positiveUpper && nullUpper == 0) {
      throw new ValidationException(
          "StepAdjustments",
          sorted,
          "a null MetricIntervalUpperBound is required when an upper bound is positive");
    }
    for (int i = 1; i < sorted.size(); i++) {
      T prev = sorted.get(i - 1);
      T next = sorted.get(i);
      Double prevUpper = upper.apply(prev);
      double nextLower = lower.apply(next);
      if (prevUpper == null || prevUpper > nextLower) {
        throw new ValidationException(
            "StepAdjustments",
            sorted,
            "intervals that do not overlap (" + prev + " and " + next + " overlap)");
      }
      if (prevUpper < nextLower) {
        throw new ValidationException(
            "StepAdjustments",
            sorted,
            "intervals without gaps (gap between " + prev + " and " + next + ")");
      }
    }
    return List.copyOf(sorted);
  }

  /**
   * The step for {@code diff} = metric minus threshold, as AWS selects it: the lower bound is
   * inclusive above the threshold, the upper bound inclusive below it; at the threshold itself a
   * step starting there comes first, else one ending there.
   *
   * @param <T> the step type
   * @param steps the steps, as {@link #check} returned them
   * @param lower a step's lower bound (null = minus infinity)
   * @param upper a step's upper bound (null = plus infinity)
   * @param diff the metric minus the alarm's threshold
   * @return the step, or null when none matches or {@code diff} is NaN
   */
  public static <T> @Nullable T select(
      List<T> steps,
      Function<T, @Nullable Double> lower,
      Function<T, @Nullable Double> upper,
      double diff) {
    if (Double.isNaN(diff)) {
      return null;
    }
    if (diff >= 0) {
      for (T s : steps) {
        Double l = lower.apply(s);
        Double u = upper.apply(s);
        if ((l == null || diff >= l) && (u == null || diff < u)) return s;
      }
    }
    if (diff <= 0) {
      for (T s : steps) {
        Double l = lower.apply(s);
        Double u = upper.apply(s);
        if ((l == null || diff > l) && (u == null || diff <= u)) return s;
      }
    }
    return null;
  }
}
