package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The metric alarms of one CloudWatch by name: {@code PutMetricAlarm} (create or update, names
 * unique across metric and composite alarms), look-up, {@code DeleteAlarms} (all or nothing, no
 * composite alarm left naming a deleted one) and {@code SetAlarmState}. Simulation thread only:
 * callers hold the kernel lock.
 */
final class MetricAlarms {

  private final Kernel kernel;
  private final Map<String, MetricAlarm> alarms;
  private final CompositeAlarms composites;
  private final AlarmTransitions transitions;
  private final AlarmEvaluator evaluator;
  private long alarmSeq;

  /**
   * Creates the registry.
   *
   * @param alarms the map it keeps, in creation order (shared with the composite alarms and the
   *     evaluator, which read it)
   */
  MetricAlarms(
      Kernel kernel,
      Map<String, MetricAlarm> alarms,
      CompositeAlarms composites,
      AlarmTransitions transitions,
      AlarmEvaluator evaluator) {
    this.kernel = kernel;
    this.alarms = alarms;
    this.composites = composites;
    this.transitions = transitions;
    this.evaluator = evaluator;
  }

  /** Creates or updates the alarm {@code spec} names. */
  MetricAlarm put(MetricAlarmSpec spec) {
    Instant now = kernel.clock().now();
    if (composites.get(spec.alarmName()) != null) {
      throw new ValidationException(
          "AlarmName",
          spec.alarmName(),
          "a name no composite alarm has: alarm names are unique across metric and composite alarms");
    }
    MetricAlarm existing = alarms.get(spec.alarmName());
    if (existing != null) {
      existing.spec(spec);
      existing.addHistory(
          AlarmHistoryItem.of(
              now, "ConfigurationUpdate", "Alarm \"" + spec.alarmName() + "\" updated"));
      kernel
          .timeline()
          .record(new CloudWatchFact.AlarmUpdated(spec.alarmName(), spec, describe(spec)));
      evaluator.ensureEvaluation(spec);
      return existing;
    }
    MetricAlarm alarm = new MetricAlarm(kernel.timeline(), spec, now, alarmSeq++);
    alarms.put(spec.alarmName(), alarm);
    alarm.addHistory(
        AlarmHistoryItem.of(
            now, "ConfigurationUpdate", "Alarm \"" + spec.alarmName() + "\" created"));
    kernel
        .timeline()
        .record(new CloudWatchFact.AlarmCreated(spec.alarmName(), spec, describe(spec)));
    evaluator.ensureEvaluation(spec);
    return alarm;
  }

  /** The alarm's definition in one line, for the timeline. */
  static String describe(MetricAlarmSpec s) {
    if (s.isMetricMath()) {
      return "metrics "
          + s.watched()
          + " "
          + s.comparisonOperator().symbol()
          + " "
          + AlarmRules.fmt(s.threshold())
          + " for "
          + s.datapointsToAlarm()
          + " of "
          + s.evaluationPeriods()
          + " x "
          + s.period().getSeconds()
          + " s (treatMissingData "
          + s.treatMissingData()
          + (s.evaluationWindow().isWallClock() ? ", " + s.evaluationWindow() : "")
          + ")";
    }
    MetricId metric = Objects.requireNonNull(s.metric(), "a one-metric alarm names its metric");
    return metric.metricName()
        + " "
        + s.statistic()
        + " "
        + s.comparisonOperator().symbol()
        + " "
        + AlarmRules.fmt(s.threshold())
        + " for "
        + s.datapointsToAlarm()
        + " of "
        + s.evaluationPeriods()
        + " x "
        + s.period().getSeconds()
        + " s (treatMissingData "
        + s.treatMissingData()
        + (s.evaluationWindow().isWallClock() ? ", " + s.evaluationWindow() : "")
        + ")";
  }

  /** The alarm named {@code name}, or a ValidationException (ResourceNotFound). */
  MetricAlarm require(String name) {
    Require.name("AlarmName", name);
    MetricAlarm a = alarms.get(name);
    if (a == null) {
      throw new ValidationException(
          "AlarmName",
          name,
          "the name of an existing alarm " + alarms.keySet() + " (ResourceNotFound)");
    }
    return a;
  }

  /** Every alarm, in creation order. */
  List<MetricAlarm> all() {
    return List.copyOf(alarms.values());
  }

  /** Deletes metric and composite alarms; every name is checked before anything is deleted. */
  void delete(String... names) {
    Set<String> deleting = new LinkedHashSet<>(Arrays.asList(names));
    for (String n : names) {
      if (composites.get(n) == null) {
        require(n);
      }
      List<String> dependents = composites.dependents(n, deleting);
      if (!dependents.isEmpty()) {
        throw new ValidationException(
            "AlarmNames",
            n,
            "an alarm no composite alarm depends on: "
                + String.join(", ", dependents)
                + " refers to it (change or delete that composite alarm first)");
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
  }

  /** Sets a metric or composite alarm's state, as SetAlarmState. */
  void setState(String name, AlarmState state, String reason) {
    CompositeAlarm c = composites.get(name);
    if (c != null) {
      composites.setState(c, state, reason);
      return;
    }
    MetricAlarm a = require(name);
    if (a.state() != state) {
      transitions.transition(a, state, reason, null, Double.NaN);
    }
  }
}
