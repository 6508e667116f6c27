package io.github.cloudtwin;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmActionContext;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promise: instances report CPU 90 % from minute 2 to minute 12; the alarm goes to
 * ALARM at exactly the minute AWS would, with AWS's reason text, and its action fires.
 */
class SeedAlarmScenarioTest {

  static CloudTwin scenario(long seed, List<AlarmActionContext> actions) {
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .instanceType("m5.large")
                  .availabilityZone(zone)
                  .detailedMonitoring(true)
                  .autoScalingGroupName("web")
                  .build());
    }
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(ofMinutes(2), ofMinutes(12))
                .constant(90));
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(Duration.ofMinutes(5))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(AlarmAction.scaling("scale-out", actions::add))
                .build());
    return twin;
  }

  @Test
  void theAlarmFiresAtMinuteTwelveWithAwsReasonAndItsActionRuns() {
    List<AlarmActionContext> actions = new ArrayList<>();
    try (CloudTwin twin = scenario(7, actions)) {
      MetricAlarm alarm = twin.cloudWatch().alarm("cpu-high");
      twin.advance(ofMinutes(11));
      assertThat(alarm.state())
          .isEqualTo(AlarmState.OK); // [1:00, 6:00) averages 72: minute 1 was idle
      twin.advance(ofMinutes(1));
      assertThat(alarm.state()).isEqualTo(AlarmState.ALARM);
      assertThat(alarm.stateUpdatedTimestamp())
          .isEqualTo(CloudTwin.DEFAULT_START.plus(ofMinutes(12)));
      assertThat(alarm.stateReason())
          .isEqualTo(
              "Threshold Crossed: 2 datapoints [90.0 (01/01/26 00:07:00), 90.0 (01/01/26"
                  + " 00:02:00)] were greater than the threshold (80.0).");
      assertThat(actions)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.time()).isEqualTo(CloudTwin.DEFAULT_START.plus(ofMinutes(12)));
                assertThat(a.newestDatapoint()).isEqualTo(90.0);
                assertThat(a.reinvocation()).isFalse();
              });
      twin.advance(ofMinutes(1)); // the load is gone: [8:00, 13:00) averages 72
      assertThat(alarm.state()).isEqualTo(AlarmState.OK);
      assertThat(actions).hasSize(1);
    }
  }

  @Test
  void theSameSeedGivesAnIdenticalTimelineAndAnotherSeedOtherInstanceIds() {
    String first;
    String second;
    String other;
    try (CloudTwin twin = scenario(7, new ArrayList<>())) {
      first = twin.advance(ofMinutes(30)).timeline().text();
    }
    try (CloudTwin twin = scenario(7, new ArrayList<>())) {
      second = twin.advance(ofMinutes(30)).timeline().text();
    }
    try (CloudTwin twin = scenario(8, new ArrayList<>())) {
      other = twin.advance(ofMinutes(30)).timeline().text();
    }
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).contains("alarm/cpu-high  OK -> ALARM").contains("+00:12:00");
  }
}
