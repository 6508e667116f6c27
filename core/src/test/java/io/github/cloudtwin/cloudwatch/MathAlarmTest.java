package io.github.cloudtwin.cloudwatch;

import static io.github.cloudtwin.cloudwatch.MetricDataQuery.expression;
import static io.github.cloudtwin.cloudwatch.MetricDataQuery.metric;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alarms on PutMetricAlarm's {@code Metrics}: the watched expression, the alarm rules, AWS's
 * validation.
 */
class MathAlarmTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final MetricId errors = MetricId.of("App", "Errors", "Service", "checkout");
  private final MetricId requests = MetricId.of("App", "Requests", "Service", "checkout");

  @AfterEach
  void close() {
    twin.close();
  }

  private MetricAlarmSpec.Builder errorRate(String expression) {
    return MetricAlarmSpec.builder()
        .alarmName("error-rate")
        .metrics(
            metric("errors", errors, ofMinutes(1), Statistic.SUM).withReturnData(false),
            metric("requests", requests, ofMinutes(1), Statistic.SUM).withReturnData(false),
            expression("rate", expression).withLabel("Error rate (%)"))
        .evaluationPeriods(2)
        .threshold(5)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold);
  }

  private void minute(int m, double errorCount, double requestCount) {
    cw.putMetricData(errors, t0.plus(ofMinutes(m)), errorCount, StandardUnit.COUNT);
    cw.putMetricData(requests, t0.plus(ofMinutes(m)), requestCount, StandardUnit.COUNT);
  }

  @Test
  void anErrorRateAlarmWatchesTheExpressionAndAlarmsOnTwoBreachingPeriods() {
    MetricAlarm a = cw.putMetricAlarm(errorRate("100 * errors / requests").build());
    assertThat(a.spec().period()).isEqualTo(ofMinutes(1));
    assertThat(a.spec().statistic()).isNull();
    assertThat(a.spec().metric()).isNull();
    for (int m = 0; m < 6; m++) minute(m, m >= 3 ? 10 : 1, 100);
    twin.advance(ofMinutes(6));
    // 1 % until minute 2, 10 % from minute 3: the buckets of minutes 3 and 4 complete at 5:00
    assertThat(a.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.OK, AlarmState.ALARM);
    assertThat(a.stateUpdatedTimestamp()).isEqualTo(t0.plus(ofMinutes(5)));
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 2 datapoints [10.0 (01/01/26 00:04:00), 10.0 (01/01/26 00:03:00)]"
                + " were greater than the threshold (5.0).");
    // a math alarm's StateReasonData has no statistic and no sample counts
    assertThat(a.stateReasonData().toJson())
        .isEqualTo(
            "{\"version\":\"1.0\",\"queryDate\":\"2026-01-01T00:05:00.000+0000\","
                + "\"startDate\":\"2026-01-01T00:03:00.000+0000\",\"period\":60,\"recentDatapoints\":[10.0,10.0],\"threshold\":5.0,"
                + "\"evaluatedDatapoints\":[{\"timestamp\":\"2026-01-01T00:04:00.000+0000\",\"value\":10.0},"
                + "{\"timestamp\":\"2026-01-01T00:03:00.000+0000\",\"value\":10.0}]}");
    CloudWatchFact.AlarmCreated created =
        twin.timeline()
            .events(CloudWatchFact.AlarmCreated.class)
            .get(0)
            .fact(CloudWatchFact.AlarmCreated.class)
            .orElseThrow();
    assertThat(created.definition())
        .isEqualTo(
            "metrics rate = 100 * errors / requests > 5.0 for 2 of 2 x 60 s (treatMissingData missing)");
  }

  @Test
  void missingDataOfTheExpressionIsTreatedAsTheAlarmSaysAndFillTurnsItIntoValues() {
    MetricAlarm plain =
        cw.putMetricAlarm(errorRate("100 * errors / requests").alarmName("plain").build());
    MetricAlarm filled =
        cw.putMetricAlarm(
            errorRate("FILL(100 * errors / requests, 0)").alarmName("filled").build());
    twin.advance(ofMinutes(3));
    // no data at all: the plain expression is missing everywhere; the filled one is 0 everywhere
    assertThat(plain.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(plain.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
    assertThat(filled.state()).isEqualTo(AlarmState.OK);
  }

  @Test
  void aMetricStatCanBeTheWatchedQuery() {
    MetricAlarm a =
        cw.putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("errors")
                .metrics(metric("m1", errors, Duration.ofMinutes(5), Statistic.MAXIMUM))
                .threshold(3)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .build());
    assertThat(a.spec().period()).isEqualTo(Duration.ofMinutes(5));
    cw.putMetricData(errors, t0.plus(ofMinutes(1)), 4, StandardUnit.COUNT);
    twin.advance(ofMinutes(5));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
  }

  private ValidationException rejected(MetricAlarmSpec.Builder b) {
    int events = twin.timeline().events().size();
    try {
      cw.putMetricAlarm(b.build());
    } catch (ValidationException e) {
      assertThat(cw.alarms()).isEmpty();
      assertThat(twin.timeline().events()).hasSize(events);
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void exactlyOneQueryReturnsDataAsAwsAnswers() {
    // ReturnData defaults to true: three queries that all return data
    ValidationException e =
        rejected(
            MetricAlarmSpec.builder()
                .alarmName("a")
                .metrics(
                    metric("errors", errors, ofMinutes(1), Statistic.SUM),
                    metric("requests", requests, ofMinutes(1), Statistic.SUM),
                    expression("rate", "errors / requests"))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold));
    assertThat(e.getMessage())
        .startsWith("Exactly one element of the metrics list should return data.");
    assertThat(e.field()).isEqualTo("Metrics.ReturnData");
    assertThat(e.value()).isEqualTo("3 elements with ReturnData true");
    ValidationException none =
        rejected(
            MetricAlarmSpec.builder()
                .alarmName("b")
                .metrics(
                    metric("errors", errors, ofMinutes(1), Statistic.SUM).withReturnData(false),
                    expression("x", "errors * 2").withReturnData(false))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold));
    assertThat(none.value()).isEqualTo("0 elements with ReturnData true");
    assertThat(none.getMessage()).contains("should return data");
  }

  @Test
  void badExpressionsAndShapesAreRejectedNamingTheIdAndNothingIsCreated() {
    assertThat(rejected(errorRate("100 * errors / ")).getMessage())
        .contains(
            "error in expression rate at position 16: the expression ends where an operand is expected");
    assertThat(rejected(errorRate("errors / latency")).getMessage())
        .contains("unknown id 'latency'");
    assertThat(rejected(errorRate("AVG(errors)")).getMessage())
        .contains("returns a single time series (this one returns a scalar)");
    assertThat(rejected(errorRate("METRICS()")).getMessage())
        .contains("(this one returns an array of time series)");
    assertThat(rejected(errorRate("errors").metric(errors)).field()).isEqualTo("MetricName");
    assertThat(rejected(errorRate("errors").statistic(Statistic.SUM)).field())
        .isEqualTo("Statistic");
    assertThat(rejected(errorRate("errors").period(ofMinutes(5))).field()).isEqualTo("Period");
    List<MetricDataQuery> many = new ArrayList<>();
    for (int i = 0; i < 11; i++)
      many.add(metric("m" + i, errors, ofMinutes(1), Statistic.SUM).withReturnData(i == 0));
    assertThat(
            rejected(
                    MetricAlarmSpec.builder()
                        .alarmName("c")
                        .metrics(many)
                        .threshold(1)
                        .comparisonOperator(ComparisonOperator.GreaterThanThreshold))
                .getMessage())
        .contains("at most 10 elements with MetricStat and 10 with Expression");
  }

  @Test
  void anUpdateThatFailsValidationKeepsTheOldDefinition() {
    MetricAlarm a = cw.putMetricAlarm(errorRate("100 * errors / requests").build());
    assertThatThrownBy(() -> cw.putMetricAlarm(errorRate("100 * errors / (").build()))
        .isInstanceOf(ValidationException.class);
    assertThat(a.spec().returnedQuery().orElseThrow().expression())
        .isEqualTo("100 * errors / requests");
    assertThat(twin.timeline().events(CloudWatchFact.AlarmUpdated.class)).isEmpty();
  }
}
