package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static io.github.cloudtwin.cloudwatch.AlarmState.INSUFFICIENT_DATA;
import static io.github.cloudtwin.cloudwatch.AlarmState.OK;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2-of-2 one-minute alarm on App/Load > 80 fed one value per minute: 50, 90, 95, 60, 40 (minutes
 * 0..4). It goes OK at +00:02:00, to ALARM at +00:04:00 and back to OK at +00:05:00. A second
 * alarm, "never", needs 3 datapoints >= 100 and never fires.
 */
class MetricAlarmAssertTest {

  static final MetricId LOAD = MetricId.of("App", "Load");
  private CloudTwin twin;
  private MetricAlarm alarm;

  @BeforeEach
  void story() {
    twin = CloudTwin.builder().build();
    alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("load-high")
                    .metric(LOAD)
                    .threshold(80)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .evaluationPeriods(2)
                    .build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(LOAD)
                .between(Duration.ZERO, Duration.ofMinutes(5))
                .series(50, 90, 95, 60, 40));
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("never")
                .metric(LOAD)
                .threshold(100)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .evaluationPeriods(3)
                .build());
    twin.advance(Duration.ofMinutes(6));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void passingAssertions() {
    assertThat(twin)
        .alarm("load-high")
        .isInState(OK)
        .transitionedToAlarmAt(Duration.ofMinutes(4))
        .transitionedToStateAt(OK, Duration.ofMinutes(5))
        .neverEnteredState(INSUFFICIENT_DATA);
    assertThat(alarm).in(twin).transitionedToAlarmAt(Duration.ofMinutes(4));
    assertThat(twin).alarm("never").neverEnteredState(ALARM).isInState(OK);
  }

  @Test
  void aViewBringsItsTwinsTimelineSoOffsetsNeedNoIn() {
    assertThat(alarm).transitionedToAlarmAt(Duration.ofMinutes(4));
    assertThatThrownBy(() -> assertThat(alarm).transitionedToAlarmAt(Duration.ofMinutes(3)))
        .hasMessageStartingWith(
            "Expecting alarm \"load-high\" to go to ALARM at +00:03:00 (virtual time)\n"
                + "but it went to ALARM at +00:04:00 (1m later).\nTimeline (4 events, t0 = 2026-01-01T00:00:00Z):");
  }

  @Test
  void softAssertionsCollectAlarmFailures() {
    CloudTwinSoftAssertions softly = new CloudTwinSoftAssertions();
    softly
        .assertThat(alarm)
        .in(twin)
        .isInState(ALARM)
        .neverEnteredState(ALARM)
        .transitionedToAlarmAt(Duration.ofMinutes(4));
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m ->
                org.assertj.core.api.Assertions.assertThat(m)
                    .startsWith("Expecting alarm \"load-high\" to be in state ALARM"),
            m ->
                org.assertj.core.api.Assertions.assertThat(m)
                    .startsWith("Expecting alarm \"load-high\" never to enter ALARM"));
  }

  @Test
  void isInStateFailsWithTheAlarmsTimelineAndWhenItLastWasInThatState() {
    assertThatThrownBy(() -> assertThat(twin).alarm("load-high").isInState(ALARM))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting alarm \"load-high\" to be in state ALARM\n"
                + "but it is OK (since +00:05:00): Threshold Crossed: 1 datapoint [60.0 (01/01/26 00:03:00)] was not greater than the threshold (80.0).\n"
                + "Timeline (4 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  alarm/load-high  created in INSUFFICIENT_DATA: Load Average > 80.0 for 2 of 2 x 60 s (treatMissingData missing)\n"
                + "  +00:02:00  alarm/load-high  INSUFFICIENT_DATA -> OK: Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was not greater than the threshold (80.0).\n"
                + "  +00:04:00  alarm/load-high  OK -> ALARM: Threshold Crossed: 2 datapoints [95.0 (01/01/26 00:02:00), 90.0 (01/01/26 00:01:00)] were greater than the threshold (80.0).\n"
                + "  +00:05:00  alarm/load-high  ALARM -> OK: Threshold Crossed: 1 datapoint [60.0 (01/01/26 00:03:00)] was not greater than the threshold (80.0).\n"
                + "It was last in ALARM from +00:04:00 to +00:05:00.");
  }

  @Test
  void theAlarmAloneGivesTheSameMessageAsTheTwin() {
    Throwable alone =
        org.assertj.core.api.Assertions.catchThrowable(() -> assertThat(alarm).isInState(ALARM));
    Throwable viaTwin =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> assertThat(twin).alarm("load-high").isInState(ALARM));
    org.assertj.core.api.Assertions.assertThat(alone)
        .hasMessage(viaTwin.getMessage())
        .hasMessageContaining("but it is OK (since +00:05:00)")
        .hasMessageContaining("Timeline (4 events");
  }

  @Test
  void transitionedToAlarmAtFailsNamingWhenItDidGoToAlarm() {
    assertThatThrownBy(
            () -> assertThat(twin).alarm("load-high").transitionedToAlarmAt(Duration.ofMinutes(3)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting alarm \"load-high\" to go to ALARM at +00:03:00 (virtual time)\n"
                + "but it went to ALARM at +00:04:00 (1m later).\n"
                + "Timeline (4 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  alarm/load-high  created in INSUFFICIENT_DATA: Load Average > 80.0 for 2 of 2 x 60 s (treatMissingData missing)\n"
                + "  +00:02:00  alarm/load-high  INSUFFICIENT_DATA -> OK: Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was not greater than the threshold (80.0).\n"
                + "  +00:04:00  alarm/load-high  OK -> ALARM: Threshold Crossed: 2 datapoints [95.0 (01/01/26 00:02:00), 90.0 (01/01/26 00:01:00)] were greater than the threshold (80.0).\n"
                + "  +00:05:00  alarm/load-high  ALARM -> OK: Threshold Crossed: 1 datapoint [60.0 (01/01/26 00:03:00)] was not greater than the threshold (80.0).");
  }

  @Test
  void neverEnteredStateFailsNamingTheFirstEntry() {
    assertThatThrownBy(() -> assertThat(twin).alarm("load-high").neverEnteredState(ALARM))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting alarm \"load-high\" never to enter ALARM\n"
                + "but it did at +00:04:00: Threshold Crossed: 2 datapoints [95.0 (01/01/26 00:02:00), 90.0 (01/01/26 00:01:00)] were greater than the threshold (80.0).\n"
                + "Timeline (4 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  alarm/load-high  created in INSUFFICIENT_DATA: Load Average > 80.0 for 2 of 2 x 60 s (treatMissingData missing)\n"
                + "  +00:02:00  alarm/load-high  INSUFFICIENT_DATA -> OK: Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was not greater than the threshold (80.0).\n"
                + "  +00:04:00  alarm/load-high  OK -> ALARM: Threshold Crossed: 2 datapoints [95.0 (01/01/26 00:02:00), 90.0 (01/01/26 00:01:00)] were greater than the threshold (80.0).\n"
                + "  +00:05:00  alarm/load-high  ALARM -> OK: Threshold Crossed: 1 datapoint [60.0 (01/01/26 00:03:00)] was not greater than the threshold (80.0).");
  }

  @Test
  void transitionedToAlarmAtFailsForAnAlarmThatNeverFiredShowingTheNewestEvaluation() {
    assertThatThrownBy(
            () -> assertThat(twin).alarm("never").transitionedToAlarmAt(Duration.ofMinutes(3)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting alarm \"never\" to go to ALARM at +00:03:00 (virtual time)\n"
                + "but it never went to ALARM (it is OK).\n"
                + "Timeline (2 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  alarm/never  created in INSUFFICIENT_DATA: Load Average >= 100.0 for 3 of 3 x 60 s (treatMissingData missing)\n"
                + "  +00:02:00  alarm/never  INSUFFICIENT_DATA -> OK: Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was not greater than or equal to the threshold (100.0).\n"
                + "Newest evaluation at +00:06:00: datapoints [90.0, 95.0, 60.0, 40.0, missing], rule Load Average >= 100.0 for 3 of 3 x 60 s.");
  }

  @Test
  void isInStateFailsForAnAlarmThatNeverWasThereShowingTheNewestEvaluation() {
    assertThatThrownBy(() -> assertThat(twin).alarm("never").isInState(ALARM))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting alarm \"never\" to be in state ALARM\n"
                + "but it is OK (since +00:02:00): Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was not greater than or equal to the threshold (100.0).\n"
                + "Timeline (2 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  alarm/never  created in INSUFFICIENT_DATA: Load Average >= 100.0 for 3 of 3 x 60 s (treatMissingData missing)\n"
                + "  +00:02:00  alarm/never  INSUFFICIENT_DATA -> OK: Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was not greater than or equal to the threshold (100.0).\n"
                + "Newest evaluation at +00:06:00: datapoints [90.0, 95.0, 60.0, 40.0, missing], rule Load Average >= 100.0 for 3 of 3 x 60 s.");
  }

  @Test
  void transitionedToStateBetweenAcceptsAWindowAndFailsNamingTheNearestTransition() {
    assertThat(alarm)
        .transitionedToAlarmBetween(Duration.ofMinutes(3), Duration.ofMinutes(5))
        .transitionedToStateBetween(OK, Duration.ofMinutes(5), Duration.ofMinutes(5));
    assertThatThrownBy(
            () ->
                assertThat(alarm).transitionedToAlarmBetween(Duration.ZERO, Duration.ofMinutes(3)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting alarm \"load-high\" to go to ALARM between +00:00:00 and +00:03:00 (virtual time)\n"
                + "but it went to ALARM at +00:04:00 (1m later).");
    assertThatThrownBy(
            () ->
                assertThat(twin)
                    .alarm("never")
                    .transitionedToAlarmBetween(Duration.ZERO, Duration.ofMinutes(6)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it never went to ALARM (it is OK).");
  }

  @Test
  void stateChangesAreReadableInAWindowAndByState() {
    java.time.Instant t0 = twin.timeline().t0();
    org.assertj.core.api.Assertions.assertThat(
            alarm.stateChangesBetween(
                t0.plus(Duration.ofMinutes(3)), t0.plus(Duration.ofMinutes(6))))
        .extracting(io.github.cloudtwin.cloudwatch.AlarmHistoryItem::newState)
        .containsExactly(ALARM, OK);
    org.assertj.core.api.Assertions.assertThat(alarm.firstTransitionTo(ALARM))
        .contains(t0.plus(Duration.ofMinutes(4)));
    org.assertj.core.api.Assertions.assertThat(alarm.firstTransitionTo(INSUFFICIENT_DATA))
        .isEmpty();
  }
}
