package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.SpotPool;
import io.github.cloudtwin.facts.Ec2Fact;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * MixedInstancesPolicy with Spot: the On-Demand/Spot split, the Spot allocation strategies over the
 * twin's pools, scale-in.
 */
class SpotAllocationTest {

  private static final LaunchTemplateOverride C5 = LaunchTemplateOverride.of("c5.large");
  private static final LaunchTemplateOverride M5 = LaunchTemplateOverride.of("m5.large");
  private static final LaunchTemplateOverride R5 = LaunchTemplateOverride.of("r5.large");

  /** Spot only (percentage 0) over c5, m5, r5, with {@code strategy}. */
  private static MixedInstancesPolicy spotOnly(SpotAllocationStrategy strategy) {
    return MixedInstancesPolicy.prioritized(C5, M5, R5)
        .withOnDemandPercentageAboveBaseCapacity(0)
        .withSpotAllocationStrategy(strategy);
  }

  /**
   * The same three pools in every zone: c5 0.030 USD/h with room for 5, m5 0.035 for 50, r5 0.040
   * for 20.
   */
  private static void pools(CloudTwin twin) {
    for (String z : List.of(A, B, C)) {
      twin.ec2().putSpotPool(new SpotPool(z, "c5.large", 0.030, 5));
      twin.ec2().putSpotPool(new SpotPool(z, "m5.large", 0.035, 50));
      twin.ec2().putSpotPool(new SpotPool(z, "r5.large", 0.040, 20));
    }
  }

  private static Map<String, Long> spotTypes(AutoScalingGroup g) {
    return g.instances(PurchaseOption.SPOT).stream()
        .collect(
            Collectors.groupingBy(
                AutoScalingInstance::instanceType, java.util.TreeMap::new, Collectors.counting()));
  }

  @Test
  void theOnDemandShareIsTheBaseThenThePercentageOfTheRestRoundedUp() {
    MixedInstancesPolicy p =
        MixedInstancesPolicy.prioritized(C5)
            .withOnDemandBaseCapacity(2)
            .withOnDemandPercentageAboveBaseCapacity(50);
    assertThat(List.of(0, 1, 2, 3, 4, 10, 11))
        .extracting(p::onDemandUnits)
        .containsExactly(0, 1, 2, 3, 3, 6, 7);
    MixedInstancesPolicy seventy =
        MixedInstancesPolicy.prioritized(C5).withOnDemandPercentageAboveBaseCapacity(70);
    assertThat(seventy.onDemandUnits(10)).isEqualTo(7);
    assertThat(MixedInstancesPolicy.prioritized(C5).onDemandUnits(9)).isEqualTo(9);
    assertThat(
            MixedInstancesPolicy.prioritized(C5)
                .withOnDemandPercentageAboveBaseCapacity(0)
                .onDemandUnits(9))
        .isZero();
  }

