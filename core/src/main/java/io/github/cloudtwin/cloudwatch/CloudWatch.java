package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CloudWatch of one twin: the metric store ({@code PutMetricData}, {@code GetMetricStatistics})
 * and metric alarms.
 *
 * <p>Obtain it from {@code twin.cloudWatch()}. Thread-safe: every method runs under the twin's
 * simulation lock.
 */
public final class CloudWatch {

  private final Kernel kernel;
  private final Map<MetricId, MetricSeries> series = new HashMap<>();
  private final Injections injections = new Injections();

  /** Creates the service; the twin does this, tests use {@code twin.cloudWatch()}. */
  public CloudWatch(Kernel kernel) {
    this.kernel = Require.notNull("kernel", kernel);
  }

  Kernel kernel() {
    return kernel;
  }

  // ------------------------------------------------------------------ metrics

  /** Stores one sample stamped now, with unit {@code None}. */
  public void putMetricData(MetricId metric, double value) {
    putMetricData(metric, null, value, StandardUnit.NONE);
  }

  /**
   * Stores one sample, as {@code PutMetricData}.
   *
   * @param timestamp when the sample was taken; null means now; at most 2 weeks in the past and 2
   *     hours in the future of virtual time, as CloudWatch accepts
   */
  public void putMetricData(MetricId metric, Instant timestamp, double value, StandardUnit unit) {
    Require.notNull("MetricData.MetricName", metric);
    Require.finite("MetricData.Value", value);
    Require.notNull("MetricData.Unit", unit);
    kernel.run(
        () -> {
          long t = checkTimestamp(timestamp);
          if (!injections.isEmpty() && isGap(metric, t)) {
            return;
          }
          seriesFor(metric, unit).add(t, value);
        });
  }

  /** Stores a statistic set, as {@code PutMetricData} with {@code StatisticValues}. */
  public void putMetricData(
      MetricId metric, Instant timestamp, StatisticValues values, StandardUnit unit) {
    Require.notNull("MetricData.MetricName", metric);
    Require.notNull("MetricData.StatisticValues", values);
    Require.notNull("MetricData.Unit", unit);
    kernel.run(
        () -> {
          long t = checkTimestamp(timestamp);
          seriesFor(metric, unit)
              .addSet(t, values.sampleCount(), values.sum(), values.minimum(), values.maximum());
        });
  }

