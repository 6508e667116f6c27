package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.SpotPool;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance refresh whose desired configuration is a MixedInstancesPolicy
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DesiredConfiguration.html): the
 * replacements launch the policy's instance types with its On-Demand / Spot split, the healthy
 * percentages count capacity units with weights, skip matching compares instance types with the
 * policy's overrides, the group takes the policy on success and gets its own back on rollback.
 */
class InstanceRefreshMixedInstancesTest {

  private static final LaunchTemplateOverride C5 = LaunchTemplateOverride.of("c5.large");
  private static final LaunchTemplateOverride M5 = LaunchTemplateOverride.of("m5.large");

  private final CloudTwin twin = CloudTwin.create();

  @AfterEach
  void close() {
    twin.close();
  }

  /** A group of {@code n} t3.micro on lt-web:1 (one instance type, On-Demand), InService. */
  private AutoScalingGroup groupOf(int n) {
    AutoScalingGroup g =
        twin.autoScaling().createAutoScalingGroup(group("web", 0, 2 * n + 2, n).build());
    twin.advance(Duration.ofMinutes(1));
    assertThat(g.inServiceCount()).isEqualTo(n);
    return g;
  }

  private void spotPools() {
    for (String z : List.of(A, B, C)) {
      twin.ec2().putSpotPool(new SpotPool(z, "c5.large", 0.030, 50));
      twin.ec2().putSpotPool(new SpotPool(z, "m5.large", 0.035, 50));
    }
  }

  private String start(InstanceRefreshSpec.Builder spec) {
    return twin.autoScaling()
        .instanceRefreshes()
        .startInstanceRefresh(spec.autoScalingGroupName("web").build());
  }

  private InstanceRefresh refresh() {
    return twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web").get(0);
  }

  /** The capacity units InService and healthy now. */
  private int healthyUnits(AutoScalingGroup g) {
    int units = 0;
    for (AutoScalingInstance i : g.instances()) {
      if (i.lifecycleState() == LifecycleState.IN_SERVICE
          && i.healthStatus() == HealthStatus.HEALTHY) units += i.weightedCapacity();
    }
    return units;
  }

  /** Advances in 5 s steps while the refresh is active; the healthy units at each step. */
  private List<Integer> runToEnd(AutoScalingGroup g) {
    List<Integer> healthy = new ArrayList<>();
    for (int i = 0; i < 720 && refresh().status().isActive(); i++) {
      twin.advance(STEP);
      healthy.add(healthyUnits(g));
    }
    return healthy;
  }

  private static List<String> types(AutoScalingGroup g) {
    return g.instances().stream().map(AutoScalingInstance::instanceType).toList();
  }

