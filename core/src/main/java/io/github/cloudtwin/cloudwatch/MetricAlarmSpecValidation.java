package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PutMetricAlarm's validation of a {@link MetricAlarmSpec} and of its builder: period, evaluation
 * periods and their span, M of N, threshold, window, actions, and for an alarm on metric math the
 * fields it excludes and the period it takes from its returned query. Each check throws a
 * ValidationException naming the first invalid field, in the order PutMetricAlarm's fields are
 * checked.
 */
final class MetricAlarmSpecValidation {

  private MetricAlarmSpecValidation() {}

  /**
   * Validates every field of a spec but its actions.
   *
   * @return {@code metrics}, copied (the shared empty list when empty)
   */
  static List<MetricDataQuery> check(
      String alarmName,
      @Nullable MetricId metric,
      @Nullable Statistic statistic,
      Duration period,
      int evaluationPeriods,
      int datapointsToAlarm,
      double threshold,
      ComparisonOperator comparisonOperator,
      TreatMissingData treatMissingData,
      int evaluationRange,
      EvaluationWindow evaluationWindow,
      @Nullable StandardUnit unit,
      List<MetricDataQuery> metrics) {
    Require.name("AlarmName", alarmName);
    metrics = Require.notNull("Metrics", metrics).isEmpty() ? List.of() : List.copyOf(metrics);
    Require.notNull("Period", period);
    if (metrics.isEmpty()) {
      Require.notNull("Metric", metric);
      Require.notNull("Statistic", statistic);
    } else {
      if (metric != null || statistic != null || unit != null) {
        throw new ValidationException(
            "Metrics",
            metric != null ? metric : statistic != null ? statistic : unit,
            "Metrics without MetricName, Namespace, Dimensions, Statistic, ExtendedStatistic or Unit (they go into each MetricStat)");
      }
      MetricMath.Typed returned = MathAlarms.returned(metrics);
      if (returned.period() != period.getSeconds()) {
        throw new ValidationException(
            "Period",
            period,
            "the period of the query that returns data ("
                + returned.period()
                + " s); an alarm on Metrics takes it from there");
      }
    }
    long p = period.getSeconds();
    if (period.getNano() != 0 || !(p == 10 || p == 20 || p == 30 || (p >= 60 && p % 60 == 0))) {
      throw new ValidationException(
          "Period", period, "10, 20 or 30 seconds, or a multiple of 60 seconds");
    }
    // the longest period the span rule below allows (7 days): bounds Period x EvaluationPeriods
    Require.seconds("Period", period, 10, 604_800);
    if (evaluationPeriods < 1) {
      throw new ValidationException("EvaluationPeriods", evaluationPeriods, "must be at least 1");
    }
    long maxSpan = p < 3600 ? 86_400 : 604_800;
    if (p * evaluationPeriods > maxSpan) {
      throw new ValidationException(
          "EvaluationPeriods",
          evaluationPeriods,
          "Period x EvaluationPeriods must not exceed "
              + maxSpan
              + " seconds ("
              + p
              + " x "
              + evaluationPeriods
              + " = "
              + p * evaluationPeriods
              + ")");
    }
    if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
      throw new ValidationException(
          "DatapointsToAlarm",
          datapointsToAlarm,
          "must be between 1 and EvaluationPeriods (" + evaluationPeriods + ")");
    }
    Require.finite("Threshold", threshold);
    Require.notNull("ComparisonOperator", comparisonOperator);
    Require.notNull("TreatMissingData", treatMissingData);
    if (evaluationRange < evaluationPeriods) {
      throw new ValidationException(
          "evaluationRange",
          evaluationRange,
          "must be at least EvaluationPeriods (" + evaluationPeriods + ")");
    }
    Require.notNull("EvaluationWindow", evaluationWindow);
    if (evaluationWindow.isWallClock() && !EvaluationWindow.WALL_CLOCK_PERIODS.contains(p)) {
      throw new ValidationException(
          "EvaluationWindow",
          evaluationWindow,
          "a sliding window, or a Period of 60, 300, 3600, 86400 or 604800 seconds for a wall clock window (Period is "
              + p
              + ")");
    }
    return metrics;
  }

  /** One action list, copied: not null, at most 5 actions, no null action. */
  static List<AlarmAction> actions(String field, List<AlarmAction> actions) {
    Require.notNull(field, actions);
    if (actions.size() > 5) {
      throw new ValidationException(field, actions.size() + " actions", "at most 5 actions");
    }
    for (AlarmAction a : actions) Require.notNull(field, a);
    return List.copyOf(actions);
  }

  /** The builder's threshold, which has no default. */
  static double threshold(@Nullable Double threshold) {
    if (threshold == null) {
      throw new ValidationException("Threshold", null, "a threshold is required");
    }
    return threshold;
  }

  /**
   * For a builder with metric math queries: no metric, statistic or period of its own, no null
   * query.
   *
   * @return the period of the query that returns data
   */
  static Duration mathPeriod(
      @Nullable MetricId metric,
      @Nullable Statistic statistic,
      boolean statisticSet,
      Duration period,
      boolean periodSet,
      List<MetricDataQuery> metrics) {
    if (metric != null) {
      throw new ValidationException(
          "MetricName",
          metric,
          "no MetricName, Namespace or Dimensions with Metrics (each MetricStat names its metric)");
    }
    if (statisticSet || periodSet) {
      throw new ValidationException(
          statisticSet ? "Statistic" : "Period",
          statisticSet ? statistic : period,
          "no Statistic, ExtendedStatistic or Period with Metrics (each MetricStat has its own)");
    }
    for (MetricDataQuery q : metrics) Require.notNull("Metrics", q);
    return Duration.ofSeconds(MathAlarms.returned(metrics).period());
  }
}
