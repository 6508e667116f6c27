package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AttachLoadBalancerTargetGroups / DetachLoadBalancerTargetGroups on a running group. */
class AttachTargetGroupsTest {

  private static CloudTwin twinWithGroup() {
    CloudTwin twin = CloudTwin.builder().seed(3).build();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("tg").deregistrationDelay(Duration.ofSeconds(60)).build());
    twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("asg")
                .minSize(2)
                .maxSize(4)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.advance(Duration.ofMinutes(1));
    return twin;
  }

  private static List<String> ids(AutoScalingGroup g) {
    return g.instances().stream().map(AutoScalingInstance::instanceId).toList();
  }

  @Test
  void attachingRegistersTheInServiceInstancesAndLaterOnesOnEnteringService() {
    try (CloudTwin twin = twinWithGroup()) {
      AutoScalingGroup g = twin.autoScaling().group("asg");
      twin.autoScaling().attachLoadBalancerTargetGroups("asg", "tg");
      assertThat(g.spec().targetGroupNames()).containsExactly("tg");
      assertThat(twin.loadBalancing().targetGroup("tg").targetHealth().keySet())
          .containsExactlyInAnyOrderElementsOf(ids(g));

      twin.autoScaling().setDesiredCapacity("asg", 3, false);
      twin.advance(Duration.ofMinutes(1));
      assertThat(twin.loadBalancing().targetGroup("tg").targetHealth().keySet())
          .hasSize(3)
          .containsExactlyInAnyOrderElementsOf(ids(g));
      assertThat(twin.timeline().events())
          .anyMatch(
              e ->
                  e.resource().equals("group/asg")
                      && e.kind().equals("attach")
                      && e.message().contains("[tg]"));
    }
  }

  @Test
  void detachingDrainsTheInstancesWhileRemovingAndKeepsThemRunning() {
    try (CloudTwin twin = twinWithGroup()) {
      AutoScalingGroup g = twin.autoScaling().group("asg");
      twin.autoScaling().attachLoadBalancerTargetGroups("asg", "tg");
      twin.advance(Duration.ofMinutes(2));
      twin.loadBalancing().send("web"); // a request in flight keeps one target draining
      twin.autoScaling().detachLoadBalancerTargetGroups("asg", "tg");
      assertThat(g.spec().targetGroupNames()).isEmpty();
      assertThat(g.removingTargetGroups()).containsExactly("tg");
      assertThat(twin.loadBalancing().targetGroup("tg").targetHealth().values())
          .anyMatch(h -> h.state() == TargetHealthState.DRAINING);

      twin.advance(Duration.ofSeconds(61));
      assertThat(g.removingTargetGroups()).isEmpty();
      assertThat(twin.loadBalancing().targetGroup("tg").targetHealth()).isEmpty();
      assertThat(g.inServiceCount()).isEqualTo(2);

      twin.autoScaling().setDesiredCapacity("asg", 3, false);
      twin.advance(Duration.ofMinutes(1));
      assertThat(twin.loadBalancing().targetGroup("tg").targetHealth()).isEmpty();
    }
  }

  @Test
  void anUnknownTargetGroupIsRejectedBeforeAnythingIsAttached() {
    try (CloudTwin twin = twinWithGroup()) {
      int events = twin.timeline().size();
      assertThatThrownBy(
              () -> twin.autoScaling().attachLoadBalancerTargetGroups("asg", "tg", "nope"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("TargetGroupARNs");
      assertThatThrownBy(() -> twin.autoScaling().attachLoadBalancerTargetGroups("asg"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("TargetGroupARNs");
      assertThat(twin.timeline().size()).isEqualTo(events);
      assertThat(twin.loadBalancing().targetGroup("tg").targetHealth()).isEmpty();
    }
  }
}
