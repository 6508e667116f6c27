package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.OnDemandAllocationStrategy;
import io.github.cloudtwin.autoscaling.SpotAllocationStrategy;
import io.github.cloudtwin.ec2.PurchaseOption;
import org.junit.jupiter.api.Test;

/**
 * A MixedInstancesPolicy: prioritized overrides with weights, the On-Demand/Spot distribution,
 * CapacityRebalance, MaxInstanceLifetime.
 */
class MixedInstancesTest {

  private static final String TEMPLATE =
      """
      Resources:
        FleetTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData: {InstanceType: c5.large}
        Fleet:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            AutoScalingGroupName: fleet
            AvailabilityZones: !GetAZs ""
            MinSize: "0"
            MaxSize: "40"
            DesiredCapacity: "10"
            MixedInstancesPolicy:
              InstancesDistribution:
                OnDemandAllocationStrategy: %s
                OnDemandBaseCapacity: 2
                OnDemandPercentageAboveBaseCapacity: %s
      %s
              LaunchTemplate:
                LaunchTemplateSpecification:
                  LaunchTemplateId: !Ref FleetTemplate
                  Version: !GetAtt FleetTemplate.LatestVersionNumber
                Overrides:
                  - {InstanceType: c5.xlarge, WeightedCapacity: "%s"}
                  - {InstanceType: c5.2xlarge, WeightedCapacity: "4"}
      """;

  private static String template(String strategy, int percent, String spot, String firstWeight) {
    return TEMPLATE.formatted(strategy, percent, spot, firstWeight);
  }

  private static Stack importFleet(CloudTwin twin, String text) {
    return StackImport.of(Template.parse("fleet.yaml", text)).stackName("fleet").importInto(twin);
  }

  private static Stack importFleet(CloudTwin twin) {
    return importFleet(twin, template("prioritized", 100, "", "2"));
  }

