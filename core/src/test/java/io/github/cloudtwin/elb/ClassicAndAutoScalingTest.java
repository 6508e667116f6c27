package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classic Load Balancer defaults and draining, and the calls an Auto Scaling group makes. */
class ClassicAndAutoScalingTest {

  @Test
  void classicWithConnectionDrainingDrainsWhileARequestIsInFlightAndReportsInService() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      LoadBalancer lb =
          elb.createLoadBalancer(
              LoadBalancerSpec.classic("old")
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .connectionDraining(true, Duration.ofSeconds(120))
                  .build());
      assertThat(lb.spec().crossZone()).as("API default: cross-zone off").isFalse();
      elb.createListener(ListenerSpec.builder("old", 80).forwardTo("old").build());
      String id =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
              .instanceId();
      lb.register(id);
      twin.advance(Duration.ofMinutes(6));
      assertThat(lb.instanceHealth(id).classicState()).isEqualTo("InService");
      // one request the instance never answers: in flight until the 60 s idle timeout
      elb.target(id).setBehavior(TargetBehavior.noResponse());
      assertThat(elb.send("old").status()).isEqualTo(504);
      List<Duration> drained = new ArrayList<>();
      lb.deregister(id, () -> drained.add(twin.elapsed()));
      assertThat(lb.instanceHealth(id).description())
          .isEqualTo("Instance deregistration currently in progress");
      assertThat(lb.instanceHealth(id).classicState()).isEqualTo("InService");
      twin.advance(Duration.ofSeconds(120));
      // draining ends when nothing is in flight, before the 120 s timeout (issue 12)
      assertThat(drained).containsExactly(Duration.ofMinutes(7));
      assertThat(lb.instanceHealth(id).classicState()).isEqualTo("OutOfService");
    }
  }

  @Test
  void classicWithoutDrainingDeregistersAtOnce() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      LoadBalancer lb =
          elb.createLoadBalancer(
              LoadBalancerSpec.classic("old").availabilityZones("us-east-1a").build());
      elb.createListener(ListenerSpec.builder("old", 80).forwardTo("old").build());
      String id =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
              .instanceId();
      lb.register(id);
      twin.advance(Duration.ofMinutes(6));
      List<String> drained = new ArrayList<>();
      lb.deregister(id, () -> drained.add("done"));
      assertThat(drained).containsExactly("done");
    }
  }

  /** The shape of autoscaling's LoadBalancerTargets interface, adapted in one line per method. */
  interface LoadBalancerTargets {
    String name();

    void register(String instanceId);

    void deregister(String instanceId, Runnable drained);

    boolean isUnhealthy(String instanceId);
  }

  @Test
  void aTargetGroupAdaptsToWhatAnAutoScalingGroupNeeds() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      TargetGroup tg = e.elb.targetGroup("tg");
      LoadBalancerTargets targets =
          new LoadBalancerTargets() {
            public String name() {
              return tg.name();
            }

            public void register(String id) {
              tg.register(id);
            }

            public void deregister(String id, Runnable drained) {
              tg.deregister(id, drained);
            }

            public boolean isUnhealthy(String id) {
              return tg.isUnhealthy(id);
            }
          };
      String sick = e.zoneA.get(0);
      e.elb.target(sick).failHealthChecks();
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(targets.isUnhealthy(sick)).isTrue();
      assertThat(targets.isUnhealthy(e.zoneB.get(0))).isFalse();
      List<Duration> drained = new ArrayList<>();
      targets.deregister(sick, () -> drained.add(e.twin.elapsed()));
      e.twin.advance(Duration.ofSeconds(300));
      // an unhealthy target gets no request, so nothing is in flight: it leaves at once (issue 12)
      assertThat(drained).containsExactly(Duration.ofSeconds(180));
      String fresh =
          e.twin
              .ec2()
              .runInstance(InstanceSpec.builder().availabilityZone(ElbFixture.A).build())
              .instanceId();
      targets.register(fresh);
      assertThat(tg.health(fresh).state()).isEqualTo(TargetHealthState.INITIAL);
    }
  }
}
