package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.SpotPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * An instance refresh to a desired {@code MixedInstancesPolicy} through the real {@code
 * AutoScalingClient}: StartInstanceRefresh takes it, DescribeInstanceRefreshes returns it, the
 * group's instances end on its types and split and DescribeAutoScalingGroups shows the policy
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DesiredConfiguration.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-refresh-overview.html).
 */
class MixedInstancesRefreshClientTest {

  private final CloudTwin twin = CloudTwin.create();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();
  private final Ec2Client ec2 = sdk.ec2();

  @AfterEach
  void close() {
    twin.close();
  }

  /** web-lt version 1 (t3.micro) and a group of {@code n} on it, InService. */
  private void group(int n) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName("web-lt")
                .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .minSize(0)
                .maxSize(2 * n + 2)
                .desiredCapacity(n)
                .launchTemplate(t -> t.launchTemplateName("web-lt").version("1"))
                .availabilityZones("us-east-1a", "us-east-1b"));
    twin.advance(Duration.ofMinutes(2));
    for (String z : List.of("us-east-1a", "us-east-1b")) {
      twin.ec2().putSpotPool(new SpotPool(z, "c5.large", 0.030, 50));
      twin.ec2().putSpotPool(new SpotPool(z, "m5.large", 0.035, 50));
    }
  }

  private List<AutoScalingInstanceDetails> instances() {
    return autoScaling.describeAutoScalingInstances().autoScalingInstances().stream()
        .filter(i -> i.autoScalingGroupName().equals("web"))
        .toList();
  }

  private InstanceRefresh refresh(String id) {
    return autoScaling
        .describeInstanceRefreshes(r -> r.autoScalingGroupName("web").instanceRefreshIds(id))
        .instanceRefreshes()
        .get(0);
  }

  private String startMixed(int onDemandPercent, String... weights) {
    return autoScaling
        .startInstanceRefresh(
            r ->
                r.autoScalingGroupName("web")
                    .desiredConfiguration(
                        d ->
                            d.mixedInstancesPolicy(
                                m ->
                                    m.launchTemplate(
                                            lt ->
                                                lt.launchTemplateSpecification(
                                                        s ->
                                                            s.launchTemplateName("web-lt")
                                                                .version("1"))
                                                    .overrides(
                                                        o ->
                                                            o.instanceType("c5.large")
                                                                .weightedCapacity(
                                                                    weights.length > 0
                                                                        ? weights[0]
                                                                        : null),
                                                        o ->
                                                            o.instanceType("m5.large")
                                                                .weightedCapacity(
                                                                    weights.length > 1
                                                                        ? weights[1]
                                                                        : null)))
                                        .instancesDistribution(
                                            x ->
                                                x.onDemandPercentageAboveBaseCapacity(
                                                        onDemandPercent)
                                                    .spotAllocationStrategy("capacity-optimized"))))
                    .preferences(p -> p.minHealthyPercentage(50).skipMatching(true)))
        .instanceRefreshId();
  }

  // "If you specify a desired configuration, you must specify either a LaunchTemplate or a
  // MixedInstancesPolicy" (DesiredConfiguration); "Once the instance refresh succeeds, Amazon EC2
  // Auto Scaling updates the settings of the Auto Scaling group to reflect the new desired
  // configuration" (StartInstanceRefresh)
  @Test
  void aRefreshToAMixedInstancesPolicyEndsOnItsTypesAndSplitAndTheGroupShowsIt() {
    group(4);
    String id = startMixed(50);

    DesiredConfiguration asked = refresh(id).desiredConfiguration();
    assertThat(asked.launchTemplate()).isNull();
    assertThat(asked.mixedInstancesPolicy().launchTemplate().overrides())
        .extracting(LaunchTemplateOverrides::instanceType)
        .containsExactly("c5.large", "m5.large");
    assertThat(
            asked
                .mixedInstancesPolicy()
                .launchTemplate()
                .launchTemplateSpecification()
                .launchTemplateName())
        .isEqualTo("web-lt");
    assertThat(asked.mixedInstancesPolicy().instancesDistribution().spotAllocationStrategy())
        .isEqualTo("capacity-optimized");
    for (int i = 0; i < 120 && refresh(id).status() != InstanceRefreshStatus.SUCCESSFUL; i++) {
      twin.advance(Duration.ofMinutes(1));
    }
    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);

    List<AutoScalingInstanceDetails> after = instances();
    assertThat(after)
        .hasSize(4)
        .allSatisfy(i -> assertThat(i.instanceType()).isIn("c5.large", "m5.large"));
    Map<String, Long> byOption =
        twin.autoScaling().group("web").instances().stream()
            .collect(Collectors.groupingBy(i -> i.purchaseOption().name(), Collectors.counting()));
    assertThat(byOption).containsEntry("ON_DEMAND", 2L).containsEntry("SPOT", 2L);
    AutoScalingGroup g =
        autoScaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
            .autoScalingGroups()
            .get(0);
    assertThat(g.launchTemplate()).isNull();
    assertThat(g.mixedInstancesPolicy().launchTemplate().overrides())
        .extracting(LaunchTemplateOverrides::instanceType)
        .containsExactly("c5.large", "m5.large");
    assertThat(
            g.mixedInstancesPolicy().instancesDistribution().onDemandPercentageAboveBaseCapacity())
        .isEqualTo(50);
  }

  @Test
  void badDesiredPoliciesAreRefusedNamingTheRequestPathAndNothingStarts() {
    group(2); // MaxSize 6
    assertThatThrownBy(() -> startMixed(50, "7", "9"))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining(
            "DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.Overrides[0].WeightedCapacity")
        .hasMessageContaining("MaxSize 6");
    assertThatThrownBy(() -> startMixed(101))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining(
            "DesiredConfiguration.MixedInstancesPolicy.InstancesDistribution"
                + ".OnDemandPercentageAboveBaseCapacity");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .desiredConfiguration(
                                d ->
                                    d.launchTemplate(
                                            t -> t.launchTemplateName("web-lt").version("1"))
                                        .mixedInstancesPolicy(
                                            m ->
                                                m.launchTemplate(
                                                    lt ->
                                                        lt.overrides(
                                                            o -> o.instanceType("c5.large")))))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("either a LaunchTemplate or a MixedInstancesPolicy, not both");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .desiredConfiguration(
                                d ->
                                    d.mixedInstancesPolicy(
                                        m ->
                                            m.launchTemplate(
                                                lt ->
                                                    lt.overrides(
                                                        o -> o.instanceType("z9.mega")))))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining(
            "DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.Overrides[0].InstanceType")
        .hasMessageContaining("z9.mega");
    assertThat(
            autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("web"))
                .instanceRefreshes())
        .isEmpty();
  }
}
