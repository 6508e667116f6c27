package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spot interruptions injected by the test, and the group's replacement with and without Capacity
 * Rebalancing.
 */
class CapacityRebalancingTest {

  private static final Duration BOOT = Duration.ofSeconds(60);

  private static AutoScalingGroup spotGroup(
      CloudTwin twin, int desired, int max, boolean capacityRebalance) {
    return twin.autoScaling()
        .createAutoScalingGroup(
            group("web", 0, max, desired)
                .bootTime(BOOT)
                .capacityRebalance(capacityRebalance)
                .mixedInstancesPolicy(
                    MixedInstancesPolicy.prioritized(
                            LaunchTemplateOverride.of("c5.large"),
                            LaunchTemplateOverride.of("m5.large"),
                            LaunchTemplateOverride.of("r5.large"))
                        .withOnDemandPercentageAboveBaseCapacity(0)
                        .withSpotAllocationStrategy(
                            SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED))
                .build());
  }

  private static String[] spotIds(AutoScalingGroup g, int n) {
    return g.instances(PurchaseOption.SPOT).stream()
        .limit(n)
        .map(AutoScalingInstance::instanceId)
        .toArray(String[]::new);
  }

  /** The least InService count seen at every virtual second over {@code d}. */
  private static int leastInService(CloudTwin twin, AutoScalingGroup g, Duration d) {
    int least = g.inServiceCount();
    for (long s = 0; s < d.toSeconds(); s++) {
      twin.advance(Duration.ofSeconds(1));
      least = Math.min(least, g.inServiceCount());
    }
    return least;
  }

  private static Duration at(CloudTwin twin, TimelineEvent e) {
    return Duration.between(twin.timeline().t0(), e.time());
  }

