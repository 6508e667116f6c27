package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of an alarm's rule and of its view that mutation testing found unpinned: each
 * comparison operator at, below and above its threshold, the newest datapoint a scaling action is
 * given, the inclusive ends of {@code stateChangesBetween}, and a deleted alarm's view.
 */
class AlarmViewEdgesTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final MetricId load = MetricId.of("App", "Load");

  @AfterEach
  void close() {
    twin.close();
  }

  /**
   * PutMetricAlarm's ComparisonOperator (CloudWatch API reference, PutMetricAlarm): the statistic
   * is compared with the threshold by the named operator, so "OrEqualTo" breaches at the threshold
   * itself and the strict ones do not.
   */
  @ParameterizedTest(name = "{0}: 59.99 {1}, 60 {2}, 60.01 {3}")
  @CsvSource({
    "GreaterThanOrEqualToThreshold, false, true,  true",
    "GreaterThanThreshold,          false, false, true",
    "LessThanThreshold,             true,  false, false",
    "LessThanOrEqualToThreshold,    true,  true,  false",
  })
  void eachOperatorBreachesOnItsSideOfTheThresholdAndTheOrEqualOnesAtIt(
      ComparisonOperator op, boolean below, boolean at, boolean above) {
    assertThat(op.breaches(59.99, 60)).as("59.99").isEqualTo(below);
    assertThat(op.breaches(60, 60)).as("60").isEqualTo(at);
    assertThat(op.breaches(60.01, 60)).as("60.01").isEqualTo(above);
  }

  private MetricAlarm threeMinuteAlarm() {
    return cw.putMetricAlarm(
        MetricAlarmSpec.builder()
            .alarmName("load-high")
            .metric(load)
            .period(Duration.ofMinutes(1))
            .evaluationPeriods(3)
            .threshold(70)
            .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
            .build());
  }

  private void sample(int minute, double value) {
    cw.putMetricData(load, t0.plus(ofMinutes(minute)).plusSeconds(30), value, StandardUnit.NONE);
  }

  @Test
  void theNewestDatapointIsTheNewestThatIsNotMissing() {
    MetricAlarm alarm = threeMinuteAlarm();
    sample(0, 75);
    sample(1, 85);
    twin.advance(ofMinutes(4)); // evaluated at +00:04:00: [.., 75, 85, missing, missing]
    assertThat(alarm.lastEvaluation().datapoints()).endsWith(75.0, 85.0, Double.NaN, Double.NaN);
    assertThat(alarm.lastEvaluation().newestDatapoint()).isEqualTo(85.0);
    assertThat(alarm.firstDatapointAt())
        .as("the evaluation at +00:01:00 saw the 75")
        .isEqualTo(t0.plus(ofMinutes(1)));
  }

  @Test
  void theNewestDatapointMayBeTheOldestOfTheRange() {
    MetricAlarm alarm = threeMinuteAlarm();
    sample(0, 75);
    twin.advance(ofMinutes(5)); // the range of 5 (N + 2) ends at +00:05:00: [75, missing x 4]
    assertThat(alarm.lastEvaluation().datapoints())
        .containsExactly(75.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    assertThat(alarm.lastEvaluation().newestDatapoint()).isEqualTo(75.0);
  }

  @Test
  void percentileNamesAreAwsExtendedStatisticNames() {
    assertThat(Statistic.percentile(99).name()).isEqualTo("p99");
    assertThat(Statistic.percentile(99.9).name()).isEqualTo("p99.9");
  }

  @Test
  void windowsAreEqualOnlyWithTheSameKindAndClock() {
    assertThat(EvaluationWindow.slidingWindow()).isNotEqualTo(EvaluationWindow.wallClockWindow());
    assertThat(EvaluationWindow.wallClockWindow("+05:30"))
        .isEqualTo(EvaluationWindow.wallClockWindow("+05:30"))
        .hasSameHashCodeAs(EvaluationWindow.wallClockWindow("+05:30"))
        .isNotEqualTo(EvaluationWindow.wallClockWindow());
  }

  @Test
  void withNoDatapointInTheRangeTheNewestDatapointIsMissingAndNoneWasEverSeen() {
    MetricAlarm alarm = threeMinuteAlarm();
    twin.advance(ofMinutes(3));
    assertThat(alarm.lastEvaluation().newestDatapoint()).isNaN();
    assertThat(alarm.firstDatapointAt()).isNull();
  }

  @Test
  void stateChangesBetweenIncludesBothEnds() {
    MetricAlarm alarm = threeMinuteAlarm();
    for (int m = 0; m < 3; m++) sample(m, 90);
    twin.advance(ofMinutes(6));
    Instant alarmAt = alarm.firstTransitionTo(AlarmState.ALARM).orElseThrow();
    assertThat(alarmAt).isEqualTo(t0.plus(ofMinutes(3)));
    assertThat(alarm.stateChangesBetween(alarmAt, alarmAt))
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.ALARM);
    assertThat(alarm.stateChangesBetween(t0, alarmAt.minusMillis(1))).isEmpty();
    assertThat(alarm.stateChangesBetween(alarmAt.plusMillis(1), twin.now()))
        .extracting(AlarmHistoryItem::newState)
        .doesNotContain(AlarmState.ALARM);
    assertThat(alarm.firstTransitionTo(AlarmState.INSUFFICIENT_DATA))
        .as("created in it, never went to it")
        .isEmpty();
  }

  @Test
  void aDeletedAlarmsViewRefusesToReportAState() {
    MetricAlarm alarm = threeMinuteAlarm();
    twin.advance(ofMinutes(1));
    cw.deleteAlarms("load-high");
    String deleted =
        "Alarm \"load-high\" was deleted at "
            + t0.plus(ofMinutes(1))
            + "; it no longer has a state.";
    assertThatThrownBy(alarm::state).isInstanceOf(IllegalStateException.class).hasMessage(deleted);
    assertThatThrownBy(alarm::stateReason).hasMessage(deleted);
    assertThatThrownBy(alarm::stateReasonData).hasMessage(deleted);
    assertThatThrownBy(alarm::stateUpdatedTimestamp).hasMessage(deleted);
    assertThatThrownBy(alarm::spec).hasMessage(deleted);
  }
}
