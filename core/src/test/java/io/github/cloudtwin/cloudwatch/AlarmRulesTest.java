package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documented truth table of aws-behaviour.md 3.3 (N = 3, range 5, threshold {@code > 70}),
 * every row and every treatMissingData mode; "keep" means the state is left as it was.
 */
class AlarmRulesTest {

  @ParameterizedTest(name = "M={0} {1}: missing={2} ignore={3} breaching={4} notBreaching={5}")
  @CsvSource({
    "3, 0 - X - X, OK,                OK,   OK,    OK",
    "3, 0 - - - -, OK,                OK,   OK,    OK",
    "3, - - - - -, INSUFFICIENT_DATA, keep, ALARM, OK",
    "3, 0 X X - X, ALARM,             ALARM, ALARM, ALARM",
    "3, - - X - -, ALARM,             keep, ALARM, OK",
    "2, 0 - X - X, ALARM,             ALARM, ALARM, ALARM",
    "2, 0 0 X 0 X, ALARM,             ALARM, ALARM, ALARM",
    "2, 0 - X - -, OK,                OK,   ALARM, OK",
    "2, - - - - 0, OK,                OK,   ALARM, OK",
    "2, - - - X -, ALARM,             keep, ALARM, OK",
    // E5: data arriving late does not alarm prematurely, and one breaching datapoint is no
    // reason for OK either: the state stays (issue 12)
    "3, - - - - X, keep,              keep, ALARM, OK",
    "3, - - - X -, keep,              keep, ALARM, OK",
    "2, - - - - X, keep,              keep, ALARM, OK",
    "3, - - - X X, keep,              keep, ALARM, OK",
    // The premature-alarm guard needs "all other more recent data points breaching or missing"
    // (CloudWatch user guide, "Avoiding premature transitions to alarm state"): a newer OK
    // datapoint stops it, so the oldest breach being M old is not enough.
    "3, - - X 0 -, OK,                OK,   OK,    OK",
    // Rule 3 (fill as few gaps as needed; notBreaching counts the fill as good): one breach, one
    // good point and one good fill of N = 3 is OK under every treatment.
    "3, - - - X 0, OK,                OK,   OK,    OK",
    // ... and under breaching the one bad fill next to two good points is still short of M = 3
    "3, - - - 0 0, OK,                OK,   OK,    OK",
  })
  void documentedTruthTable(
      int m, String data, String missing, String ignore, String breaching, String notBreaching) {
    assertThat(outcome(m, data, TreatMissingData.missing)).isEqualTo(missing);
    assertThat(outcome(m, data, TreatMissingData.ignore)).isEqualTo(ignore);
    assertThat(outcome(m, data, TreatMissingData.breaching)).isEqualTo(breaching);
    assertThat(outcome(m, data, TreatMissingData.notBreaching)).isEqualTo(notBreaching);
  }

  @ParameterizedTest(name = "{0} of {1} with {2} -> {3}")
  @CsvSource({
    "2, 3, 0 0 X 0 X, ALARM",
    "2, 3, 0 0 0 X 0, OK",
    "3, 5, 0 X 0 X X, ALARM",
    "3, 5, X X 0 0 0 X, OK",
    "3, 5, X X 0 X 0, ALARM",
  })
  void mOutOfNNeedNotBeConsecutiveButMustFallWithinTheNewestN(
      int m, int n, String data, String expected) {
    String[] cells = data.split(" ");
    MetricAlarmSpec spec =
        spec(m, TreatMissingData.missing).toBuilder()
            .evaluationPeriods(n)
            .datapointsToAlarm(m)
            .evaluationRange(cells.length)
            .build();
    assertThat(run(spec, cells)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aPrematureGuardAlarmCitesOnlyTheBreachesWithinTheEvaluationPeriods() {
    // N = 3 of a 5-point range: the breach at 00:00 is outside the newest 3, the one at 00:02 in it
    AlarmRules.Outcome one = evaluate(spec(3, TreatMissingData.missing), "X - X - -");
    assertThat(one.state()).isEqualTo(AlarmState.ALARM);
    assertThat(one.reason())
        .isEqualTo(
            "Threshold Crossed: [90.0 (01/01/26 00:02:00)] was greater than the threshold (70.0)"
                + " and the newer datapoints are missing (minimum 3 datapoints for OK -> ALARM transition).");
    // 4 of 4 in a 6-point range: two breaches in the newest 4, the oldest of them 4 old, one
    // outside
    MetricAlarmSpec fourOfFour =
        spec(3, TreatMissingData.missing).toBuilder()
            .evaluationPeriods(4)
            .datapointsToAlarm(4)
            .evaluationRange(6)
            .build();
    AlarmRules.Outcome two = evaluate(fourOfFour, "X - X X - -");
    assertThat(two.state()).isEqualTo(AlarmState.ALARM);
    assertThat(two.reason())
        .isEqualTo(
            "Threshold Crossed: [90.0 (01/01/26 00:03:00), 90.0 (01/01/26 00:02:00)] were greater than the threshold (70.0)"
                + " and the newer datapoints are missing (minimum 4 datapoints for OK -> ALARM transition).");
  }

  @org.junit.jupiter.api.Test
  void anOkReasonNamesTheMinimumOfNMinusMPlusOneDatapointsAsAwsDoes() {
    // AWS's StateReason for ALARM -> OK: "(minimum N - M + 1 datapoints for ALARM -> OK
    // transition)"
    assertThat(evaluate(spec(2, TreatMissingData.missing), "0 0 0 0 0").reason())
        .endsWith(
            "were not greater than the threshold (70.0) (minimum 2 datapoints for ALARM -> OK transition).");
    assertThat(evaluate(spec(3, TreatMissingData.missing), "0 0 0 0 0").reason())
        .endsWith(
            "were not greater than the threshold (70.0) (minimum 1 datapoint for ALARM -> OK transition).");
  }

  private static String outcome(int m, String data, TreatMissingData t) {
    return run(spec(m, t), data.split(" "));
  }

  private static String run(MetricAlarmSpec spec, String[] cells) {
    AlarmRules.Outcome o = evaluate(spec, String.join(" ", cells));
    return o.state() == null ? "keep" : o.state().name();
  }

  private static AlarmRules.Outcome evaluate(MetricAlarmSpec spec, String data) {
    String[] cells = data.split(" ");
    double[] values = new double[cells.length];
    Instant[] stamps = new Instant[cells.length];
    for (int i = 0; i < cells.length; i++) {
      values[i] = cells[i].equals("-") ? Double.NaN : cells[i].equals("X") ? 90 : 0;
      stamps[i] = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(i));
    }
    return AlarmRules.evaluate(spec, values, stamps, new boolean[cells.length]);
  }

  private static MetricAlarmSpec spec(int m, TreatMissingData t) {
    return MetricAlarmSpec.builder()
        .alarmName("a")
        .metric(MetricId.of("App", "Latency"))
        .period(Duration.ofMinutes(1))
        .evaluationPeriods(3)
        .datapointsToAlarm(m)
        .threshold(70)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .treatMissingData(t)
        .build();
  }
}
