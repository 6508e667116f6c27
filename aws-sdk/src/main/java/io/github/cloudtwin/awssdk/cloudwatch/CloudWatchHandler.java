package io.github.cloudtwin.awssdk.cloudwatch;

import static io.github.cloudtwin.awssdk.cloudwatch.Dimensions.dimensions;

import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.operations.CloudWatchOperations;
import io.github.cloudtwin.awssdk.operations.CloudWatchOperations.HistoryEntry;
import io.github.cloudtwin.awssdk.operations.CloudWatchOperations.MetricQuery;
import io.github.cloudtwin.awssdk.operations.CloudWatchOperations.MetricResult;
import io.github.cloudtwin.awssdk.operations.Page;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The {@code CloudWatchClient} operations: SDK requests to {@link CloudWatchOperations} calls and
 * twin views to SDK responses. {@link io.github.cloudtwin.awssdk.internal.ClientProxy} dispatches
 * to the public methods.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CloudWatchHandler {

  /** CloudWatch's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS =
      new SdkErrors(
          "CloudWatch",
          "InvalidParameterValue",
          CloudWatchException::builder,
          Map.<String, Supplier<AwsServiceException.Builder>>of(
              "InvalidParameterValue", InvalidParameterValueException::builder,
              "MissingParameter", MissingRequiredParameterException::builder,
              "InvalidParameterCombination", InvalidParameterCombinationException::builder,
              "ResourceNotFound", ResourceNotFoundException::builder,
              "LimitExceeded", LimitExceededException::builder,
              "InvalidNextToken", InvalidNextTokenException::builder,
              "InvalidFormat", InvalidFormatException::builder));

  private final io.github.cloudtwin.CloudTwin twin;
  private final CloudWatchOperations ops;
  private final AlarmResponses alarms;
  private software.amazon.awssdk.services.cloudwatch.CloudWatchClient sync;

  /** A handler over {@code ops}. */
  public CloudWatchHandler(io.github.cloudtwin.CloudTwin twin, CloudWatchOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.alarms = new AlarmResponses(ops);
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.cloudwatch.CloudWatchClient client) {
    this.sync = client;
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.cloudwatch.waiters.CloudWatchWaiter waiter() {
    return new CloudWatchWaiters.Sync(twin, sync);
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.cloudwatch.waiters.CloudWatchAsyncWaiter asyncWaiter() {
    return new CloudWatchWaiters.Async(new CloudWatchWaiters.Sync(twin, sync));
  }

  // ------------------------------------------------------------------ metrics

  /** PutMetricData. */
  public PutMetricDataResponse putMetricData(PutMetricDataRequest r) {
    List<CloudWatchOperations.MetricDatum> data = new ArrayList<>();
    if (r.hasMetricData()) {
      for (MetricDatum d : r.metricData()) {
        if (d.hasValues() && !d.values().isEmpty()) {
          throw new UnsupportedOperationException(
              "PutMetricData with Values and Counts is not simulated by CloudTwin:"
                  + " use Value or StatisticValues");
        }
        StatisticValues sv =
            d.statisticValues() == null
                ? null
                : new StatisticValues(
                    d.statisticValues().sampleCount(),
                    d.statisticValues().sum(),
                    d.statisticValues().minimum(),
                    d.statisticValues().maximum());
        data.add(
            new CloudWatchOperations.MetricDatum(
                d.metricName(),
                dimensions(d.dimensions()),
                d.timestamp(),
                d.value(),
                sv,
                d.unitAsString()));
      }
    }
    ops.putMetricData(r.namespace(), data);
    return PutMetricDataResponse.builder().build();
  }

  /** GetMetricStatistics. */
  public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest r) {
    Map<Instant, Map<String, Double>> points =
        ops.getMetricStatistics(
            r.namespace(),
            r.metricName(),
            dimensions(r.dimensions()),
            r.startTime(),
            r.endTime(),
            r.period(),
            r.hasStatistics() ? r.statisticsAsStrings() : null,
            r.hasExtendedStatistics() ? r.extendedStatistics() : null);
    List<Datapoint> out = new ArrayList<>();
    for (Map.Entry<Instant, Map<String, Double>> e : points.entrySet()) {
      Datapoint.Builder b =
          Datapoint.builder()
              .timestamp(e.getKey())
              .unit(r.unitAsString() == null ? "None" : r.unitAsString());
      Map<String, Double> ext = new TreeMap<>();
      for (Map.Entry<String, Double> s : e.getValue().entrySet()) {
        switch (s.getKey()) {
          case "SampleCount" -> b.sampleCount(s.getValue());
          case "Average" -> b.average(s.getValue());
          case "Sum" -> b.sum(s.getValue());
          case "Minimum" -> b.minimum(s.getValue());
          case "Maximum" -> b.maximum(s.getValue());
          default -> ext.put(s.getKey(), s.getValue());
        }
      }
      if (!ext.isEmpty()) b.extendedStatistics(ext);
      out.add(b.build());
    }
    return GetMetricStatisticsResponse.builder().label(r.metricName()).datapoints(out).build();
  }

  /** GetMetricData. */
  public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
    if (r.nextToken() != null) {
      throw AwsErrorException.badRequest(
          "InvalidNextToken", "The token '" + r.nextToken() + "' is invalid.");
    }
    List<MetricQuery> queries =
        r.hasMetricDataQueries() ? queries(r.metricDataQueries()) : List.of();
    boolean ascending = "TimestampAscending".equals(r.scanByAsString());
    List<MetricResult> results =
        ops.getMetricData(queries, r.startTime(), r.endTime(), ascending, r.maxDatapoints());
    List<MetricDataResult> out = new ArrayList<>();
    for (MetricResult m : results) {
      out.add(
          MetricDataResult.builder()
              .id(m.id())
              .label(m.label())
              .timestamps(m.timestamps())
              .values(m.values())
              .statusCode(StatusCode.COMPLETE)
              .messages(List.of())
              .build());
    }
    return GetMetricDataResponse.builder().metricDataResults(out).messages(List.of()).build();
  }

  private static List<MetricQuery> queries(List<MetricDataQuery> in) {
    List<MetricQuery> queries = new ArrayList<>();
    for (MetricDataQuery q : in) {
      MetricStat s = q.metricStat();
      MetricId id = null;
      if (s != null && s.metric() != null) {
        Metric m = s.metric();
        if (m.namespace() == null || m.metricName() == null) {
          throw AwsErrorException.badRequest(
              "MissingParameter",
              "The parameters MetricStat.Metric.Namespace and MetricStat.Metric.MetricName are required.");
        }
        if (s.unit() != null) {
          throw new UnsupportedOperationException(
              "MetricStat with Unit is not simulated by CloudTwin's SDK clients:"
                  + " leave it out (every unit then counts)");
        }
        id = new MetricId(m.namespace(), m.metricName(), dimensions(m.dimensions()));
      }
      if (q.accountId() != null) {
        throw new UnsupportedOperationException(
            "MetricDataQuery with AccountId (cross-account) is not simulated by CloudTwin");
      }
      queries.add(
          new MetricQuery(
              q.id(),
              id,
              s == null ? q.period() : s.period(),
              s == null ? null : s.stat(),
              q.label(),
              q.returnData(),
              q.expression()));
    }
    return queries;
  }

  /** ListMetrics. */
  public ListMetricsResponse listMetrics(ListMetricsRequest r) {
    Map<String, String> filters = null;
    if (r.hasDimensions()) {
      filters = new TreeMap<>();
      for (DimensionFilter f : r.dimensions()) filters.put(f.name(), f.value());
    }
    Page<MetricId> page = ops.listMetrics(r.namespace(), r.metricName(), filters, r.nextToken());
    List<Metric> out = new ArrayList<>();
    for (MetricId m : page.items()) {
      out.add(
          Metric.builder()
              .namespace(m.namespace())
              .metricName(m.metricName())
              .dimensions(dimensions(m))
              .build());
    }
    return ListMetricsResponse.builder().metrics(out).nextToken(page.nextToken()).build();
  }

  // ------------------------------------------------------------------ alarms

  /** PutMetricAlarm. */
  public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest r) {
    if (r.unit() != null) {
      throw new UnsupportedOperationException(
          "PutMetricAlarm with Unit is not simulated by CloudTwin: leave it out"
              + " (the alarm then watches every unit, as AWS does)");
    }
    MetricId metric = null;
    if (r.metricName() != null || r.namespace() != null) {
      if (r.metricName() == null || r.namespace() == null) {
        throw AwsErrorException.badRequest(
            "MissingParameter",
            "The parameters MetricName and Namespace are required" + " together.");
      }
      metric = new MetricId(r.namespace(), r.metricName(), dimensions(r.dimensions()));
    }
    ops.putMetricAlarm(
        new CloudWatchOperations.PutAlarm(
            r.alarmName(),
            r.alarmDescription(),
            metric,
            r.statisticAsString(),
            r.extendedStatistic(),
            r.period(),
            r.evaluationPeriods(),
            r.datapointsToAlarm(),
            r.threshold(),
            r.comparisonOperatorAsString(),
            r.treatMissingData(),
            r.evaluateLowSampleCountPercentile(),
            r.actionsEnabled(),
            r.hasAlarmActions() ? r.alarmActions() : null,
            r.hasOkActions() ? r.okActions() : null,
            r.hasInsufficientDataActions() ? r.insufficientDataActions() : null,
            r.hasMetrics() && !r.metrics().isEmpty() ? queries(r.metrics()) : null));
    return PutMetricAlarmResponse.builder().build();
  }

  /** DeleteAlarms. */
  public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest r) {
    ops.deleteAlarms(r.hasAlarmNames() ? r.alarmNames() : null);
    return DeleteAlarmsResponse.builder().build();
  }

  /** PutCompositeAlarm. */
  public PutCompositeAlarmResponse putCompositeAlarm(PutCompositeAlarmRequest r) {
    ops.putCompositeAlarm(
        new CloudWatchOperations.PutComposite(
            r.alarmName(),
            r.alarmDescription(),
            r.alarmRule(),
            r.actionsEnabled(),
            r.hasAlarmActions() ? r.alarmActions() : null,
            r.hasOkActions() ? r.okActions() : null,
            r.hasInsufficientDataActions() ? r.insufficientDataActions() : null,
            r.actionsSuppressor(),
            r.actionsSuppressorWaitPeriod(),
            r.actionsSuppressorExtensionPeriod()));
    return PutCompositeAlarmResponse.builder().build();
  }

  /**
   * DescribeAlarms: metric alarms unless {@code AlarmTypes} asks for composite alarms too (AWS
   * returns only metric alarms when AlarmTypes is omitted).
   */
  public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest r) {
    if (r.childrenOfAlarmName() != null || r.parentsOfAlarmName() != null) {
      throw new UnsupportedOperationException(
          "DescribeAlarms with ChildrenOfAlarmName or ParentsOfAlarmName is not"
              + " simulated by CloudTwin: list the composite alarms with AlarmTypes CompositeAlarm and read their AlarmRule");
    }
    boolean metricAlarms =
        !r.hasAlarmTypes()
            || r.alarmTypesAsStrings().isEmpty()
            || r.alarmTypesAsStrings().contains("MetricAlarm");
    boolean compositeAlarms =
        r.hasAlarmTypes() && r.alarmTypesAsStrings().contains("CompositeAlarm");
    Page<io.github.cloudtwin.cloudwatch.MetricAlarm> page =
        ops.describeAlarms(
            r.hasAlarmNames() ? r.alarmNames() : null,
            r.alarmNamePrefix(),
            r.stateValueAsString(),
            r.actionPrefix(),
            r.nextToken(),
            r.maxRecords());
    List<MetricAlarm> out = new ArrayList<>();
    if (metricAlarms)
      for (io.github.cloudtwin.cloudwatch.MetricAlarm a : page.items()) out.add(alarms.alarm(a));
    List<CompositeAlarm> composites = new ArrayList<>();
    if (compositeAlarms && r.nextToken() == null) {
      for (io.github.cloudtwin.cloudwatch.CompositeAlarm c :
          ops.describeCompositeAlarms(
              r.hasAlarmNames() ? r.alarmNames() : null,
              r.alarmNamePrefix(),
              r.stateValueAsString(),
              r.actionPrefix())) {
        composites.add(alarms.composite(c));
      }
    }
    return DescribeAlarmsResponse.builder()
        .metricAlarms(out)
        .compositeAlarms(composites)
        .nextToken(metricAlarms ? page.nextToken() : null)
        .build();
  }

  /** DescribeAlarmsForMetric. */
  public DescribeAlarmsForMetricResponse describeAlarmsForMetric(DescribeAlarmsForMetricRequest r) {
    List<MetricAlarm> out = new ArrayList<>();
    for (io.github.cloudtwin.cloudwatch.MetricAlarm a :
        ops.describeAlarmsForMetric(
            r.namespace(),
            r.metricName(),
            dimensions(r.dimensions()),
            r.statisticAsString(),
            r.extendedStatistic(),
            r.period())) {
      out.add(alarms.alarm(a));
    }
    return DescribeAlarmsForMetricResponse.builder().metricAlarms(out).build();
  }

  /** DescribeAlarmHistory. */
  public DescribeAlarmHistoryResponse describeAlarmHistory(DescribeAlarmHistoryRequest r) {
    if (r.hasAlarmTypes()
        && !r.alarmTypesAsStrings().isEmpty()
        && !r.alarmTypesAsStrings().contains("MetricAlarm")) {
      return DescribeAlarmHistoryResponse.builder().alarmHistoryItems(List.of()).build();
    }
    Page<HistoryEntry> page =
        ops.describeAlarmHistory(
            r.alarmName(),
            r.historyItemTypeAsString(),
            r.startDate(),
            r.endDate(),
            "TimestampAscending".equals(r.scanByAsString()),
            r.nextToken(),
            r.maxRecords());
    List<software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem> out = new ArrayList<>();
    for (HistoryEntry e : page.items()) {
      var h = e.item();
      out.add(
          software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem.builder()
              .alarmName(e.alarmName())
              .alarmType("MetricAlarm")
              .timestamp(h.timestamp())
              .historyItemType(h.type())
              .historySummary(h.summary())
              .historyData(historyData(e))
              .build());
    }
    return DescribeAlarmHistoryResponse.builder()
        .alarmHistoryItems(out)
        .nextToken(page.nextToken())
        .build();
  }

  /**
   * The twin's HistoryData JSON (old and new state with their reasons and reason data, as AWS
   * writes it).
   */
  private static String historyData(HistoryEntry e) {
    return e.item().historyData();
  }

  /** SetAlarmState. */
  public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest r) {
    ops.setAlarmState(r.alarmName(), r.stateValueAsString(), r.stateReason());
    return SetAlarmStateResponse.builder().build();
  }

  /** EnableAlarmActions. */
  public EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest r) {
    ops.setActionsEnabled(r.hasAlarmNames() ? r.alarmNames() : null, true);
    return EnableAlarmActionsResponse.builder().build();
  }

  /** DisableAlarmActions. */
  public DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest r) {
    ops.setActionsEnabled(r.hasAlarmNames() ? r.alarmNames() : null, false);
    return DisableAlarmActionsResponse.builder().build();
  }

  // ------------------------------------------------------------------ helpers
}
