package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** AttachLoadBalancers: a group's instances behind a Classic Load Balancer. */
class AttachLoadBalancersTest {

  private static CloudTwin twinWithClassic() {
    CloudTwin twin = CloudTwin.create();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.classic("old").availabilityZones("us-east-1a", "us-east-1b").build());
    twin.loadBalancing().createListener(ListenerSpec.builder("old", 80).forwardTo("old").build());
    return twin;
  }

  @Test
  void instancesInServiceRegisterAtOnceAndLaterOnesWhenTheyEnterService() {
    try (CloudTwin twin = twinWithClassic()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  AutoScalingGroupSpec.builder()
                      .autoScalingGroupName("web")
                      .minSize(1)
                      .maxSize(4)
                      .availabilityZones("us-east-1a", "us-east-1b")
                      .build());
      twin.advance(Duration.ofMinutes(1));
      String first = g.instances().get(0).instanceId();
      twin.autoScaling().attachLoadBalancers("web", "old");
      LoadBalancer lb = twin.loadBalancing().loadBalancer("old");
      assertThat(twin.loadBalancing().target(first).isRegistered()).isTrue();

      twin.autoScaling().setDesiredCapacity("web", 2, false);
      twin.advance(Duration.ofMinutes(1));
      String second =
          g.instances().stream()
              .map(AutoScalingInstance::instanceId)
              .filter(i -> !i.equals(first))
              .findFirst()
              .orElseThrow();
      assertThat(twin.loadBalancing().target(second).isRegistered()).isTrue();
      twin.advance(Duration.ofMinutes(6));
      assertThat(lb.instanceHealth(second).classicState()).isEqualTo("InService");
    }
  }

  @Test
  void aNameThatIsNotAClassicLoadBalancerIsRejectedAndNothingChanges() {
    try (CloudTwin twin = twinWithClassic()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("alb")
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(1)
                  .maxSize(1)
                  .availabilityZones("us-east-1a")
                  .build());
      int events = twin.timeline().size();
      assertThatThrownBy(() -> twin.autoScaling().attachLoadBalancers("web", "old", "alb"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(
              "Invalid value \"alb\" for LoadBalancerNames: the name of a Classic Load Balancer [old]");
      assertThat(twin.timeline().size()).isEqualTo(events);
    }
  }
}