  private long checkTimestamp(Instant timestamp) {
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

  /** A handle to publish to {@code metric} repeatedly without look-ups (used by AWS services). */
  public MetricWriter writer(MetricId metric, StandardUnit unit) {
    Require.notNull("metric", metric);
    Require.notNull("unit", unit);
    return kernel.call(() -> new MetricWriter(kernel, seriesFor(metric, unit)));
  }

  private MetricSeries seriesFor(MetricId metric, StandardUnit unit) {
    MetricSeries s = series.get(metric);
    if (s == null) {
      s = new MetricSeries(metric, unit);
      series.put(metric, s);
    }
    return s;
  }

  /**
   * One datapoint per {@code period} in {@code [start, end)}, as {@code GetMetricStatistics}:
   * periods with no samples are left out; timestamps are period starts, aligned to {@code start}.
   */
  public List<Datapoint> getMetricStatistics(
      MetricId metric, Instant start, Instant end, Duration period, Statistic statistic) {
    Require.notNull("metric", metric);
    Require.notNull("StartTime", start);
    Require.notNull("EndTime", end);
    Require.positive("Period", period);
    Require.notNull("Statistic", statistic);
    if (!end.isAfter(start)) {
      throw new ValidationException("EndTime", end, "must be after StartTime " + start);
    }
    return kernel.call(
        () -> {
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
        });
  }

  /** The statistic over every sample in {@code [from, to)}, or empty when there is none. */
  public OptionalDouble statistic(MetricId metric, Instant from, Instant to, Statistic statistic) {
    Require.notNull("metric", metric);
    Require.notNull("from", from);
    Require.notNull("to", to);
    Require.notNull("statistic", statistic);
    return kernel.call(
        () -> {
          MetricSeries s = series.get(metric);
          if (s == null) {
            return OptionalDouble.empty();
          }
          double v = s.statistic(from.toEpochMilli(), to.toEpochMilli(), statistic);
          return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        });
  }

  /** Every metric that holds data or has a writer, sorted by namespace, name and dimensions. */
  public List<MetricId> listMetrics() {
    return kernel.call(
        () -> {
          List<MetricId> ids = new ArrayList<>(series.keySet());
          ids.sort(Comparator.comparing(MetricId::toString));
          return List.copyOf(ids);
        });
  }

  /** How many samples were ever stored for {@code metric} (0 for an unknown metric). */
  public long storedSampleCount(MetricId metric) {
    return kernel.call(
        () -> {
          MetricSeries s = series.get(metric);
          return s == null ? 0L : s.storedSamples();
        });
  }

  // ------------------------------------------------------------------ injection

  /**
   * Injects metric values over a window of virtual time (see {@link MetricInjection}). Metric-id
   * injections are published at the end of each minute they cover, stamped with the minute's start.
   */
  public void inject(MetricInjection injection) {
    Require.notNull("injection", injection);
    kernel.run(
        () -> {
          Instant t0 = kernel.clock().start();
          long from =
              injection.from() != null
                  ? injection.from().toEpochMilli()
                  : t0.plus(injection.fromOffset() == null ? Duration.ZERO : injection.fromOffset()).toEpochMilli();
          long to =
              injection.to() != null
                  ? injection.to().toEpochMilli()
                  : injection.toOffset() != null ? t0.plus(injection.toOffset()).toEpochMilli() : Long.MAX_VALUE;
          Injections.Active active = new Injections.Active(injection, from, to);
          injections.all.add(active);
          String target =
              injection.instanceId() != null
                  ? "instance " + injection.instanceId()
                  : injection.groupName() != null ? "group " + injection.groupName() : injection.metric().toString();
          kernel
              .timeline()
              .record(
                  "metric/" + injection.metricName(),
                  "inject",
                  "injected " + injection.signal() + " for " + target + " over "
                      + io.github.cloudtwin.kernel.TimelineFormat.offset(Duration.ofMillis(from - t0.toEpochMilli()))
                      + (to == Long.MAX_VALUE ? " onwards" : " to " + io.github.cloudtwin.kernel.TimelineFormat.offset(Duration.ofMillis(to - t0.toEpochMilli()))));
          if (injection.metric() != null && !injection.signal().isGap()) {
            scheduleMetricInjection(active);
          }
        });
  }

  private void scheduleMetricInjection(Injections.Active a) {
    long minute = 60_000L;
    long first = Math.max(a.from, kernel.clock().now().toEpochMilli() - minute);
    long firstStart = Math.floorDiv(first + minute - 1, minute) * minute;
    publishInjected(a, firstStart);
  }

  private void publishInjected(Injections.Active a, long minuteStart) {
    if (minuteStart >= a.to) {
      return;
    }
    kernel
        .scheduler()
        .at(
            Instant.ofEpochMilli(minuteStart + 60_000L),
            0,
            () -> {
              double v = a.valueAt(minuteStart);
              if (!Double.isNaN(v) && !isGap(a.spec.metric(), minuteStart)) {
                seriesFor(a.spec.metric(), StandardUnit.NONE).add(minuteStart, v);
              }
              publishInjected(a, minuteStart + 60_000L);
            });
  }

  private boolean isGap(MetricId metric, long t) {
    for (Injections.Active a : injections.all) {
      if (a.spec.signal().isGap() && metric.equals(a.spec.metric()) && a.covers(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For publishers: the injected value of {@code metricName} for the instance (or its group) at
   * {@code epochMillis}; NaN when nothing is injected. Check {@link #isSuppressed} first.
   */
  public double injectedValue(String metricName, String instanceId, String groupName, long epochMillis) {
    if (injections.isEmpty()) {
      return Double.NaN;
    }
    Injections.Active a = injections.find(metricName, instanceId, groupName, epochMillis);
    return a == null ? Double.NaN : a.valueAt(epochMillis);
  }

  /** For publishers: whether a gap silences the instance's (or its group's) metric at that time. */
  public boolean isSuppressed(String metricName, String instanceId, String groupName, long epochMillis) {
    if (injections.isEmpty()) {
      return false;
    }
    Injections.Active a = injections.find(metricName, instanceId, groupName, epochMillis);
    return a != null && a.spec.signal().isGap();
  }

  /** Package access for alarm evaluation: the series, or null. */
  MetricSeries seriesOrNull(MetricId metric) {
    return series.get(metric);
  }
}
