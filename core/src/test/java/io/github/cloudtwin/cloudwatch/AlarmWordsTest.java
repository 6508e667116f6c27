package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alarm reasons, StateReasonData and HistoryData in the exact form AWS returns them
 * (docs/fidelity.md, "AWS's words"; the forms come from DescribeAlarms responses recorded from real
 * accounts).
 */
class AlarmWordsTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final MetricId latency = MetricId.of("App", "Latency", "Service", "checkout");

  @AfterEach
  void close() {
    twin.close();
  }

  private MetricAlarmSpec.Builder alarm(int n, double threshold, ComparisonOperator op) {
    return MetricAlarmSpec.builder()
        .alarmName("latency")
        .metric(latency)
        .period(Duration.ofMinutes(1))
        .evaluationPeriods(n)
        .threshold(threshold)
        .comparisonOperator(op);
  }

  private void putAtMinute(int minute, double value) {
    cw.putMetricData(latency, t0.plus(ofMinutes(minute)), value, StandardUnit.MILLISECONDS);
  }

  @Test
  void aPercentileAlarmWritesExtendedStatisticInsteadOfStatistic() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(1, 70, ComparisonOperator.GreaterThanThreshold).extendedStatistic("p99").build());
    putAtMinute(0, 90);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateReasonData().toJson())
        .contains(",\"extendedStatistic\":\"p99\",\"period\":60,")
        .doesNotContain("\"statistic\"");
  }

  @Test
  void withDatapointsToAlarmGivenTheReasonCountsOutOfTheLastNAndNamesTheMinimum() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(3, 70, ComparisonOperator.GreaterThanThreshold).datapointsToAlarm(2).build());
    putAtMinute(0, 10);
    putAtMinute(1, 90);
    putAtMinute(2, 90);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.OK);
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 1 out of the last 1 datapoints [10.0 (01/01/26 00:00:00)] was not greater than the threshold"
                + " (70.0) (minimum 1 datapoint for ALARM -> OK transition).");
    twin.advance(ofMinutes(2));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 2 out of the last 3 datapoints [90.0 (01/01/26 00:02:00), 90.0 (01/01/26 00:01:00)] were"
                + " greater than the threshold (70.0) (minimum 2 datapoints for OK -> ALARM transition).");
  }

  @Test
  void withoutDatapointsToAlarmTheReasonCountsTheDatapointsAndHasNoMinimum() {
    MetricAlarm a = cw.putMetricAlarm(alarm(3, 5, ComparisonOperator.GreaterThanThreshold).build());
    for (int m = 0; m < 3; m++) putAtMinute(m, 5.535714886726143);
    twin.advance(ofMinutes(3));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    // values at full double precision, as AWS prints them
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 3 datapoints [5.535714886726143 (01/01/26 00:02:00), 5.535714886726143 (01/01/26 00:01:00),"
                + " 5.535714886726143 (01/01/26 00:00:00)] were greater than the threshold (5.0).");
    assertThat(a.spec().datapointsToAlarmSet()).isFalse();
    assertThat(a.spec().toBuilder().build().datapointsToAlarmSet()).isFalse();
    assertThat(a.spec().toBuilder().datapointsToAlarm(3).build().datapointsToAlarmSet()).isTrue();
  }

  @Test
  void stateReasonDataIsTheTypedRecordAndItsJsonIsWhatAwsReturns() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(3, 70, ComparisonOperator.GreaterThanThreshold)
                .datapointsToAlarm(2)
                .unit(StandardUnit.MILLISECONDS)
                .build());
    putAtMinute(0, 10);
    putAtMinute(1, 90);
    cw.putMetricData(latency, t0.plus(ofMinutes(2)), 80, StandardUnit.MILLISECONDS);
    cw.putMetricData(
        latency, t0.plus(ofMinutes(2)).plusSeconds(30), 100, StandardUnit.MILLISECONDS);
    twin.advance(ofMinutes(3));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);

    StateReasonData d = a.stateReasonData();
    assertThat(d.queryDate()).isEqualTo(t0.plus(ofMinutes(3)));
    assertThat(d.startDate()).isEqualTo(t0);
    assertThat(d.recentDatapoints()).containsExactly(10.0, 90.0, 90.0);
    assertThat(d.evaluatedDatapoints())
        .containsExactly(
            new StateReasonData.EvaluatedDatapoint(t0.plus(ofMinutes(2)), 2.0, 90.0),
            new StateReasonData.EvaluatedDatapoint(t0.plus(ofMinutes(1)), 1.0, 90.0));
    assertThat(d.toJson())
        .isEqualTo(
            "{\"version\":\"1.0\",\"queryDate\":\"2026-01-01T00:03:00.000+0000\",\"startDate\":\"2026-01-01T00:00:00.000+0000\","
                + "\"unit\":\"Milliseconds\",\"statistic\":\"Average\",\"period\":60,\"recentDatapoints\":[10.0,90.0,90.0],"
                + "\"threshold\":70.0,\"evaluatedDatapoints\":[{\"timestamp\":\"2026-01-01T00:02:00.000+0000\",\"sampleCount\":2.0,"
                + "\"value\":90.0},{\"timestamp\":\"2026-01-01T00:01:00.000+0000\",\"sampleCount\":1.0,\"value\":90.0}]}");
  }

  @Test
  void
      everyDatapointMissingUnderBreachingNamesThePeriodsAndTheTreatmentAndTheDataHasOnlyTimestamps() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(2, 70, ComparisonOperator.GreaterThanThreshold)
                .treatMissingData(TreatMissingData.breaching)
                .build());
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].");
    // no startDate without data, no unit when the alarm has none; missing points are a timestamp
    // alone
    assertThat(a.stateReasonData().toJson())
        .isEqualTo(
            "{\"version\":\"1.0\",\"queryDate\":\"2026-01-01T00:01:00.000+0000\",\"statistic\":\"Average\",\"period\":60,"
                + "\"recentDatapoints\":[],\"threshold\":70.0,\"evaluatedDatapoints\":[{\"timestamp\":\"2026-01-01T00:00:00.000+0000\"},"
                + "{\"timestamp\":\"2025-12-31T23:59:00.000+0000\"}]}");
    assertThat(a.stateReasonData().evaluatedDatapoints())
        .allMatch(StateReasonData.EvaluatedDatapoint::isMissing);
  }

  @Test
  void missingDatapointsThatMakeTheCaseAreNamedWithWhatWasReceived() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(3, 0.5, ComparisonOperator.GreaterThanThreshold)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.breaching)
                .build());
    putAtMinute(0, 0);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 1 datapoint was received for 3 periods and 2 missing datapoints were treated as [Breaching].");
  }

  @Test
  void anOkReasonListsTheDatapointsThatWereNotBreachingAndTheMissingOnesTreatedAsBreaching() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(3, 1, ComparisonOperator.LessThanThreshold)
                .treatMissingData(TreatMissingData.breaching)
                .build());
    putAtMinute(0, 1);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.OK);
    assertThat(a.stateReason())
        .isEqualTo(
            "Threshold Crossed: 1 datapoint [1.0 (01/01/26 00:00:00)] was not less than the threshold (1.0) and 2 missing"
                + " datapoints were treated as [Breaching].");
  }

  @Test
  void insufficientDataCountsTheNEvaluatedPeriodsNotTheFetchedRange() {
    MetricAlarm a =
        cw.putMetricAlarm(alarm(3, 70, ComparisonOperator.GreaterThanThreshold).build());
    putAtMinute(0, 10);
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.OK);
    twin.advance(ofMinutes(5));
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(a.stateReason()).isEqualTo("Insufficient Data: 3 datapoints were unknown.");
    assertThat(a.stateReasonData().toJson())
        .isEqualTo(
            "{\"version\":\"1.0\",\"queryDate\":\"2026-01-01T00:06:00.000+0000\",\"statistic\":\"Average\",\"period\":60,"
                + "\"recentDatapoints\":[],\"threshold\":70.0,\"evaluatedDatapoints\":[{\"timestamp\":\"2026-01-01T00:05:00.000+0000\"},"
                + "{\"timestamp\":\"2026-01-01T00:04:00.000+0000\"},{\"timestamp\":\"2026-01-01T00:03:00.000+0000\"}]}");
  }

  @Test
  void aStateUpdateCarriesAwsHistoryDataWithBothStatesAndTheirReasonData() {
    MetricAlarm a =
        cw.putMetricAlarm(alarm(1, 70, ComparisonOperator.GreaterThanThreshold).build());
    putAtMinute(0, 10);
    putAtMinute(1, 90);
    twin.advance(ofMinutes(2));
    List<AlarmHistoryItem> updates = a.stateHistory();
    assertThat(updates).hasSize(2);
    assertThat(updates.get(0).historyData())
        .isEqualTo(
            "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\",\"stateReason\":\"Unchecked: Initial alarm"
                + " creation\"},\"newState\":{\"stateValue\":\"OK\",\"stateReason\":\"Threshold Crossed: 1 datapoint [10.0"
                + " (01/01/26 00:00:00)] was not greater than the threshold (70.0).\",\"stateReasonData\":"
                + updates.get(0).stateReasonData().toJson()
                + "}}");
    AlarmHistoryItem alarmed = updates.get(1);
    assertThat(alarmed.summary()).isEqualTo("Alarm updated from OK to ALARM");
    assertThat(alarmed.historyData())
        .isEqualTo(
            "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"OK\",\"stateReason\":\"Threshold Crossed: 1 datapoint [10.0"
                + " (01/01/26 00:00:00)] was not greater than the threshold (70.0).\",\"stateReasonData\":{\"version\":\"1.0\","
                + "\"queryDate\":\"2026-01-01T00:01:00.000+0000\",\"startDate\":\"2026-01-01T00:00:00.000+0000\",\"statistic\":\"Average\","
                + "\"period\":60,\"recentDatapoints\":[10.0],\"threshold\":70.0,\"evaluatedDatapoints\":[{\"timestamp\":"
                + "\"2026-01-01T00:00:00.000+0000\",\"sampleCount\":1.0,\"value\":10.0}]}},\"newState\":{\"stateValue\":\"ALARM\","
                + "\"stateReason\":\"Threshold Crossed: 1 datapoint [90.0 (01/01/26 00:01:00)] was greater than the threshold"
                + " (70.0).\",\"stateReasonData\":{\"version\":\"1.0\",\"queryDate\":\"2026-01-01T00:02:00.000+0000\",\"startDate\":"
                + "\"2026-01-01T00:01:00.000+0000\",\"statistic\":\"Average\",\"period\":60,\"recentDatapoints\":[90.0],"
                + "\"threshold\":70.0,\"evaluatedDatapoints\":[{\"timestamp\":\"2026-01-01T00:01:00.000+0000\",\"sampleCount\":1.0,"
                + "\"value\":90.0}]}}}");
  }

  @Test
  void setAlarmStateWritesTheReasonWithoutReasonDataAndEscapesItInTheHistory() {
    MetricAlarm a =
        cw.putMetricAlarm(alarm(1, 70, ComparisonOperator.GreaterThanThreshold).build());
    cw.setAlarmState("latency", AlarmState.ALARM, "testing \"quoted\" reasons");
    assertThat(a.stateReasonData()).isNull();
    assertThat(a.stateHistory().get(0).historyData())
        .isEqualTo(
            "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\",\"stateReason\":\"Unchecked: Initial alarm"
                + " creation\"},\"newState\":{\"stateValue\":\"ALARM\",\"stateReason\":\"testing \\\"quoted\\\" reasons\"}}");
  }

  @Test
  void anAlarmWithAUnitSeesOnlyDatapointsPublishedInThatUnit() {
    MetricAlarm a =
        cw.putMetricAlarm(
            alarm(1, 70, ComparisonOperator.GreaterThanThreshold)
                .unit(StandardUnit.SECONDS)
                .build());
    putAtMinute(0, 90); // milliseconds
    twin.advance(ofMinutes(2));
    assertThat(a.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    assertThat(a.lastEvaluation().datapoints()).allMatch(d -> d.isNaN());
  }
}
