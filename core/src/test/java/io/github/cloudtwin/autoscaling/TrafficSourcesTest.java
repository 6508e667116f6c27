package io.github.cloudtwin.autoscaling;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A group's traffic sources alone, with fake target groups that drain for a delay. */
class TrafficSourcesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final CloudTwin twin =
      CloudTwin.builder().start(T0).seed(42).availabilityZones("us-east-1a").build();
  private final Kernel kernel = Kernel.of(twin);
  private final Ec2 ec2 = twin.ec2();
  private final GroupState state = new GroupState("web", kernel);
  private final Set<ScalingProcess> suspended = EnumSet.noneOf(ScalingProcess.class);
  private final GroupContext group =
      new GroupContext() {
        @Override
        public AutoScalingGroupSpec spec() {
          throw new AssertionError("not read by TrafficSources");
        }

        @Override
        public boolean deleted() {
          return false;
        }

        @Override
        public boolean isSuspended(ScalingProcess process) {
          return suspended.contains(process);
        }

        @Override
        public void reconcile() {
          throw new AssertionError("not asked by TrafficSources");
        }
      };
  private final FakeTargetGroup fast = new FakeTargetGroup("fast", kernel, ofSeconds(10));
  private final FakeTargetGroup slow = new FakeTargetGroup("slow", kernel, ofSeconds(30));

  private Member inService() {
    Member m =
        new Member(
            ec2.runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build()),
            "lt",
            "1",
            T0,
            false,
            1);
    state.members.put(m.instanceId, m);
    m.state = LifecycleState.IN_SERVICE;
    return m;
  }

  @Test
  void aMemberEnteringServiceRegistersWithEverySourceUnlessAddToLoadBalancerIsSuspended() {
    TrafficSources traffic = new TrafficSources(state, group, kernel, List.of(fast, slow));
    Member a = inService();
    traffic.registerEnteringService(a);
    assertThat(fast.registered).containsExactly(a.instanceId);
    assertThat(slow.registered).containsExactly(a.instanceId);
    assertThat(traffic.registered(a)).isTrue();

    suspended.add(ScalingProcess.AddToLoadBalancer);
    Member b = inService();
    traffic.registerEnteringService(b);
    assertThat(fast.registered).doesNotContain(b.instanceId);
    assertThat(traffic.registered(b)).isFalse();
  }

  @Test
  void deregisteringRunsTheCallbackOnceTheSlowestSourceHasDrained() {
    TrafficSources traffic = new TrafficSources(state, group, kernel, List.of(fast, slow));
    Member a = inService();
    traffic.registerEnteringService(a);
    List<Instant> drained = new ArrayList<>();
    traffic.deregister(a, () -> drained.add(kernel.clock().now()));
    assertThat(a.registered).isFalse();

    kernel.advance(ofSeconds(20));
    assertThat(drained).isEmpty();
    kernel.advance(ofSeconds(20));
    assertThat(drained).containsExactly(T0.plusSeconds(30));
  }

  @Test
  void aDetachedTargetGroupIsRemovingUntilItsLastInstanceHasDrained() {
    TrafficSources traffic = new TrafficSources(state, group, kernel, List.of(slow));
    traffic.registerEnteringService(inService());
    traffic.registerEnteringService(inService());
    traffic.detach(List.of(slow));
    assertThat(traffic.isEmpty()).isTrue();
    assertThat(traffic.removingTargetGroups).containsEntry("slow", 2);
    assertThat(state.members.values()).allSatisfy(m -> assertThat(m.registered).isFalse());

    kernel.advance(ofSeconds(31));
    assertThat(traffic.removingTargetGroups).isEmpty();
    assertThat(kernel.timeline().events(AutoScalingFact.TargetGroupRemoved.class)).hasSize(1);
  }

  @Test
  void attachingRegistersTheMembersAlreadyInServiceAndTheUnhealthyOnesAreReported() {
    TrafficSources traffic = new TrafficSources(state, group, kernel, List.of());
    Member a = inService();
    Member pending = inService();
    pending.state = LifecycleState.PENDING;
    traffic.attach(List.of(fast));
    assertThat(fast.registered).containsExactly(a.instanceId);
    assertThat(traffic.anyUnhealthy(a)).isFalse();
    fast.unhealthy.add(a.instanceId);
    assertThat(traffic.anyUnhealthy(a)).isTrue();
  }
}
