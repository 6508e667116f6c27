package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SlidingWindow and WallClockWindow (CloudWatch user guide, "Alarm evaluation window"): one hour of
 * 90 followed by one hour of 10, against an hourly alarm {@code Average > 70}.
 */
class EvaluationWindowTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now(); // 2026-01-01T00:00:00Z, a Thursday
  private final MetricId load = MetricId.of("App", "Load");

  @AfterEach
  void close() {
    twin.close();
  }

  private MetricAlarmSpec.Builder hourly(String name, EvaluationWindow window) {
    return MetricAlarmSpec.builder()
        .alarmName(name)
        .metric(load)
        .period(Duration.ofHours(1))
        .threshold(70)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .evaluationWindow(window);
  }

  /** Minute by minute for two hours: a sample at the middle of each minute, 90 then 10. */
  private void oneHourHighThenOneHourLow() {
    for (int m = 0; m < 120; m++) {
      cw.putMetricData(
          load, t0.plus(ofMinutes(m)).plusSeconds(30), m < 60 ? 90 : 10, StandardUnit.NONE);
      twin.advance(ofMinutes(1));
    }
  }

  private Instant okAt(MetricAlarm a) {
    return a.stateHistory().stream()
        .filter(h -> h.newState() == AlarmState.OK)
        .map(AlarmHistoryItem::timestamp)
        .reduce((x, y) -> y)
        .orElse(null);
  }

  @Test
  void aSlidingWindowRecoversAsSoonAsTheRollingHourAveragesBelowTheThreshold() {
    MetricAlarm sliding =
        cw.putMetricAlarm(hourly("sliding", EvaluationWindow.slidingWindow()).build());
    oneHourHighThenOneHourLow();
    assertThat(sliding.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.ALARM, AlarmState.OK);
    // the rolling hour [-0:59, 0:01) already holds one minute of 90: ALARM at once
    assertThat(sliding.stateHistory().get(0).timestamp()).isEqualTo(t0.plus(ofMinutes(1)));
    // (90 x 45 + 10 x 15) / 60 = 70 is not above 70: OK at 1:15
    assertThat(okAt(sliding)).isEqualTo(t0.plus(ofMinutes(75)));
  }

  @Test
  void aWallClockWindowEvaluatesWholeClockHoursSoItRecoversOnlyAtTheTopOfTheHour() {
    MetricAlarm wall =
        cw.putMetricAlarm(hourly("wall", EvaluationWindow.wallClockWindow()).build());
    oneHourHighThenOneHourLow();
    assertThat(wall.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.ALARM, AlarmState.OK);
    // the clock hour [0:00, 1:00) is evaluated once it is complete
    assertThat(wall.stateHistory().get(0).timestamp()).isEqualTo(t0.plus(ofMinutes(60)));
    assertThat(okAt(wall)).isEqualTo(t0.plus(ofMinutes(120)));
    assertThat(wall.stateReason()).contains("[10.0 (01/01/26 01:00:00)]");
    assertThat(wall.lastEvaluation().datapoints())
        .hasSize(3)
        .containsExactly(Double.NaN, 90.0, 10.0);
  }

  @Test
  void aWallClockWindowAlignsToTheClockOfItsTimezone() {
    // in +05:30 the hours start at :30 UTC: [23:30, 0:30) holds 30 minutes of 90, [0:30, 1:30) 50
    // on average
    MetricAlarm wall =
        cw.putMetricAlarm(hourly("india", EvaluationWindow.wallClockWindow("+05:30")).build());
    oneHourHighThenOneHourLow();
    assertThat(wall.stateHistory())
        .extracting(AlarmHistoryItem::timestamp)
        .containsExactly(t0.plus(ofMinutes(30)), t0.plus(ofMinutes(90)));
    assertThat(wall.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.ALARM, AlarmState.OK);
    assertThat(twin.timeline().events())
        .anySatisfy(
            e ->
                assertThat(e.message())
                    .contains("created in INSUFFICIENT_DATA", "WallClockWindow(+05:30)"));
  }

  @Test
  void dailyAndWeeklyWallClockBucketsFollowLocalMidnightAcrossDaylightSavingAndStartOnMonday() {
    EvaluationWindow ny = EvaluationWindow.wallClockWindow("America/New_York");
    long day = 86_400_000L;
    long end = ny.newestEnd(Instant.parse("2026-03-09T10:00:00Z").toEpochMilli(), day);
    assertThat(Instant.ofEpochMilli(end))
        .isEqualTo(Instant.parse("2026-03-09T04:00:00Z")); // EDT midnight
    // 8 March 2026 is the day clocks spring forward: 23 hours long
    assertThat(Instant.ofEpochMilli(ny.bucketStart(end, day)))
        .isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    long week = 7 * day;
    EvaluationWindow utc = EvaluationWindow.wallClockWindow();
    assertThat(
            Instant.ofEpochMilli(
                utc.newestEnd(Instant.parse("2026-01-01T12:00:00Z").toEpochMilli(), week)))
        .isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
    assertThat(Instant.ofEpochMilli(EvaluationWindow.slidingWindow().newestEnd(123_456L, day)))
        .isEqualTo(Instant.ofEpochMilli(123_456L));
  }

  @Test
  void fiveMinuteWallClockBucketsEndOnTheClocksFiveMinuteMarks() {
    // "aligned to clock boundaries that match the period" (CloudWatch user guide, "Alarm evaluation
    // window"): a 300 s period ends at :00, :05, :10, ... of the alarm's clock
    long five = 300_000L;
    EvaluationWindow utc = EvaluationWindow.wallClockWindow();
    assertThat(
            Instant.ofEpochMilli(
                utc.newestEnd(Instant.parse("2026-01-01T00:09:59Z").toEpochMilli(), five)))
        .isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
    assertThat(
            Instant.ofEpochMilli(
                utc.newestEnd(Instant.parse("2026-01-01T00:10:00Z").toEpochMilli(), five)))
        .isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
    assertThat(
            Instant.ofEpochMilli(
                utc.newestEnd(Instant.parse("2026-01-01T13:57:30Z").toEpochMilli(), five)))
        .isEqualTo(Instant.parse("2026-01-01T13:55:00Z"));
    assertThat(
            Instant.ofEpochMilli(
                utc.bucketStart(Instant.parse("2026-01-01T13:55:00Z").toEpochMilli(), five)))
        .isEqualTo(Instant.parse("2026-01-01T13:50:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"America/New_York", "+05:30", "-03:00", "UTC+05:30", "UTC", "Europe/Berlin"})
  void acceptsTheTimezoneFormsAwsDocuments(String tz) {
    MetricAlarmSpec spec = hourly("a", EvaluationWindow.wallClockWindow(tz)).build();
    assertThat(spec.evaluationWindow().timezone()).isEqualTo(tz);
    assertThat(spec.evaluationWindow().isWallClock()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Mars/Olympus_Mons",
        "+05:07",
        "UTC+05:31",
        "01234567890123456789012345678901234567890123456789X"
      })
  void rejectsATimezoneAwsWouldNotAcceptNamingTheField(String tz) {
    assertThatThrownBy(() -> EvaluationWindow.wallClockWindow(tz))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EvaluationWindow.WallClockWindow.Timezone")
        .hasMessageContaining("multiple of 5 minutes");
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 30, 120, 600, 7200})
  void aWallClockWindowNeedsOneOfTheFivePeriodsAwsSupports(int seconds) {
    assertThatThrownBy(
            () ->
                hourly("a", EvaluationWindow.wallClockWindow())
                    .period(Duration.ofSeconds(seconds))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EvaluationWindow")
        .hasMessageContaining("60, 300, 3600, 86400 or 604800")
        .hasMessageContaining("Period is " + seconds);
  }

  @Test
  void theDefaultIsASlidingWindowAndANullWindowIsRejected() {
    assertThat(
            hourly("a", EvaluationWindow.slidingWindow()).build().evaluationWindow().isWallClock())
        .isFalse();
    assertThat(
            MetricAlarmSpec.builder()
                .alarmName("a")
                .metric(load)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build()
                .evaluationWindow())
        .isEqualTo(EvaluationWindow.slidingWindow());
    assertThatThrownBy(() -> hourly("a", null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EvaluationWindow");
  }
}