  // "Multiple instance types - Apply a new or updated mixed instances policy as part of the desired
  // configuration" (How an instance refresh works); the split is the policy's: 50 % of 10 On-Demand
  @Test
  void replacementsLaunchThePolicysTypesWithItsOnDemandAndSpotSplitNeverBelowMinHealthy() {
    spotPools();
    AutoScalingGroup g = groupOf(10);
    MixedInstancesPolicy policy =
        MixedInstancesPolicy.prioritized(C5, M5)
            .withOnDemandPercentageAboveBaseCapacity(50)
            .withSpotAllocationStrategy(SpotAllocationStrategy.CAPACITY_OPTIMIZED);

    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(policy)
            .preferences(RefreshPreferences.builder().minHealthyPercentage(80).build()));
    List<Integer> healthy = runToEnd(g);

    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(refresh().mixedInstancesPolicy()).isEqualTo(policy);
    assertThat(healthy).isNotEmpty().allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(8));
    assertThat(g.instances()).hasSize(10);
    assertThat(types(g)).allSatisfy(t -> assertThat(t).isIn("c5.large", "m5.large"));
    assertThat(g.capacityByPurchaseOption())
        .containsEntry(PurchaseOption.ON_DEMAND, 5)
        .containsEntry(PurchaseOption.SPOT, 5);
    assertThat(g.instances(PurchaseOption.ON_DEMAND))
        .extracting(AutoScalingInstance::instanceType)
        .containsOnly("c5.large"); // prioritized: the first override
    assertThat(g.spec().mixedInstancesPolicy()).isEqualTo(policy);
    assertThat(g.spec().instanceType()).isEqualTo("c5.large");
    assertThat(twin.timeline().events(AutoScalingFact.InstanceRefreshStarted.class))
        .singleElement()
        .satisfies(
            e -> assertThat(e.fact().message()).contains("to instance types [c5.large, m5.large]"));
    assertThat(twin.timeline().events(AutoScalingFact.GroupSettingsUpdated.class))
        .singleElement()
        .satisfies(e -> assertThat(e.fact().message()).isEqualTo("updated MixedInstancesPolicy"));
  }

  // MinHealthyPercentage is "a percentage of the desired capacity" and with weights desired
  // capacity is in units (Configure an Auto Scaling group to use instance weights): 75 % of 8 units
  // keeps 6 units healthy while 8 instances of 1 unit become 4 of 2
  @Test
  void withWeightsTheHealthyPercentageCountsCapacityUnits() {
    AutoScalingGroup g = groupOf(8);
    MixedInstancesPolicy weighted =
        MixedInstancesPolicy.prioritized(
            LaunchTemplateOverride.weighted("c5.xlarge", 2),
            LaunchTemplateOverride.weighted("m5.xlarge", 2));
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(weighted)
            .preferences(RefreshPreferences.builder().minHealthyPercentage(75).build()));
    List<Integer> healthy = new ArrayList<>();
    List<Integer> percentages = new ArrayList<>();
    for (int i = 0; i < 720 && refresh().status().isActive(); i++) {
      twin.advance(STEP);
      healthy.add(healthyUnits(g));
      percentages.add(refresh().percentageComplete());
    }

    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(healthy).allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(6));
    assertThat(healthy).contains(6); // the bound is used, not a looser one
    assertThat(percentages).isSorted().contains(100);
    assertThat(percentages).anySatisfy(p -> assertThat(p).isStrictlyBetween(0, 100));
    assertThat(g.instances())
        .hasSize(4)
        .allSatisfy(
            i -> {
              assertThat(i.weightedCapacity()).isEqualTo(2);
              assertThat(i.instanceType()).isEqualTo("c5.xlarge");
            });
    assertThat(g.size().total()).isEqualTo(4);
    assertThat(g.desiredCapacity()).isEqualTo(8);
    assertThat(g.spec().unitsOf("c5.xlarge")).isEqualTo(2);
  }

  // MaxHealthyPercentage "of the desired capacity" too: at 100-150 % of 4 units the refresh
  // launches
  // up to 6 units before it terminates, so 4 units stay healthy throughout
  @Test
  void withWeightsTheMaximumHealthyPercentageBoundsTheUnitsLaunchedAhead() {
    AutoScalingGroup g = groupOf(4);
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(
                MixedInstancesPolicy.prioritized(LaunchTemplateOverride.weighted("c5.xlarge", 2)))
            .preferences(
                RefreshPreferences.builder()
                    .minHealthyPercentage(100)
                    .maxHealthyPercentage(150)
                    .build()));
    List<Integer> healthy = new ArrayList<>();
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < 720 && refresh().status().isActive(); i++) {
      twin.advance(STEP);
      healthy.add(healthyUnits(g));
      int units = 0;
      for (AutoScalingInstance x : g.instances()) {
        switch (x.lifecycleState()) {
          case PENDING, PENDING_WAIT, PENDING_PROCEED, IN_SERVICE -> units += x.weightedCapacity();
          default -> {}
        }
      }
      live.add(units);
    }
    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(healthy).allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(4));
    assertThat(live).allSatisfy(u -> assertThat(u).isLessThanOrEqualTo(6));
    assertThat(live).contains(6); // it did launch ahead
    assertThat(g.instances())
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.weightedCapacity()).isEqualTo(2));
  }

  // "You can use skip matching with ... a set of instance types. If you enable skip matching, but
  // none of these are changing, the instance refresh will succeed immediately without replacing any
  // instances. If you made any other changes in your desired configuration (such as changing your
  // Spot allocation strategy) ... it updates the Auto Scaling group settings"
  @Test
  void skipMatchingKeepsInstancesWhoseTypeIsAmongTheOverridesAndWhoseTemplateMatches() {
    AutoScalingGroup g = groupOf(4);
    List<String> before = g.instances().stream().map(AutoScalingInstance::instanceId).toList();
    MixedInstancesPolicy same =
        MixedInstancesPolicy.prioritized(LaunchTemplateOverride.of("t3.micro"), C5)
            .withSpotAllocationStrategy(SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED);
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(same)
            .preferences(RefreshPreferences.builder().skipMatching(true).build()));
    twin.advance(Duration.ofSeconds(1));

    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(refresh().instancesToUpdate()).isZero();
    assertThat(g.instances()).extracting(AutoScalingInstance::instanceId).isEqualTo(before);
    assertThat(g.spec().mixedInstancesPolicy()).isEqualTo(same);

    // the same types on another launch template version do not match
    twin.ec2().launchTemplates().createLaunchTemplate("lt-web", "t3.micro");
    twin.ec2().launchTemplates().createLaunchTemplateVersion("lt-web", "t3.micro");
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(same, "lt-web", "2")
            .preferences(RefreshPreferences.builder().skipMatching(true).build()));
    twin.advance(Duration.ofSeconds(1));
    assertThat(refresh().instancesToUpdate()).isEqualTo(4);
    runToEnd(g);
    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(g.instances())
        .hasSize(4)
        .allSatisfy(i -> assertThat(i.launchTemplate()).isEqualTo("lt-web:2"))
        .extracting(AutoScalingInstance::instanceId)
        .doesNotContainAnyElementsOf(before);
  }

  @Test
  void skipMatchingReplacesInstancesOfATypeThePolicyNoLongerLists() {
    AutoScalingGroup g = groupOf(4);
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(MixedInstancesPolicy.prioritized(M5, C5))
            .preferences(RefreshPreferences.builder().skipMatching(true).build()));
    twin.advance(Duration.ofSeconds(1));
    assertThat(refresh().instancesToUpdate()).isEqualTo(4);
    runToEnd(g);
    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(types(g)).hasSize(4).containsOnly("m5.large");
  }

  // RollbackInstanceRefresh "reverts any replaced instances with instances from the previous
  // configuration": the previous configuration had no mixed instances policy
  @Test
  void aRollbackRestoresThePreviousPolicyAndInstanceType() {
    AutoScalingGroup g = groupOf(6);
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(MixedInstancesPolicy.prioritized(C5, M5))
            .preferences(
                RefreshPreferences.builder()
                    .minHealthyPercentage(50)
                    .checkpointPercentages(50, 100)
                    .build()));
    for (int i = 0; i < 720 && refresh().percentageComplete() < 50; i++) twin.advance(STEP);
    assertThat(types(g)).contains("c5.large", "t3.micro");

    twin.autoScaling().instanceRefreshes().rollbackInstanceRefresh("web");
    runToEnd(g);

    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_SUCCESSFUL);
    assertThat(types(g)).hasSize(6).containsOnly("t3.micro");
    assertThat(g.spec().mixedInstancesPolicy()).isNull();
    assertThat(g.spec().instanceType()).isEqualTo("t3.micro");
  }

  // CancelInstanceRefresh: "Cancellation does not roll back any replacements that have already
  // been completed"; the group takes the desired configuration only "once the instance refresh
  // succeeds", so it keeps its own policy (none) and launches its own type again
  @Test
  void aCancelledRefreshKeepsItsReplacementsButNotThePolicy() {
    AutoScalingGroup g = groupOf(6);
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration(MixedInstancesPolicy.prioritized(C5))
            .preferences(
                RefreshPreferences.builder()
                    .minHealthyPercentage(50)
                    .checkpointPercentages(50, 100)
                    .build()));
    for (int i = 0; i < 720 && refresh().percentageComplete() < 50; i++) twin.advance(STEP);
    twin.autoScaling().instanceRefreshes().cancelInstanceRefresh("web");
    for (int i = 0; i < 720 && refresh().status().isActive(); i++) twin.advance(STEP);

    assertThat(refresh().status()).isEqualTo(InstanceRefreshStatus.CANCELLED);
    assertThat(types(g)).contains("c5.large", "t3.micro");
    assertThat(g.spec().mixedInstancesPolicy()).isNull();
    twin.autoScaling().setDesiredCapacity("web", 7, false);
    twin.advance(Duration.ofMinutes(1));
    assertThat(types(g).get(6)).isEqualTo("t3.micro");
  }

  // "If you specify a desired configuration, you must specify either a LaunchTemplate or a
  // MixedInstancesPolicy" (DesiredConfiguration)
  @Test
  void aDesiredConfigurationWithBothALaunchTemplateAndAPolicyIsRefused() {
    assertThatThrownBy(
            () ->
                InstanceRefreshSpec.builder()
                    .autoScalingGroupName("web")
                    .desiredConfiguration("lt-web", "2")
                    .desiredConfiguration(MixedInstancesPolicy.prioritized(C5))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DesiredConfiguration")
        .hasMessageContaining("lt-web:2")
        .hasMessageContaining("either a LaunchTemplate or a MixedInstancesPolicy, not both");
    assertThatThrownBy(() -> LaunchTemplateOverride.of("z9.mega"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("z9.mega")
        .hasMessageContaining("an instance type from the catalogue");
  }

  @Test
  void weightsThatCannotFitTheGroupAreRefusedAndNothingChanges() {
    AutoScalingGroup g = groupOf(2); // MaxSize 6
    MixedInstancesPolicy tooBig =
        MixedInstancesPolicy.prioritized(
            LaunchTemplateOverride.weighted("c5.4xlarge", 8),
            LaunchTemplateOverride.weighted("c5.2xlarge", 7));
    assertThatThrownBy(() -> start(InstanceRefreshSpec.builder().desiredConfiguration(tooBig)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.Overrides[1].WeightedCapacity")
        .hasMessageContaining("7")
        .hasMessageContaining("MaxSize 6");
    assertThat(twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web")).isEmpty();
    assertThat(g.spec().mixedInstancesPolicy()).isNull();
    assertThat(twin.timeline().events(AutoScalingFact.InstanceRefreshStarted.class)).isEmpty();
  }

  @Test
  void aPolicyLaunchTemplateVersionTheTemplateDoesNotHaveIsRefused() {
    twin.ec2().launchTemplates().createLaunchTemplate("lt-web", "t3.micro");
    groupOf(2);
    assertThatThrownBy(
            () ->
                start(
                    InstanceRefreshSpec.builder()
                        .desiredConfiguration(MixedInstancesPolicy.prioritized(C5), "lt-web", "4")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification"
                + ".Version")
        .hasMessageContaining("4");
    assertThat(twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web")).isEmpty();
  }

  // "You can't add a warm pool to Auto Scaling groups that have a mixed instances policy" (Warm
  // pools for Amazon EC2 Auto Scaling, limitations)
  @Test
  void aPolicyForAGroupWithAWarmPoolIsRefused() {
    AutoScalingGroup g = groupOf(2);
    twin.autoScaling()
        .warmPools()
        .putWarmPool(WarmPoolSpec.builder().autoScalingGroupName("web").minSize(1).build());
    assertThatThrownBy(
            () ->
                start(
                    InstanceRefreshSpec.builder()
                        .desiredConfiguration(MixedInstancesPolicy.prioritized(C5))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DesiredConfiguration.MixedInstancesPolicy")
        .hasMessageContaining("warm pool");
    assertThat(g.spec().mixedInstancesPolicy()).isNull();
  }
}
