package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's API operations over the twin (metrics and metric alarms), independent of any SDK:
 * AWS's validation, defaults, error codes ({@code InvalidParameterValue}, {@code MissingParameter},
 * {@code ResourceNotFound}, ...) and pagination. Alarm actions are ARNs: an Auto Scaling policy ARN
 * executes that policy; any other ARN (SNS topics) is a notification that the twin records but does
 * not deliver.
 *
 * <p>A facade over the metric operations, the alarm mutations, the alarm reads and the alarm
 * actions' ARNs.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CloudWatchOperations {

  private final MetricOperations metrics;
  private final AlarmActionArns actions;
  private final AlarmOperations alarms;
  private final AlarmDescriptions descriptions;

  /**
   * Operations on {@code twin}.
   *
   * @param twin the twin
   */
  public CloudWatchOperations(CloudTwin twin) {
    Objects.requireNonNull(twin, "twin");
    Pagination pages = new Pagination("monitoring", "InvalidNextToken");
    this.metrics = new MetricOperations(twin, pages);
    this.actions = new AlarmActionArns(twin);
    this.alarms = new AlarmOperations(twin.cloudWatch(), actions);
    this.descriptions = new AlarmDescriptions(twin.cloudWatch(), actions, pages);
  }

  /**
   * One {@code MetricDatum} of {@code PutMetricData}.
   *
   * @param metricName required
   * @param dimensions name to value
   * @param timestamp null: now
   * @param value the value, or null with {@code statisticValues}
   * @param statisticValues a statistic set, or null
   * @param unit AWS's unit name, or null for None
   */
  public record MetricDatum(
      String metricName,
      Map<String, String> dimensions,
      Instant timestamp,
      Double value,
      @Nullable StatisticValues statisticValues,
      String unit) {}

  /**
   * One {@code MetricDataQuery} of {@code GetMetricData} or of PutMetricAlarm's {@code Metrics}: a
   * {@code MetricStat} (metric, period, stat) or an {@code Expression}.
   *
   * @param id required, starts with a lower-case letter
   * @param metric the metric, or null for an expression
   * @param period the period in seconds (of the MetricStat, or the expression's {@code Period})
   * @param stat the statistic, such as {@code Average} or {@code p99}
   * @param label the label, or null for the metric name
   * @param returnData whether the result is returned (default true)
   * @param expression the metric math expression, or null for a MetricStat
   */
  public record MetricQuery(
      String id,
      @Nullable MetricId metric,
      Integer period,
      @Nullable String stat,
      String label,
      Boolean returnData,
      String expression) {}

  /**
   * One result of {@code GetMetricData}.
   *
   * @param id the query id
   * @param label the label
   * @param timestamps the timestamps, newest first unless TimestampAscending
   * @param values the values, matching timestamps
   */
  public record MetricResult(
      String id, String label, List<Instant> timestamps, List<Double> values) {}

  /**
   * The {@code PutMetricAlarm} parameters the twin simulates (nulls: AWS's defaults).
   *
   * @param alarmName required
   * @param alarmDescription optional
   * @param metric the metric (namespace, name, dimensions)
   * @param statistic a statistic, or null with {@code extendedStatistic}
   * @param extendedStatistic a percentile such as {@code p99}, or null
   * @param period seconds
   * @param evaluationPeriods required
   * @param datapointsToAlarm default EvaluationPeriods
   * @param threshold required
   * @param comparisonOperator AWS's name, required
   * @param treatMissingData default {@code missing}
   * @param evaluateLowSampleCountPercentile {@code evaluate} (default) or {@code ignore}
   * @param actionsEnabled default true
   * @param alarmActions ARNs
   * @param okActions ARNs
   * @param insufficientDataActions ARNs
   * @param metrics the {@code Metrics} of an alarm on metric math, or null
   */
  public record PutAlarm(
      String alarmName,
      String alarmDescription,
      @Nullable MetricId metric,
      String statistic,
      String extendedStatistic,
      Integer period,
      Integer evaluationPeriods,
      Integer datapointsToAlarm,
      Double threshold,
      String comparisonOperator,
      String treatMissingData,
      String evaluateLowSampleCountPercentile,
      Boolean actionsEnabled,
      @Nullable List<String> alarmActions,
      @Nullable List<String> okActions,
      @Nullable List<String> insufficientDataActions,
      @Nullable List<MetricQuery> metrics) {}

  /**
   * The {@code PutCompositeAlarm} parameters (nulls: AWS's defaults).
   *
   * @param alarmName required
   * @param alarmDescription optional
   * @param alarmRule required
   * @param actionsEnabled default true
   * @param alarmActions ARNs
   * @param okActions ARNs
   * @param insufficientDataActions ARNs
   * @param actionsSuppressor the suppressor alarm's name or ARN, or null
   * @param actionsSuppressorWaitPeriod seconds; required with a suppressor
   * @param actionsSuppressorExtensionPeriod seconds; required with a suppressor
   */
  public record PutComposite(
      String alarmName,
      String alarmDescription,
      String alarmRule,
      Boolean actionsEnabled,
      @Nullable List<String> alarmActions,
      @Nullable List<String> okActions,
      @Nullable List<String> insufficientDataActions,
      String actionsSuppressor,
      Integer actionsSuppressorWaitPeriod,
      Integer actionsSuppressorExtensionPeriod) {}

  /**
   * One entry of {@code DescribeAlarmHistory}.
   *
   * @param alarmName the alarm
   * @param item the entry
   */
  public record HistoryEntry(String alarmName, AlarmHistoryItem item) {}

  // ------------------------------------------------------------------ metrics

  /** {@code PutMetricData}: all data or none. */
  public void putMetricData(String namespace, List<MetricDatum> data) {
    metrics.putMetricData(namespace, data);
  }

  /**
   * {@code GetMetricStatistics}: for each period with data, the requested statistics (oldest
   * first). Returns the datapoints as a map from timestamp to statistic name to value, plus sample
   * counts under {@code SampleCount} when asked.
   */
  public Map<Instant, Map<String, Double>> getMetricStatistics(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      Instant start,
      Instant end,
      Integer period,
      @Nullable List<String> statistics,
      @Nullable List<String> extendedStatistics) {
    return metrics.getMetricStatistics(
        namespace, metricName, dimensions, start, end, period, statistics, extendedStatistics);
  }

  /**
   * {@code GetMetricData}: one result per query that returns data, datapoints newest first by
   * default.
   */
  public List<MetricResult> getMetricData(
      List<MetricQuery> queries,
      Instant start,
      Instant end,
      boolean ascending,
      Integer maxDatapoints) {
    return metrics.getMetricData(queries, start, end, ascending, maxDatapoints);
  }

  /**
   * The twin's queries for a {@code MetricDataQuery} list, with AWS's messages for what is missing.
   *
   * @param queries the queries
   * @param field {@code MetricDataQueries} or {@code Metrics}
   * @return the twin's queries
   */
  public List<io.github.cloudtwin.cloudwatch.MetricDataQuery> queries(
      List<MetricQuery> queries, String field) {
    return MetricQueries.queries(queries, field);
  }

  /** {@code ListMetrics}: metrics matching the filters, 500 per page. */
  public Page<MetricId> listMetrics(
      String namespace,
      String metricName,
      @Nullable Map<String, String> dimensionFilters,
      @Nullable String nextToken) {
    return metrics.listMetrics(namespace, metricName, dimensionFilters, nextToken);
  }

  // ------------------------------------------------------------------ alarms

  /** {@code PutMetricAlarm}: creates or updates. */
  public MetricAlarm putMetricAlarm(PutAlarm r) {
    return alarms.putMetricAlarm(r);
  }

  /** {@code PutCompositeAlarm}: creates or updates. */
  public CompositeAlarm putCompositeAlarm(PutComposite r) {
    return alarms.putCompositeAlarm(r);
  }

  /** {@code DeleteAlarms}: every name must exist (metric or composite), or nothing is deleted. */
  public void deleteAlarms(@Nullable List<String> names) {
    alarms.deleteAlarms(names);
  }

  /** {@code SetAlarmState}. */
  public void setAlarmState(String alarmName, String stateValue, String stateReason) {
    alarms.setAlarmState(alarmName, stateValue, stateReason);
  }

  /**
   * {@code EnableAlarmActions} / {@code DisableAlarmActions}: unknown names are ignored, as AWS
   * does.
   */
  public void setActionsEnabled(@Nullable List<String> names, boolean enabled) {
    alarms.setActionsEnabled(names, enabled);
  }

  /**
   * The alarm, or AWS's ResourceNotFound.
   *
   * @param name the name
   * @return the alarm
   */
  public MetricAlarm alarm(String name) {
    return alarms.alarm(name);
  }

  /** {@code DescribeAlarms}: metric alarms sorted by name, filtered as asked. */
  public Page<MetricAlarm> describeAlarms(
      @Nullable List<String> names,
      String namePrefix,
      String stateValue,
      String actionPrefix,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return descriptions.describeAlarms(
        names, namePrefix, stateValue, actionPrefix, nextToken, maxRecords);
  }

  /**
   * {@code DescribeAlarms} for {@code AlarmTypes=CompositeAlarm}: composite alarms sorted by name,
   * filtered as asked (each filter null: none).
   */
  public List<CompositeAlarm> describeCompositeAlarms(
      @Nullable List<String> names, String namePrefix, String stateValue, String actionPrefix) {
    return descriptions.describeCompositeAlarms(names, namePrefix, stateValue, actionPrefix);
  }

  /**
   * {@code DescribeAlarmsForMetric}: alarms on exactly this metric, optionally one statistic and
   * period.
   */
  public List<MetricAlarm> describeAlarmsForMetric(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      String statistic,
      String extendedStatistic,
      Integer period) {
    return descriptions.describeAlarmsForMetric(
        namespace, metricName, dimensions, statistic, extendedStatistic, period);
  }

  /** {@code DescribeAlarmHistory}: newest first (TimestampDescending) unless ascending. */
  public Page<HistoryEntry> describeAlarmHistory(
      String alarmName,
      String historyItemType,
      Instant start,
      Instant end,
      boolean ascending,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return descriptions.describeAlarmHistory(
        alarmName, historyItemType, start, end, ascending, nextToken, maxRecords);
  }

  // ------------------------------------------------------------------ ARNs

  /**
   * The alarm's ARN.
   *
   * @param name the name
   * @return the alarm's ARN
   */
  public String alarmArn(String name) {
    return actions.alarmArn(name);
  }

  /**
   * The ARNs of alarm actions: the action's own ARN, or the ARN of the scaling policy it executes.
   *
   * @param actions the actions
   * @return the ARNs
   */
  public List<String> actionArns(List<AlarmAction> actions) {
    return this.actions.actionArns(actions);
  }
}
