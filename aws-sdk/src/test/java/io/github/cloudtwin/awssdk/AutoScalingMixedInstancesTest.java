package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.PurchaseOption;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;

/**
 * CreateAutoScalingGroup and UpdateAutoScalingGroup with MixedInstancesPolicy, CapacityRebalance
 * and MaxInstanceLifetime.
 */
class AutoScalingMixedInstancesTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(7).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  private static Consumer<MixedInstancesPolicy.Builder> policy(int percent, String weight) {
    return m ->
        m.launchTemplate(
                lt ->
                    lt.launchTemplateSpecification(
                            s -> s.launchTemplateName("web-lt").version("$Latest"))
                        .overrides(
                            o -> o.instanceType("c5.large").weightedCapacity(weight),
                            o -> o.instanceType("m5.large").weightedCapacity(weight)))
            .instancesDistribution(
                d ->
                    d.onDemandBaseCapacity(1)
                        .onDemandPercentageAboveBaseCapacity(percent)
                        .spotAllocationStrategy("price-capacity-optimized"));
  }

  private void create(Consumer<CreateAutoScalingGroupRequest.Builder> extra) {
    if (sdk.launchTemplates().all().isEmpty()) sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r -> {
          r.autoScalingGroupName("web")
              .minSize(0)
              .maxSize(10)
              .desiredCapacity(5)
              .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c");
          extra.accept(r);
        });
  }

  private AutoScalingGroup describe() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
        .autoScalingGroups()
        .get(0);
  }

  @Test
  void aMixedGroupIsCreatedSplitsItsCapacityAndIsDescribedWithItsPolicy() {
    create(
        r ->
            r.mixedInstancesPolicy(policy(25, null))
                .capacityRebalance(true)
                .maxInstanceLifetime(604_800));
    var g = twin.autoScaling().group("web");
    assertThat(g.capacityByPurchaseOption())
        .containsEntry(PurchaseOption.ON_DEMAND, 2)
        .containsEntry(PurchaseOption.SPOT, 3);

    AutoScalingGroup d = describe();
    assertThat(d.launchTemplate()).isNull();
    assertThat(d.capacityRebalance()).isTrue();
    assertThat(d.maxInstanceLifetime()).isEqualTo(604_800);
    assertThat(
            d.mixedInstancesPolicy()
                .launchTemplate()
                .launchTemplateSpecification()
                .launchTemplateName())
        .isEqualTo("web-lt");
    assertThat(d.mixedInstancesPolicy().launchTemplate().overrides())
        .extracting(o -> o.instanceType())
        .containsExactly("c5.large", "m5.large");
    var dist = d.mixedInstancesPolicy().instancesDistribution();
    assertThat(dist.onDemandAllocationStrategy()).isEqualTo("prioritized");
    assertThat(dist.onDemandBaseCapacity()).isEqualTo(1);
    assertThat(dist.onDemandPercentageAboveBaseCapacity()).isEqualTo(25);
    assertThat(dist.spotAllocationStrategy()).isEqualTo("price-capacity-optimized");
    assertThat(dist.spotInstancePools()).isNull();
    assertThat(d.instances())
        .hasSize(5)
        .extracting(i -> i.instanceType())
        .isSubsetOf("c5.large", "m5.large");
  }

  @Test
  void aGroupWithoutThemDescribesCapacityRebalanceFalseAndNoLifetime() {
    create(r -> r.launchTemplate(lt -> lt.launchTemplateName("web-lt")));
    AutoScalingGroup d = describe();
    assertThat(d.capacityRebalance()).isFalse();
    assertThat(d.maxInstanceLifetime()).isNull();
    assertThat(d.mixedInstancesPolicy()).isNull();
    assertThat(d.launchTemplate().launchTemplateName()).isEqualTo("web-lt");
  }

  @Test
  void updateChangesThePolicyCapacityRebalanceAndLifetimeAndKeepsWhatItDoesNotName() {
    create(r -> r.mixedInstancesPolicy(policy(100, null)));
    autoScaling.updateAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .capacityRebalance(true)
                .maxInstanceLifetime(86_400)
                .mixedInstancesPolicy(
                    m -> m.instancesDistribution(d -> d.onDemandPercentageAboveBaseCapacity(0)))
                .desiredCapacity(8));
    AutoScalingGroup d = describe();
    assertThat(d.capacityRebalance()).isTrue();
    assertThat(d.maxInstanceLifetime()).isEqualTo(86_400);
    assertThat(d.mixedInstancesPolicy().launchTemplate().overrides()).hasSize(2);
    assertThat(d.mixedInstancesPolicy().instancesDistribution().onDemandBaseCapacity())
        .isEqualTo(1);
    assertThat(d.mixedInstancesPolicy().instancesDistribution().spotAllocationStrategy())
        .isEqualTo("price-capacity-optimized");
    // the five On-Demand instances stay; the three added are Spot
    assertThat(twin.autoScaling().group("web").capacityByPurchaseOption())
        .containsEntry(PurchaseOption.SPOT, 3);
    autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web").maxInstanceLifetime(0));
    assertThat(describe().maxInstanceLifetime()).isNull();
    twin.advance(Duration.ofMinutes(1));
  }

  @Test
  void badInputIsAValidationErrorNamingTheFieldAndNothingIsApplied() {
    create(r -> r.mixedInstancesPolicy(policy(100, null)));
    rejected(r -> r.maxInstanceLifetime(3_600), "MaxInstanceLifetime", "86,400");
    rejected(
        r ->
            r.mixedInstancesPolicy(
                m -> m.instancesDistribution(d -> d.onDemandPercentageAboveBaseCapacity(101))),
        "MixedInstancesPolicy.InstancesDistribution.OnDemandPercentageAboveBaseCapacity",
        "between 0 and 100");
    rejected(
        r ->
            r.mixedInstancesPolicy(
                m -> m.instancesDistribution(d -> d.spotAllocationStrategy("cheapest"))),
        "MixedInstancesPolicy.InstancesDistribution.SpotAllocationStrategy",
        "price-capacity-optimized");
    rejected(
        r ->
            r.mixedInstancesPolicy(
                m ->
                    m.instancesDistribution(
                        d -> d.spotInstancePools(3).spotAllocationStrategy("capacity-optimized"))),
        "SpotInstancePools",
        "valid only with lowest-price");
    rejected(
        r ->
            r.mixedInstancesPolicy(
                m -> m.launchTemplate(lt -> lt.overrides(o -> o.instanceType("c5.huge")))),
        "MixedInstancesPolicy.LaunchTemplate.Overrides[0].InstanceType",
        "catalogue");
    rejected(
        r ->
            r.mixedInstancesPolicy(
                m ->
                    m.launchTemplate(
                        lt -> lt.overrides(o -> o.instanceType("c5.large").weightedCapacity("0")))),
        "Overrides[0].WeightedCapacity",
        "between 1 and 999");
    String[] many =
        io.github.cloudtwin.ec2.InstanceType.catalogue().stream()
            .limit(41)
            .map(t -> t.name())
            .toArray(String[]::new);
    rejected(
        r ->
            r.mixedInstancesPolicy(
                m ->
                    m.launchTemplate(
                        lt ->
                            lt.overrides(
                                java.util.Arrays.stream(many)
                                    .map(
                                        t ->
                                            software.amazon.awssdk.services.autoscaling.model
                                                .LaunchTemplateOverrides.builder()
                                                .instanceType(t)
                                                .build())
                                    .toList()))),
        "Overrides",
        "between 1 and 40");
    // a valid lifetime with a bad percentage: neither is applied
    rejected(
        r ->
            r.maxInstanceLifetime(86_400)
                .desiredCapacity(3)
                .mixedInstancesPolicy(
                    m -> m.instancesDistribution(d -> d.onDemandPercentageAboveBaseCapacity(-1))),
        "OnDemandPercentageAboveBaseCapacity",
        "between 0 and 100");
    AutoScalingGroup d = describe();
    assertThat(d.maxInstanceLifetime()).isNull();
    assertThat(d.desiredCapacity()).isEqualTo(5);
    assertThat(
            d.mixedInstancesPolicy().instancesDistribution().onDemandPercentageAboveBaseCapacity())
        .isEqualTo(100);
  }

  @Test
  void createRefusesBothLaunchTemplateAndMixedInstancesPolicyWithAwsWords() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    assertThatThrownBy(
            () ->
                autoScaling.createAutoScalingGroup(
                    r ->
                        r.autoScalingGroupName("web")
                            .minSize(0)
                            .maxSize(2)
                            .availabilityZones("us-east-1a")
                            .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                            .mixedInstancesPolicy(policy(100, null))))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or"
                            + " MixedInstancesPolicy parameter."));
    assertThat(twin.autoScaling().groups()).isEmpty();
  }

  private void rejected(
      Consumer<
              software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest
                  .Builder>
          update,
      String field,
      String allowed) {
    int before = twin.timeline().size();
    assertThatThrownBy(
            () ->
                autoScaling.updateAutoScalingGroup(
                    r -> {
                      r.autoScalingGroupName("web");
                      update.accept(r);
                    }))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.awsErrorDetails().errorMessage()).contains(field).contains(allowed);
            });
    assertThat(twin.timeline().size()).isEqualTo(before);
  }
}
