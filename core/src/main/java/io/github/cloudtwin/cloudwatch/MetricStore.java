package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The metric store of one CloudWatch: one {@link MetricSeries} per metric id, what {@code
 * PutMetricData} writes (a gap injection silences a metric) and what the statistics read ({@code
 * GetMetricStatistics}, one statistic per period of a metric math grid). Simulation thread only:
 * callers hold the kernel lock.
 */
final class MetricStore {

  private final Kernel kernel;
  private final Injections injections;
  private final Map<MetricId, MetricSeries> series = new HashMap<>();

  /** The shared value columns per namespace and metric name. */
  private final Map<String, Map<String, SharedColumns>> columns = new HashMap<>();

  MetricStore(Kernel kernel, Injections injections) {
    this.kernel = kernel;
    this.injections = injections;
  }

  /** Stores one sample at {@code timestamp} (null = now), unless a gap injection covers it. */
  void put(MetricId metric, @Nullable Instant timestamp, double value, StandardUnit unit) {
    long t = checkTimestamp(timestamp);
    if (!injections.isEmpty() && injections.isGap(metric, t)) {
      return;
    }
    seriesFor(metric, unit).add(t, value);
  }

  /** Stores a statistic set at {@code timestamp} (null = now). */
  void put(
      MetricId metric, @Nullable Instant timestamp, StatisticValues values, StandardUnit unit) {
    long t = checkTimestamp(timestamp);
    seriesFor(metric, unit)
        .addSet(t, values.sampleCount(), values.sum(), values.minimum(), values.maximum());
  }

  private long checkTimestamp(@Nullable Instant timestamp) {
    Instant now = kernel.clock().now();
    if (timestamp == null) {
      return now.toEpochMilli();
    }
    if (timestamp.isBefore(now.minus(Duration.ofDays(14)))
        || timestamp.isAfter(now.plus(Duration.ofHours(2)))) {
      throw new ValidationException(
          "MetricData.Timestamp",
          timestamp,
          "must be within 2 weeks before and 2 hours after the current time " + now);
    }
    return timestamp.toEpochMilli();
  }

  /** The series of {@code metric}, created with {@code unit} when it does not exist yet. */
  MetricSeries seriesFor(MetricId metric, StandardUnit unit) {
    MetricSeries s = series.get(metric);
    if (s == null) {
      SharedColumns shared =
          columns
              .computeIfAbsent(metric.namespace(), k -> new HashMap<>())
              .computeIfAbsent(metric.metricName(), k -> new SharedColumns());
      s = new MetricSeries(metric, unit, shared);
      series.put(metric, s);
    }
    return s;
  }

  /** The series of {@code metric}, or null. */
  @Nullable MetricSeries seriesOrNull(MetricId metric) {
    return series.get(metric);
  }

  /** One datapoint per period in {@code [start, end)} that has samples, as GetMetricStatistics. */
  List<Datapoint> datapoints(
      MetricId metric, Instant start, Instant end, Duration period, Statistic statistic) {
    List<Datapoint> out = new ArrayList<>();
    MetricSeries s = series.get(metric);
    if (s == null) {
      return out;
    }
    long p = period.toMillis();
    for (long t = start.toEpochMilli(); t < end.toEpochMilli(); t += p) {
      double count = s.sampleCount(t, t + p);
      if (count > 0) {
        double v = s.statistic(t, t + p, statistic);
        if (!Double.isNaN(v)) {
          out.add(new Datapoint(Instant.ofEpochMilli(t), v, count));
        }
      }
    }
    return out;
  }

  /** The statistic over every sample in {@code [from, to)}, or empty when there is none. */
  OptionalDouble statistic(MetricId metric, Instant from, Instant to, Statistic statistic) {
    MetricSeries s = series.get(metric);
    if (s == null) {
      return OptionalDouble.empty();
    }
    double v = s.statistic(from.toEpochMilli(), to.toEpochMilli(), statistic);
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Every metric id that holds data or has a writer, sorted by its text. */
  List<MetricId> metrics() {
    List<MetricId> ids = new ArrayList<>(series.keySet());
    ids.sort(Comparator.comparing(MetricId::toString));
    return List.copyOf(ids);
  }

  /** How many samples were ever stored for {@code metric} (0 for an unknown metric). */
  long storedSampleCount(MetricId metric) {
    MetricSeries s = series.get(metric);
    return s == null ? 0L : s.storedSamples();
  }

  /**
   * The values of one MetricStat on a grid: its statistic per period, NaN where it has no sample.
   */
  double[] statValues(MetricStat stat, MetricMath.Grid grid) {
    double[] out = new double[grid.size()];
    Arrays.fill(out, Double.NaN);
    MetricSeries s = series.get(stat.metric());
    if (s == null || (stat.unit() != null && s.unit != stat.unit())) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      long from = grid.starts()[i];
      long to = grid.ends()[i];
      if (s.sampleCount(from, to) > 0) {
        out[i] = s.statistic(from, to, stat.stat());
      }
    }
    return out;
  }
}
