package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.SpotAllocationStrategy;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Ec2Fact;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Story 17, a Spot reclaim of 30 % recovered by Capacity Rebalancing. In production: EC2 takes back
 * the capacity under three of the fleet's ten instances. With Capacity Rebalancing the group hears
 * the rebalance recommendations ten minutes ahead, launches three replacements in other pools and
 * retires the at-risk instances once the replacements are InService: ten instances serve
 * throughout. Without it the group waits for the interruptions and serves with seven for a boot.
 */
class SpotReclaimTest {

  private static final Duration BOOT = ofSeconds(90);

  private static AutoScalingGroup fleet(CloudTwin twin, boolean capacityRebalance) {
    // tag::mixed-policy[]
    MixedInstancesPolicy policy =
        MixedInstancesPolicy.prioritized(
                LaunchTemplateOverride.of("c5.large"),
                LaunchTemplateOverride.of("m5.large"),
                LaunchTemplateOverride.of("r5.large"))
            .withOnDemandBaseCapacity(1) // OnDemandBaseCapacity, default 0
            .withOnDemandPercentageAboveBaseCapacity(0) // default 100: no Spot
            .withSpotAllocationStrategy(
                SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED); // default lowest-price
    // end::mixed-policy[]
    return twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(10)
                .maxSize(10)
                .desiredCapacity(10)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .bootTime(BOOT)
                .mixedInstancesPolicy(policy)
                .capacityRebalance(capacityRebalance)
                .build());
  }

  /** Three of the ten instances, all Spot: 30 % of the fleet. */
  private static String[] thirtyPercent(AutoScalingGroup web) {
    return web.instances(PurchaseOption.SPOT).stream()
        .limit(3)
        .map(AutoScalingInstance::instanceId)
        .toArray(String[]::new);
  }

  @Test
  void withCapacityRebalancingTenInstancesServeThroughTheReclaim() {
    try (CloudTwin twin = CloudTwin.builder().seed(17).build()) {
      AutoScalingGroup web = fleet(twin, true);
      twin.advance(ofMinutes(5));
      assertThat(web).hasOnDemandCapacity(1).hasSpotCapacity(9).hasInServiceCount(10);

      // tag::reclaim[]
      twin.faults().interruptSpotInstances(ofMinutes(10), thirtyPercent(web));
      twin.advance(ofMinutes(20));
      assertThat(web).keptInServiceCountAtLeast(10, ofMinutes(5), ofMinutes(25));
      // end::reclaim[]

      assertThat(twin.timeline().events(AutoScalingFact.RebalanceReplacementLaunched.class))
          .hasSize(3);
      assertThat(twin.timeline().events(AutoScalingFact.AtRiskInstanceReplaced.class)).hasSize(3);
      // the at-risk instances had left before EC2 came to reclaim them
      assertThat(twin.timeline().events(Ec2Fact.SpotInstanceInterrupted.class)).isEmpty();
      assertThat(web).hasInServiceCount(10).hasSpotCapacity(9);
      assertThat(web).neverExceededSize(11); // MaxSize 10 plus 10 % of desired while replacing
    }
  }

  @Test
  void withoutItTheFleetServesWithSevenUntilTheReplacementsHaveBooted() {
    try (CloudTwin twin = CloudTwin.builder().seed(17).build()) {
      AutoScalingGroup web = fleet(twin, false);
      twin.advance(ofMinutes(5));
      twin.faults().interruptSpotInstances(ofMinutes(10), thirtyPercent(web));
      twin.advance(ofMinutes(20));

      assertThatThrownBy(
              () -> assertThat(web).keptInServiceCountAtLeast(10, ofMinutes(5), ofMinutes(25)))
          .hasMessageContaining("but it had 7 at +00:15:00");
      assertThat(twin.timeline().events(Ec2Fact.SpotInstanceInterrupted.class)).hasSize(3);
      assertThat(web).hasInServiceCount(10);
    }
  }
}
