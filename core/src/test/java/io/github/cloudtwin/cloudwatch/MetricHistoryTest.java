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

/**
 * A metric with a history before the twin's start, and which of two overlapping injections wins.
 */
class MetricHistoryTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final MetricId queue = MetricId.of("App", "QueueDepth");

  @AfterEach
  void close() {
    twin.close();
  }

  private MetricAlarm threeOfThree() {
    return cw.putMetricAlarm(
        MetricAlarmSpec.builder()
            .alarmName("deep")
            .metric(queue)
            .evaluationPeriods(3)
            .threshold(100)
            .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
            .build());
  }

  @Test
  void anInjectionStartingBeforeZeroGivesTheMetricAHistoryTheFirstEvaluationSees() {
    cw.inject(
        MetricInjection.metric(queue)
            .between(Duration.ofMinutes(-10), Duration.ofMinutes(10))
            .constant(500));
    assertThat(
            cw.getMetricStatistics(
                queue, t0.minus(ofMinutes(15)), t0, ofMinutes(1), Statistic.AVERAGE))
        .extracting(Datapoint::timestamp)
        .containsExactly(
            java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(k -> t0.minus(ofMinutes(11 - k)))
                .toArray(Instant[]::new));
    MetricAlarm a = threeOfThree();
    twin.advance(ofMinutes(1));
    assertThat(a.state()).isEqualTo(AlarmState.ALARM);
    assertThat(a.stateUpdatedTimestamp()).isEqualTo(t0.plus(ofMinutes(1)));
  }

  @Test
  void withoutAHistoryTheSameAlarmNeedsThreeMinutes() {
    cw.inject(
        MetricInjection.metric(queue).between(Duration.ZERO, Duration.ofMinutes(10)).constant(500));
    MetricAlarm a = threeOfThree();
    twin.advance(ofMinutes(3));
    assertThat(a.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.ALARM);
    assertThat(a.stateUpdatedTimestamp()).isEqualTo(t0.plus(ofMinutes(3)));
  }

  @Test
  void aHistoryReachesBackAtMostFourteenDaysAsPutMetricDataAccepts() {
    assertThatThrownBy(() -> MetricInjection.metric(queue).from(Duration.ofDays(-15)).constant(1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from")
        .hasMessageContaining("14 days");
    cw.inject(MetricInjection.metric(queue).from(Duration.ofDays(-14)).constant(1));
    assertThat(cw.storedSampleCount(queue)).isEqualTo(14 * 24 * 60);
  }

  @Test
  void theNewerOfTwoOverlappingMetricInjectionsWinsForTheMinutesBothCover() {
    cw.inject(
        MetricInjection.metric(queue).between(Duration.ZERO, Duration.ofMinutes(10)).constant(10));
    cw.inject(
        MetricInjection.metric(queue)
            .between(Duration.ofMinutes(4), Duration.ofMinutes(6))
            .constant(900));
    twin.advance(ofMinutes(10));
    assertThat(
            cw.getMetricStatistics(
                queue, t0, t0.plus(ofMinutes(10)), ofMinutes(1), Statistic.AVERAGE))
        .extracting(Datapoint::value)
        .containsExactly(10.0, 10.0, 10.0, 10.0, 900.0, 900.0, 10.0, 10.0, 10.0, 10.0);
    assertThat(cw.storedSampleCount(queue)).isEqualTo(10);
  }
}
