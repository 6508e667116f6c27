package io.github.cloudtwin.cloudwatch;

/**
 * An alarm spec's values set on a new builder through its public setters ({@link
 * MetricAlarmSpec#toBuilder()}): an alarm on metric math leaves statistic and period unset, as its
 * queries carry them; DatapointsToAlarm is set only when it was given.
 */
final class AlarmSpecCopy {

  private AlarmSpecCopy() {}

  /** {@return a builder holding {@code s}'s values} */
  static MetricAlarmSpec.Builder toBuilder(MetricAlarmSpec s) {
    MetricAlarmSpec.Builder b =
        MetricAlarmSpec.builder()
            .alarmName(s.alarmName())
            .alarmDescription(s.alarmDescription())
            .metric(s.metric())
            .evaluationPeriods(s.evaluationPeriods())
            .unit(s.unit())
            .threshold(s.threshold())
            .comparisonOperator(s.comparisonOperator())
            .treatMissingData(s.treatMissingData())
            .evaluateLowSampleCountPercentile(s.evaluateLowSampleCountPercentile())
            .evaluationRange(s.evaluationRange())
            .evaluationWindow(s.evaluationWindow())
            .actionsEnabled(s.actionsEnabled())
            .alarmActions(s.alarmActions().toArray(AlarmAction[]::new))
            .okActions(s.okActions().toArray(AlarmAction[]::new))
            .insufficientDataActions(s.insufficientDataActions().toArray(AlarmAction[]::new))
            .metrics(s.metrics());
    if (s.datapointsToAlarmSet()) b.datapointsToAlarm(s.datapointsToAlarm());
    Statistic statistic = s.statistic();
    if (statistic != null) b.statistic(statistic).period(s.period()); // not for metric math
    return b;
  }
}
