package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which instances of a group leave and when: scale-in victims (zone balance first, the purchase
 * option over its share, the termination policies, scale-in protection, weights), Unhealthy
 * instances replaced in batches, and instances past their maximum lifetime, one at a time.
 */
class TerminationSelectionRulesTest {

  private static final Duration DAY = Duration.ofDays(1);

  private static List<ScalingActivity> terminations(AutoScalingGroup g) {
    return g.activities().stream().filter(a -> a.description().startsWith("Terminating")).toList();
  }

  private static List<ScalingActivity> launches(AutoScalingGroup g) {
    return g.activities().stream().filter(a -> a.description().startsWith("Launching")).toList();
  }

  private static List<ScalingActivity> protectedNotices(AutoScalingGroup g) {
    return g.activities().stream()
        .filter(a -> a.description().startsWith("Could not scale to desired capacity"))
        .toList();
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-instance-protection.html
  // (first paragraphs): protection keeps an instance out of a scale-in; the others are terminated
  // as usual, so a scale-in that an unprotected instance satisfies is no failure.
  @Test
  void aScaleInThatLeavesOnlyProtectedInstancesTakesTheUnprotectedOneWithoutAFailedActivity() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 2, A).build());
      twin.advance(Duration.ofMinutes(1));
      String kept = g.instances().get(0).instanceId();
      String other = g.instances().get(1).instanceId();
      twin.autoScaling().setInstanceProtection("web", true, kept);

      twin.autoScaling().setDesiredCapacity("web", 1, false);

      assertThat(g.instances(LifecycleState.TERMINATING))
          .extracting(AutoScalingInstance::instanceId)
          .containsExactly(other);
      assertThat(protectedNotices(g)).isEmpty();
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-instance-protection.html:
  // if all instances are protected, desired capacity drops and nothing is terminated; the activity
  // fails with "Could not scale to desired capacity because all remaining instances are protected
  // from scale-in." Its cause is the request that lowered desired capacity (Activity, API
  // reference: Cause, StartTime, EndTime).
  @Test
  void whenEveryInstanceIsProtectedTheFailedActivityNamesTheRequestAndEndsAtOnce() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 4, 2, A).newInstancesProtectedFromScaleIn(true).build());
      twin.advance(Duration.ofMinutes(1));
      Instant at = twin.clock().instant();

      twin.autoScaling().setDesiredCapacity("web", 1, false);

      assertThat(g.instances(LifecycleState.IN_SERVICE)).hasSize(2);
      assertThat(protectedNotices(g))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.statusCode()).isEqualTo(ActivityStatus.Failed);
                assertThat(a.cause())
                    .contains("a user request explicitly set group desired capacity")
                    .endsWith("changing the desired capacity from 2 to 1.");
                assertThat(a.startTime()).isEqualTo(at);
                assertThat(a.endTime()).isEqualTo(at);
              });
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-instance-weighting.html: with
  // weights, capacity is counted in units; a scale-in removes an instance only while the group
  // stays at or above desired capacity (an instance heavier than the units left to remove stays),
  // so nothing has to be launched back.
  @Test
  void withWeightsAScaleInRemovesOnlyWhatKeepsTheGroupAtOrAboveDesiredAndLaunchesNothingBack() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 20, 6)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(
                              LaunchTemplateOverride.weighted("c5.xlarge", 2)))
                      .build());
      twin.advance(Duration.ofMinutes(1));
      int launched = launches(g).size();

      twin.autoScaling().setDesiredCapacity("web", 3, false); // 3 of the 6 units: one instance
      twin.advance(Duration.ofMinutes(5));

      assertThat(terminations(g)).hasSize(1);
      assertThat(launches(g)).hasSize(launched);
      assertThat(g.instances()).hasSize(2);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html,
  // "Default termination policy and mixed instances groups": Amazon EC2 Auto Scaling first
  // identifies which of the two purchase options should be terminated, so the remaining instances
  // stay aligned to the On-Demand/Spot distribution; the termination policy then applies within
  // that option (here OldestInstance, which would otherwise pick the older On-Demand Instance).
  @Test
  void aScaleInTakesFromThePurchaseOptionAboveItsShareBeforeApplyingThePolicy() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 4, 1, A)
                      .terminationPolicies(TerminationPolicy.OLDEST_INSTANCE)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(LaunchTemplateOverride.of("c5.large"))
                              .withOnDemandPercentageAboveBaseCapacity(50))
                      .build());
      twin.advance(Duration.ofMinutes(10));
      twin.autoScaling().setDesiredCapacity("web", 2, false); // 50 % of 2 is 1 On-Demand
      twin.advance(Duration.ofMinutes(10));
      assertThat(g.capacityByPurchaseOption())
          .containsEntry(PurchaseOption.ON_DEMAND, 1)
          .containsEntry(PurchaseOption.SPOT, 1);

      twin.autoScaling().setDesiredCapacity("web", 1, false); // 50 % of 1, rounded up: On-Demand

      assertThat(g.instances(LifecycleState.TERMINATING))
          .singleElement()
          .extracting(AutoScalingInstance::purchaseOption)
          .isEqualTo(PurchaseOption.SPOT);
    }
  }

  // Same page and section, with scale-in protection
  // (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-instance-protection.html):
  // when every instance of the option above its share is protected, the scale-in still takes an
  // unprotected instance of the other option.
  @Test
  void whenThePurchaseOptionAboveItsShareIsProtectedTheOtherOptionGivesTheInstance() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 4, 3, A)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(LaunchTemplateOverride.of("c5.large"))
                              .withOnDemandBaseCapacity(2)
                              .withOnDemandPercentageAboveBaseCapacity(0))
                      .build());
      twin.advance(Duration.ofMinutes(1));
      List<String> onDemand =
          g.instances(PurchaseOption.ON_DEMAND).stream()
              .map(AutoScalingInstance::instanceId)
              .toList();
      assertThat(onDemand).hasSize(2);
      String spot = g.instances(PurchaseOption.SPOT).get(0).instanceId();
      twin.autoScaling().setInstanceProtection("web", true, onDemand.toArray(String[]::new));

      // at desired 1 the On-Demand share is 1, so On-Demand is above it, but both are protected
      twin.autoScaling().setDesiredCapacity("web", 1, false);

      assertThat(g.instances(LifecycleState.TERMINATING))
          .extracting(AutoScalingInstance::instanceId)
          .containsExactly(spot);
      assertThat(g.instances(LifecycleState.IN_SERVICE))
          .extracting(AutoScalingInstance::instanceId)
          .containsExactlyElementsOf(onDemand);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html,
  // "How the default termination policy works": among instances equally close to the next billing
  // hour, one is terminated at random. The twin draws it from its seed: the same seed picks the
  // same instance, different seeds do not all pick the first one launched.
  @Test
  void tiesAreBrokenAtRandomFromTheSeed() {
    Set<Integer> picked = new HashSet<>();
    for (long seed = 1; seed <= 8; seed++) {
      int first = victimIndexAmongFourTies(seed);
      assertThat(victimIndexAmongFourTies(seed)).isEqualTo(first);
      picked.add(first);
    }
    assertThat(picked).hasSizeGreaterThan(1);
  }

  private static int victimIndexAmongFourTies(long seed) {
    try (CloudTwin twin = CloudTwin.builder().seed(seed).build()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 0, 4, 4, A).build());
      twin.advance(Duration.ofMinutes(1));
      List<String> ids = g.instances().stream().map(AutoScalingInstance::instanceId).toList();
      twin.autoScaling().setDesiredCapacity("web", 3, false);
      return ids.indexOf(g.instances(LifecycleState.TERMINATING).get(0).instanceId());
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html:
  // when the zones are balanced the policies apply across all zones. What is left tied after the
  // policies goes, in the twin, to the lowest zone name (docs/autoscaling.md, "Termination"):
  // here the newest instance of each zone launched at the same instant.
  @Test
  void aTieLeftAcrossBalancedZonesGoesToTheLowestZoneName() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 4, 2, A, B)
                      .terminationPolicies(TerminationPolicy.NEWEST_INSTANCE)
                      .build());
      twin.advance(Duration.ofMinutes(1));
      assertThat(g.inServiceCountByZone()).containsEntry(A, 1).containsEntry(B, 1);

      twin.autoScaling().setDesiredCapacity("web", 1, false);

      assertThat(g.instances(LifecycleState.TERMINATING))
          .singleElement()
          .extracting(AutoScalingInstance::availabilityZone)
          .isEqualTo(A);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html, "Rebalancing
  // activities": AZRebalance launches in the emptiest zone, then terminates in the fullest one "to
  // aid in balancing"; a later scale-in is an ordinary one, in response to a difference between
  // desired and actual capacity.
  @Test
  void aScaleInAfterARebalanceIsCausedByTheDesiredCapacityNotByTheRebalance() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 0, 6, 4, A, B).build());
      twin.advance(Duration.ofMinutes(1));
      for (AutoScalingInstance i : g.instances()) {
        if (i.availabilityZone().equals(A))
          twin.autoScaling().terminateInstanceInAutoScalingGroup(i.instanceId(), true);
      }
      boolean balanced =
          twin.advanceUntil(
              () ->
                  g.inServiceCountByZone().getOrDefault(A, 0) == 1
                      && g.inServiceCountByZone().getOrDefault(B, 0) == 1
                      && g.instances().size() == 2,
              Duration.ofMinutes(15));
      assertThat(balanced).isTrue();
      assertThat(terminations(g))
          .anyMatch(a -> a.cause().contains("to aid in balancing the group's zones."));

      twin.autoScaling().setDesiredCapacity("web", 1, false);

      assertThat(terminations(g).get(0).cause())
          .contains(
              "an instance was taken out of service in response to a difference between desired"
                  + " and actual capacity, shrinking the capacity from 2 to 1.");
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-maintenance-policy-overview-and-considerations.html,
  // table "Instance maintenance event default behaviors" (health check failure: terminate and
  // launch; AWS gives no batch size, the twin replaces at most 10 % of desired capacity, at least
  // 1, at a time: docs/autoscaling.md, "Health"). Three ELB-unhealthy instances of ten: one drains
  // and its replacement goes InService before the next one starts draining.
  @Test
  void elbUnhealthyInstancesAreReplacedOneBatchOfTenPercentAtATime() {
    FakeTargetGroup[] tg = new FakeTargetGroup[1];
    try (CloudTwin twin = CloudTwin.builder().targetGroups(n -> tg[0]).build()) {
      tg[0] = new FakeTargetGroup("tg", Kernel.of(twin), Duration.ofSeconds(60));
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 12, 10)
                      .healthCheckType(HealthCheckType.ELB)
                      .targetGroupNames("tg")
                      .build());
      twin.advance(Duration.ofMinutes(2));
      List<String> sick =
          g.instances().subList(0, 3).stream().map(AutoScalingInstance::instanceId).toList();
      tg[0].unhealthy.addAll(sick);

      long most = 0;
      for (int s = 0; s < 20 * 60; s++) {
        twin.advance(Duration.ofSeconds(1));
        most = Math.max(most, tg[0].draining.size());
      }

      assertThat(most).isEqualTo(1);
      assertThat(g.instances())
          .hasSize(10)
          .extracting(AutoScalingInstance::instanceId)
          .doesNotContainAnyElementsOf(sick);
      assertThat(g.instances(LifecycleState.IN_SERVICE)).hasSize(10);
    }
  }

  // Same table: terminate and launch, "new instances are provisioned at the same time your existing
  // instances are terminated"
  // (https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-max-instance-lifetime.html for the
  // lifetime itself).
  @Test
  void anExpiredInstancesReplacementLaunchesWhenItsTerminationStarts() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(group("web", 0, 4, 1).maxInstanceLifetime(DAY).build());
      twin.advance(DAY.plusMinutes(1));

      ScalingActivity terminating = terminations(g).get(0);
      ScalingActivity replacement = launches(g).get(0);
      assertThat(replacement.instanceId()).isNotEqualTo(terminating.instanceId());
      assertThat(replacement.startTime()).isEqualTo(terminating.startTime());
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-max-instance-lifetime.html,
  // "Considerations": instances are usually replaced one at a time; the twin takes the oldest of
  // those past the lifetime first (docs/autoscaling.md, "Max instance lifetime").
  @Test
  void theOldestOfSeveralExpiredInstancesIsReplacedFirst() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(group("web", 0, 4, 1).maxInstanceLifetime(DAY).build());
      String oldest = g.instances().get(0).instanceId();
      twin.advance(Duration.ofHours(1));
      twin.autoScaling().setDesiredCapacity("web", 2, false);
      twin.autoScaling().suspendProcesses("web", ScalingProcess.Terminate);
      twin.advance(DAY.plusHours(1)); // both past the lifetime now
      assertThat(twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class))
          .isEmpty();

      twin.autoScaling().resumeProcesses("web", ScalingProcess.Terminate);
      twin.advance(Duration.ofMinutes(1));

      assertThat(twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class))
          .first()
          .extracting(
              e ->
                  e.fact(AutoScalingFact.MaxInstanceLifetimeReached.class)
                      .orElseThrow()
                      .instanceId())
          .isEqualTo(oldest);
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-max-instance-lifetime.html,
  // "Considerations": "Amazon EC2 Auto Scaling will usually replace instances one at a time, with
  // a pause between replacements": the next expired instance waits while the previous one's
  // replacement is still launching (here held by a launch lifecycle hook).
  @Test
  void theNextExpiredInstanceWaitsUntilThePreviousReplacementIsInService() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(group("web", 0, 4, 2).maxInstanceLifetime(DAY).build());
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling()
          .putLifecycleHook(
              LifecycleHookSpec.of("boot", "web", LifecycleTransition.LAUNCHING)
                  .withHeartbeatTimeout(Duration.ofHours(1))
                  .withDefaultResult(LifecycleActionResult.CONTINUE));
      twin.advance(DAY);
      assertThat(twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class))
          .hasSize(1);

      twin.advance(Duration.ofMinutes(30)); // the first has left; its replacement is held
      assertThat(g.instances(LifecycleState.PENDING_WAIT)).hasSize(1);
      List<TimelineEvent> reached =
          twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class);
      assertThat(reached).hasSize(1);

      twin.advance(Duration.ofMinutes(40)); // the hook times out: CONTINUE, InService
      assertThat(twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class))
          .hasSize(2);
    }
  }
}
