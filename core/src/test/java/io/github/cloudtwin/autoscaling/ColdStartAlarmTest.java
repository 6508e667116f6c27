package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.cpu;
import static io.github.cloudtwin.autoscaling.Fixtures.cpuAlarm;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 1: with basic monitoring (one datapoint per 5 minutes) and CPU high from the
 * twin's start, a 2-of-2 x 300 s alarm must not go OK on its single breaching datapoint.
 */
class ColdStartAlarmTest {

  @Test
  void aSingleBreachingDatapointNeverGivesOkAndTheSecondOneAlarms() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              group("web", 1, 10, 3).detailedMonitoring(false).bootTime(Duration.ZERO).build());
      ScalingPolicy addTwo =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("scale-out")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(2)
                      .build());
      cpu(twin, "web", 95);
      MetricAlarm alarm =
          twin.cloudWatch()
              .putMetricAlarm(
                  cpuAlarm(
                      "cpu-high",
                      "web",
                      ComparisonOperator.GreaterThanThreshold,
                      80,
                      300,
                      2,
                      addTwo.asAlarmAction()));

      twin.advance(Duration.ofMinutes(5));
      // at 5:00 the range holds one real datapoint (95 %, stamped 0:00, breaching, the newest) and
      // missing ones: neither 2 breaching datapoints for ALARM nor 1 non-breaching one for OK
      assertThat(alarm.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
      assertThat(alarm.stateHistory()).isEmpty();
      // at 6:00 the newest 5-minute bucket [1:00, 6:00) is empty (the basic datapoint of 5:00 is
      // published at 10:00) and the breaching point, in the bucket [-0:04, 1:00), is 2 periods
      // old: AWS's documented
      // premature-alarm rule ("- - - X -" with M = 2 alarms) fires
      twin.advance(Duration.ofMinutes(1));
      assertThat(alarm.state()).isEqualTo(AlarmState.ALARM);
      assertThat(alarm.stateReason())
          .contains("[95.0 (31/12/25 23:56:00)]", "the newer datapoints are missing");
      assertThat(alarm.stateHistory())
          .extracting(AlarmHistoryItem::newState)
          .containsExactly(AlarmState.ALARM);
    }
  }
}
