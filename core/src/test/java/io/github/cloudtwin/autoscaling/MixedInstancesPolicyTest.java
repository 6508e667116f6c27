package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * MixedInstancesPolicy, On-Demand: prioritized override choice with per-zone fallback, and instance
 * weights.
 */
class MixedInstancesPolicyTest {

  private static final LaunchTemplateOverride C5 = LaunchTemplateOverride.of("c5.large");
  private static final LaunchTemplateOverride M5 = LaunchTemplateOverride.of("m5.large");

  private static Map<String, Long> typesByZone(AutoScalingGroup g, String zone) {
    return g.instances().stream()
        .filter(i -> i.availabilityZone().equals(zone))
        .collect(Collectors.groupingBy(AutoScalingInstance::instanceType, Collectors.counting()));
  }

  /** A group whose c5.xlarge count 2 units and c5.2xlarge 4, c5.xlarge first. */
  private static AutoScalingGroup weighted(CloudTwin twin, int desired) {
    return twin.autoScaling()
        .createAutoScalingGroup(
            group("web", 0, 20, desired)
                .mixedInstancesPolicy(
                    MixedInstancesPolicy.prioritized(
                        LaunchTemplateOverride.weighted("c5.xlarge", 2),
                        LaunchTemplateOverride.weighted("c5.2xlarge", 4)))
                .build());
  }

  private static int units(AutoScalingGroup g) {
    return g.instances().stream().mapToInt(AutoScalingInstance::weightedCapacity).sum();
  }

