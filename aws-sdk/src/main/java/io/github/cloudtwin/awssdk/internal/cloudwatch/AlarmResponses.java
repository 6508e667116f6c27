package io.github.cloudtwin.awssdk.internal.cloudwatch;

import static io.github.cloudtwin.awssdk.internal.cloudwatch.Dimensions.dimensions;

import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Metric and composite alarms as DescribeAlarms and DescribeAlarmsForMetric answer them: the SDK
 * models with their ARNs, actions, state, metric or metric math queries, and suppressor.
 */
final class AlarmResponses {

  private final CloudWatchOperations ops;

  AlarmResponses(CloudWatchOperations ops) {
    this.ops = ops;
  }

  /** The SDK model of a metric alarm. */
  MetricAlarm alarm(io.github.cloudtwin.cloudwatch.MetricAlarm a) {
    MetricAlarmSpec s = a.spec();
    MetricAlarm.Builder b =
        MetricAlarm.builder()
            .alarmName(s.alarmName())
            .alarmArn(ops.alarmArn(s.alarmName()))
            .alarmDescription(s.alarmDescription())
            .alarmConfigurationUpdatedTimestamp(configurationUpdated(a.history()))
            .actionsEnabled(s.actionsEnabled())
            .okActions(ops.actionArns(s.okActions()))
            .alarmActions(ops.actionArns(s.alarmActions()))
            .insufficientDataActions(ops.actionArns(s.insufficientDataActions()))
            .stateValue(a.state().name())
            .stateReason(a.stateReason())
            .stateReasonData(a.stateReasonData() == null ? null : a.stateReasonData().toJson())
            .stateUpdatedTimestamp(a.stateUpdatedTimestamp())
            .stateTransitionedTimestamp(a.stateUpdatedTimestamp())
            .evaluationPeriods(s.evaluationPeriods())
            .datapointsToAlarm(s.datapointsToAlarm())
            .threshold(s.threshold())
            .comparisonOperator(s.comparisonOperator().name())
            .treatMissingData(s.treatMissingData().name());
    if (s.isMetricMath()) {
      return b.metrics(queries(s)).build();
    }
    MetricId metric = Objects.requireNonNull(s.metric(), "an alarm on one metric names it");
    var statistic = Objects.requireNonNull(s.statistic(), "an alarm on one metric has a statistic");
    b.metricName(metric.metricName())
        .namespace(metric.namespace())
        .dimensions(dimensions(metric))
        .period((int) s.period().getSeconds());
    if (statistic.isPercentile()) {
      b.extendedStatistic(statistic.toString())
          .evaluateLowSampleCountPercentile(
              s.evaluateLowSampleCountPercentile() ? "evaluate" : "ignore");
    } else {
      b.statistic(s.statistic().toString());
    }
    return b.build();
  }

  /** The SDK model of a composite alarm. */
  CompositeAlarm composite(io.github.cloudtwin.cloudwatch.CompositeAlarm c) {
    io.github.cloudtwin.cloudwatch.CompositeAlarmSpec s = c.spec();
    Instant configured = configurationUpdated(c.history());
    CompositeAlarm.Builder b =
        CompositeAlarm.builder()
            .alarmName(s.alarmName())
            .alarmArn(ops.alarmArn(s.alarmName()))
            .alarmDescription(s.alarmDescription())
            .alarmRule(s.alarmRule())
            .alarmConfigurationUpdatedTimestamp(configured)
            .actionsEnabled(s.actionsEnabled())
            .alarmActions(ops.actionArns(s.alarmActions()))
            .okActions(ops.actionArns(s.okActions()))
            .insufficientDataActions(ops.actionArns(s.insufficientDataActions()))
            .stateValue(c.state().name())
            .stateReason(c.stateReason())
            .stateReasonData(c.stateReasonData() == null ? null : c.stateReasonData().toJson())
            .stateUpdatedTimestamp(c.stateUpdatedTimestamp())
            .stateTransitionedTimestamp(c.stateUpdatedTimestamp());
    if (s.actionsSuppressor() != null) {
      // the spec requires both periods with a suppressor
      Duration wait = Objects.requireNonNull(s.actionsSuppressorWaitPeriod(), "wait period");
      Duration extension =
          Objects.requireNonNull(s.actionsSuppressorExtensionPeriod(), "extension period");
      b.actionsSuppressor(s.actionsSuppressor())
          .actionsSuppressorWaitPeriod((int) wait.getSeconds())
          .actionsSuppressorExtensionPeriod((int) extension.getSeconds());
    }
    c.actionsSuppressedBy()
        .ifPresent(by -> b.actionsSuppressedBy(by.awsName()).actionsSuppressedReason(by.reason()));
    return b.build();
  }

  /** The SDK form of the twin's queries (DescribeAlarms' {@code Metrics}). */
  private static List<MetricDataQuery> queries(MetricAlarmSpec s) {
    List<MetricDataQuery> out = new ArrayList<>();
    for (io.github.cloudtwin.cloudwatch.MetricDataQuery q : s.metrics()) {
      MetricDataQuery.Builder b =
          MetricDataQuery.builder().id(q.id()).label(q.label()).returnData(q.returnData());
      if (q.isExpression()) {
        b.expression(q.expression());
        if (q.period() != null) b.period((int) q.period().getSeconds());
      } else {
        io.github.cloudtwin.cloudwatch.MetricStat stat =
            Objects.requireNonNull(q.metricStat(), "a query that is no expression has a metric");
        MetricId m = stat.metric();
        b.metricStat(
            MetricStat.builder()
                .metric(
                    Metric.builder()
                        .namespace(m.namespace())
                        .metricName(m.metricName())
                        .dimensions(dimensions(m))
                        .build())
                .period((int) stat.period().getSeconds())
                .stat(stat.stat().toString())
                .build());
      }
      out.add(b.build());
    }
    return out;
  }

  /** When the alarm's configuration was last updated (its last ConfigurationUpdate), or null. */
  private static @Nullable Instant configurationUpdated(
      List<io.github.cloudtwin.cloudwatch.AlarmHistoryItem> history) {
    Instant t = null;
    for (io.github.cloudtwin.cloudwatch.AlarmHistoryItem h : history) {
      if (h.type().equals("ConfigurationUpdate")) t = h.timestamp();
    }
    return t;
  }
}
