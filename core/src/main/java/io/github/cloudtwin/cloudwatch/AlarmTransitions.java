package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state machine of metric alarms: one transition records {@code AlarmStateChanged}, updates the
 * alarm's view and history, and then, caused by that event, tells the alarm listeners, runs the new
 * state's actions and lets the composite alarms that name the alarm re-evaluate. Simulation thread
 * only.
 */
final class AlarmTransitions {

  private final Kernel kernel;
  private final List<AlarmListener> listeners;
  private final AlarmActions actions;
  private final CompositeAlarms composites;

  AlarmTransitions(
      Kernel kernel,
      List<AlarmListener> listeners,
      AlarmActions actions,
      CompositeAlarms composites) {
    this.kernel = kernel;
    this.listeners = listeners;
    this.actions = actions;
    this.composites = composites;
  }

  /**
   * Moves {@code a} to {@code to}; {@code data} is what the evaluation saw (null for
   * SetAlarmState), {@code newest} its newest datapoint (or NaN).
   */
  void transition(
      MetricAlarm a, AlarmState to, String reason, @Nullable StateReasonData data, double newest) {
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
          for (AlarmListener l : listeners) {
            l.stateChanged(a, from, to, reason);
          }
          actions.run(a, from, false, newest, id);
          composites.alarmChanged(a.alarmName(), from, to);
        });
  }
}
