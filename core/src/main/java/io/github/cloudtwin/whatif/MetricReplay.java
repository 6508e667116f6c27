package io.github.cloudtwin.whatif;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Replays a recording into one metric, datapoint by datapoint: each datapoint is stored with {@code
 * PutMetricData} at its own (shifted) timestamp when virtual time reaches it, so alarms on the
 * metric evaluate the recorded values, gaps included (a gap is missing data, as in CloudWatch).
 * Datapoints before {@link #startingAt()} are stored at once as history (at most 14 days back, as
 * {@code PutMetricData} accepts), so an alarm's first evaluation sees them.
 *
 * <p>Replaying into a group's {@code AWS/EC2 CPUUtilization} (dimension {@code
 * AutoScalingGroupName}) silences the group's instances for the replay: the group metric carries
 * the recording alone. Capacity changes do not feed back (the recording says what it says); use a
 * {@link DemandReplay} for that. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MetricReplay implements LoadReplay {

  /** Units of the metrics the twin itself publishes, to catch a recording of the wrong kind. */
  private static final Map<String, StandardUnit> KNOWN_UNITS =
      Map.of(
          "CPUUtilization", StandardUnit.PERCENT,
          "RequestCount", StandardUnit.COUNT,
          "RequestCountPerTarget", StandardUnit.COUNT,
          "HealthyHostCount", StandardUnit.COUNT,
          "UnHealthyHostCount", StandardUnit.COUNT,
          "TargetResponseTime", StandardUnit.SECONDS,
          "MemoryUtilization", StandardUnit.PERCENT,
          "CapacityProviderReservation", StandardUnit.PERCENT);

  private static final Duration MAX_HISTORY = Duration.ofDays(14);

  private final RecordedSeries series;
  private final MetricId metric;
  private final Instant startingAt;
  private final StandardUnit unit;

  private MetricReplay(RecordedSeries series, MetricId metric, @Nullable Instant startingAt) {
    this.series = Require.notNull("series", series);
    this.metric = Require.notNull("metric", metric);
    this.startingAt = startingAt == null ? series.first() : startingAt;
    StandardUnit known = KNOWN_UNITS.get(metric.metricName());
    if (series.unit() != null && known != null && series.unit() != known) {
      throw new ValidationException(
          series.source() + " Unit",
          series.unit().awsName(),
          "the unit of " + metric.metricName() + ": " + known.awsName());
    }
    this.unit = series.unit() != null ? series.unit() : known != null ? known : StandardUnit.NONE;
    boolean percent = unit == StandardUnit.PERCENT;
    for (int i = 0; i < series.size(); i++) {
      double v = series.value(i);
      io.github.cloudtwin.cloudwatch.MetricValueRange.check(
          series.source() + " " + series.origin(i), v);
      if (percent && (v < 0 || v > 100)) {
        throw new ValidationException(
            series.source() + " " + series.origin(i),
            v,
            "a percentage between 0 and 100 for " + metric.metricName());
      }
    }
  }

  /**
   * Replays {@code series} into {@code metric}.
   *
   * @param series the recording
   * @param metric the metric to store it in, such as the group's {@code AWS/EC2 CPUUtilization}
   * @return the replay, starting at the recording's first datapoint
   */
  public static MetricReplay into(RecordedSeries series, MetricId metric) {
    return new MetricReplay(series, metric, null);
  }

  /**
   * The same replay, with {@code recorded} playing at the moment it is applied; datapoints before
   * it become history.
   *
   * @param recorded a recorded instant
   * @return the replay
   */
  public MetricReplay startingAt(Instant recorded) {
    Require.notNull("startingAt", recorded);
    if (recorded.isAfter(series.last())) {
      throw new ValidationException(
          "startingAt", recorded, "at or before the recording's last datapoint " + series.last());
    }
    return new MetricReplay(series, metric, recorded);
  }

  /** {@return the metric the recording is stored in} */
  public MetricId metric() {
    return metric;
  }

  @Override
  public RecordedSeries series() {
    return series;
  }

  @Override
  public Instant startingAt() {
    return startingAt;
  }

  @Override
  public Duration duration() {
    return Duration.between(startingAt, series.last().plus(series.resolution()));
  }

  @Override
  public ReplayStart applyTo(CloudTwin twin) {
    Require.notNull("twin", twin);
    Kernel kernel = Kernel.of(twin);
    return kernel.call(
        () -> {
          Instant now = twin.now();
          long shift = now.toEpochMilli() - startingAt.toEpochMilli();
          int first = 0;
          while (first < series.size() && series.epochMillis(first) + shift < now.toEpochMilli()) {
            if (series.epochMillis(first) + shift < now.minus(MAX_HISTORY).toEpochMilli()) {
              throw new ValidationException(
                  series.source() + " " + series.origin(first),
                  series.timestamp(first),
                  "history at most 14 days before the replay's start "
                      + startingAt
                      + " (PutMetricData accepts two weeks)");
            }
            first++;
          }
          Instant end = now.plus(duration());
          String group =
              "AWS/EC2".equals(metric.namespace()) && "CPUUtilization".equals(metric.metricName())
                  ? metric.dimension("AutoScalingGroupName")
                  : null;
          if (group != null) {
            twin.autoScaling().group(group); // refuses an unknown group before anything is applied
            twin.cloudWatch()
                .inject(
                    MetricInjection.metric("CPUUtilization")
                        .forGroup(group)
                        .between(now, end)
                        .gap());
          }
          for (int i = 0; i < first; i++) {
            twin.cloudWatch()
                .putMetricData(
                    metric,
                    Instant.ofEpochMilli(series.epochMillis(i) + shift),
                    series.value(i),
                    unit);
          }
          schedule(twin, first, shift);
          return new ReplayStart(now, end, series.size() - first, first);
        });
  }

  private void schedule(CloudTwin twin, int i, long shift) {
    if (i >= series.size()) return;
    Instant at = Instant.ofEpochMilli(series.epochMillis(i) + shift);
    Kernel.of(twin)
        .scheduler()
        .at(
            at,
            () -> {
              twin.cloudWatch().putMetricData(metric, at, series.value(i), unit);
              schedule(twin, i + 1, shift);
            });
  }

  @Override
  public String toString() {
    return "MetricReplay[" + series + " into " + metric + " from " + startingAt + "]";
  }
}
