package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.GroupSize;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 5: the group's real size over time (Pending + InService + Terminating per
 * zone), which can exceed the desired capacity while unhealthy instances are replaced.
 */
class GroupSizeAssertTest {

  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

  @Test
  void whileAZonesInstancesAreReplacedTheRealSizeExceedsTheDesiredCapacity() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.loadBalancing()
          .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
      twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  AutoScalingGroupSpec.builder()
                      .autoScalingGroupName("web")
                      .minSize(6)
                      .maxSize(6)
                      .desiredCapacity(6)
                      .availabilityZones(ZONES)
                      .targetGroupNames("tg")
                      .healthCheckType(HealthCheckType.ELB)
                      .healthCheckGracePeriod(Duration.ZERO)
                      .build());
      twin.advance(Duration.ofMinutes(5));
      org.assertj.core.api.Assertions.assertThat(g.size().byZone())
          .containsEntry("us-east-1a", 2)
          .containsEntry("us-east-1b", 2)
          .containsEntry("us-east-1c", 2);
      org.assertj.core.api.Assertions.assertThat(g.sizeHistory().get(0).total()).isEqualTo(6);
      twin.faults().failZone("us-east-1a");
      twin.advance(Duration.ofMinutes(10));
      assertThat(g).neverExceededCapacity(6);
      // "terminate and launch": the replacement is Pending while the unhealthy instance is
      // Terminating
      GroupSize peak =
          g.sizeHistory().stream()
              .max(java.util.Comparator.comparingInt(GroupSize::total))
              .orElseThrow();
      org.assertj.core.api.Assertions.assertThat(peak.total()).isEqualTo(7);
      assertThat(g).neverExceededSize(7).neverExceededSizeInZone("us-east-1a", 2);
      assertThatThrownBy(() -> assertThat(g).neverExceededSize(6))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expecting Auto Scaling group \"web\" never to have more than 6 instances (Pending + InService + Terminating)")
          .hasMessageContaining(
              "but it had 7 at +00:07:00 (per zone: us-east-1a=2, us-east-1b=3, us-east-1c=2)")
          .hasMessageContaining("Launching a new EC2 instance");
      assertThatThrownBy(() -> assertThat(g).neverExceededSizeInZone("us-east-1b", 2))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("in us-east-1b");
      org.assertj.core.api.Assertions.assertThat(g.size().inZone("us-east-1a")).isZero();
      org.assertj.core.api.Assertions.assertThat(g.size().total()).isEqualTo(6);
    }
  }
}