  @Test
  void aGroupLaunchesTheBaseOnDemandThenSplitsTheRestAndBalancesTheZones() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 12, 9)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(C5, M5)
                              .withOnDemandBaseCapacity(1)
                              .withOnDemandPercentageAboveBaseCapacity(25))
                      .build());
      assertThat(g.capacityByPurchaseOption())
          .containsExactly(
              Map.entry(PurchaseOption.ON_DEMAND, 3), Map.entry(PurchaseOption.SPOT, 6));
      assertThat(g.instances(PurchaseOption.SPOT))
          .allSatisfy(
              i ->
                  assertThat(twin.ec2().instance(i.instanceId()).purchaseOption())
                      .isEqualTo(PurchaseOption.SPOT));
      assertThat(
              g.instances().stream()
                  .collect(
                      Collectors.groupingBy(
                          AutoScalingInstance::availabilityZone, Collectors.counting())))
          .containsOnly(Map.entry(A, 3L), Map.entry(B, 3L), Map.entry(C, 3L));
      assertThat(twin.timeline().events(Ec2Fact.InstanceLaunched.class))
          .filteredOn(
              e ->
                  e.fact(Ec2Fact.InstanceLaunched.class).orElseThrow().purchaseOption()
                      == PurchaseOption.SPOT)
          .hasSize(6)
          .allSatisfy(e -> assertThat(e.message()).contains("as a Spot Instance"));
      g.timeline();
    }
  }

  @Test
  void anAllOnDemandPolicyLaunchesAsBeforeWithTheSameWords() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              group("web", 0, 6, 3)
                  .mixedInstancesPolicy(MixedInstancesPolicy.prioritized(C5, M5))
                  .build());
      assertThat(twin.timeline().events(Ec2Fact.InstanceLaunched.class))
          .hasSize(3)
          .allSatisfy(
              e ->
                  assertThat(e.message())
                      .endsWith(
                          "c5.large in " + e.details().get("availabilityZone") + " (pending)"))
          .allSatisfy(e -> assertThat(e.details()).doesNotContainKey("purchaseOption"));
    }
  }

  @Test
  void lowestPriceWithOnePoolTakesTheCheapestPoolUntilItIsFullThenTheNextCheapest() {
    try (CloudTwin twin = CloudTwin.create()) {
      pools(twin);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 18)
                      .mixedInstancesPolicy(
                          spotOnly(SpotAllocationStrategy.LOWEST_PRICE).withSpotInstancePools(1))
                      .build());
      assertThat(spotTypes(g))
          .containsExactly(Map.entry("c5.large", 15L), Map.entry("m5.large", 3L));
      assertThat(g.activities()).noneMatch(a -> a.statusCode() == ActivityStatus.Failed);
    }
  }

  @Test
  void lowestPriceSpreadsEvenlyOverTheTwoCheapestPoolsByDefault() {
    try (CloudTwin twin = CloudTwin.create()) {
      pools(twin);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 12)
                      .mixedInstancesPolicy(spotOnly(SpotAllocationStrategy.LOWEST_PRICE))
                      .build());
      assertThat(spotTypes(g))
          .containsExactly(Map.entry("c5.large", 6L), Map.entry("m5.large", 6L));
    }
  }

  @Test
  void capacityOptimizedTakesThePoolWithTheMostFreePlaces() {
    try (CloudTwin twin = CloudTwin.create()) {
      pools(twin);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 6)
                      .mixedInstancesPolicy(spotOnly(SpotAllocationStrategy.CAPACITY_OPTIMIZED))
                      .build());
      assertThat(spotTypes(g)).containsExactly(Map.entry("m5.large", 6L));
    }
  }

  @Test
  void priceCapacityOptimizedTakesTheCheapestPoolWithRoomForTheWholeLaunch() {
    try (CloudTwin twin = CloudTwin.create()) {
      pools(twin);
      // 9 per zone: c5 (room for 5) cannot take them; m5 can and is cheaper than r5
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 27)
                      .mixedInstancesPolicy(
                          spotOnly(SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED))
                      .build());
      assertThat(spotTypes(g)).containsEntry("m5.large", 27L).doesNotContainKey("r5.large");
      // a launch of one fits c5, the cheapest
      try (CloudTwin small = CloudTwin.create()) {
        pools(small);
        AutoScalingGroup one =
            small
                .autoScaling()
                .createAutoScalingGroup(
                    group("web", 0, 30, 1)
                        .mixedInstancesPolicy(
                            spotOnly(SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED))
                        .build());
        assertThat(spotTypes(one)).containsExactly(Map.entry("c5.large", 1L));
      }
    }
  }

  @Test
  void capacityOptimizedPrioritizedKeepsTheOverridesOrderAmongPoolsWithRoom() {
    try (CloudTwin twin = CloudTwin.create()) {
      pools(twin);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 3)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(R5, M5, C5)
                              .withOnDemandPercentageAboveBaseCapacity(0)
                              .withSpotAllocationStrategy(
                                  SpotAllocationStrategy.CAPACITY_OPTIMIZED_PRIORITIZED))
                      .build());
      assertThat(spotTypes(g)).containsExactly(Map.entry("r5.large", 3L));
    }
  }

  @Test
  void poolsPricedAboveSpotMaxPriceAreNotUsedAndNoPoolLeftFailsTheLaunchWithEc2sWords() {
    try (CloudTwin twin = CloudTwin.create()) {
      pools(twin);
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 3)
                      .mixedInstancesPolicy(
                          spotOnly(SpotAllocationStrategy.CAPACITY_OPTIMIZED)
                              .withSpotMaxPrice(0.032))
                      .build());
      assertThat(spotTypes(g)).containsExactly(Map.entry("c5.large", 3L));
      try (CloudTwin broke = CloudTwin.create()) {
        pools(broke);
        AutoScalingGroup none =
            broke
                .autoScaling()
                .createAutoScalingGroup(
                    group("web", 0, 30, 1)
                        .mixedInstancesPolicy(
                            spotOnly(SpotAllocationStrategy.CAPACITY_OPTIMIZED)
                                .withSpotMaxPrice(0.01))
                        .build());
        assertThat(none.instances()).isEmpty();
        assertThat(none.activities())
            .filteredOn(a -> a.statusCode() == ActivityStatus.Failed)
            .isNotEmpty()
            .allSatisfy(
                a ->
                    assertThat(a.statusMessage())
                        .isEqualTo(
                            "InsufficientInstanceCapacity: There is no Spot capacity available that matches your request."));
      }
    }
  }

  @Test
  void lowestPriceOnDemandRanksByPricePerUnit() {
    try (CloudTwin twin = CloudTwin.create()) {
      // c5.xlarge 0.17/h for 4 units = 0.0425; m5.large 0.096/h for 1 unit
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 30, 8)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(
                                  LaunchTemplateOverride.weighted("m5.large", 1),
                                  LaunchTemplateOverride.weighted("c5.xlarge", 4))
                              .withOnDemandAllocationStrategy(
                                  OnDemandAllocationStrategy.LOWEST_PRICE))
                      .build());
      assertThat(g.instances())
          .extracting(AutoScalingInstance::instanceType)
          .containsOnly("c5.xlarge")
          .hasSize(2);
      assertThat(twin.ec2().onDemandPrice("c5.xlarge")).isEqualTo(0.17);
    }
  }

  @Test
  void scaleInTakesFromThePurchaseOptionAboveItsShare() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 12, 8)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(C5, M5)
                              .withOnDemandPercentageAboveBaseCapacity(50))
                      .build());
      assertThat(g.capacityByPurchaseOption())
          .containsEntry(PurchaseOption.ON_DEMAND, 4)
          .containsEntry(PurchaseOption.SPOT, 4);
      twin.autoScaling().setDesiredCapacity("web", 2, false);
      assertThat(g.capacityByPurchaseOption())
          .containsEntry(PurchaseOption.ON_DEMAND, 1)
          .containsEntry(PurchaseOption.SPOT, 1);
      twin.autoScaling().setDesiredCapacity("web", 5, false);
      assertThat(g.capacityByPurchaseOption())
          .containsEntry(PurchaseOption.ON_DEMAND, 3)
          .containsEntry(PurchaseOption.SPOT, 2);
    }
  }

  @Test
  void theDefaultSpotMarketIsDrawnFromTheSeedWithinItsDocumentedRanges() {
    try (CloudTwin a = CloudTwin.builder().seed(7).build();
        CloudTwin b = CloudTwin.builder().seed(7).build();
        CloudTwin c = CloudTwin.builder().seed(8).build()) {
      SpotPool pa = a.ec2().spotPool(B, "m5.large");
      // drawn lazily, in any order: asking b for another pool first changes nothing
      b.ec2().spotPool(A, "c5.large");
      assertThat(b.ec2().spotPool(B, "m5.large")).isEqualTo(pa);
      assertThat(pa.spotPrice()).isBetween(0.096 * 0.30, 0.096 * 0.45);
      assertThat(pa.capacity()).isBetween(50, 250);
      List<SpotPool> other =
          List.of(c.ec2().spotPool(B, "m5.large"), c.ec2().spotPool(A, "m5.large"));
      assertThat(other)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .isNotEqualTo(
                          pa.availabilityZone().equals(p.availabilityZone())
                              ? pa
                              : a.ec2().spotPool(A, "m5.large")));
    }
  }

  @Test
  void aFullPoolRefusesASpotLaunchButAnOnDemandOneOfTheTypeStillLaunches() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.ec2().putSpotPool(new SpotPool(A, "c5.large", 0.03, 0));
      assertThat(twin.ec2().spotCapacityAvailable(A, "c5.large")).isZero();
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 6, 2, A)
                      .mixedInstancesPolicy(
                          MixedInstancesPolicy.prioritized(C5)
                              .withOnDemandPercentageAboveBaseCapacity(50))
                      .build());
      assertThat(g.capacityByPurchaseOption())
          .containsEntry(PurchaseOption.ON_DEMAND, 1)
          .containsEntry(PurchaseOption.SPOT, 0);
    }
  }
}