  @Test
  void prioritizedLaunchesTheFirstOverridesTypeWhereverItHasCapacity() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 6, 3)
                      .mixedInstancesPolicy(MixedInstancesPolicy.prioritized(C5, M5))
                      .build());
      assertThat(g.instances())
          .extracting(AutoScalingInstance::instanceType)
          .containsOnly("c5.large")
          .hasSize(3);
      assertThat(g.spec().instanceType()).isEqualTo("c5.large");
      assertThat(g.spec().instanceTypes()).containsExactly("c5.large", "m5.large");
    }
  }

  @Test
  void whenTheFirstTypeHasNoCapacityInAZoneTheNextTypeLaunchesThereWithoutAFailedActivity() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.ec2().setInsufficientCapacity(A, "c5.large", true);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 6, 3)
                      .mixedInstancesPolicy(MixedInstancesPolicy.prioritized(C5, M5))
                      .build());
      assertThat(typesByZone(g, A)).containsExactly(Map.entry("m5.large", 1L));
      assertThat(typesByZone(g, B)).containsExactly(Map.entry("c5.large", 1L));
      assertThat(typesByZone(g, C)).containsExactly(Map.entry("c5.large", 1L));
      assertThat(g.activities())
          .noneSatisfy(a -> assertThat(a.statusCode()).isEqualTo(ActivityStatus.Failed));
      twin.ec2().setInsufficientCapacity(A, "c5.large", false);
      twin.autoScaling().setDesiredCapacity("web", 6, false);
      assertThat(typesByZone(g, A))
          .containsOnly(Map.entry("m5.large", 1L), Map.entry("c5.large", 1L));
    }
  }

  @Test
  void whenNoTypeHasCapacityInAZoneTheLaunchFailsThereAndGoesToTheNextZone() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.ec2().setInsufficientCapacity(A, "c5.large", true);
      twin.ec2().setInsufficientCapacity(A, "m5.large", true);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 6, 3)
                      .mixedInstancesPolicy(MixedInstancesPolicy.prioritized(C5, M5))
                      .build());
      assertThat(typesByZone(g, A)).isEmpty();
      assertThat(g.instances())
          .hasSize(3)
          .extracting(AutoScalingInstance::instanceType)
          .containsOnly("c5.large");
      assertThat(g.activities())
          .filteredOn(a -> a.statusCode() == ActivityStatus.Failed)
          .isNotEmpty()
          .allSatisfy(
              a -> {
                assertThat(a.availabilityZone()).isEqualTo(A);
                assertThat(a.description())
                    .contains("InsufficientInstanceCapacity")
                    .contains("m5.large");
              });
    }
  }

  @Test
  void withWeightsDesiredIsUnitsAndTheLastLaunchMayExceedItByLessThanTheLargestWeight() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = weighted(twin, 5);
      assertThat(g.instances())
          .hasSize(3)
          .allSatisfy(
              i -> {
                assertThat(i.instanceType()).isEqualTo("c5.xlarge");
                assertThat(i.weightedCapacity()).isEqualTo(2);
              });
      assertThat(units(g)).isEqualTo(6);
      assertThat(g.desiredCapacity()).isEqualTo(5);
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.instances()).hasSize(3); // 6 units >= desired 5: nothing more, nothing less
    }
  }

  @Test
  void aHeavierFallbackTypeCountsItsOwnWeight() {
    try (CloudTwin twin = CloudTwin.create()) {
      for (String z : List.of(A, B, C)) twin.ec2().setInsufficientCapacity(z, "c5.xlarge", true);
      AutoScalingGroup g = weighted(twin, 5);
      assertThat(g.instances())
          .hasSize(2)
          .extracting(AutoScalingInstance::instanceType)
          .containsOnly("c5.2xlarge");
      assertThat(units(g)).isEqualTo(8); // 5 + 3, below desired + largest weight (9)
    }
  }

  @Test
  void withWeightsScaleInRemovesInstancesOnlyWhileTheGroupStaysAtOrAboveDesired() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = weighted(twin, 6);
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling().setDesiredCapacity("web", 3, false);
      twin.advance(Duration.ofMinutes(2));
      assertThat(g.instances()).hasSize(2);
      assertThat(units(g))
          .isEqualTo(4); // a second termination would leave 2 units, below desired 3
    }
  }

  @Test
  void terminatingWithDecrementLowersDesiredByTheInstancesWeight() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 20, 8)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(
                              LaunchTemplateOverride.weighted("c5.2xlarge", 4)))
                      .build());
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling()
          .terminateInstanceInAutoScalingGroup(g.instances().get(0).instanceId(), true);
      assertThat(g.desiredCapacity()).isEqualTo(4);
      twin.advance(Duration.ofMinutes(2));
      assertThat(g.instances()).hasSize(1);
    }
  }

  @Test
  void withoutAPolicyEveryInstanceCountsOneOfTheSpecsType() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(group("web", 0, 6, 2).instanceType("m5.large").build());
      assertThat(g.instances())
          .allSatisfy(
              i -> {
                assertThat(i.instanceType()).isEqualTo("m5.large");
                assertThat(i.weightedCapacity()).isEqualTo(1);
              });
    }
  }

  private static void rejects(Runnable r, String field, String text) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(text);
            });
  }

  @Test
  void aPolicyIsValidatedAsCreateAutoScalingGroupValidatesItsOnDemandPart() {
    rejects(
        () -> LaunchTemplateOverride.weighted("c5.large", 0),
        "WeightedCapacity",
        "between 1 and 999");
    rejects(
        () -> LaunchTemplateOverride.weighted("c5.large", 1000),
        "WeightedCapacity",
        "between 1 and 999");
    rejects(
        () -> LaunchTemplateOverride.of("c5.huge"),
        "instanceType",
        "an instance type from the catalogue");
    rejects(() -> MixedInstancesPolicy.prioritized(), "Overrides", "between 1 and 40");
    rejects(
        () -> MixedInstancesPolicy.prioritized(C5, C5),
        "Overrides[1].InstanceType",
        "at most once");
    rejects(
        () -> MixedInstancesPolicy.prioritized(LaunchTemplateOverride.weighted("c5.large", 2), M5),
        "Overrides[1].WeightedCapacity",
        "for every override or for none");
    rejects(
        () -> MixedInstancesPolicy.prioritized(C5).withOnDemandBaseCapacity(-1),
        "OnDemandBaseCapacity",
        "0 or greater");
    rejects(
        () -> MixedInstancesPolicy.prioritized(C5).withOnDemandPercentageAboveBaseCapacity(101),
        "OnDemandPercentageAboveBaseCapacity",
        "between 0 and 100");
    Function<Integer, MixedInstancesPolicy> pct =
        p -> MixedInstancesPolicy.prioritized(C5).withOnDemandPercentageAboveBaseCapacity(p);
    assertThat(pct.apply(0).onDemandPercentageAboveBaseCapacity()).isZero();
    assertThat(MixedInstancesPolicy.prioritized(C5).onDemandAllocationStrategy().toString())
        .isEqualTo("prioritized");
  }
}