  private static void buildFleet(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("fleet")
                .launchTemplate(Names.generate("fleet", "FleetTemplate", 128), "1")
                .minSize(0)
                .maxSize(40)
                .desiredCapacity(10)
                .availabilityZones(twin.config().zoneNames().toArray(String[]::new))
                .mixedInstancesPolicy(
                    MixedInstancesPolicy.prioritized(
                            LaunchTemplateOverride.weighted("c5.xlarge", 2),
                            LaunchTemplateOverride.weighted("c5.2xlarge", 4))
                        .withOnDemandBaseCapacity(2))
                .build());
  }

  /** c5.xlarge runs short in one zone, then the fleet doubles. */
  private static void story(CloudTwin twin) {
    twin.advance(ofMinutes(2));
    twin.ec2().setInsufficientCapacity("us-east-1a", "c5.xlarge", true);
    twin.autoScaling().setDesiredCapacity("fleet", 20, false);
    twin.advance(ofMinutes(5));
  }

  private static int units(AutoScalingGroup g) {
    return g.instances().stream().mapToInt(AutoScalingInstance::weightedCapacity).sum();
  }

  @Test
  void theImportedFleetBehavesExactlyLikeTheSamePolicyBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            MixedInstancesTest::importFleet,
            MixedInstancesTest::buildFleet,
            MixedInstancesTest::story);
    AutoScalingGroup fleet = twin.autoScaling().group("fleet");
    assertThat(units(fleet)).isBetween(20, 20 + 4 - 1);
    assertThat(fleet.instances())
        .filteredOn(
            i -> i.availabilityZone().equals("us-east-1a") && i.instanceType().equals("c5.2xlarge"))
        .isNotEmpty();
  }

  @Test
  void desiredCapacityIsCountedInWeightsOfThePrioritizedFirstOverride() {
    CloudTwin twin = Estates.twin();
    AutoScalingGroup fleet = importFleet(twin).autoScalingGroup("Fleet");
    assertThat(fleet.instances())
        .hasSize(5)
        .allSatisfy(
            i -> {
              assertThat(i.instanceType()).isEqualTo("c5.xlarge");
              assertThat(i.weightedCapacity()).isEqualTo(2);
            });
    assertThat(fleet.desiredCapacity()).isEqualTo(10);
    assertThat(fleet.spec().mixedInstancesPolicy().onDemandBaseCapacity()).isEqualTo(2);
  }

  @Test
  void spotSettingsAndLowestPriceAreModelledTheBaseAndPercentageSplitTheFleet() {
    CloudTwin twin = Estates.twin();
    Stack stack =
        importFleet(
            twin,
            template(
                "lowest-price",
                50,
                "          SpotAllocationStrategy: capacity-optimized\n          SpotMaxPrice: \"0.05\"",
                "2"));
    assertThat(stack.report().unmodelledProperties("Fleet")).isEmpty();
    AutoScalingGroup fleet = stack.autoScalingGroup("Fleet");
    MixedInstancesPolicy p = fleet.spec().mixedInstancesPolicy();
    assertThat(p.onDemandAllocationStrategy()).isEqualTo(OnDemandAllocationStrategy.LOWEST_PRICE);
    assertThat(p.spotAllocationStrategy()).isEqualTo(SpotAllocationStrategy.CAPACITY_OPTIMIZED);
    assertThat(p.spotMaxPrice()).isEqualTo(0.05);
    // base 2 + 50 % of the other 8 units: 6 On-Demand units, 4 Spot
    assertThat(fleet.capacityByPurchaseOption())
        .containsEntry(PurchaseOption.ON_DEMAND, 6)
        .containsEntry(PurchaseOption.SPOT, 4);
    assertThat(stack.report().entries(ImportReport.Kind.NOTE)).isEmpty();
  }

  @Test
  void capacityRebalanceAndMaxInstanceLifetimeAreImportedAndALifetimeUnderADayFailsOnItsPath() {
    String extra = "      CapacityRebalance: true\n      MaxInstanceLifetime: %s\n";
    String base =
        template("prioritized", 0, "", "2")
            .replace("      MixedInstancesPolicy:\n", extra + "      MixedInstancesPolicy:\n");
    assertThat(base).contains("CapacityRebalance");
    AutoScalingGroup fleet =
        importFleet(Estates.twin(), base.formatted("604800")).autoScalingGroup("Fleet");
    assertThat(fleet.spec().capacityRebalance()).isTrue();
    assertThat(fleet.spec().maxInstanceLifetime()).isEqualTo(java.time.Duration.ofDays(7));
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(() -> importFleet(twin, base.formatted("3600")))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.property()).isEqualTo("Properties.MaxInstanceLifetime");
              assertThat(e.getMessage()).contains("86,400");
            });
    assertThat(twin.autoScaling().groups()).isEmpty();
  }

  @Test
  void spotInstancePoolsWithAnotherStrategyFailsTheImportOnItsPath() {
    assertThatThrownBy(
            () ->
                importFleet(
                    Estates.twin(),
                    template(
                        "prioritized",
                        0,
                        "          SpotAllocationStrategy: capacity-optimized\n          SpotInstancePools: 3",
                        "2")))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.property())
                  .isEqualTo(
                      "Properties.MixedInstancesPolicy.InstancesDistribution.SpotInstancePools");
              assertThat(e.getMessage()).contains("valid only with lowest-price");
            });
  }

  @Test
  void aWeightOutsideOneTo999FailsTheImportOnItsOverride() {
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(() -> importFleet(twin, template("prioritized", 100, "", "0")))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Fleet");
              assertThat(e.property())
                  .isEqualTo(
                      "Properties.MixedInstancesPolicy.LaunchTemplate.Overrides[0].WeightedCapacity");
              assertThat(e.getMessage()).contains("between 1 and 999");
            });
    assertThat(twin.autoScaling().groups()).isEmpty();
  }

  @Test
  void anUnknownAllocationStrategyFailsTheImportListingAwsValues() {
    assertThatThrownBy(() -> importFleet(Estates.twin(), template("cheapest", 100, "", "2")))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.property())
                  .isEqualTo(
                      "Properties.MixedInstancesPolicy.InstancesDistribution.OnDemandAllocationStrategy");
              assertThat(e.getMessage()).contains("prioritized").contains("lowest-price");
            });
  }
}
