package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** Conformance of {@code CloudWatchClient}: metrics and metric alarms as AWS answers. */
class CloudWatchClientTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(3).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final CloudWatchClient cloudWatch = sdk.cloudWatch();

  @AfterEach
  void close() {
    twin.close();
  }

  private void put(double value, Instant at) {
    cloudWatch.putMetricData(
        r ->
            r.namespace("Shop")
                .metricData(
                    d ->
                        d.metricName("Orders")
                            .dimensions(Dimension.builder().name("Region").value("eu").build())
                            .value(value)
                            .timestamp(at)
                            .unit("Count")));
  }

  @Test
  void putMetricDataIsReadBackByGetMetricStatisticsPerPeriod() {
    twin.advance(Duration.ofMinutes(10));
    put(10, T0.plusSeconds(60));
    put(30, T0.plusSeconds(90));
    put(5, T0.plusSeconds(180));

    List<Datapoint> points =
        cloudWatch
            .getMetricStatistics(
                r ->
                    r.namespace("Shop")
                        .metricName("Orders")
                        .dimensions(Dimension.builder().name("Region").value("eu").build())
                        .startTime(T0)
                        .endTime(T0.plusSeconds(600))
                        .period(60)
                        .statistics(
                            Statistic.AVERAGE,
                            Statistic.SUM,
                            Statistic.SAMPLE_COUNT,
                            Statistic.MAXIMUM))
            .datapoints();

    assertThat(points).hasSize(2);
    assertThat(points.get(0).timestamp()).isEqualTo(T0.plusSeconds(60));
    assertThat(points.get(0).average()).isEqualTo(20.0);
    assertThat(points.get(0).sum()).isEqualTo(40.0);
    assertThat(points.get(0).sampleCount()).isEqualTo(2.0);
    assertThat(points.get(0).maximum()).isEqualTo(30.0);
    assertThat(points.get(0).minimum()).isNull();
    assertThat(points.get(1).sum()).isEqualTo(5.0);
  }

  @Test
  void getMetricDataAnswersNewestFirstWithTheQueryIdAndLabel() {
    twin.advance(Duration.ofMinutes(10));
    put(10, T0.plusSeconds(60));
    put(20, T0.plusSeconds(120));

    List<MetricDataResult> results =
        cloudWatch
            .getMetricData(
                r ->
                    r.startTime(T0)
                        .endTime(T0.plusSeconds(600))
                        .metricDataQueries(
                            q ->
                                q.id("orders")
                                    .metricStat(
                                        s ->
                                            s.stat("Sum")
                                                .period(60)
                                                .metric(
                                                    m ->
                                                        m.namespace("Shop")
                                                            .metricName("Orders")
                                                            .dimensions(
                                                                Dimension.builder()
                                                                    .name("Region")
                                                                    .value("eu")
                                                                    .build())))))
            .metricDataResults();

    assertThat(results)
        .singleElement()
        .satisfies(
            res -> {
              assertThat(res.id()).isEqualTo("orders");
              assertThat(res.label()).isEqualTo("Orders");
              assertThat(res.statusCode()).isEqualTo(StatusCode.COMPLETE);
              assertThat(res.timestamps()).containsExactly(T0.plusSeconds(120), T0.plusSeconds(60));
              assertThat(res.values()).containsExactly(20.0, 10.0);
            });
  }

  @Test
  void getMetricDataRefusesAnExpressionOnAnUnknownIdNamingTheIdAndThePosition() {
    assertThatThrownBy(
            () ->
                cloudWatch.getMetricData(
                    r ->
                        r.startTime(T0)
                            .endTime(T0.plusSeconds(60))
                            .metricDataQueries(q -> q.id("e1").expression("m1 * 2"))))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("error in expression e1 at position 1: unknown id 'm1'");
  }

  @Test
  void anAwsNamespaceIsRefusedAndNothingIsStored() {
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricData(
                    r ->
                        r.namespace("AWS/EC2")
                            .metricData(d -> d.metricName("CPUUtilization").value(1.0))))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("The value AWS/EC2 for parameter Namespace is invalid.");
            });
    assertThatThrownBy(
            () -> cloudWatch.putMetricData(r -> r.metricData(d -> d.metricName("X").value(1.0))))
        .isInstanceOfSatisfying(
            MissingRequiredParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
    assertThat(cloudWatch.listMetrics(r -> r.namespace("AWS/EC2")).metrics()).isEmpty();
  }

  @Test
  void oneBadDatumRejectsTheWholeCall() {
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricData(
                    r ->
                        r.namespace("Shop")
                            .metricData(
                                d -> d.metricName("Orders").value(1.0),
                                d -> d.metricName("Orders").value(Double.NaN))))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThat(cloudWatch.listMetrics(r -> r.namespace("Shop")).metrics()).isEmpty();
  }

  @Test
  void listMetricsFiltersByDimensionAndThePaginatorReadsAllPages() {
    for (int i = 0; i < 3; i++) {
      int n = i;
      cloudWatch.putMetricData(
          r ->
              r.namespace("Shop")
                  .metricData(
                      d ->
                          d.metricName("Orders")
                              .dimensions(Dimension.builder().name("Store").value("s" + n).build())
                              .value(1.0)));
    }
    cloudWatch.putMetricData(
        r -> r.namespace("Shop").metricData(d -> d.metricName("Visits").value(1.0)));

    assertThat(
            cloudWatch
                .listMetrics(r -> r.namespace("Shop").dimensions(f -> f.name("Store")))
                .metrics())
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.metricName()).isEqualTo("Orders"));
    assertThat(cloudWatch.listMetricsPaginator(r -> r.namespace("Shop")).metrics())
        .extracting(Metric::metricName)
        .containsExactly("Orders", "Orders", "Orders", "Visits");
  }

  @Test
  void putMetricAlarmIsDescribedWithTheFieldsAwsAlwaysReturnsAndGoesToAlarmOnVirtualTime() {
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName("orders-high")
                .namespace("Shop")
                .metricName("Orders")
                .dimensions(Dimension.builder().name("Region").value("eu").build())
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(2)
                .threshold(15.0)
                .comparisonOperator("GreaterThanThreshold")
                .alarmActions("arn:aws:sns:us-east-1:123456789012:ops"));

    MetricAlarm created =
        cloudWatch.describeAlarms(r -> r.alarmNames("orders-high")).metricAlarms().get(0);
    assertThat(created.alarmArn())
        .isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-high");
    assertThat(created.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(created.stateUpdatedTimestamp()).isEqualTo(T0);
    assertThat(created.alarmConfigurationUpdatedTimestamp()).isEqualTo(T0);
    assertThat(created.actionsEnabled()).isTrue();
    assertThat(created.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:ops");
    assertThat(created.okActions()).isEmpty();
    assertThat(created.statistic()).isEqualTo(Statistic.SUM);
    assertThat(created.datapointsToAlarm()).isEqualTo(2);
    assertThat(created.treatMissingData()).isEqualTo("missing");

    for (int m = 0; m < 5; m++) {
      put(20, twin.now());
      twin.advance(Duration.ofMinutes(1));
    }

    MetricAlarm alarm =
        cloudWatch.describeAlarms(r -> r.stateValue(StateValue.ALARM)).metricAlarms().get(0);
    assertThat(alarm.alarmName()).isEqualTo("orders-high");
    assertThat(alarm.stateReason()).contains("Threshold Crossed");
    assertThat(alarm.stateUpdatedTimestamp()).isAfter(T0);
    List<AlarmHistoryItem> history =
        cloudWatch
            .describeAlarmHistory(
                r -> r.alarmName("orders-high").historyItemType(HistoryItemType.STATE_UPDATE))
            .alarmHistoryItems();
    assertThat(history).isNotEmpty();
    assertThat(history.get(0).historySummary())
        .matches("Alarm updated from (OK|INSUFFICIENT_DATA) to ALARM");
    assertThat(history.get(history.size() - 1).historySummary())
        .startsWith("Alarm updated from INSUFFICIENT_DATA to ");
    assertThat(history)
        .extracting(AlarmHistoryItem::timestamp)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(history.get(0).historyData()).contains("\"stateValue\":\"ALARM\"");
  }

  @Test
  void describeAlarmsCarriesTheStateReasonDataAndTheHistoryItsHistoryData() {
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName("orders-high")
                .namespace("Shop")
                .metricName("Orders")
                .dimensions(Dimension.builder().name("Region").value("eu").build())
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(2)
                .threshold(15.0)
                .comparisonOperator("GreaterThanThreshold"));
    assertThat(
            cloudWatch
                .describeAlarms(r -> r.alarmNames("orders-high"))
                .metricAlarms()
                .get(0)
                .stateReasonData())
        .isNull(); // no evaluation has set a state yet
    for (int m = 0; m < 5; m++) {
      put(20, twin.now());
      twin.advance(Duration.ofMinutes(1));
    }

    MetricAlarm alarm =
        cloudWatch.describeAlarms(r -> r.alarmNames("orders-high")).metricAlarms().get(0);
    assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
    String data = alarm.stateReasonData();
    assertThat(data).isEqualTo(twin.cloudWatch().alarm("orders-high").stateReasonData().toJson());
    assertThat(data)
        .startsWith("{\"version\":\"1.0\",\"queryDate\":\"")
        .contains(
            "\"statistic\":\"Sum\"",
            "\"period\":60",
            "\"threshold\":15.0",
            "\"recentDatapoints\":[20.0,20.0]")
        .containsPattern(
            "\"evaluatedDatapoints\":\\[\\{\"timestamp\":\"[0-9T:.+-]+\",\"sampleCount\":1.0,\"value\":20.0\\}");

    AlarmHistoryItem update =
        cloudWatch
            .describeAlarmHistory(
                r -> r.alarmName("orders-high").historyItemType(HistoryItemType.STATE_UPDATE))
            .alarmHistoryItems()
            .get(0);
    assertThat(update.historyData())
        .isEqualTo(
            twin.cloudWatch().alarm("orders-high").history().stream()
                .filter(h -> h.type().equals("StateUpdate"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .historyData());
    assertThat(update.historyData())
        .startsWith("{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"")
        .contains(
            "\"newState\":{\"stateValue\":\"ALARM\",\"stateReason\":\""
                + alarm.stateReason().replace("\"", "\\\""))
        .contains("\"stateReasonData\":" + data);
  }

  @Test
  void anAlarmActionNamingAScalingPolicyArnExecutesThePolicy() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    AutoScalingClient autoScaling = sdk.autoScaling();
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                .minSize(1)
                .maxSize(5)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a"));
    String policyArn =
        autoScaling
            .putScalingPolicy(
                r ->
                    r.autoScalingGroupName("web")
                        .policyName("out")
                        .adjustmentType("ChangeInCapacity")
                        .scalingAdjustment(2)
                        .cooldown(0))
            .policyARN();

    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName("orders-high")
                .namespace("Shop")
                .metricName("Orders")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(15.0)
                .comparisonOperator("GreaterThanThreshold")
                .alarmActions(policyArn));
    assertThat(
            cloudWatch
                .describeAlarms(r -> r.alarmNames("orders-high"))
                .metricAlarms()
                .get(0)
                .alarmActions())
        .containsExactly(policyArn);
    cloudWatch.putMetricData(
        r -> r.namespace("Shop").metricData(d -> d.metricName("Orders").value(100.0)));
    twin.advance(Duration.ofMinutes(2));

    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
                .autoScalingGroups()
                .get(0)
                .desiredCapacity())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void anAlarmActionNamingAnUnknownPolicyIsRefused() {
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .namespace("Shop")
                            .metricName("Orders")
                            .statistic(Statistic.SUM)
                            .period(60)
                            .evaluationPeriods(1)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")
                            .alarmActions(
                                "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:x:autoScalingGroupName/g:policyName/p")))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
  }

  @Test
  void putMetricAlarmValidatesAsAws() {
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .namespace("Shop")
                            .metricName("Orders")
                            .period(60)
                            .evaluationPeriods(1)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")))
        .isInstanceOf(InvalidParameterCombinationException.class)
        .hasMessageContaining("Must specify either Statistic or ExtendedStatistic.");
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .namespace("Shop")
                            .metricName("Orders")
                            .statistic(Statistic.SUM)
                            .period(45)
                            .evaluationPeriods(1)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("Period");
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .namespace("Shop")
                            .metricName("Orders")
                            .statistic(Statistic.SUM)
                            .period(60)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")))
        .isInstanceOf(MissingRequiredParameterException.class)
        .hasMessageContaining("EvaluationPeriods");
    assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
  }

  @Test
  void setAlarmStateDeleteAlarmsAndActionsEnabledAnswerAsAws() {
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName("a")
                .namespace("Shop")
                .metricName("Orders")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanThreshold"));

    cloudWatch.setAlarmState(
        r -> r.alarmName("a").stateValue(StateValue.ALARM).stateReason("testing"));
    assertThat(cloudWatch.describeAlarms().metricAlarms().get(0).stateValue())
        .isEqualTo(StateValue.ALARM);
    assertThat(cloudWatch.describeAlarms().metricAlarms().get(0).stateReason())
        .isEqualTo("testing");

    cloudWatch.disableAlarmActions(r -> r.alarmNames("a"));
    assertThat(cloudWatch.describeAlarms().metricAlarms().get(0).actionsEnabled()).isFalse();
    cloudWatch.enableAlarmActions(r -> r.alarmNames("a"));
    assertThat(cloudWatch.describeAlarms().metricAlarms().get(0).actionsEnabled()).isTrue();

    assertThatThrownBy(
            () ->
                cloudWatch.setAlarmState(
                    r -> r.alarmName("nope").stateValue(StateValue.OK).stateReason("x")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
            });
    assertThatThrownBy(() -> cloudWatch.deleteAlarms(r -> r.alarmNames("a", "nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(cloudWatch.describeAlarms().metricAlarms()).hasSize(1);
    cloudWatch.deleteAlarms(r -> r.alarmNames("a"));
    assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
  }

  @Test
  void describeAlarmsPagesAndDescribeAlarmsForMetricMatchesExactly() {
    for (String n : List.of("c", "a", "b")) {
      cloudWatch.putMetricAlarm(
          r ->
              r.alarmName(n)
                  .namespace("Shop")
                  .metricName(n.equals("b") ? "Visits" : "Orders")
                  .statistic(Statistic.SUM)
                  .period(60)
                  .evaluationPeriods(1)
                  .threshold(1.0)
                  .comparisonOperator("GreaterThanThreshold"));
    }
    var first = cloudWatch.describeAlarms(r -> r.maxRecords(2));
    assertThat(first.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("a", "b");
    assertThat(first.nextToken()).isNotNull();
    assertThat(cloudWatch.describeAlarmsPaginator(r -> r.maxRecords(2)).metricAlarms())
        .extracting(MetricAlarm::alarmName)
        .containsExactly("a", "b", "c");
    assertThat(
            cloudWatch
                .describeAlarmsForMetric(r -> r.namespace("Shop").metricName("Orders"))
                .metricAlarms())
        .extracting(MetricAlarm::alarmName)
        .containsExactly("a", "c");
    assertThat(cloudWatch.describeAlarms(r -> r.alarmNamePrefix("b")).metricAlarms()).hasSize(1);
  }

  @Test
  void instanceCpuPublishedByTheTwinIsListedAndReadable() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    sdk.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName("web")
                    .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                    .minSize(1)
                    .maxSize(1)
                    .availabilityZones("us-east-1a"));
    twin.advance(Duration.ofMinutes(15));

    assertThat(
            cloudWatch
                .listMetrics(r -> r.namespace("AWS/EC2").metricName("CPUUtilization"))
                .metrics())
        .anySatisfy(
            m ->
                assertThat(m.dimensions())
                    .extracting(Dimension::name)
                    .containsExactly("AutoScalingGroupName"));
    List<Datapoint> cpu =
        cloudWatch
            .getMetricStatistics(
                r ->
                    r.namespace("AWS/EC2")
                        .metricName("CPUUtilization")
                        .dimensions(
                            Dimension.builder().name("AutoScalingGroupName").value("web").build())
                        .startTime(T0)
                        .endTime(twin.now())
                        .period(300)
                        .statistics(Statistic.AVERAGE))
            .datapoints();
    assertThat(cpu).isNotEmpty();
  }
}
