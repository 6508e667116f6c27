package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.InjectionTargets;
import io.github.cloudtwin.internal.MetricOverrides;
import io.github.cloudtwin.internal.PooledMinutes;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch of one twin: the metric store ({@code PutMetricData}, {@code GetMetricStatistics}) and
 * metric alarms.
 *
 * <p>Obtain it from {@code twin.cloudWatch()}. Thread-safe: every method runs under the twin's
 * simulation lock.
 *
 * <p>A facade: the metric store ({@code MetricStore}), injections ({@code MetricInjector}), {@code
 * GetMetricData}, the metric alarm registry ({@code MetricAlarms}), their evaluation ({@code
 * AlarmEvaluator}), transitions ({@code AlarmTransitions}) and actions ({@code AlarmActions}), and
 * the composite alarms ({@code CompositeAlarms}) do the work.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CloudWatch {

  private final Kernel kernel;
  private final MetricStore store;
  private final MetricInjector injector;
  private final GetMetricData metricData;
  private final CompositeAlarms composites;
  private final MetricAlarms alarms;
  private final List<AlarmListener> alarmListeners = new CopyOnWriteArrayList<>();

  /**
   * Creates the service; the twin does this, tests use {@code twin.cloudWatch()}.
   *
   * @param kernel the kernel
   * @param wiring the twin's connections: CloudWatch offers its injections to the publishers and
   *     learns what an injection may name
   */
  CloudWatch(Kernel kernel, Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    Injections injections = new Injections();
    this.store = new MetricStore(kernel, injections);
    this.injector = new MetricInjector(kernel, injections, store);
    this.metricData = new GetMetricData(kernel, store);
    Map<String, MetricAlarm> byName = new LinkedHashMap<>();
    this.composites = new CompositeAlarms(kernel, byName::get);
    AlarmActions actions = new AlarmActions(kernel);
    AlarmTransitions transitions =
        new AlarmTransitions(kernel, alarmListeners, actions, composites);
    AlarmEvaluator evaluator =
        new AlarmEvaluator(kernel, byName.values(), store, transitions, actions);
    this.alarms = new MetricAlarms(kernel, byName, composites, transitions, evaluator);
    injector.targets(
        new InjectionTargets() {
          @Override
          public boolean instanceExists(String instanceId) {
            return wiring.injectionTargets().instanceExists(instanceId);
          }

          @Override
          public boolean groupExists(String groupName) {
            return wiring.injectionTargets().groupExists(groupName);
          }
        });
    wiring.pooledMinutes(
        new PooledMinutes() {
          @Override
          public PooledMinutes.Column column() {
            return new PoolColumn();
          }

          @Override
          public PooledMinutes.@Nullable Following follow(
              MetricWriter writer, PooledMinutes.Column column, long minuteStartMillis) {
            return writer.series().follow((PoolColumn) column, minuteStartMillis);
          }
        });
    wiring.metricOverrides(
        new MetricOverrides() {
          @Override
          public boolean isSuppressed(
              String metricName, String instanceId, @Nullable String groupName, long epochMillis) {
            kernel.checkOpen();
            return injector.isSuppressed(metricName, instanceId, groupName, epochMillis);
          }

          @Override
          public double injectedValue(
              String metricName, String instanceId, @Nullable String groupName, long epochMillis) {
            kernel.checkOpen();
            return injector.injectedValue(metricName, instanceId, groupName, epochMillis);
          }

          @Override
          public boolean namesAnInstance(String metricName, long epochMillis) {
            kernel.checkOpen();
            return injector.namesAnInstance(metricName, epochMillis);
          }

          @Override
          public boolean injectsAny(String metricName, long epochMillis) {
            kernel.checkOpen();
            return injector.hasInjections();
          }
        });
  }

  // ------------------------------------------------------------------ metrics

  /**
   * Stores one sample stamped now, with unit {@code None}.
   *
   * @param metric the metric
   * @param value the value
   */
  public void putMetricData(MetricId metric, double value) {
    putMetricData(metric, null, value, StandardUnit.NONE);
  }

  /**
   * Stores one sample, as {@code PutMetricData}.
   *
   * @param timestamp when the sample was taken; null means now; at most 2 weeks in the past and 2
   *     hours in the future of virtual time, as CloudWatch accepts
   * @param metric the metric
   * @param value the value
   * @param unit the unit
   */
  public void putMetricData(
      MetricId metric, @Nullable Instant timestamp, double value, StandardUnit unit) {
    Require.notNull("MetricData.MetricName", metric);
    MetricValueRange.check("MetricData.Value", value);
    Require.notNull("MetricData.Unit", unit);
    kernel.run(() -> store.put(metric, timestamp, value, unit));
  }

  /**
   * Stores a statistic set, as {@code PutMetricData} with {@code StatisticValues}.
   *
   * @param metric the metric
   * @param timestamp when the statistics were taken; null means now; within the same range as
   *     {@link #putMetricData(MetricId, Instant, double, StandardUnit)} accepts
   * @param values the values
   * @param unit the unit
   */
  public void putMetricData(
      MetricId metric, @Nullable Instant timestamp, StatisticValues values, StandardUnit unit) {
    Require.notNull("MetricData.MetricName", metric);
    Require.notNull("MetricData.StatisticValues", values);
    Require.notNull("MetricData.Unit", unit);
    kernel.run(() -> store.put(metric, timestamp, values, unit));
  }

  /**
   * A handle to publish to {@code metric} repeatedly without look-ups (used by AWS services).
   *
   * @param metric the metric
   * @param unit the unit
   * @return a handle to publish to {@code metric} repeatedly without look-ups (used by AWS
   *     services)
   */
  public MetricWriter writer(MetricId metric, StandardUnit unit) {
    Require.notNull("metric", metric);
    Require.notNull("unit", unit);
    return kernel.call(() -> new MetricWriter(kernel, store.seriesFor(metric, unit)));
  }

  /**
   * One datapoint per {@code period} in {@code [start, end)}, as {@code GetMetricStatistics}:
   * periods with no samples are left out; timestamps are period starts, aligned to {@code start}.
   *
   * @param metric the metric
   * @param start the start
   * @param end the end
   * @param period the period
   * @param statistic the statistic
   * @return one datapoint per {@code period} in {@code [start, end)}, as {@code
   *     GetMetricStatistics}: periods with no samples are left out; timestamps are period starts,
   *     aligned to {@code start}
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
    return kernel.call(() -> store.datapoints(metric, start, end, period, statistic));
  }

  /**
   * Metric data and metric math, as {@code GetMetricData}, newest datapoint first.
   *
   * @param queries up to 500 queries; the ones with {@code ReturnData} true are answered
   * @param start the start (inclusive); periods are aligned to it
   * @param end the end (exclusive)
   * @return one result per returned query (an expression giving an array of time series gives one
   *     result per series), periods without a value left out
   */
  public List<MetricDataResult> getMetricData(
      List<MetricDataQuery> queries, Instant start, Instant end) {
    return getMetricData(queries, start, end, ScanBy.TIMESTAMP_DESCENDING);
  }

  /**
   * Metric data and metric math, as {@code GetMetricData}.
   *
   * @param queries up to 500 queries; the ones with {@code ReturnData} true are answered
   * @param start the start (inclusive); periods are aligned to it
   * @param end the end (exclusive)
   * @param scanBy the order of the datapoints
   * @return one result per returned query (an expression giving an array of time series gives one
   *     result per series), periods without a value left out
   */
  public List<MetricDataResult> getMetricData(
      List<MetricDataQuery> queries, Instant start, Instant end, ScanBy scanBy) {
    return metricData.query(queries, start, end, scanBy);
  }

  /**
   * The statistic over every sample in {@code [from, to)}, or empty when there is none.
   *
   * @param metric the metric
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @param statistic the statistic
   * @return the statistic over every sample in {@code [from, to)}, or empty when there is none
   */
  public OptionalDouble statistic(MetricId metric, Instant from, Instant to, Statistic statistic) {
    Require.notNull("metric", metric);
    Require.notNull("from", from);
    Require.notNull("to", to);
    Require.notNull("statistic", statistic);
    return kernel.call(() -> store.statistic(metric, from, to, statistic));
  }

  /**
   * {@return every metric that holds data or has a writer, sorted by namespace, name and
   * dimensions}
   */
  public List<MetricId> listMetrics() {
    return kernel.call(store::metrics);
  }

  /**
   * How many samples were ever stored for {@code metric} (0 for an unknown metric).
   *
   * @param metric the metric
   * @return how many samples were ever stored for {@code metric} (0 for an unknown metric)
   */
  public long storedSampleCount(MetricId metric) {
    return kernel.call(() -> store.storedSampleCount(metric));
  }

  // ------------------------------------------------------------------ injection

  /**
   * Injects metric values over a window of virtual time (see {@link MetricInjection}). Metric-id
   * injections are published at the end of each minute they cover, stamped with the minute's start.
   *
   * @param injection the injection
   */
  public void inject(MetricInjection injection) {
    Require.notNull("injection", injection);
    kernel.run(() -> injector.inject(injection));
  }

  // ------------------------------------------------------------------ alarms

  /**
   * Creates or updates a metric alarm, as {@code PutMetricAlarm}. A new alarm starts in
   * INSUFFICIENT_DATA and is evaluated at the next evaluation instant (every minute; every 10 s for
   * periods under a minute). Updating keeps the state and overwrites the definition.
   *
   * @param spec the spec
   * @return the alarm, a live view
   */
  public MetricAlarm putMetricAlarm(MetricAlarmSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(() -> alarms.put(spec));
  }

  /**
   * The alarm named {@code name}, or a ValidationException (ResourceNotFound).
   *
   * @param name the name
   * @return the alarm named {@code name}, or a ValidationException (ResourceNotFound)
   */
  public MetricAlarm alarm(String name) {
    Require.name("AlarmName", name);
    return kernel.call(() -> alarms.require(name));
  }

  /** {@return every alarm, in creation order} */
  public List<MetricAlarm> alarms() {
    return kernel.call(alarms::all);
  }

  /**
   * Deletes alarms, as {@code DeleteAlarms}; every name must exist, or nothing is deleted.
   *
   * @param names the names
   */
  public void deleteAlarms(String... names) {
    Require.notNull("AlarmNames", names);
    kernel.run(() -> alarms.delete(names));
  }

  /**
   * Sets an alarm's state until its next evaluation, as {@code SetAlarmState}; actions of the new
   * state run as on any transition.
   *
   * @param name the name
   * @param state the state
   * @param reason the reason
   */
  public void setAlarmState(String name, AlarmState state, String reason) {
    Require.notNull("StateValue", state);
    Require.name("StateReason", reason);
    kernel.run(() -> alarms.setState(name, state, reason));
  }

  // ------------------------------------------------------------------ composite alarms

  /**
   * Creates or updates a composite alarm, as {@code PutCompositeAlarm}: every alarm its rule (and
   * its {@code ActionsSuppressor}) names must exist, and the rule must close no cycle between
   * composite alarms. A new alarm starts in INSUFFICIENT_DATA and is evaluated at once; after that
   * whenever an alarm its rule names changes state. Updating keeps the state and re-evaluates.
   *
   * @param spec the spec
   * @return the alarm, a live view
   */
  public CompositeAlarm putCompositeAlarm(CompositeAlarmSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(() -> composites.put(spec));
  }

  /**
   * The composite alarm named {@code name}, or a ValidationException (ResourceNotFound).
   *
   * @param name the name
   * @return the composite alarm
   */
  public CompositeAlarm compositeAlarm(String name) {
    Require.name("AlarmName", name);
    return kernel.call(
        () -> {
          CompositeAlarm c = composites.get(name);
          if (c == null) {
            throw new ValidationException(
                "AlarmName",
                name,
                "the name of an existing composite alarm "
                    + composites.all().stream().map(CompositeAlarm::alarmName).toList()
                    + " (ResourceNotFound)");
          }
          return c;
        });
  }

  /** {@return every composite alarm, in creation order} */
  public List<CompositeAlarm> compositeAlarms() {
    return kernel.call(composites::all);
  }

  /**
   * Calls {@code listener} on every alarm state change (on the simulation thread).
   *
   * @param listener the listener
   */
  public void addAlarmListener(AlarmListener listener) {
    alarmListeners.add(Require.notNull("listener", listener));
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeAlarmListener(AlarmListener listener) {
    kernel.checkOpen();
    alarmListeners.remove(listener);
  }
}
