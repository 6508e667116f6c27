package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupBasicsTest {

  static AutoScalingGroupSpec.Builder group(String name, int min, int max, int desired) {
    return AutoScalingGroupSpec.builder()
        .autoScalingGroupName(name)
        .minSize(min)
        .maxSize(max)
        .desiredCapacity(desired)
        .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c");
  }

  @Test
  void createdGroupLaunchesDesiredCapacitySpreadOverZonesAndIsInServiceAfterBootTime() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 5).build());
      assertThat(g.instances())
          .hasSize(5)
          .allMatch(i -> i.lifecycleState() == LifecycleState.PENDING);
      twin.advance(Duration.ofSeconds(29));
      assertThat(g.inServiceCount()).isZero();
      twin.advance(Duration.ofSeconds(1));
      assertThat(g.inServiceCount()).isEqualTo(5);
      assertThat(g.inServiceCountByZone())
          .containsExactly(
              java.util.Map.entry("us-east-1a", 2),
              java.util.Map.entry("us-east-1b", 2),
              java.util.Map.entry("us-east-1c", 1));
      ScalingActivity first = g.activities().get(g.activities().size() - 1);
      assertThat(first.cause())
          .isEqualTo(
              "At 2026-01-01T00:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 5."
                  + "  At 2026-01-01T00:00:00Z an instance was started in response to a difference between desired and actual"
                  + " capacity, increasing the capacity from 0 to 5.");
      assertThat(first.description()).startsWith("Launching a new EC2 instance: i-0");
      assertThat(first.statusCode()).isEqualTo(ActivityStatus.Successful);
      assertThat(first.endTime()).isEqualTo(Instant.parse("2026-01-01T00:00:30Z"));
    }
  }

  @Test
  void publishesGroupMetricsEachMinute() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 3).build());
      twin.advance(Duration.ofMinutes(2));
      MetricId inService =
          MetricId.of("AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", "web");
      assertThat(
              twin.cloudWatch()
                  .getMetricStatistics(
                      inService,
                      twin.clock().instant().minusSeconds(120),
                      twin.clock().instant(),
                      Duration.ofMinutes(1),
                      Statistic.MAXIMUM))
          .extracting(d -> d.value())
          .containsExactly(3.0, 3.0);
      MetricId max = MetricId.of("AWS/AutoScaling", "GroupMaxSize", "AutoScalingGroupName", "web");
      assertThat(
              twin.cloudWatch()
                  .statistic(max, twin.now().minusSeconds(60), twin.now(), Statistic.MAXIMUM))
          .hasValue(10.0);
    }
  }
}
