package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricDataResult;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.ScanBy;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.scaling.Capacity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The twin's forecasting method for predictive scaling (AWS does not publish its model; a fake
 * choice, docs/autoscaling.md "Predictive scaling"): the load of an hour in the history is the mean
 * of the load metric's one-minute Sum datapoints in it (of a customized load metric: of its metric
 * math's one-minute values); the forecast load of a future hour is the mean of the loads at the
 * same hour of the day (UTC) over the history (up to 14 days); an hour of the day with no history
 * forecasts 0. AWS's documented rules around it are kept: at least 24 hours of history, hourly
 * values for the next 48 hours, capacity = load / target value rounded up and bounded by the
 * group's size. Stateless.
 */
final class HourlyForecaster {

  /** A forecast needs this much history (GetPredictiveScalingForecast). */
  static final Duration MINIMUM_HISTORY = Duration.ofHours(24);

  /** The history analysed (How predictive scaling works): up to 14 days. */
  static final Duration MAXIMUM_HISTORY = Duration.ofDays(14);

  /** Each forecast covers this many hours (How predictive scaling works). */
  static final int HOURS = 48;

  private HourlyForecaster() {}

  /** The history's hourly loads, by hour start, and how much history there is. */
  record History(TreeMap<Instant, Double> hourly, Duration span) {}

  /**
   * Reads the complete hours of load before {@code now}, at most 14 days back: the predefined load
   * metric's one-minute Sums, or the customized load metric's metric math evaluated minute by
   * minute (its returned series; minutes without a value are left out).
   */
  static History history(CloudWatch cloudWatch, PredictiveScalingPolicy spec, Instant now) {
    Instant end = now.truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(MAXIMUM_HISTORY);
    TreeMap<Instant, double[]> sums = new TreeMap<>();
    MetricId metric = spec.loadMetric();
    PredictiveScalingCustomizedMetric custom = spec.customizedLoadMetric();
    if (metric != null) {
      for (Datapoint d :
          cloudWatch.getMetricStatistics(
              metric, start, end, Duration.ofMinutes(1), Statistic.SUM)) {
        add(sums, d.timestamp(), d.value());
      }
    } else if (custom != null) {
      for (MetricDataResult r :
          cloudWatch.getMetricData(
              custom.metricDataQueries(), start, end, ScanBy.TIMESTAMP_ASCENDING)) {
        for (int i = 0; i < r.timestamps().size(); i++) {
          add(sums, r.timestamps().get(i), r.values().get(i));
        }
      }
    }
    TreeMap<Instant, Double> hourly = new TreeMap<>();
    sums.forEach((hour, acc) -> hourly.put(hour, acc[0] / acc[1]));
    Duration span = hourly.isEmpty() ? Duration.ZERO : Duration.between(hourly.firstKey(), end);
    return new History(hourly, span);
  }

  private static void add(TreeMap<Instant, double[]> sums, Instant at, double value) {
    if (!Double.isFinite(value)) return; // metric math may divide by zero: not a load
    double[] acc = sums.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), k -> new double[2]);
    acc[0] += value;
    acc[1]++;
  }

  /**
   * The forecast made at {@code now}: 48 hours from the next hour boundary (from {@code now} when
   * it is one), or empty when the history is shorter than 24 hours.
   */
  static Optional<List<PredictiveScalingForecast>> forecast(
      History history, PredictiveScalingPolicy spec, Instant now, int minSize, int maxSize) {
    if (history.span().compareTo(MINIMUM_HISTORY) < 0) return Optional.empty();
    double[] sum = new double[24];
    int[] count = new int[24];
    history
        .hourly()
        .forEach(
            (hour, load) -> {
              int h = hourOfDay(hour);
              sum[h] += load;
              count[h]++;
            });
    Instant first = now.truncatedTo(ChronoUnit.HOURS);
    if (first.isBefore(now)) first = first.plus(Duration.ofHours(1));
    List<PredictiveScalingForecast> out = new ArrayList<>(HOURS);
    for (int i = 0; i < HOURS; i++) {
      Instant hour = first.plus(Duration.ofHours(i));
      int h = hourOfDay(hour);
      double load = count[h] == 0 ? 0 : sum[h] / count[h];
      out.add(new PredictiveScalingForecast(hour, load, capacity(spec, load, minSize, maxSize)));
    }
    return Optional.of(List.copyOf(out));
  }

  /** Load / target value rounded up, at least min and (HonorMaxCapacity) at most max. */
  static int capacity(PredictiveScalingPolicy spec, double load, int minSize, int maxSize) {
    double ratio = load / spec.targetValue();
    // a ratio a rounding error above a whole number (180 / 60) needs that whole number
    double rounded = Math.ceil(ratio - 1e-9 * Math.max(1, Math.abs(ratio)));
    int needed = rounded >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, rounded);
    int capacity = Math.max(minSize, needed);
    return spec.maxCapacityBreachBehavior()
            == PredictiveScalingMaxCapacityBreachBehavior.HonorMaxCapacity
        ? Capacity.clamp(capacity, minSize, maxSize)
        : capacity;
  }

  private static int hourOfDay(Instant hour) {
    return (int) Math.floorMod(hour.getEpochSecond() / 3600, 24L);
  }
}
