package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 12, findings 5 and 6: no {@code initial -> initial} event; advancing to an offset. */
class TimelineNoiseTest {

  @Test
  void aNewTargetGoesFromInitialToHealthyWithoutAnInitialToInitialEvent() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("web")
              .availabilityZones("us-east-1a", "us-east-1b")
              .build());
      elb.createTargetGroup(TargetGroupSpec.builder("tg").build());
      elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      String id =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
              .instanceId();
      elb.registerTargets("tg", id);
      elb.target(id)
          .setBehavior(TargetBehavior.status(500, Duration.ofMillis(5))); // fails its first check
      twin.advanceTo(Duration.ofSeconds(30));
      // the reason moved on (DescribeTargetHealth shows it), the state did not: nothing recorded
      assertThat(elb.targetHealth("tg", id).reasonCode()).isEqualTo("Elb.InitialHealthChecking");
      elb.target(id).setBehavior(TargetBehavior.healthy(Duration.ofMillis(5)));
      twin.advanceTo(Duration.ofMinutes(3));
      assertThat(twin.timeline().eventsOf("target/" + id))
          .filteredOn(e -> e.kind().equals("target-health"))
          .extracting(e -> e.message())
          .containsExactly(
              "in target group tg: registered, initial (Elb.RegistrationInProgress: Target registration is in progress)",
              "in target group tg: initial -> healthy");
    }
  }

  @Test
  void advanceToAnOffsetMovesTheClockThereAndRefusesToGoBack() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advanceTo(Duration.ofMinutes(7));
      assertThat(twin.elapsed()).isEqualTo(Duration.ofMinutes(7));
      assertThatThrownBy(() -> twin.advanceTo(Duration.ofMinutes(6)))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("2026-01-01T00:06:00Z");
    }
  }
}
