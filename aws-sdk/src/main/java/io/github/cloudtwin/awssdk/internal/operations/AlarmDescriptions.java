package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.metric;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.missing;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.namespace;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.state;

import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.HistoryEntry;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's alarm reads: DescribeAlarms (metric and composite alarms, filtered by names, name
 * prefix, state and action prefix), DescribeAlarmsForMetric and DescribeAlarmHistory.
 */
final class AlarmDescriptions {

  private final CloudWatch cloudWatch;
  private final AlarmActionArns actions;
  private final Pagination pages;

  AlarmDescriptions(CloudWatch cloudWatch, AlarmActionArns actions, Pagination pages) {
    this.cloudWatch = cloudWatch;
    this.actions = actions;
    this.pages = pages;
  }

  Page<MetricAlarm> describeAlarms(
      @Nullable List<String> names,
      String namePrefix,
      String stateValue,
      String actionPrefix,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    if (names != null && !names.isEmpty() && namePrefix != null) {
      throw AwsErrorException.badRequest(
          "InvalidParameterCombination", "AlarmNames and AlarmNamePrefix are mutually exclusive.");
    }
    AlarmState state = stateValue == null ? null : state(stateValue);
    List<MetricAlarm> all = new ArrayList<>();
    for (MetricAlarm a : cloudWatch.alarms()) {
      if (wanted(
          a.alarmName(),
          a.state(),
          a.spec().alarmActions(),
          names,
          namePrefix,
          state,
          actionPrefix)) all.add(a);
    }
    all.sort(Comparator.comparing(MetricAlarm::alarmName));
    return pages.page("DescribeAlarms", all, nextToken, maxRecords, 50, 100, "MaxRecords");
  }

  List<CompositeAlarm> describeCompositeAlarms(
      @Nullable List<String> names, String namePrefix, String stateValue, String actionPrefix) {
    AlarmState state = stateValue == null ? null : state(stateValue);
    List<CompositeAlarm> all = new ArrayList<>();
    for (CompositeAlarm a : cloudWatch.compositeAlarms()) {
      if (wanted(
          a.alarmName(),
          a.state(),
          a.spec().alarmActions(),
          names,
          namePrefix,
          state,
          actionPrefix)) all.add(a);
    }
    all.sort(Comparator.comparing(CompositeAlarm::alarmName));
    return all;
  }

  List<MetricAlarm> describeAlarmsForMetric(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      String statistic,
      String extendedStatistic,
      Integer period) {
    namespace(namespace);
    if (metricName == null) throw missing("MetricName");
    MetricId id = metric(namespace, metricName, dimensions);
    List<MetricAlarm> out = new ArrayList<>();
    for (MetricAlarm a : cloudWatch.alarms()) {
      MetricAlarmSpec s = a.spec();
      MetricId alarmMetric = s.metric();
      io.github.cloudtwin.cloudwatch.Statistic alarmStatistic = s.statistic();
      // an alarm on one metric has both; an alarm on metric math has neither
      if (s.isMetricMath() || alarmMetric == null || alarmStatistic == null) continue;
      if (!alarmMetric.equals(id)) continue;
      if (statistic != null && !alarmStatistic.toString().equals(statistic)) continue;
      if (extendedStatistic != null && !alarmStatistic.toString().equals(extendedStatistic))
        continue;
      if (period != null && s.period().getSeconds() != period) continue;
      out.add(a);
    }
    out.sort(Comparator.comparing(MetricAlarm::alarmName));
    return out;
  }

  Page<HistoryEntry> describeAlarmHistory(
      String alarmName,
      String historyItemType,
      Instant start,
      Instant end,
      boolean ascending,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    if (historyItemType != null
        && !List.of("ConfigurationUpdate", "StateUpdate", "Action").contains(historyItemType)) {
      throw invalid("The value " + historyItemType + " for parameter HistoryItemType is invalid.");
    }
    List<HistoryEntry> all = new ArrayList<>();
    for (MetricAlarm a : cloudWatch.alarms()) {
      if (alarmName != null && !alarmName.equals(a.alarmName())) continue;
      for (AlarmHistoryItem h : a.history()) {
        if (historyItemType != null && !historyItemType.equals(h.type())) continue;
        if (start != null && h.timestamp().isBefore(start)) continue;
        if (end != null && !h.timestamp().isBefore(end)) continue;
        all.add(new HistoryEntry(a.alarmName(), h));
      }
    }
    Comparator<HistoryEntry> byTime = Comparator.comparing(e -> e.item().timestamp());
    all.sort(ascending ? byTime : byTime.reversed());
    return pages.page("DescribeAlarmHistory", all, nextToken, maxRecords, 100, 100, "MaxRecords");
  }

  /** Whether an alarm passes DescribeAlarms' filters (each null or empty: no filter). */
  private boolean wanted(
      String alarmName,
      AlarmState alarmState,
      List<AlarmAction> alarmActions,
      @Nullable List<String> names,
      String namePrefix,
      @Nullable AlarmState state,
      String actionPrefix) {
    if (names != null && !names.isEmpty() && !names.contains(alarmName)) return false;
    if (namePrefix != null && !alarmName.startsWith(namePrefix)) return false;
    if (state != null && alarmState != state) return false;
    return actionPrefix == null
        || actions.actionArns(alarmActions).stream().anyMatch(x -> x.startsWith(actionPrefix));
  }
}