  @Test
  void ec2SendsTheRecommendationNowTheNoticeTwoMinutesBeforeAndInterruptsAtTheGivenTime() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = spotGroup(twin, 3, 6, false);
      twin.advance(Duration.ofMinutes(2));
      String id = spotIds(g, 1)[0];
      twin.faults().interruptSpotInstances(Duration.ofMinutes(10), id);
      twin.advance(Duration.ofMinutes(11));
      TimelineEvent rec = twin.timeline().events(Ec2Fact.RebalanceRecommended.class).get(0);
      TimelineEvent notice = twin.timeline().events(Ec2Fact.SpotInterruptionNoticed.class).get(0);
      TimelineEvent gone = twin.timeline().events(Ec2Fact.SpotInstanceInterrupted.class).get(0);
      assertThat(List.of(rec, notice, gone))
          .extracting(TimelineEvent::resource)
          .containsOnly("instance/" + id);
      assertThat(at(twin, rec)).isEqualTo(Duration.ofMinutes(2));
      assertThat(at(twin, notice)).isEqualTo(Duration.ofMinutes(10));
      assertThat(at(twin, gone)).isEqualTo(Duration.ofMinutes(12));
      assertThat(
              notice.fact(Ec2Fact.SpotInterruptionNoticed.class).orElseThrow().instanceActionTime())
          .isEqualTo(gone.time());
      assertThat(twin.timeline().causeChain(gone.id()))
          .extracting(TimelineEvent::id)
          .contains(notice.id(), rec.id());
      assertThat(twin.ec2().instance(id).state()).isEqualTo(InstanceState.TERMINATED);
      assertThat(twin.ec2().instance(id).interruptionTime()).isEqualTo(gone.time());
    }
  }

  @Test
  void withoutCapacityRebalancingTheGroupReplacesOnlyAfterTheInterruptionAndDipsForABoot() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = spotGroup(twin, 4, 8, false);
      twin.advance(Duration.ofMinutes(2));
      String id = spotIds(g, 1)[0];
      twin.faults().interruptSpotInstances(Duration.ofMinutes(10), id);
      twin.advance(Duration.ofMinutes(9));
      assertThat(g.activities()).hasSize(4); // nothing happened yet: the four launches only
      int least = leastInService(twin, g, Duration.ofMinutes(4));
      assertThat(least).isEqualTo(3);
      assertThat(g.inServiceCount()).isEqualTo(4);
      assertThat(g.instances()).extracting(AutoScalingInstance::instanceId).doesNotContain(id);
      assertThat(twin.timeline().events(AutoScalingFact.RebalanceReplacementLaunched.class))
          .isEmpty();
    }
  }

  @Test
  void
      withCapacityRebalancingTheReplacementLaunchesOnTheRecommendationAndTheAtRiskInstanceGoesOnceItIsInService() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = spotGroup(twin, 4, 8, true);
      twin.advance(Duration.ofMinutes(2));
      String id = spotIds(g, 1)[0];
      twin.faults().interruptSpotInstances(Duration.ofMinutes(10), id);
      int least = leastInService(twin, g, Duration.ofMinutes(14));
      assertThat(least).isEqualTo(4);
      TimelineEvent launched =
          twin.timeline().events(AutoScalingFact.RebalanceReplacementLaunched.class).get(0);
      AutoScalingFact.RebalanceReplacementLaunched l =
          launched.fact(AutoScalingFact.RebalanceReplacementLaunched.class).orElseThrow();
      assertThat(l.atRiskInstanceId()).isEqualTo(id);
      assertThat(at(twin, launched)).isEqualTo(Duration.ofMinutes(2));
      TimelineEvent replaced =
          twin.timeline().events(AutoScalingFact.AtRiskInstanceReplaced.class).get(0);
      assertThat(at(twin, replaced)).isEqualTo(Duration.ofMinutes(3)); // one boot later
      assertThat(g.activities())
          .anySatisfy(
              a -> {
                assertThat(a.description())
                    .isEqualTo("Launching a new EC2 instance: " + l.replacementInstanceId());
                assertThat(a.cause())
                    .endsWith(
                        "an instance was launched in response to an EC2 instance rebalance recommendation.");
              })
          .anySatisfy(
              a -> {
                assertThat(a.description()).isEqualTo("Terminating EC2 instance: " + id);
                assertThat(a.cause())
                    .endsWith(
                        "an instance was taken out of service in response to an EC2 instance rebalance recommendation.");
              });
      // the at-risk instance was gone before EC2 came to interrupt it: no interruption was needed
      assertThat(twin.timeline().events(Ec2Fact.SpotInstanceInterrupted.class)).isEmpty();
      assertThat(g.instances())
          .hasSize(4)
          .extracting(AutoScalingInstance::instanceId)
          .doesNotContain(id);
    }
  }

  @Test
  void atMaxSizeTheGroupExceedsMaxByAtMostTenPercentOfDesiredAndReplacesOneAfterAnother() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = spotGroup(twin, 10, 10, true);
      twin.advance(Duration.ofMinutes(2));
      String[] ids = spotIds(g, 3);
      twin.faults().interruptSpotInstances(Duration.ofMinutes(15), ids);
      int most = 0;
      for (int s = 0; s < 10 * 60; s++) {
        twin.advance(Duration.ofSeconds(1));
        most = Math.max(most, g.size().total());
      }
      assertThat(most).isEqualTo(11);
      List<TimelineEvent> launches =
          twin.timeline().events(AutoScalingFact.RebalanceReplacementLaunched.class);
      assertThat(launches).hasSize(3);
      List<Duration> times = new ArrayList<>();
      for (TimelineEvent e : launches) times.add(at(twin, e));
      assertThat(times.get(1)).isGreaterThan(times.get(0));
      assertThat(times.get(2)).isGreaterThan(times.get(1));
      assertThat(g.instances())
          .hasSize(10)
          .extracting(AutoScalingInstance::instanceId)
          .doesNotContain(ids);
    }
  }

  @Test
  void
      anInterruptionBeforeTheReplacementIsInServiceTerminatesTheOldInstanceWithoutASecondReplacement() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 8, 4)
                      .bootTime(Duration.ofMinutes(5))
                      .capacityRebalance(true)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(LaunchTemplateOverride.of("c5.large"))
                              .withOnDemandPercentageAboveBaseCapacity(0))
                      .build());
      twin.advance(Duration.ofMinutes(6));
      String id = spotIds(g, 1)[0];
      twin.faults().interruptSpotInstances(Duration.ofMinutes(2), id);
      twin.advance(Duration.ofMinutes(10));
      assertThat(twin.timeline().events(Ec2Fact.SpotInstanceInterrupted.class)).hasSize(1);
      assertThat(twin.timeline().events(Ec2Fact.InstanceLaunched.class)).hasSize(5);
      assertThat(g.instances())
          .hasSize(4)
          .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE));
      assertThat(twin.timeline().events(AutoScalingFact.AtRiskInstanceReplaced.class)).isEmpty();
    }
  }

  @Test
  void theInjectionChecksEveryInstanceFirstAndAppliesNothingOnBadInput() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = spotGroup(twin, 2, 4, true);
      AutoScalingGroup od = twin.autoScaling().createAutoScalingGroup(group("od", 0, 2, 1).build());
      twin.advance(Duration.ofMinutes(2));
      String spot = spotIds(g, 1)[0];
      String onDemand = od.instances().get(0).instanceId();
      int before = twin.timeline().size();
      assertThatThrownBy(
              () -> twin.faults().interruptSpotInstances(Duration.ofMinutes(5), spot, onDemand))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("instanceIds");
                assertThat(e.getMessage())
                    .contains(onDemand)
                    .contains("a Spot Instance (it is on-demand)");
              });
      assertThatThrownBy(() -> twin.faults().interruptSpotInstances(Duration.ofSeconds(119), spot))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("durationBeforeInterruption"));
      assertThatThrownBy(
              () -> twin.faults().interruptSpotInstances(Duration.ofMinutes(5), spot, spot))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.getMessage()).contains("without an interruption"));
      assertThatThrownBy(
              () -> twin.faults().interruptSpotInstances(Duration.ofMinutes(5), "i-0nope"))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> twin.faults().interruptSpotInstances(Duration.ofMinutes(5)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("instanceIds"));
      assertThat(twin.timeline().size()).isEqualTo(before);
      assertThat(twin.ec2().instance(spot).rebalanceRecommendedAt()).isNull();
    }
  }

  @Test
  void theReclaimedPoolKeepsNoFreePlaceSoTheReplacementLaunchesInAnotherPool() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = spotGroup(twin, 3, 6, true);
      twin.advance(Duration.ofMinutes(2));
      AutoScalingInstance victim = g.instances(PurchaseOption.SPOT).get(0);
      twin.faults().interruptSpotInstances(Duration.ofMinutes(10), victim.instanceId());
      assertThat(twin.ec2().spotCapacityAvailable(victim.availabilityZone(), victim.instanceType()))
          .isZero();
      twin.advance(Duration.ofMinutes(5));
      String replacement =
          twin.timeline()
              .events(AutoScalingFact.RebalanceReplacementLaunched.class)
              .get(0)
              .fact(AutoScalingFact.RebalanceReplacementLaunched.class)
              .orElseThrow()
              .replacementInstanceId();
      assertThat(twin.ec2().instance(replacement).instanceType().name())
          .isNotEqualTo(victim.instanceType());
    }
  }
}
