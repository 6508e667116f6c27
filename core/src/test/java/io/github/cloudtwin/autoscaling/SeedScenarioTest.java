package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.cpu;
import static io.github.cloudtwin.autoscaling.Fixtures.cpuAlarm;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's scenario: three instances, an alarm "average CPU above 80 % for two 5-minute periods",
 * and a policy that adds two instances.
 */
class SeedScenarioTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  @Test
  void alarmAndNewDesiredCapacityAtTheMinuteAwsWouldAndInstancesInServiceAfterBoot() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 1, 10, 3).bootTime(Duration.ofSeconds(90)).build());
      ScalingPolicy addTwo =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("scale-out")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(2)
                      .build());
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
      twin.advance(Duration.ofMinutes(10)); // idle
      cpu(twin, "web", 90); // from minute 10

      // Both 5-minute periods must average above 80: the older one is [10, 15) only at minute 20.
      twin.advanceTo(T0.plus(Duration.ofMinutes(19)));
      assertThat(alarm.state()).isNotEqualTo(AlarmState.ALARM);
      assertThat(g.desiredCapacity()).isEqualTo(3);
      twin.advanceTo(T0.plus(Duration.ofMinutes(20)));
      assertThat(alarm.state()).isEqualTo(AlarmState.ALARM);
      assertThat(alarm.stateUpdatedTimestamp()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
      assertThat(g.desiredCapacity()).isEqualTo(5);
      assertThat(g.instances(LifecycleState.PENDING)).hasSize(2);

      ScalingActivity launch = g.activities().get(0);
      assertThat(launch.cause())
          .isEqualTo(
              "At 2026-01-01T00:20:00Z a monitor alarm cpu-high in state ALARM triggered policy scale-out changing the"
                  + " desired capacity from 3 to 5.  At 2026-01-01T00:20:00Z an instance was started in response to a"
                  + " difference between desired and actual capacity, increasing the capacity from 3 to 5.");
      // the activity is linked on the timeline to the alarm transition that caused it
      List<TimelineEvent> chain = twin.timeline().causeChain(launch.timelineEventId());
      assertThat(chain)
          .extracting(TimelineEvent::resource)
          .contains("alarm/cpu-high", "policy/scale-out", "group/web");
      assertThat(chain)
          .anySatisfy(
              e -> {
                assertThat(e.resource()).isEqualTo("alarm/cpu-high");
                assertThat(e.kind()).isEqualTo("state-change");
                assertThat(e.message()).startsWith("OK -> ALARM");
              });

      twin.advance(Duration.ofSeconds(89));
      assertThat(g.inServiceCount()).isEqualTo(3);
      twin.advance(Duration.ofSeconds(1));
      assertThat(g.inServiceCount()).isEqualTo(5);
      assertThat(launch.instanceId()).isNotNull();
      assertThat(g.activities().get(0).statusCode()).isEqualTo(ActivityStatus.Successful);
      assertThat(g.activities().get(0).endTime())
          .isEqualTo(T0.plus(Duration.ofSeconds(20 * 60 + 90)));
    }
  }

  @Test
  void theSimplePolicyWaitsForTheCooldownBeforeFiringAgain() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 3).build());
      ScalingPolicy addTwo =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("scale-out")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(2)
                      .build());
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
      twin.advance(Duration.ofMinutes(10));
      cpu(twin, "web", 90);
      twin.advanceTo(T0.plus(Duration.ofMinutes(20)));
      assertThat(g.desiredCapacity()).isEqualTo(5);
      // launches end at 20:30; cooldown 300 s until 25:30; the alarm re-invokes every minute
      twin.advanceTo(T0.plus(Duration.ofMinutes(25)));
      assertThat(g.desiredCapacity()).isEqualTo(5);
      twin.advanceTo(T0.plus(Duration.ofMinutes(26)));
      assertThat(g.desiredCapacity()).isEqualTo(7);
    }
  }
}
