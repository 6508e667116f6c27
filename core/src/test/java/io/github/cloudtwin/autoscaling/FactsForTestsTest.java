package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 12, finding 5: the zone of each activity and the target tracking alarms by role. */
class FactsForTestsTest {

  @Test
  void everyLaunchActivityNamesItsZoneAndAFailedLaunchTheZoneItTried() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 3, 3, 3).build());
      twin.advance(Duration.ofMinutes(1));
      assertThat(g.activities())
          .extracting(ScalingActivity::availabilityZone)
          .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
      for (ScalingActivity a : g.activities()) {
        assertThat(twin.ec2().instance(a.instanceId()).availabilityZone())
            .isEqualTo(a.availabilityZone());
      }
      twin.faults().failZone(A);
      twin.advance(Duration.ofMinutes(10));
      assertThat(g.activities())
          .filteredOn(a -> a.statusCode() == ActivityStatus.Failed)
          .isNotEmpty()
          .extracting(ScalingActivity::availabilityZone)
          .containsOnly(A);
      assertThat(g.activities())
          .filteredOn(a -> a.description().startsWith("Terminating"))
          .isNotEmpty()
          .extracting(ScalingActivity::availabilityZone)
          .containsOnly(A);
    }
  }

  @Test
  void aTargetTrackingPolicyNamesItsHighAndLowAlarmsByRole() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 4).build());
      ScalingPolicy tt =
          twin.autoScaling()
              .putScalingPolicy(
                  TargetTrackingScalingPolicy.builder()
                      .policyName("cpu50")
                      .autoScalingGroupName("web")
                      .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                      .targetValue(50)
                      .build());
      assertThat(
              twin.cloudWatch().alarm(tt.highAlarmName().orElseThrow()).spec().comparisonOperator())
          .isEqualTo(ComparisonOperator.GreaterThanThreshold);
      assertThat(
              twin.cloudWatch().alarm(tt.lowAlarmName().orElseThrow()).spec().comparisonOperator())
          .isEqualTo(ComparisonOperator.LessThanThreshold);
      ScalingPolicy simple =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("add")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(1)
                      .build());
      assertThat(simple.highAlarmName()).isEmpty();
    }
  }
}
