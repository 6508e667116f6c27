package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.ec2.PurchaseOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The On-Demand/Spot split of a mixed instances group and the InService floor through a Spot
 * reclaim.
 */
class SpotAssertTest {

  private static AutoScalingGroup fleet(CloudTwin twin, boolean capacityRebalance) {
    return twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(4)
                .maxSize(4)
                .desiredCapacity(4)
                .availabilityZones("us-east-1a", "us-east-1b")
                .capacityRebalance(capacityRebalance)
                .mixedInstancesPolicy(
                    MixedInstancesPolicy.prioritized(
                            LaunchTemplateOverride.of("c5.large"),
                            LaunchTemplateOverride.of("m5.large"))
                        .withOnDemandBaseCapacity(1)
                        .withOnDemandPercentageAboveBaseCapacity(0))
                .build());
  }

  private static String firstSpot(AutoScalingGroup g) {
    return g.instances(PurchaseOption.SPOT).stream()
        .map(AutoScalingInstance::instanceId)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theSplitPassesWhenItMatchesAndFailsWithBothSidesAndTheInstances() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = fleet(twin, false);
      assertThat(g).hasOnDemandCapacity(1).hasSpotCapacity(3).hasCapacity(PurchaseOption.SPOT, 3);
      assertThatThrownBy(() -> assertThat(g).hasSpotCapacity(4))
          .isInstanceOfSatisfying(
              AssertionFailedError.class,
              e -> {
                org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue()).isEqualTo(4);
                org.assertj.core.api.Assertions.assertThat(e.getActual().getValue()).isEqualTo(3);
              })
          .hasMessageContaining(
              "Expecting Auto Scaling group \"web\" to have 4 Spot capacity units")
          .hasMessageContaining(
              "but it has 3 (On-Demand 1, Spot 3; desired capacity 4; instances: on-demand c5.large Pending=1,"
                  + " spot c5.large Pending=2, spot m5.large Pending=1)")
          .hasMessageContaining("Launching a new EC2 instance");
      assertThatThrownBy(() -> assertThat(g).hasOnDemandCapacity(2))
          .hasMessageContaining("to have 2 On-Demand capacity units");
    }
  }

  @Test
  void keptInServiceCountAtLeastSeesTheDipOfAnUnrebalancedReclaimAndNoneWithCapacityRebalancing() {
    try (CloudTwin plain = CloudTwin.create();
        CloudTwin rebalancing = CloudTwin.create()) {
      for (CloudTwin twin : new CloudTwin[] {plain, rebalancing}) {
        AutoScalingGroup g = fleet(twin, twin == rebalancing);
        twin.advance(Duration.ofMinutes(2));
        twin.faults().interruptSpotInstances(Duration.ofMinutes(5), firstSpot(g));
        twin.advance(Duration.ofMinutes(10));
      }
      AutoScalingGroup rebalanced = rebalancing.autoScaling().group("web");
      assertThat(rebalanced)
          .keptInServiceCountAtLeast(4, Duration.ofMinutes(1), Duration.ofMinutes(12));
      AutoScalingGroup g = plain.autoScaling().group("web");
      assertThat(g)
          .keptInServiceCountAtLeast(3, Duration.ofMinutes(1), Duration.ofMinutes(12))
          .keptInServiceCountAtLeast(4, Duration.ofMinutes(1), Duration.ofMinutes(6));
      assertThatThrownBy(
              () ->
                  assertThat(g)
                      .keptInServiceCountAtLeast(4, Duration.ofMinutes(1), Duration.ofMinutes(12)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expecting Auto Scaling group \"web\" to keep at least 4 InService instances from +00:01:00 to +00:12:00")
          .hasMessageContaining("but it had 3 at +00:07:00 and was back to 4 at +00:07:30.")
          .hasMessageContaining("Spot Instance interrupted");
      // before anything was InService the count was 0: a window from the start says so
      assertThatThrownBy(
              () ->
                  assertThat(g).keptInServiceCountAtLeast(4, Duration.ZERO, Duration.ofMinutes(1)))
          .hasMessageContaining("but it had 0 at +00:00:00");
    }
  }
}
