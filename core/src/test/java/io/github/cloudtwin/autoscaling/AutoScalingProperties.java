package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants over random sequences of scaling, policies, kills, zone outages, protection and
 * Standby.
 */
class AutoScalingProperties {

  private static final String[] ZONES = {A, B, C};

  /** One operation; {@code n} and {@code k} pick values and targets. */
  record Op(String kind, int n, int k) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return op().list().ofMinSize(1).ofMaxSize(14);
  }

  private Arbitrary<Op> op() {
    return Combinators.combine(
            Arbitraries.of(
                "scale",
                "policy-out",
                "policy-in",
                "kill",
                "crash",
                "zone-out",
                "zone-back",
                "protect",
                "standby",
                "exit-standby",
                "advance"),
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(0, 1000))
        .as(Op::new);
  }

  @Property(tries = 200)
  void capacityStaysWithinBoundsLaunchesAvoidImpairedZonesAndInServiceReachesDesired(
      @ForAll("ops") List<Op> ops) {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      AutoScalingGroup g = as.createAutoScalingGroup(group("web", 1, 9, 3).build());
      as.putScalingPolicy(
          SimpleScalingPolicy.builder()
              .policyName("out")
              .autoScalingGroupName("web")
              .scalingAdjustment(2)
              .build());
      as.putScalingPolicy(
          SimpleScalingPolicy.builder()
              .policyName("in")
              .autoScalingGroupName("web")
              .adjustmentType(AdjustmentType.PercentChangeInCapacity)
              .scalingAdjustment(-30)
              .build());
      List<String> violations = new ArrayList<>();
      twin.timeline()
          .addListener(
              e -> {
                int d = g.desiredCapacity();
                if (d < g.minSize() || d > g.maxSize()) violations.add("desired " + d + " at " + e);
                if (e.kind().equals("launch") && e.resource().startsWith("instance/")) {
                  Instance i = twin.ec2().instance(e.resourceName());
                  if (twin.ec2().zoneState(i.availabilityZone()) != ZoneState.AVAILABLE)
                    violations.add("launch in impaired zone " + e);
                }
              });
      for (Op op : ops) {
        apply(twin, g, op);
        assertThat(violations).isEmpty();
        assertThat(g.desiredCapacity()).isBetween(g.minSize(), g.maxSize());
      }
      // close every fault; Standby instances stay out of the count
      for (String z : ZONES) twin.faults().restoreZone(z);
      for (Instance i : twin.ec2().instances()) {
        if (i.isCrashed()) twin.faults().recoverInstance(i.instanceId());
      }
      twin.advance(Duration.ofMinutes(40));
      assertThat(violations).isEmpty();
      List<AutoScalingInstance> healthy =
          g.instances().stream()
              .filter(
                  i ->
                      i.lifecycleState() == LifecycleState.IN_SERVICE
                          && i.healthStatus() == HealthStatus.HEALTHY)
              .toList();
      assertThat(g.instances())
          .hasSize(healthy.size() + g.instances(LifecycleState.STANDBY).size());
      if (healthy.size() != g.desiredCapacity()) {
        // AWS: when every remaining instance is protected from scale-in, desired drops and nothing
        // terminates
        assertThat(healthy.size()).isGreaterThan(g.desiredCapacity());
        assertThat(healthy).allMatch(AutoScalingInstance::protectedFromScaleIn);
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> opsWithLoadBalancer() {
    return Arbitraries.oneOf(
            op(),
            Combinators.combine(
                    Arbitraries.just("lb-unhealthy"),
                    Arbitraries.integers().between(0, 12),
                    Arbitraries.integers().between(0, 1000))
                .as(Op::new))
        .list()
        .ofMinSize(1)
        .ofMaxSize(14);
  }

  @Property(tries = 100)
  void withElbHealthChecksAndDrainingTheSameInvariantsHold(
      @ForAll("opsWithLoadBalancer") List<Op> ops) {
    FakeTargetGroup[] fake = new FakeTargetGroup[1];
    try (CloudTwin twin = CloudTwin.builder().targetGroups(n -> fake[0]).build()) {
      FakeTargetGroup tg = new FakeTargetGroup("tg", Kernel.of(twin), Duration.ofSeconds(120));
      fake[0] = tg;
      AutoScaling as = twin.autoScaling();
      AutoScalingGroup g =
          as.createAutoScalingGroup(
              group("web", 1, 9, 3)
                  .healthCheckType(HealthCheckType.ELB)
                  .healthCheckGracePeriod(Duration.ofSeconds(60))
                  .targetGroupNames("tg")
                  .build());
      as.putScalingPolicy(
          SimpleScalingPolicy.builder()
              .policyName("out")
              .autoScalingGroupName("web")
              .scalingAdjustment(2)
              .build());
      as.putScalingPolicy(
          SimpleScalingPolicy.builder()
              .policyName("in")
              .autoScalingGroupName("web")
              .adjustmentType(AdjustmentType.PercentChangeInCapacity)
              .scalingAdjustment(-30)
              .build());
      List<String> violations = new ArrayList<>();
      twin.timeline()
          .addListener(
              e -> {
                int d = g.desiredCapacity();
                if (d < g.minSize() || d > g.maxSize()) violations.add("desired " + d + " at " + e);
              });
      for (Op op : ops) {
        if (op.kind().equals("lb-unhealthy")) {
          List<AutoScalingInstance> inService = g.instances(LifecycleState.IN_SERVICE);
          if (!inService.isEmpty())
            tg.unhealthy.add(inService.get(op.k() % inService.size()).instanceId());
        } else {
          apply(twin, g, op);
        }
        assertThat(violations).isEmpty();
      }
      tg.unhealthy.clear();
      for (String z : ZONES) twin.faults().restoreZone(z);
      for (Instance i : twin.ec2().instances()) {
        if (i.isCrashed()) twin.faults().recoverInstance(i.instanceId());
      }
      twin.advance(Duration.ofMinutes(60));
      assertThat(violations).isEmpty();
      List<AutoScalingInstance> healthy =
          g.instances().stream()
              .filter(
                  i ->
                      i.lifecycleState() == LifecycleState.IN_SERVICE
                          && i.healthStatus() == HealthStatus.HEALTHY)
              .toList();
      assertThat(g.instances())
          .hasSize(healthy.size() + g.instances(LifecycleState.STANDBY).size());
      if (healthy.size() != g.desiredCapacity()) {
        assertThat(healthy.size()).isGreaterThan(g.desiredCapacity());
        assertThat(healthy).allMatch(AutoScalingInstance::protectedFromScaleIn);
      }
      // every InService instance is registered; nothing else is
      assertThat(tg.registered)
          .containsExactlyInAnyOrderElementsOf(
              g.instances(LifecycleState.IN_SERVICE).stream()
                  .map(AutoScalingInstance::instanceId)
                  .toList());
    }
  }

  private static void apply(CloudTwin twin, AutoScalingGroup g, Op op) {
    AutoScaling as = twin.autoScaling();
    List<AutoScalingInstance> inService = g.instances(LifecycleState.IN_SERVICE);
    switch (op.kind()) {
      case "scale" ->
          as.setDesiredCapacity("web", Math.max(g.minSize(), Math.min(g.maxSize(), op.n())), false);
      case "policy-out" -> as.executePolicy("web", "out");
      case "policy-in" -> as.executePolicy("web", "in");
      case "kill" -> {
        List<AutoScalingInstance> all = g.instances();
        if (!all.isEmpty()) {
          Instance i = twin.ec2().instance(all.get(op.k() % all.size()).instanceId());
          if (i.state() != InstanceState.TERMINATED) twin.ec2().terminateInstance(i.instanceId());
        }
      }
      case "crash" -> {
        if (!inService.isEmpty())
          twin.faults().crashInstance(inService.get(op.k() % inService.size()).instanceId());
      }
      case "zone-out" -> twin.faults().failZone(ZONES[op.n() % 3]);
      case "zone-back" -> twin.faults().restoreZone(ZONES[op.n() % 3]);
      case "protect" -> {
        if (!inService.isEmpty()) {
          as.setInstanceProtection(
              "web", op.n() % 2 == 0, inService.get(op.k() % inService.size()).instanceId());
        }
      }
      case "standby" -> {
        if (!inService.isEmpty()) {
          boolean decrement = op.n() % 2 == 0 && g.desiredCapacity() > g.minSize();
          as.enterStandby("web", decrement, inService.get(op.k() % inService.size()).instanceId());
        }
      }
      case "exit-standby" -> {
        List<AutoScalingInstance> standby = g.instances(LifecycleState.STANDBY);
        if (!standby.isEmpty() && g.desiredCapacity() < g.maxSize()) {
          as.exitStandby("web", standby.get(op.k() % standby.size()).instanceId());
        }
      }
      default -> twin.advance(Duration.ofSeconds(10L + op.k() % 600));
    }
  }
}
