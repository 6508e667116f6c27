package io.github.cloudtwin.elb;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class TargetHealthListenerTest {

  @Test
  void aMockListenerSeesRegistrationHealthyAndUnhealthyInOrder() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("web")
              .availabilityZones("us-east-1a", "us-east-1b")
              .build());
      elb.createTargetGroup(TargetGroupSpec.builder("tg").port(80).build());
      elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone("us-east-1a")
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      twin.advance(Duration.ofSeconds(1));
      TargetHealthListener listener = mock(TargetHealthListener.class);
      elb.addTargetHealthListener(listener);
      elb.registerTargets("tg", id);
      twin.advance(Duration.ofMinutes(1));
      elb.target(id).failHealthChecks();
      twin.advance(Duration.ofMinutes(2));
      InOrder order = inOrder(listener);
      order
          .verify(listener)
          .healthChanged(eq("tg"), eq(id), eq(null), eq(TargetHealthState.INITIAL), any());
      order
          .verify(listener)
          .healthChanged(eq("tg"), eq(id), any(), eq(TargetHealthState.HEALTHY), any());
      order
          .verify(listener)
          .healthChanged(
              eq("tg"),
              eq(id),
              eq(TargetHealthState.HEALTHY),
              eq(TargetHealthState.UNHEALTHY),
              any());
    }
  }
}
