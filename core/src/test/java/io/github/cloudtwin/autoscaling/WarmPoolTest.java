package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warm pools: size, pool states, warm starts, reuse on scale-in, what the pool does not count. */
class WarmPoolTest {

  private static WarmPool pool(CloudTwin twin, String group) {
    return twin.autoScaling().warmPools().describeWarmPool(group).orElseThrow();
  }

  private static List<String> ids(List<AutoScalingInstance> instances) {
    return instances.stream().map(AutoScalingInstance::instanceId).toList();
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html,
  // "Core concepts", "Warm pool size": desired 6, max 10 -> 4; with max prepared capacity 8 -> 2
  @Test
  void thePoolSizeIsMaxOrMaxPreparedCapacityMinusDesired() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("a", 0, 10, 6).build());
      twin.autoScaling().createAutoScalingGroup(group("b", 0, 10, 6).build());
      twin.autoScaling()
          .warmPools()
          .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("a").build());
      twin.autoScaling()
          .warmPools()
          .putWarmPool(
              WarmPoolSpec.builder().autoScalingGroupName("b").maxGroupPreparedCapacity(8).build());
      twin.advance(Duration.ofMinutes(2));
      assertThat(pool(twin, "a").poolSize()).isEqualTo(4);
      assertThat(pool(twin, "a").warmedInstances()).hasSize(4);
      assertThat(pool(twin, "b").poolSize()).isEqualTo(2);
      assertThat(pool(twin, "b").warmedInstances()).hasSize(2);
      assertThat(twin.autoScaling().group("a").instances()).hasSize(6);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutWarmPool.html,
  // MaxGroupPreparedCapacity: "If the desired capacity of the Auto Scaling group is higher than the
  // MaxGroupPreparedCapacity, the capacity of the warm pool is 0, unless you specify a value for
  // MinSize"; -1 removes a value set before
  @Test
  void desiredAboveMaxPreparedCapacityLeavesOnlyMinSize() {
    WarmPoolSpec over =
        WarmPoolSpec.builder().autoScalingGroupName("a").maxGroupPreparedCapacity(3).build();
    assertThat(over.poolSize(10, 5)).isZero();
    assertThat(over.toBuilder().minSize(2).build().poolSize(10, 5)).isEqualTo(2);
    assertThat(over.toBuilder().maxGroupPreparedCapacity(-1).build().maxGroupPreparedCapacity())
        .isNull();
    assertThat(over.toBuilder().maxGroupPreparedCapacity(-1).build().poolSize(10, 5)).isEqualTo(5);
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/warm-pool-instance-lifecycle.html,
  // "Lifecycle state transitions for instances in a warm pool": Warmed:Pending, then the pool
  // state (Warmed:Stopped, Warmed:Running or Warmed:Hibernated)
  @Test
  void poolInstancesGoFromWarmedPendingToThePoolState() {
    for (WarmPoolState ps : WarmPoolState.values()) {
      try (CloudTwin twin = CloudTwin.create()) {
        twin.autoScaling().createAutoScalingGroup(group("web", 0, 3, 2).build());
        twin.autoScaling()
            .warmPools()
            .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("web").poolState(ps).build());
        AutoScalingInstance only = pool(twin, "web").instances().get(0);
        assertThat(only.lifecycleState()).isEqualTo(LifecycleState.WARMED_PENDING);
        twin.advance(Duration.ofSeconds(30)); // boot
        assertThat(pool(twin, "web").instances().get(0).lifecycleState())
            .isEqualTo(
                ps == WarmPoolState.RUNNING
                    ? LifecycleState.WARMED_RUNNING
                    : LifecycleState.WARMED_PENDING);
        twin.advance(Duration.ofSeconds(30)); // a stop takes 30 s
        assertThat(pool(twin, "web").instances().get(0).lifecycleState())
            .isEqualTo(ps.lifecycleState());
        assertThat(twin.ec2().instance(only.instanceId()).state())
            .isEqualTo(ps == WarmPoolState.RUNNING ? InstanceState.RUNNING : InstanceState.STOPPED);
        assertThat(twin.autoScaling().group("web").activities().get(0).description())
            .isEqualTo("Launching a new EC2 instance into warm pool: " + only.instanceId());
      }
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/warm-pool-instance-lifecycle.html: a
  // launch hook pauses a new instance in Warmed:Pending:Wait, and again in Pending:Wait when it
  // leaves the pool
  @Test
  void aLaunchHookWaitsOnEnteringThePoolAndAgainOnLeavingIt() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      as.createAutoScalingGroup(group("web", 0, 2, 0).build());
      as.putLifecycleHook(LifecycleHookSpec.of("init", "web", LifecycleTransition.LAUNCHING));
      as.warmPools()
          .putWarmPool(
              WarmPoolSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(1)
                  .maxGroupPreparedCapacity(1)
                  .build());
      twin.advance(Duration.ofSeconds(30));
      String id = pool(twin, "web").instances().get(0).instanceId();
      assertThat(pool(twin, "web").instances().get(0).lifecycleState())
          .isEqualTo(LifecycleState.WARMED_PENDING_WAIT);
      as.completeLifecycleAction("web", "init", id, LifecycleActionResult.CONTINUE);
      twin.advance(Duration.ofSeconds(30));
      assertThat(pool(twin, "web").instances().get(0).lifecycleState())
          .isEqualTo(LifecycleState.WARMED_STOPPED);

      as.setDesiredCapacity("web", 1, false);
      twin.advance(Duration.ofSeconds(30)); // the restart
      assertThat(as.group("web").instances())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.instanceId()).isEqualTo(id);
                assertThat(i.lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT);
              });
      as.completeLifecycleAction("web", "init", id, LifecycleActionResult.CONTINUE);
      assertThat(as.group("web").inServiceCount()).isEqualTo(1);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html,
  // "Core concepts": on scale-out the group draws on the warm pool; "Limitations": a depleted pool
  // means instances launch directly into the group (a cold start)
  @Test
  void scaleOutTakesFromThePoolFirstThenLaunchesCold() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      as.createAutoScalingGroup(group("web", 0, 10, 2).build());
      as.warmPools()
          .putWarmPool(
              WarmPoolSpec.builder()
                  .autoScalingGroupName("web")
                  .maxGroupPreparedCapacity(4)
                  .build());
      twin.advance(Duration.ofMinutes(2));
      List<String> warmed = ids(pool(twin, "web").warmedInstances());
      assertThat(warmed).hasSize(2);

      as.setDesiredCapacity("web", 5, false);
      assertThat(twin.timeline().events(AutoScalingFact.InstanceLeftWarmPool.class)).hasSize(2);
      assertThat(ids(as.group("web").instances())).containsAll(warmed).hasSize(5);
      assertThat(as.group("web").activities())
          .filteredOn(
              a -> a.description().startsWith("Launching a new EC2 instance from warm pool"))
          .hasSize(2);
      assertThat(as.group("web").activities())
          .filteredOn(a -> a.description().startsWith("Launching a new EC2 instance: "))
          .hasSize(3); // 2 at creation, 1 cold
      assertThat(pool(twin, "web").instances()).isEmpty(); // 4 - 5 < 0
      twin.advance(Duration.ofMinutes(1));
      assertThat(as.group("web").inServiceCount()).isEqualTo(5);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutWarmPool.html, MinSize: "the
  // minimum number of instances to maintain in the warm pool"; the pool is refilled after a
  // scale-out drew on it
  @Test
  void thePoolIsRefilledToMinSizeAfterAScaleOut() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      as.createAutoScalingGroup(group("web", 0, 4, 2).build());
      as.warmPools()
          .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("web").minSize(2).build());
      twin.advance(Duration.ofMinutes(2));
      List<String> first = ids(pool(twin, "web").warmedInstances());
      as.setDesiredCapacity("web", 4, false);
      assertThat(ids(as.group("web").instances())).containsAll(first);
      assertThat(pool(twin, "web").instances())
          .hasSize(2)
          .extracting(AutoScalingInstance::instanceId)
          .doesNotContainAnyElementsOf(first);
      twin.advance(Duration.ofMinutes(2));
      assertThat(pool(twin, "web").warmedInstances()).hasSize(2);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstanceReusePolicy.html,
  // ReuseOnScaleIn: "whether instances in the Auto Scaling group can be returned to the warm pool
  // on scale in"; by default they are terminated (API_PutWarmPool, InstanceReusePolicy)
  @Test
  void reuseOnScaleInReturnsTheInstanceToThePoolInsteadOfTerminatingIt() {
    for (boolean reuse : new boolean[] {true, false}) {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScaling as = twin.autoScaling();
        as.createAutoScalingGroup(group("web", 0, 3, 3).build());
        as.warmPools()
            .putWarmPool(
                WarmPoolSpec.builder().autoScalingGroupName("web").reuseOnScaleIn(reuse).build());
        twin.advance(Duration.ofMinutes(1));
        List<String> before = ids(as.group("web").instances());
        as.setDesiredCapacity("web", 2, false);
        twin.advance(Duration.ofMinutes(2));
        String gone =
            before.stream()
                .filter(id -> !ids(as.group("web").instances()).contains(id))
                .findFirst()
                .orElseThrow();
        WarmPool p = pool(twin, "web");
        assertThat(p.warmedInstances()).hasSize(1);
        if (reuse) {
          assertThat(ids(p.instances())).containsExactly(gone);
          assertThat(twin.ec2().instance(gone).state()).isEqualTo(InstanceState.STOPPED);
          assertThat(twin.timeline().events(AutoScalingFact.InstanceReturnedToWarmPool.class))
              .hasSize(1);
        } else {
          assertThat(ids(p.instances())).doesNotContain(gone);
          assertThat(twin.ec2().instance(gone).state()).isEqualTo(InstanceState.TERMINATED);
        }
      }
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html,
  // "Prerequisites", "Additional considerations": instances leaving the pool count toward the
  // group's aggregated metrics only once in service; pool instances are not the group's capacity
  @Test
  void poolInstancesAreNotCountedInCapacityMetricsOrTargets() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      AutoScalingGroup g = as.createAutoScalingGroup(group("web", 0, 4, 2).build());
      as.warmPools()
          .putWarmPool(
              WarmPoolSpec.builder()
                  .autoScalingGroupName("web")
                  .poolState(WarmPoolState.RUNNING)
                  .build());
      Fixtures.cpu(twin, "web", 50);
      twin.advance(Duration.ofMinutes(3));
      assertThat(pool(twin, "web").warmedInstances()).hasSize(2);
      assertThat(g.desiredCapacity()).isEqualTo(2);
      assertThat(g.instances()).hasSize(2);
      assertThat(g.size().total()).isEqualTo(2);
      assertThat(metric(twin, "AWS/AutoScaling", "GroupInServiceInstances", Statistic.MAXIMUM))
          .isEqualTo(2.0);
      assertThat(metric(twin, "AWS/AutoScaling", "GroupTotalInstances", Statistic.MAXIMUM))
          .isEqualTo(2.0);
      assertThat(metric(twin, "AWS/EC2", "CPUUtilization", Statistic.SAMPLE_COUNT)).isEqualTo(2.0);
    }
  }

  private static double metric(CloudTwin twin, String ns, String name, Statistic stat) {
    return twin.cloudWatch()
        .statistic(
            MetricId.of(ns, name, "AutoScalingGroupName", "web"),
            twin.now().minusSeconds(60),
            twin.now(),
            stat)
        .orElseThrow();
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html: a
  // warm pool decreases latency for applications with long boot times. A cold instance takes the
  // group's boot time (here 5 min, its first-boot initialization included); a Stopped pool
  // instance takes only its restart (30 s); a Running one goes in service at once.
  @Test
  void aWarmPoolCutsTheTimeToCapacity() {
    assertThat(timeToCapacity(null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(timeToCapacity(WarmPoolState.STOPPED)).isEqualTo(Duration.ofSeconds(30));
    assertThat(timeToCapacity(WarmPoolState.RUNNING)).isEqualTo(Duration.ZERO);
  }

  private static Duration timeToCapacity(WarmPoolState poolState) {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      AutoScalingGroup g =
          as.createAutoScalingGroup(group("web", 2, 10, 2).bootTime(Duration.ofMinutes(5)).build());
      if (poolState != null) {
        as.warmPools()
            .putWarmPool(
                WarmPoolSpec.builder()
                    .autoScalingGroupName("web")
                    .poolState(poolState)
                    .maxGroupPreparedCapacity(6)
                    .build());
      }
      twin.advance(Duration.ofMinutes(10));
      as.setDesiredCapacity("web", 6, false);
      Duration start = twin.elapsed();
      while (g.inServiceCount() < 6) twin.advance(Duration.ofSeconds(1));
      return twin.elapsed().minus(start);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html,
  // "Limitations": no warm pool on a group with a mixed instances policy or Spot Instances;
  // API_WarmPoolConfiguration: MinSize at least 0, MaxGroupPreparedCapacity at least -1
  @Test
  void refusedConfigurationsChangeNothing() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      as.createAutoScalingGroup(
          group("mixed", 0, 4, 1)
              .mixedInstancesPolicy(
                  MixedInstancesPolicy.prioritized(
                      LaunchTemplateOverride.of("c5.large"), LaunchTemplateOverride.of("m5.large")))
              .build());
      assertThatThrownBy(
              () ->
                  as.warmPools()
                      .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("mixed").build()))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("AutoScalingGroupName");
                assertThat(e.getMessage()).contains("mixed", "mixed instances policy");
              });
      assertThat(as.warmPools().describeWarmPool("mixed")).isEmpty();
      assertThatThrownBy(
              () -> WarmPoolSpec.builder().autoScalingGroupName("web").minSize(-1).build())
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("MinSize"));
      assertThatThrownBy(
              () -> WarmPoolSpec.builder().autoScalingGroupName("web").maxGroupPreparedCapacity(-2))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("MaxGroupPreparedCapacity");
                assertThat(e.getMessage()).contains("-2", "-1");
              });
      assertThatThrownBy(
              () ->
                  as.warmPools()
                      .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("nope").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> as.warmPools().deleteWarmPool("mixed", false))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.getMessage()).contains("has none"));
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DeleteWarmPool.html and
  // API_WarmPoolConfiguration, Status PendingDelete: the pool's instances terminate, the group's
  // stay; ForceDelete does not wait for lifecycle actions
  @Test
  void deletingThePoolTerminatesItsInstancesAndLeavesTheGroupAlone() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScaling as = twin.autoScaling();
      as.createAutoScalingGroup(group("web", 0, 4, 2).build());
      as.warmPools().putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("web").build());
      twin.advance(Duration.ofMinutes(2));
      List<String> pooled = ids(pool(twin, "web").instances());
      as.warmPools().deleteWarmPool("web", false);
      assertThat(pool(twin, "web").status()).isEqualTo(WarmPool.PENDING_DELETE);
      assertThat(pool(twin, "web").poolSize()).isZero();
      twin.advance(Duration.ofMinutes(1));
      assertThat(as.warmPools().describeWarmPool("web")).isEmpty();
      assertThat(pooled)
          .allSatisfy(
              id ->
                  assertThat(twin.ec2().instance(id).state()).isEqualTo(InstanceState.TERMINATED));
      assertThat(as.group("web").instances()).hasSize(2);
      assertThat(twin.timeline().events(AutoScalingFact.WarmPoolDeleted.class)).hasSize(1);

      as.warmPools().putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("web").build());
      as.warmPools().deleteWarmPool("web", true);
      assertThat(as.warmPools().describeWarmPool("web")).isEmpty();
    }
  }
}
