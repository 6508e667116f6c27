package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.util.List;

/**
 * The actions of metric alarms: runs the actions of the state an alarm entered (recording each
 * invocation in the alarm's history and the timeline), and re-invokes its scaling actions every
 * minute while it stays in the state, as AWS does. Simulation thread only.
 */
final class AlarmActions {

  private final Kernel kernel;

  AlarmActions(Kernel kernel) {
    this.kernel = kernel;
  }

  /** AWS re-invokes scaling actions every minute while the alarm stays in the state. */
  void reinvoke(MetricAlarm a) {
    if (a.lastTransitionEventId() == 0 || !hasScalingAction(a.spec(), a.state())) {
      return; // a re-invocation runs only scaling actions: nothing to run, nothing to record
    }
    double newest = a.lastEvaluatedDatapoint();
    long cause = a.lastTransitionEventId();
    kernel.runWithCause(cause, () -> run(a, a.state(), true, newest, cause));
  }

  private static boolean hasScalingAction(MetricAlarmSpec spec, AlarmState state) {
    if (!spec.actionsEnabled()) {
      return false;
    }
    List<AlarmAction> actions = actionsOf(spec, state);
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).isScalingAction()) return true;
    }
    return false;
  }

  private static List<AlarmAction> actionsOf(MetricAlarmSpec spec, AlarmState state) {
    return state == AlarmState.ALARM
        ? spec.alarmActions()
        : state == AlarmState.OK ? spec.okActions() : spec.insufficientDataActions();
  }

  /** Runs the actions of the alarm's current state ({@code from} is the state it left). */
  void run(MetricAlarm a, AlarmState from, boolean reinvocation, double newest, long cause) {
    MetricAlarmSpec spec = a.spec();
    if (!spec.actionsEnabled()) {
      return;
    }
    List<AlarmAction> actions = actionsOf(spec, a.state());
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
        a.addHistory(
            AlarmHistoryItem.of(
                kernel.clock().now(), "Action", "Successfully executed action " + action.name()));
        kernel
            .timeline()
            .record(new CloudWatchFact.AlarmActionInvoked(a.alarmName(), action.name()));
      }
      action.invoke(ctx);
    }
  }
}
