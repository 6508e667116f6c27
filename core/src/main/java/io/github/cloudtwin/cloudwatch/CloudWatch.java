package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.kernel.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
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
  private InjectionTargets injectionTargets = new InjectionTargets() {
    @Override
    public boolean instanceExists(String instanceId) {
      return true;
    }

    @Override
    public boolean groupExists(String groupName) {
      return true;
    }
  };
  private final Map<MetricId, MetricSeries> series = new HashMap<>();
  private final Injections injections = new Injections();
  private final Map<String, MetricAlarm> alarms = new java.util.LinkedHashMap<>();
  private final CompositeAlarms composites;
  private final List<AlarmListener> alarmListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private long alarmSeq;
  private boolean minuteEvaluation;
  private boolean highResolutionEvaluation;

  /**
   * Creates the service; the twin does this, tests use {@code twin.cloudWatch()}.
   *
   * @param kernel the kernel
   */
  public CloudWatch(Kernel kernel) {
    this.kernel = Require.notNull("kernel", kernel);
    this.composites = new CompositeAlarms(kernel, alarms::get);
  }

  Kernel kernel() {
    return kernel;
  }

  /**
   * Sets what injections may name (the twin wires its instances and groups here).
   *
   * @param targets the instances and groups that exist
   */
  public void setInjectionTargets(InjectionTargets targets) {
    Require.notNull("targets", targets);
    kernel.run(() -> injectionTargets = targets);
  }

  private static long offset(String field, Instant t0, Duration offset) {
    if (offset.compareTo(Duration.between(t0, VirtualClock.LATEST)) > 0) {
      throw new ValidationException(field, offset, "an offset that stays at or before " + VirtualClock.LATEST);
    }
    return t0.plus(offset).toEpochMilli();
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
   *
   * @param timestamp when the sample was taken; null means now; at most 2 weeks in the past and 2
   *     hours in the future of virtual time, as CloudWatch accepts
   * @param metric the metric
   * @param value the value
   * @param unit the unit
   */
  public void putMetricData(MetricId metric, Instant timestamp, double value, StandardUnit unit) {
    Require.notNull("MetricData.MetricName", metric);
    MetricValueRange.check("MetricData.Value", value);
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

  /**
   * Stores a statistic set, as {@code PutMetricData} with {@code StatisticValues}.
   *
   * @param metric the metric
   * @param timestamp the timestamp
   * @param values the values
   * @param unit the unit
   */
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

  /**
   * Metric data and metric math, as {@code GetMetricData}, newest datapoint first.
   *
   * @param queries up to 500 queries; the ones with {@code ReturnData} true are answered
   * @param start the start (inclusive); periods are aligned to it
   * @param end the end (exclusive)
   * @return one result per returned query (an expression giving an array of time series gives
   *     one result per series), periods without a value left out
   */
  public List<MetricDataResult> getMetricData(List<MetricDataQuery> queries, Instant start, Instant end) {
    return getMetricData(queries, start, end, ScanBy.TIMESTAMP_DESCENDING);
  }

  /**
   * Metric data and metric math, as {@code GetMetricData}.
   *
   * @param queries up to 500 queries; the ones with {@code ReturnData} true are answered
   * @param start the start (inclusive); periods are aligned to it
   * @param end the end (exclusive)
   * @param scanBy the order of the datapoints
   * @return one result per returned query (an expression giving an array of time series gives
   *     one result per series), periods without a value left out
   */
  public List<MetricDataResult> getMetricData(List<MetricDataQuery> queries, Instant start, Instant end, ScanBy scanBy) {
    Require.notNull("MetricDataQueries", queries);
    Require.notNull("StartTime", start);
    Require.notNull("EndTime", end);
    Require.notNull("ScanBy", scanBy);
    if (queries.isEmpty() || queries.size() > 500) {
      throw new ValidationException("MetricDataQueries", queries.size() + " queries", "1 to 500 queries");
    }
    if (!end.isAfter(start)) {
      throw new ValidationException("EndTime", end, "must be after StartTime " + start);
    }
    MetricMath math = MetricMath.compile(queries);
    for (MetricDataQuery q : queries) {
      if (q.returnData() && math.type(q.id()).type() == MetricMath.Type.SCALAR) {
        throw new ValidationException("MetricDataQueries[" + q.id() + "].Expression", q.expression(),
            "an expression that returns a time series or an array of time series, not a scalar (or ReturnData false)");
      }
    }
    return kernel.call(
        () -> {
          Map<Long, MetricMath.Evaluation> byPeriod = new HashMap<>();
          List<MetricDataResult> out = new ArrayList<>();
          for (MetricDataQuery q : queries) {
            if (!q.returnData()) continue;
            long period = math.type(q.id()).period();
            MetricMath.Evaluation e = byPeriod.computeIfAbsent(period, p -> math.new Evaluation(grid(start, end, p), this::statValues));
            MetricMath.Grid grid = e.grid();
            MetricMath.Value v = e.value(q.id());
            String label = q.label() != null ? q.label() : q.isExpression() ? q.id() : q.metricStat().metric().metricName();
            if (v instanceof MetricMath.Series series) {
              out.add(result(q.id(), label, grid, series.values(), scanBy));
            } else {
              for (MetricMath.Series member : ((MetricMath.Arr) v).items()) {
                out.add(result(q.id(), (q.label() != null ? q.label() + " " : "") + member.label(), grid, member.values(), scanBy));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  private static MetricMath.Grid grid(Instant start, Instant end, long periodSeconds) {
    long p = periodSeconds * 1000;
    long from = start.toEpochMilli();
    long periods = (end.toEpochMilli() - from + p - 1) / p;
    if (periods > 100_800) {
      throw new ValidationException("EndTime", end, "at most 100,800 datapoints per query: a window of " + periods
          + " periods of " + periodSeconds + " s is too long (narrow the window or choose a longer Period)");
    }
    int n = (int) periods;
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = from + i * p;
      ends[i] = starts[i] + p;
    }
    return new MetricMath.Grid(starts, ends, periodSeconds);
  }

  private static MetricDataResult result(String id, String label, MetricMath.Grid grid, double[] values, ScanBy scanBy) {
    List<Instant> stamps = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int k = scanBy == ScanBy.TIMESTAMP_ASCENDING ? i : values.length - 1 - i;
      if (!Double.isNaN(values[k])) {
        stamps.add(Instant.ofEpochMilli(grid.starts()[k]));
        vals.add(values[k]);
      }
    }
    return new MetricDataResult(id, label, stamps, vals, "Complete");
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

  /**
   * {@return every metric that holds data or has a writer, sorted by namespace, name and
   * dimensions}
   */
  public List<MetricId> listMetrics() {
    return kernel.call(
        () -> {
          List<MetricId> ids = new ArrayList<>(series.keySet());
          ids.sort(Comparator.comparing(MetricId::toString));
          return List.copyOf(ids);
        });
  }

  /**
   * How many samples were ever stored for {@code metric} (0 for an unknown metric).
   *
   * @param metric the metric
   * @return how many samples were ever stored for {@code metric} (0 for an unknown metric)
   */
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
   *
   * @param injection the injection
   */
  public void inject(MetricInjection injection) {
    Require.notNull("injection", injection);
    kernel.run(
        () -> {
          Instant t0 = kernel.clock().start();
          long from =
              injection.from() != null
                  ? VirtualClock.requireInRange("from", injection.from()).toEpochMilli()
                  : offset("from", t0, injection.fromOffset() == null ? Duration.ZERO : injection.fromOffset());
          long to =
              injection.to() != null
                  ? VirtualClock.requireInRange("to", injection.to()).toEpochMilli()
                  : injection.toOffset() != null ? offset("to", t0, injection.toOffset()) : Long.MAX_VALUE;
          Instant now = kernel.clock().now();
          if (to <= now.toEpochMilli()) {
            throw new ValidationException("to", Instant.ofEpochMilli(to), "a window that has not ended yet: virtual time is already at " + now);
          }
          if (injection.instanceId() != null && !injectionTargets.instanceExists(injection.instanceId())) {
            throw new ValidationException("instanceId", injection.instanceId(), "the id of an instance of this twin");
          }
          if (injection.groupName() != null && !injectionTargets.groupExists(injection.groupName())) {
            throw new ValidationException("groupName", injection.groupName(),
                "the name of an Auto Scaling group of this twin (or of instances launched with autoScalingGroupName)");
          }
          Injections.Active active = new Injections.Active(injection, from, to);
          injections.all.add(active);
          kernel
              .timeline()
              .record(new CloudWatchFact.MetricInjected(injection.metricName(), injection.signal(), injection.instanceId(),
                  injection.groupName(), injection.metric(), Duration.ofMillis(from - t0.toEpochMilli()),
                  to == Long.MAX_VALUE ? null : Duration.ofMillis(to - t0.toEpochMilli())));
          if (injection.metric() != null && !injection.signal().isGap()) {
            scheduleMetricInjection(active);
          }
        });
  }

  private void scheduleMetricInjection(Injections.Active a) {
    long minute = 60_000L;
    long now = kernel.clock().now().toEpochMilli();
    long history = Math.max(a.from, now - MetricInjection.MAX_HISTORY.toMillis());
    long start = Math.floorDiv(history + minute - 1, minute) * minute;
    // A history (the window starts before now): the minutes already complete are stored at once.
    for (; start + minute <= now && start < a.to; start += minute) {
      storeInjected(a, start);
    }
    publishInjected(a, start);
  }

  /** Stores the injected value of one minute unless a newer injection of the metric covers it. */
  private void storeInjected(Injections.Active a, long minuteStart) {
    double v = a.valueAt(minuteStart);
    if (!Double.isNaN(v) && injections.newestFor(a.spec.metric(), minuteStart) == a && !isGap(a.spec.metric(), minuteStart)) {
      seriesFor(a.spec.metric(), StandardUnit.NONE).add(minuteStart, v);
    }
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
              storeInjected(a, minuteStart);
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
   *
   * @param metricName the metric name
   * @param instanceId the instance id
   * @param groupName the group name
   * @param epochMillis the epoch millis
   * @return for publishers: the injected value of {@code metricName} for the instance (or its
   *     group) at {@code epochMillis}; NaN when nothing is injected
   */
  public double injectedValue(String metricName, String instanceId, String groupName, long epochMillis) {
    kernel.checkOpen();
    if (injections.isEmpty()) {
      return Double.NaN;
    }
    Injections.Active a = injections.find(metricName, instanceId, groupName, epochMillis);
    return a == null ? Double.NaN : a.valueAt(epochMillis);
  }

  /**
   * For publishers: whether a gap silences the instance's (or its group's) metric at that time.
   *
   * @param metricName the metric name
   * @param instanceId the instance id
   * @param groupName the group name
   * @param epochMillis the epoch millis
   * @return for publishers: whether a gap silences the instance's (or its group's) metric at that
   *     time
   */
  public boolean isSuppressed(String metricName, String instanceId, String groupName, long epochMillis) {
    kernel.checkOpen();
    if (injections.isEmpty()) {
      return false;
    }
    Injections.Active a = injections.find(metricName, instanceId, groupName, epochMillis);
    return a != null && a.spec.signal().isGap();
  }

  // ------------------------------------------------------------------ alarms

  /**
   * Creates or updates a metric alarm, as {@code PutMetricAlarm}. A new alarm starts in
   * INSUFFICIENT_DATA and is evaluated at the next evaluation instant (every minute; every 10 s
   * for periods under a minute). Updating keeps the state and overwrites the definition.
   *
   * @param spec the spec
   * @return the alarm, a live view
   */
  public MetricAlarm putMetricAlarm(MetricAlarmSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          Instant now = kernel.clock().now();
          if (composites.get(spec.alarmName()) != null) {
            throw new ValidationException("AlarmName", spec.alarmName(),
                "a name no composite alarm has: alarm names are unique across metric and composite alarms");
          }
          MetricAlarm existing = alarms.get(spec.alarmName());
          if (existing != null) {
            existing.spec(spec);
            existing.addHistory(
                AlarmHistoryItem.of(now, "ConfigurationUpdate", "Alarm \"" + spec.alarmName() + "\" updated"));
            kernel.timeline().record(new CloudWatchFact.AlarmUpdated(spec.alarmName(), spec, describe(spec)));
            ensureEvaluation(spec);
            return existing;
          }
          MetricAlarm alarm = new MetricAlarm(this, spec, now, alarmSeq++);
          alarms.put(spec.alarmName(), alarm);
          alarm.addHistory(
              AlarmHistoryItem.of(now, "ConfigurationUpdate", "Alarm \"" + spec.alarmName() + "\" created"));
          kernel
              .timeline()
              .record(new CloudWatchFact.AlarmCreated(spec.alarmName(), spec, describe(spec)));
          ensureEvaluation(spec);
          return alarm;
        });
  }

  private static String describe(MetricAlarmSpec s) {
    if (s.isMetricMath()) {
      return "metrics " + s.watched() + " " + s.comparisonOperator().symbol() + " " + AlarmRules.fmt(s.threshold()) + " for "
          + s.datapointsToAlarm() + " of " + s.evaluationPeriods() + " x " + s.period().getSeconds() + " s (treatMissingData "
          + s.treatMissingData() + (s.evaluationWindow().isWallClock() ? ", " + s.evaluationWindow() : "") + ")";
    }
    return s.metric().metricName() + " " + s.statistic() + " " + s.comparisonOperator().symbol() + " "
        + AlarmRules.fmt(s.threshold()) + " for " + s.datapointsToAlarm() + " of " + s.evaluationPeriods()
        + " x " + s.period().getSeconds() + " s (treatMissingData " + s.treatMissingData()
        + (s.evaluationWindow().isWallClock() ? ", " + s.evaluationWindow() : "") + ")";
  }

  private void ensureEvaluation(MetricAlarmSpec spec) {
    if (spec.period().getSeconds() >= 60 && !minuteEvaluation) {
      minuteEvaluation = true;
      kernel.every(Duration.ofMinutes(1), io.github.cloudtwin.kernel.Phase.EVALUATE, () -> evaluateAll(true));
    }
    if (spec.period().getSeconds() < 60 && !highResolutionEvaluation) {
      highResolutionEvaluation = true;
      kernel.every(Duration.ofSeconds(10), io.github.cloudtwin.kernel.Phase.EVALUATE, () -> evaluateAll(false));
    }
  }

  /**
   * The alarm named {@code name}, or a ValidationException (ResourceNotFound).
   *
   * @param name the name
   * @return the alarm named {@code name}, or a ValidationException (ResourceNotFound)
   */
  public MetricAlarm alarm(String name) {
    Require.name("AlarmName", name);
    return kernel.call(
        () -> {
          MetricAlarm a = alarms.get(name);
          if (a == null) {
            throw new ValidationException(
                "AlarmName", name, "the name of an existing alarm " + alarms.keySet() + " (ResourceNotFound)");
          }
          return a;
        });
  }

  /** {@return every alarm, in creation order} */
  public List<MetricAlarm> alarms() {
    return kernel.call(() -> List.copyOf(alarms.values()));
  }

  /**
   * Deletes alarms, as {@code DeleteAlarms}; every name must exist, or nothing is deleted.
   *
   * @param names the names
   */
  public void deleteAlarms(String... names) {
    Require.notNull("AlarmNames", names);
    kernel.run(
        () -> {
          java.util.Set<String> deleting = new java.util.LinkedHashSet<>(java.util.Arrays.asList(names));
          for (String n : names) {
            if (composites.get(n) == null) {
              alarm(n);
            }
            List<String> dependents = composites.dependents(n, deleting);
            if (!dependents.isEmpty()) {
              throw new ValidationException("AlarmNames", n, "an alarm no composite alarm depends on: "
                  + String.join(", ", dependents) + " refers to it (change or delete that composite alarm first)");
            }
          }
          for (String n : names) {
            if (composites.get(n) != null) {
              composites.delete(n);
              continue;
            }
            MetricAlarm a = alarms.remove(n);
            if (a != null) {
              a.deleted(kernel.clock().now());
              kernel.timeline().record(new CloudWatchFact.AlarmDeleted(n));
            }
          }
        });
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
    kernel.run(
        () -> {
          CompositeAlarm c = composites.get(name);
          if (c != null) {
            composites.setState(c, state, reason);
            return;
          }
          MetricAlarm a = alarm(name);
          if (a.state() != state) {
            transition(a, state, reason, null, Double.NaN);
          }
        });
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
            throw new ValidationException("AlarmName", name, "the name of an existing composite alarm "
                + composites.all().stream().map(CompositeAlarm::alarmName).toList() + " (ResourceNotFound)");
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

  private void evaluateAll(boolean minute) {
    if (alarms.isEmpty()) {
      return;
    }
    long now = kernel.clock().now().toEpochMilli();
    for (MetricAlarm a : List.copyOf(alarms.values())) {
      if (a.isDeleted()) continue;
      MetricAlarmSpec spec = a.spec();
      boolean highRes = spec.period().getSeconds() < 60;
      if (highRes != !minute) {
        // a high-resolution alarm is evaluated by the 10 s tick; still re-invoke its scaling
        // actions once a minute
        if (minute && highRes) reinvoke(a);
        continue;
      }
      boolean transitioned = evaluate(a, spec, now);
      if (minute && !transitioned) {
        reinvoke(a);
      }
    }
  }

  private static double newestReal(double[] values) {
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) return values[i];
    }
    return Double.NaN;
  }

  /** Evaluates one alarm at {@code now}; true when its state changed. */
  private boolean evaluate(MetricAlarm a, MetricAlarmSpec spec, long now) {
    if (spec.isMetricMath()) {
      return evaluateMath(a, spec, now);
    }
    int range = spec.evaluationRange();
    long p = spec.period().toMillis();
    double[] values = new double[range];
    double[] counts = new double[range];
    Instant[] stamps = new Instant[range];
    boolean[] low = new boolean[range];
    MetricSeries s = a.cachedSeries;
    if (s == null || a.cachedFor != spec) {
      s = series.get(spec.metric());
      a.cachedSeries = s;
      a.cachedFor = spec;
    }
    if (s != null && spec.unit() != null && s.unit != spec.unit()) {
      s = null; // an alarm with a unit sees only datapoints published in that unit
    }
    Statistic stat = spec.statistic();
    double minSamples = 0;
    if (stat.isPercentile() && !spec.evaluateLowSampleCountPercentile()) {
      double q = stat.percentile();
      minSamples = q >= 0.5 ? 10 / (1 - q) : 10 / q;
    }
    EvaluationWindow window = spec.evaluationWindow();
    long end = window.newestEnd(now, p);
    for (int k = range - 1; k >= 0; k--) {
      long start = window.bucketStart(end, p);
      long bucketEnd = end;
      end = start;
      stamps[k] = Instant.ofEpochMilli(start);
      if (s == null) {
        values[k] = Double.NaN;
        continue;
      }
      double count = s.sampleCount(start, bucketEnd);
      counts[k] = count;
      values[k] = count == 0 ? Double.NaN : s.statistic(start, bucketEnd, stat);
      low[k] = minSamples > 0 && count > 0 && count < minSamples;
    }
    return decide(a, spec, now, values, counts, stamps, low);
  }

  /** Evaluates an alarm on metric math: the returned query, one value per bucket of the range. */
  private boolean evaluateMath(MetricAlarm a, MetricAlarmSpec spec, long now) {
    int range = spec.evaluationRange();
    long p = spec.period().toMillis();
    long[] starts = new long[range];
    long[] ends = new long[range];
    Instant[] stamps = new Instant[range];
    EvaluationWindow window = spec.evaluationWindow();
    long end = window.newestEnd(now, p);
    for (int k = range - 1; k >= 0; k--) {
      long start = window.bucketStart(end, p);
      starts[k] = start;
      ends[k] = end;
      stamps[k] = Instant.ofEpochMilli(start);
      end = start;
    }
    MetricMath math = a.math(spec);
    MetricMath.Grid grid = new MetricMath.Grid(starts, ends, spec.period().getSeconds());
    double[] values =
        ((MetricMath.Series) math.new Evaluation(grid, this::statValues).value(spec.returnedQuery().orElseThrow().id())).values();
    return decide(a, spec, now, values, null, stamps, new boolean[range]);
  }

  /** The values of one MetricStat on a grid: its statistic per period, NaN where it has no sample. */
  private double[] statValues(MetricStat stat, MetricMath.Grid grid) {
    double[] out = new double[grid.size()];
    java.util.Arrays.fill(out, Double.NaN);
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

  /** Applies the alarm rules to the evaluated range and transitions; true when the state changed. */
  private boolean decide(
      MetricAlarm a, MetricAlarmSpec spec, long now, double[] values, double[] counts, Instant[] stamps, boolean[] low) {
    AlarmRules.Outcome out = AlarmRules.evaluate(spec, values, stamps, low);
    AlarmState result = out.state() == null ? a.state() : out.state();
    a.lastEvaluation(new MetricAlarm.Evaluation(Instant.ofEpochMilli(now), values, result));
    if (out.state() != null && out.state() != a.state()) {
      transition(a, out.state(), out.reason(), reasonData(spec, now, out, values, counts, stamps), newestReal(values));
      return true;
    }
    return false;
  }

  /** What the evaluation saw, as AWS's StateReasonData. */
  private static StateReasonData reasonData(
      MetricAlarmSpec spec, long now, AlarmRules.Outcome out, double[] values, double[] counts, Instant[] stamps) {
    List<Integer> used = new ArrayList<>(out.used());
    Collections.sort(used);
    List<Double> recent = new ArrayList<>(used.size());
    for (int i : used) recent.add(values[i]);
    List<StateReasonData.EvaluatedDatapoint> evaluated = new ArrayList<>(out.evaluated());
    for (int i = values.length - 1; i >= values.length - out.evaluated(); i--) {
      evaluated.add(Double.isNaN(values[i])
          ? new StateReasonData.EvaluatedDatapoint(stamps[i], null, null)
          : new StateReasonData.EvaluatedDatapoint(stamps[i], counts == null ? null : counts[i], values[i]));
    }
    return new StateReasonData(
        "1.0",
        Instant.ofEpochMilli(now),
        used.isEmpty() ? null : stamps[used.get(0)],
        spec.unit(),
        spec.statistic(),
        spec.period().getSeconds(),
        recent,
        spec.threshold(),
        evaluated);
  }

  private void transition(MetricAlarm a, AlarmState to, String reason, StateReasonData data, double newest) {
    AlarmState from = a.state();
    String fromReason = a.stateReason();
    StateReasonData fromData = a.stateReasonData();
    Instant now = kernel.clock().now();
    long id =
        kernel
            .timeline()
            .record(new CloudWatchFact.AlarmStateChanged(a.alarmName(), from, to, reason, data));
    a.state(to, reason, data, now, id);
    a.addHistory(AlarmHistoryItem.stateUpdate(now, from, fromReason, fromData, to, reason, data));
    kernel.runWithCause(
        id,
        () -> {
          for (AlarmListener l : alarmListeners) {
            l.stateChanged(a, from, to, reason);
          }
          runActions(a, from, false, newest, id);
          composites.alarmChanged(a.alarmName(), from, to);
        });
  }

  /** AWS re-invokes scaling actions every minute while the alarm stays in the state. */
  private void reinvoke(MetricAlarm a) {
    if (a.lastTransitionEventId() == 0) {
      return;
    }
    MetricAlarm.Evaluation e = a.lastEvaluation();
    double newest = e == null ? Double.NaN : e.newestDatapoint();
    long cause = a.lastTransitionEventId();
    double newestValue = newest;
    kernel.runWithCause(cause, () -> runActions(a, a.state(), true, newestValue, cause));
  }

  private void runActions(MetricAlarm a, AlarmState from, boolean reinvocation, double newest, long cause) {
    MetricAlarmSpec spec = a.spec();
    if (!spec.actionsEnabled()) {
      return;
    }
    List<AlarmAction> actions =
        a.state() == AlarmState.ALARM
            ? spec.alarmActions()
            : a.state() == AlarmState.OK ? spec.okActions() : spec.insufficientDataActions();
    if (actions.isEmpty()) {
      return;
    }
    AlarmActionContext ctx =
        new AlarmActionContext(
            a.alarmName(),
            a.state(),
            from,
            reinvocation,
            kernel.clock().now(),
            spec.threshold(),
            spec.comparisonOperator(),
            newest,
            a.stateReason(),
            cause);
    for (AlarmAction action : actions) {
      if (reinvocation && !action.isScalingAction()) {
        continue;
      }
      if (!reinvocation) {
        a.addHistory(AlarmHistoryItem.of(kernel.clock().now(), "Action", "Successfully executed action " + action.name()));
        kernel.timeline().record(new CloudWatchFact.AlarmActionInvoked(a.alarmName(), action.name()));
      }
      action.invoke(ctx);
    }
  }

  /** Package access for alarm evaluation: the series, or null. */
  MetricSeries seriesOrNull(MetricId metric) {
    return series.get(metric);
  }
}
