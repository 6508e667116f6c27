package io.github.cloudtwin.cloudwatch;

import static io.github.cloudtwin.cloudwatch.MetricDataQuery.expression;
import static io.github.cloudtwin.cloudwatch.MetricDataQuery.metric;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The expression language through GetMetricData: operators, functions, missing data, errors. */
class MetricMathTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final MetricId errors = MetricId.of("App", "Errors", "Service", "checkout");
  private final MetricId requests = MetricId.of("App", "Requests", "Service", "checkout");
  private final MetricId errors4xx = MetricId.of("App", "4xx", "Service", "checkout");

  @AfterEach
  void close() {
    twin.close();
  }

  /** Stores one value per minute from minute 0; NaN leaves the minute without data. */
  private void series(MetricId metric, double... perMinute) {
    twin.advance(ofMinutes(perMinute.length));
    for (int i = 0; i < perMinute.length; i++) {
      if (!Double.isNaN(perMinute[i]))
        cw.putMetricData(metric, t0.plus(ofMinutes(i)), perMinute[i], StandardUnit.COUNT);
    }
  }

  private static MetricDataQuery sum(String id, MetricId metric) {
    return metric(id, metric, ofMinutes(1), Statistic.SUM).withReturnData(false);
  }

  /** The values of one returned expression over the first {@code minutes} minutes, oldest first. */
  private List<Double> values(int minutes, MetricDataQuery... queries) {
    List<MetricDataResult> r =
        cw.getMetricData(
            List.of(queries), t0, t0.plus(ofMinutes(minutes)), ScanBy.TIMESTAMP_ASCENDING);
    assertThat(r).hasSize(1);
    return r.get(0).values();
  }

  @Test
  void multiplicationBindsTighterThanAdditionAndPowerTighterThanUnaryMinus() {
    series(requests, 2, 3);
    assertThat(values(2, sum("m1", requests), expression("e1", "1 + m1 * 10 - 4 / 2")))
        .containsExactly(19.0, 29.0);
    assertThat(values(2, sum("m1", requests), expression("e1", "-m1 ^ 2")))
        .containsExactly(-4.0, -9.0);
    assertThat(values(2, sum("m1", requests), expression("e1", "2 ^ 3 ^ m1 / 1000")))
        .containsExactly(0.512, 134217.728);
    assertThat(values(2, sum("m1", requests), expression("e1", "(1 + m1) * 10")))
        .containsExactly(30.0, 40.0);
  }

  @Test
  void anErrorRateIsComputedPerTimestampAndAMissingOperandLeavesThePeriodMissing() {
    series(errors, 1, Double.NaN, 3, 0);
    series(requests, 10, 20, 30, 0);
    MetricDataQuery rate = expression("rate", "100 * errors / requests");
    List<MetricDataResult> r =
        cw.getMetricData(
            List.of(sum("errors", errors), sum("requests", requests), rate),
            t0,
            t0.plus(ofMinutes(4)),
            ScanBy.TIMESTAMP_ASCENDING);
    // minute 1 has no errors datapoint: missing; minute 3 divides by zero: missing
    assertThat(r.get(0).timestamps()).containsExactly(t0, t0.plus(ofMinutes(2)));
    assertThat(r.get(0).values()).containsExactly(10.0, 10.0);
    assertThat(r.get(0).label()).isEqualTo("rate");
  }

  @Test
  void getMetricDataAnswersNewestFirstByDefaultAndOnlyTheQueriesThatReturnData() {
    series(requests, 1, 2, 3);
    List<MetricDataResult> r =
        cw.getMetricData(
            List.of(metric("m1", requests, ofMinutes(1), Statistic.SUM), sum("hidden", errors)),
            t0,
            t0.plus(ofMinutes(3)));
    assertThat(r).extracting(MetricDataResult::id).containsExactly("m1");
    assertThat(r.get(0).values()).containsExactly(3.0, 2.0, 1.0);
    assertThat(r.get(0).label()).isEqualTo("Requests");
    assertThat(r.get(0).statusCode()).isEqualTo("Complete");
  }

  @Test
  void sumOfATimeSeriesIsAScalarAndSumOfMetricsIsATimeSeries() {
    series(errors, 1, 2, Double.NaN);
    series(errors4xx, 10, Double.NaN, Double.NaN);
    // SUM(METRICS()) per timestamp over the members that have a value; all missing stays missing
    assertThat(
            values(
                3,
                sum("errors", errors),
                sum("errors4xx", errors4xx),
                expression("e1", "SUM(METRICS())")))
        .containsExactly(11.0, 2.0);
    // the string filter keeps the metric ids that contain it
    assertThat(
            values(
                3,
                sum("errors", errors),
                sum("errors4xx", errors4xx),
                expression("e1", "SUM(METRICS(\"4xx\"))")))
        .containsExactly(10.0);
    // m - AVG(m): a scalar inside a time series expression
    assertThat(values(3, sum("errors", errors), expression("e1", "errors - AVG(errors)")))
        .containsExactly(-0.5, 0.5);
    assertThat(
            values(
                3,
                sum("errors", errors),
                expression("e1", "errors + MAX(errors) - MIN(errors) + SUM(errors)")))
        .containsExactly(5.0, 6.0);
    assertThat(values(3, sum("a", errors), sum("b", errors4xx), expression("e1", "MAX([a, b])")))
        .containsExactly(10.0, 2.0);
  }

  @Test
  void fillRepeatsInterpolatesOrUsesAValue() {
    series(requests, 2, Double.NaN, Double.NaN, 8, Double.NaN);
    assertThat(values(5, sum("m1", requests), expression("e1", "FILL(m1, 0)")))
        .containsExactly(2.0, 0.0, 0.0, 8.0, 0.0);
    assertThat(values(5, sum("m1", requests), expression("e1", "FILL(m1, REPEAT)")))
        .containsExactly(2.0, 2.0, 2.0, 8.0, 8.0);
    // LINEAR fills between two values; the trailing gap has no value after it and stays missing
    assertThat(values(5, sum("m1", requests), expression("e1", "FILL(m1, LINEAR)")))
        .containsExactly(2.0, 4.0, 6.0, 8.0);
  }

  @Test
  void ifPicksPerDatapointAndWithoutAFalseValueLeavesTheDatapointMissing() {
    series(requests, 5, 50, 500);
    assertThat(values(3, sum("m1", requests), expression("e1", "IF(m1 > 10 AND m1 < 100, m1, 0)")))
        .containsExactly(0.0, 50.0, 0.0);
    assertThat(values(3, sum("m1", requests), expression("e1", "IF(m1 >= 50, 1)")))
        .containsExactly(1.0, 1.0);
    assertThat(
            values(3, sum("m1", requests), expression("e1", "IF(m1 == 5 || m1 != 50, m1 * 2, m1)")))
        .containsExactly(10.0, 50.0, 1000.0);
  }

  @Test
  void rateIsPerSecondBetweenDatapointsAndDiffIsTheChangeFromThePreviousOne() {
    series(requests, 60, 180, Double.NaN, 420);
    assertThat(values(4, sum("m1", requests), expression("e1", "DIFF(m1)")))
        .containsExactly(120.0, 240.0);
    // 240 over the two minutes since the previous datapoint: 2 per second
    assertThat(values(4, sum("m1", requests), expression("e1", "RATE(m1)")))
        .containsExactly(2.0, 2.0);
    assertThat(values(4, sum("m1", requests), expression("e1", "m1 / PERIOD(m1)")))
        .containsExactly(1.0, 3.0, 7.0);
  }

  @Test
  void anExpressionMayUseAnotherExpression() {
    series(errors, 2, 4);
    series(requests, 10, 10);
    List<Double> v =
        values(
            2,
            sum("errors", errors),
            sum("requests", requests),
            expression("ratio", "errors / requests").withReturnData(false),
            expression("pct", "ratio * 100"));
    assertThat(v.get(0)).isCloseTo(20.0, within(1e-9));
    assertThat(v.get(1)).isCloseTo(40.0, within(1e-9));
  }

  @Test
  void anArrayResultGivesOneSeriesPerMetricLabelledByTheMetric() {
    series(errors, 1);
    series(errors4xx, 2);
    List<MetricDataResult> r =
        cw.getMetricData(
            List.of(
                sum("a", errors),
                sum("b", errors4xx),
                expression("e1", "METRICS() * 10").withLabel("Scaled")),
            t0,
            t0.plus(ofMinutes(2)));
    assertThat(r)
        .extracting(MetricDataResult::label)
        .containsExactly("Scaled Errors", "Scaled 4xx");
    assertThat(r).extracting(MetricDataResult::id).containsOnly("e1");
  }

  private ValidationException rejected(MetricDataQuery... queries) {
    List<MetricDataQuery> list = new ArrayList<>(List.of(queries));
    try {
      cw.getMetricData(list, t0, t0.plus(ofMinutes(5)));
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("accepted " + list);
  }

  @Test
  void aSyntaxErrorNamesTheExpressionIdAndThePosition() {
    assertThat(rejected(sum("m1", requests), expression("e1", "m1 * (2 + ")).getMessage())
        .contains(
            "error in expression e1 at position 11: the expression ends where an operand is expected");
    assertThat(rejected(sum("m1", requests), expression("e1", "m1 $ 2")).getMessage())
        .contains("error in expression e1 at position 4: unexpected '$'");
    assertThat(rejected(sum("m1", requests), expression("e1", "(m1 + 2")).getMessage())
        .contains(
            "error in expression e1 at position 8: expected a ')' closing the '(' at position 1 before the end");
    assertThat(rejected(sum("m1", requests), expression("e1", "sum(m1)")).getMessage())
        .contains("at position 1: unknown function 'sum' (function names are written in uppercase");
    assertThat(rejected(sum("m1", requests), expression("e1", "m1 + STDDEVX(m1)")).getMessage())
        .contains("at position 6: unknown function 'STDDEVX'");
    assertThat(rejected(sum("m1", requests), expression("e1", "FILL(m1)")).getMessage())
        .contains("at position 1: FILL takes 2 arguments, not 1");
  }

  @Test
  void unknownIdsCyclesAndMisplacedTypesAreRejectedNamingTheId() {
    assertThat(rejected(sum("m1", requests), expression("e1", "m1 + m3")).getMessage())
        .contains(
            "error in expression e1 at position 6: unknown id 'm3' (ids in this list: [m1, e1])");
    assertThat(
            rejected(sum("m1", requests), expression("e1", "e2 + m1"), expression("e2", "e1 * 2"))
                .getMessage())
        .contains("refers back to");
    assertThat(rejected(expression("e1", "e1 + 1")).getMessage())
        .contains("error in expression e1 at position 1: 'e1' refers back to e1");
    assertThat(rejected(sum("m1", requests), expression("e1", "SUM(5)")).getMessage())
        .contains(
            "at position 5: SUM needs a time series or an array of time series here, not a scalar");
    assertThat(rejected(sum("m1", requests), expression("e1", "AVG(m1)")).getMessage())
        .contains(
            "an expression that returns a time series or an array of time series, not a scalar");
    assertThat(
            rejected(sum("m1", requests), expression("e1", "SUM(METRICS(\"5xx\"))")).getMessage())
        .contains("METRICS(\"5xx\") matches no metric (MetricStat) id in this list");
    assertThat(
            rejected(
                    sum("m1", requests),
                    metric("m2", errors, Duration.ofMinutes(5), Statistic.SUM),
                    expression("e1", "m1 + m2"))
                .getMessage())
        .contains(
            "at position 4: time series of different periods (60 s and 300 s) cannot be combined");
    assertThat(rejected(sum("m1", requests), sum("m1", errors)).field())
        .isEqualTo("Metrics[m1].Id");
  }

  @Test
  void anIdStartsWithALowercaseLetterAndAQueryIsEitherAMetricOrAnExpression() {
    assertThatThrownBy(() -> expression("E1", "1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must start with a lowercase letter");
    assertThatThrownBy(
            () ->
                new MetricDataQuery(
                    "q", MetricStat.of(errors, ofMinutes(1), Statistic.SUM), "1", null, true, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exactly one of Expression and MetricStat");
    assertThatThrownBy(() -> metric("m1", errors, Duration.ofSeconds(45), Statistic.SUM))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MetricStat.Period");
  }
}
