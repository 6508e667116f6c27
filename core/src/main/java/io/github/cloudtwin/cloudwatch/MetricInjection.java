package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Metric values a test injects over a window of virtual time: for one instance, for every instance
 * of an Auto Scaling group, or for one metric id.
 *
 * <p>Instance and group injections replace what the instances would publish (an instance injection
 * wins over a group one); metric-id injections are published by CloudWatch itself once per minute.
 * A {@link Signal#gap()} makes the target publish nothing.
 *
 * <pre>{@code
 * twin.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web")
 *     .between(Duration.ofMinutes(2), Duration.ofMinutes(12)).signal(Signal.constant(90)));
 * }</pre>
 *
 * @param metricName the metric, such as {@code CPUUtilization}
 * @param instanceId the instance, or null
 * @param groupName the Auto Scaling group, or null
 * @param metric the metric id, or null
 * @param from window start (inclusive); null means the twin's start (resolved on injection)
 * @param fromOffset window start as an offset from the twin's start, or null; used when {@code
 *     from} is null; negative (at most 14 days) gives a metric-id injection a history before the
 *     twin's start
 * @param toOffset window end as an offset from the twin's start; null means open-ended
 * @param to window end (exclusive), or null
 * @param signal the values
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MetricInjection(
    String metricName,
    @Nullable String instanceId,
    @Nullable String groupName,
    @Nullable MetricId metric,
    @Nullable Instant from,
    @Nullable Duration fromOffset,
    @Nullable Instant to,
    @Nullable Duration toOffset,
    Signal signal) {

  /** How far back a metric may be given a history, as PutMetricData accepts timestamps. */
  static final Duration MAX_HISTORY = Duration.ofDays(14);

  /**
   * Validates: exactly one target, a signal, and a window that ends after it starts.
   *
   * @param metricName the metric, such as {@code CPUUtilization}
   * @param instanceId the instance, or null
   * @param groupName the Auto Scaling group, or null
   * @param metric the metric id, or null
   * @param from window start (inclusive); null means the twin's start (resolved on injection)
   * @param fromOffset window start as an offset from the twin's start, used when {@code from} is
   *     null; negative (at most 14 days) gives a metric-id injection a history before the twin's
   *     start
   * @param to window end (exclusive), or null
   * @param toOffset window end as an offset from the twin's start; null means open-ended
   * @param signal the values
   */
  public MetricInjection {
    Require.name("metricName", metricName);
    int targets =
        (instanceId != null ? 1 : 0) + (groupName != null ? 1 : 0) + (metric != null ? 1 : 0);
    if (targets != 1) {
      throw new ValidationException(
          "target", targets + " targets", "exactly one of forInstance, forGroup or forMetric");
    }
    Require.notNull("signal", signal);
    if (from != null && to != null && !to.isAfter(from)) {
      throw new ValidationException("to", to, "must be after from (" + from + ")");
    }
    if (fromOffset != null && fromOffset.compareTo(MAX_HISTORY.negated()) < 0) {
      throw new ValidationException(
          "from",
          fromOffset,
          "at most 14 days before the twin's start (-P14D), as PutMetricData accepts");
    }
    if (fromOffset != null && toOffset != null && toOffset.compareTo(fromOffset) <= 0) {
      throw new ValidationException("to", toOffset, "must be after from (" + fromOffset + ")");
    }
  }

  /**
   * Starts an injection for the named metric (for instance {@code CPUUtilization}).
   *
   * @param metricName the metric name
   * @return a builder for the injection
   */
  public static Builder metric(String metricName) {
    return new Builder(metricName);
  }

  /**
   * Starts an injection for one exact metric id, published once per minute by CloudWatch.
   *
   * @param metric the metric
   * @return a builder for the injection
   */
  public static Builder metric(MetricId metric) {
    Require.notNull("metric", metric);
    Builder b = new Builder(metric.metricName());
    b.metric = metric;
    return b;
  }

  /** Builds {@link MetricInjection}s. Not thread-safe. */
  public static final class Builder {
    private final String metricName;
    private @Nullable String instanceId;
    private @Nullable String groupName;
    private @Nullable MetricId metric;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private @Nullable Duration fromOffset;
    private @Nullable Duration toOffset;

    private Builder(String metricName) {
      this.metricName = metricName;
    }

    /**
     * Injects into one instance's metric.
     *
     * @param instanceId injects into one instance's metric
     * @return this builder
     */
    public Builder forInstance(String instanceId) {
      this.instanceId = Require.name("instanceId", instanceId);
      return this;
    }

    /**
     * Injects into every instance of an Auto Scaling group, now and later.
     *
     * @param groupName injects into every instance of an Auto Scaling group, now and later
     * @return this builder
     */
    public Builder forGroup(String groupName) {
      this.groupName = Require.name("groupName", groupName);
      return this;
    }

    /**
     * The window as offsets from the twin's start: {@code [from, to)}. A negative {@code from} (at
     * most 14 days) gives a metric-id injection a history: the minutes already complete are stored
     * at once, so an alarm's first evaluation sees them.
     *
     * @param from the window's start (inclusive)
     * @param to the window's end (exclusive)
     * @return this builder
     */
    public Builder between(Duration from, Duration to) {
      this.fromOffset = Require.notNull("from", from);
      this.toOffset = Require.notNull("to", to);
      return this;
    }

    /**
     * The window as instants: {@code [from, to)}.
     *
     * @param from the window's start (inclusive)
     * @param to the window's end (exclusive)
     * @return this builder
     */
    public Builder between(Instant from, Instant to) {
      this.from = Require.notNull("from", from);
      this.to = Require.notNull("to", to);
      return this;
    }

    /**
     * From an offset of the twin's start (negative: a history, see {@link #between(Duration,
     * Duration)}), open-ended.
     *
     * @param from from an offset of the twin's start (negative: a history, see {@link
     *     #between(Duration, Duration)}), open-ended
     * @return this builder
     */
    public Builder from(Duration from) {
      this.fromOffset = Require.notNull("from", from);
      return this;
    }

    /**
     * The injection with the given values.
     *
     * @param signal the signal
     * @return the injection with the given values
     */
    public MetricInjection signal(Signal signal) {
      return new MetricInjection(
          metricName, instanceId, groupName, metric, from, fromOffset, to, toOffset, signal);
    }

    /**
     * The injection with one value throughout.
     *
     * @param value the value
     * @return the injection with one value throughout
     */
    public MetricInjection constant(double value) {
      return signal(Signal.constant(value));
    }

    /**
     * The injection with one value per minute.
     *
     * @param values the values
     * @return the injection with one value per minute
     */
    public MetricInjection series(double... values) {
      return signal(Signal.series(values));
    }

    /**
     * The injection ramping linearly over the window.
     *
     * @param from the value at the window's start
     * @param to the value at the window's end
     * @return the injection ramping linearly over the window
     */
    public MetricInjection ramp(double from, double to) {
      return signal(Signal.ramp(from, to));
    }

    /** {@return the injection that silences the metric over the window} */
    public MetricInjection gap() {
      return signal(Signal.gap());
    }
  }
}
