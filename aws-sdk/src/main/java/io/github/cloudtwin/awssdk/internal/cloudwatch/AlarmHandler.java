package io.github.cloudtwin.awssdk.internal.cloudwatch;

import static io.github.cloudtwin.awssdk.internal.cloudwatch.Dimensions.dimensions;

import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.HistoryEntry;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;

/**
 * The {@code CloudWatchClient} operations on metric and composite alarms: SDK requests to {@link
 * CloudWatchOperations} calls and twin alarms to SDK responses.
 */
final class AlarmHandler {

  private final CloudWatchOperations ops;
  private final AlarmResponses alarms;

  AlarmHandler(CloudWatchOperations ops) {
    this.ops = ops;
    this.alarms = new AlarmResponses(ops);
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
            r.hasMetrics() && !r.metrics().isEmpty()
                ? MetricDataQueries.queries(r.metrics())
                : null));
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
  private static @Nullable String historyData(HistoryEntry e) {
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
}
