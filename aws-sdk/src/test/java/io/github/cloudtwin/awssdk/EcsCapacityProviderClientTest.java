package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStatus;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;

/**
 * Conformance of {@code EcsClient}'s UpdateCapacityProvider and DeleteCapacityProvider: managed
 * scaling changes reach the policy and alarms ECS keeps on the group; bad input and a provider in
 * use are refused and change nothing.
 */
class EcsCapacityProviderClientTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(5).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final EcsClient ecs = sdk.ecs();

  @BeforeEach
  void estate() {
    sdk.ec2()
        .createLaunchTemplate(
            r ->
                r.launchTemplateName("ecs-lt")
                    .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
    sdk.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName("ecs-asg")
                    .launchTemplate(l -> l.launchTemplateName("ecs-lt"))
                    .minSize(0)
                    .maxSize(10)
                    .desiredCapacity(0)
                    .availabilityZones("us-east-1a", "us-east-1b"));
    ecs.createCapacityProvider(
        r ->
            r.name("cp")
                .autoScalingGroupProvider(
                    p ->
                        p.autoScalingGroupArn("ecs-asg")
                            .managedScaling(
                                m ->
                                    m.status(ManagedScalingStatus.ENABLED)
                                        .targetCapacity(100)
                                        .maximumScalingStepSize(4))));
    ecs.createCluster(r -> r.clusterName("prod"));
    ecs.putClusterCapacityProviders(
        r ->
            r.cluster("prod")
                .capacityProviders("cp")
                .defaultCapacityProviderStrategy(s -> s.capacityProvider("cp").weight(1)));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private CapacityProvider described() {
    return ecs.describeCapacityProviders(r -> r.capacityProviders("cp")).capacityProviders().get(0);
  }

  private double managedAlarmThreshold() {
    List<String> alarms = twin.ecs().capacityProvider("cp").managedScalingAlarmNames();
    assertThat(alarms).isNotEmpty();
    return sdk.cloudWatch()
        .describeAlarms(r -> r.alarmNames(alarms.get(0)))
        .metricAlarms()
        .get(0)
        .threshold();
  }

  @Test
  void updateCapacityProviderChangesTheTargetAndKeepsWhatItDoesNotGive() {
    assertThat(managedAlarmThreshold()).isEqualTo(100.0);

    CapacityProvider updated =
        ecs.updateCapacityProvider(
                r ->
                    r.name("cp")
                        .autoScalingGroupProvider(p -> p.managedScaling(m -> m.targetCapacity(80))))
            .capacityProvider();

    assertThat(updated.updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
    assertThat(updated.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(80);
    var now = described().autoScalingGroupProvider().managedScaling();
    assertThat(now.targetCapacity()).isEqualTo(80);
    assertThat(now.maximumScalingStepSize()).isEqualTo(4);
    assertThat(now.statusAsString()).isEqualTo("ENABLED");
    assertThat(managedAlarmThreshold()).isEqualTo(80.0);
  }

  @Test
  void turningManagedScalingOffDeletesThePolicyOnTheGroup() {
    assertThat(
            sdk.autoScaling()
                .describePolicies(r -> r.autoScalingGroupName("ecs-asg"))
                .scalingPolicies())
        .hasSize(1);

    ecs.updateCapacityProvider(
        r ->
            r.name("cp")
                .autoScalingGroupProvider(
                    p -> p.managedScaling(m -> m.status(ManagedScalingStatus.DISABLED))));

    assertThat(described().autoScalingGroupProvider().managedScaling().statusAsString())
        .isEqualTo("DISABLED");
    assertThat(
            sdk.autoScaling()
                .describePolicies(r -> r.autoScalingGroupName("ecs-asg"))
                .scalingPolicies())
        .isEmpty();
    assertThat(twin.ecs().capacityProvider("cp").managedScalingPolicyName()).isEmpty();
  }

  @Test
  void badUpdatesAreRefusedAndChangeNothing() {
    assertThatThrownBy(
            () ->
                ecs.updateCapacityProvider(
                    r ->
                        r.name("cp")
                            .autoScalingGroupProvider(
                                p -> p.managedScaling(m -> m.targetCapacity(0)))))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.getMessage()).contains("targetCapacity").contains("0");
            });
    assertThatThrownBy(
            () ->
                ecs.updateCapacityProvider(
                    r ->
                        r.name("cp")
                            .autoScalingGroupProvider(p -> p.managedScaling(m -> m.status("ON")))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("managedScaling.status must be ENABLED or DISABLED, not ON");
    assertThatThrownBy(() -> ecs.updateCapacityProvider(r -> r.name("cp")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("autoScalingGroupProvider");
    assertThatThrownBy(
            () ->
                ecs.updateCapacityProvider(
                    r ->
                        r.name("nope")
                            .autoScalingGroupProvider(
                                p -> p.managedScaling(m -> m.targetCapacity(50)))))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(
            () ->
                ecs.updateCapacityProvider(
                    r ->
                        r.name("cp")
                            .autoScalingGroupProvider(
                                p -> p.managedTerminationProtection("ENABLED"))))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("managedTerminationProtection");

    assertThat(described().autoScalingGroupProvider().managedScaling().targetCapacity())
        .isEqualTo(100);
    assertThat(described().autoScalingGroupProvider().managedScaling().statusAsString())
        .isEqualTo("ENABLED");
    assertThat(managedAlarmThreshold()).isEqualTo(100.0);
  }

  @Test
  void aProviderInUseIsNotDeletedAndAFreeOneIs() {
    assertThatThrownBy(() -> ecs.deleteCapacityProvider(r -> r.capacityProvider("cp")))
        .isInstanceOfSatisfying(
            ClientException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "The capacity provider cannot be deleted because it is associated with"
                            + " cluster: prod"));
    assertThat(described().statusAsString()).isEqualTo("ACTIVE");

    ecs.putClusterCapacityProviders(
        r ->
            r.cluster("prod")
                .capacityProviders(List.of())
                .defaultCapacityProviderStrategy(List.of()));
    String arn = described().capacityProviderArn();
    CapacityProvider deleted =
        ecs.deleteCapacityProvider(r -> r.capacityProvider(arn)).capacityProvider();

    assertThat(deleted.name()).isEqualTo("cp");
    assertThat(deleted.status()).isEqualTo(CapacityProviderStatus.INACTIVE);
    assertThat(deleted.updateStatusAsString()).isEqualTo("DELETE_COMPLETE");
    var after = ecs.describeCapacityProviders(r -> r.capacityProviders("cp"));
    assertThat(after.capacityProviders()).isEmpty();
    assertThat(after.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    assertThat(
            sdk.autoScaling()
                .describePolicies(r -> r.autoScalingGroupName("ecs-asg"))
                .scalingPolicies())
        .isEmpty();
    assertThatThrownBy(() -> ecs.deleteCapacityProvider(r -> r.capacityProvider("cp")))
        .isInstanceOf(ClientException.class);
  }
}
