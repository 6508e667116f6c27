package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Metric math through {@code CloudWatchClient}: GetMetricData expressions and PutMetricAlarm {@code
 * Metrics}.
 */
class CloudWatchMetricMathClientTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  private final CloudTwin twin = CloudTwin.builder().seed(3).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final CloudWatchClient cloudWatch = sdk.cloudWatch();

  @AfterEach
  void close() {
    twin.close();
  }

  private void put(String metric, double value, int minute) {
    cloudWatch.putMetricData(
        r ->
            r.namespace("Shop")
                .metricData(
                    d ->
                        d.metricName(metric)
                            .value(value)
                            .timestamp(T0.plusSeconds(60L * minute))
                            .unit("Count")));
  }

  private static MetricDataQuery stat(String id, String metric, boolean returnData) {
    return MetricDataQuery.builder()
        .id(id)
        .returnData(returnData)
        .metricStat(
            s -> s.stat("Sum").period(60).metric(m -> m.namespace("Shop").metricName(metric)))
        .build();
  }

  private static List<MetricDataQuery> errorRate() {
    return List.of(
        stat("errors", "Errors", false),
        stat("requests", "Requests", false),
        MetricDataQuery.builder()
            .id("rate")
            .expression("100 * errors / requests")
            .label("Error rate")
            .returnData(true)
            .build());
  }

  @Test
  void getMetricDataComputesAnExpressionOverTheMetricsOfTheRequest() {
    twin.advance(Duration.ofMinutes(3));
    put("Errors", 1, 0);
    put("Requests", 10, 0);
    put("Errors", 3, 1);
    put("Requests", 20, 1);
    List<MetricDataResult> results =
        cloudWatch
            .getMetricData(
                r ->
                    r.startTime(T0)
                        .endTime(T0.plusSeconds(180))
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                        .metricDataQueries(errorRate()))
            .metricDataResults();
    assertThat(results)
        .singleElement()
        .satisfies(
            res -> {
              assertThat(res.id()).isEqualTo("rate");
              assertThat(res.label()).isEqualTo("Error rate");
              assertThat(res.timestamps()).containsExactly(T0, T0.plusSeconds(60));
              assertThat(res.values()).containsExactly(10.0, 15.0);
            });
  }

  @Test
  void anAlarmOnMetricsIsDescribedWithItsMetricsAndAlarmsOnTheExpression() {
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName("error-rate")
                .metrics(errorRate())
                .evaluationPeriods(1)
                .threshold(12.0)
                .comparisonOperator("GreaterThanThreshold"));
    put("Errors", 3, 0);
    put("Requests", 20, 0);
    twin.advance(Duration.ofMinutes(1));
    MetricAlarm a =
        cloudWatch.describeAlarms(r -> r.alarmNames("error-rate")).metricAlarms().get(0);
    assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(a.metricName()).isNull();
    assertThat(a.statistic()).isNull();
    assertThat(a.period()).isNull();
    assertThat(a.metrics())
        .extracting(MetricDataQuery::id)
        .containsExactly("errors", "requests", "rate");
    assertThat(a.metrics().get(2).expression()).isEqualTo("100 * errors / requests");
    assertThat(a.metrics().get(0).metricStat().metric().metricName()).isEqualTo("Errors");
    assertThat(a.metrics().get(0).returnData()).isFalse();
    assertThat(a.stateReasonData()).doesNotContain("statistic").contains("\"period\":60");
  }

  @Test
  void putMetricAlarmRefusesMetricsThatDoNotReturnExactlyOneElementAsAws() {
    List<MetricDataQuery> allReturn =
        List.of(stat("errors", "Errors", true), stat("requests", "Requests", true));
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .metrics(allReturn)
                            .evaluationPeriods(1)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")))
        .isInstanceOfSatisfying(
            CloudWatchException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.awsErrorDetails().errorMessage())
                  .startsWith("Exactly one element of the metrics list should return data.");
            });
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .metrics(errorRate())
                            .metricName("Errors")
                            .namespace("Shop")
                            .evaluationPeriods(1)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")))
        .isInstanceOf(InvalidParameterCombinationException.class);
    List<MetricDataQuery> broken =
        List.of(
            stat("errors", "Errors", false),
            MetricDataQuery.builder().id("rate").expression("errors / (").returnData(true).build());
    assertThatThrownBy(
            () ->
                cloudWatch.putMetricAlarm(
                    r ->
                        r.alarmName("a")
                            .metrics(broken)
                            .evaluationPeriods(1)
                            .threshold(1.0)
                            .comparisonOperator("GreaterThanThreshold")))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining(
            "error in expression rate at position 11: the expression ends where an operand is expected");
    assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
  }
}
