package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.ManagedScaling;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An {@code AWS::ECS::CapacityProvider}'s {@code AutoScalingGroupProvider.ManagedScaling} is
 * imported value by value, and an out-of-range value fails the import on its property.
 */
class EcsManagedScalingImportTest {

  private static final String TEMPLATE =
      """
      Resources:
        HostTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData: {InstanceType: m5.large}
        HostGroup:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            AutoScalingGroupName: ecs-hosts
            LaunchTemplate:
              LaunchTemplateId: !Ref HostTemplate
              Version: !GetAtt HostTemplate.LatestVersionNumber
            MinSize: 0
            MaxSize: 10
            AvailabilityZones: [us-east-1a, us-east-1b]
        Provider:
          Type: AWS::ECS::CapacityProvider
          Properties:
            Name: hosts
            AutoScalingGroupProvider:
              AutoScalingGroupArn: !Ref HostGroup
              ManagedScaling:
                Status: ENABLED
                TargetCapacity: %s
                MinimumScalingStepSize: 2
                MaximumScalingStepSize: 5
                InstanceWarmupPeriod: 120
      """;

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(3).build();

  @AfterEach
  void close() {
    twin.close();
  }

  private Stack importWith(String targetCapacity) {
    return StackImport.of(Template.parse("hosts.yaml", TEMPLATE.formatted(targetCapacity)))
        .stackName("hosts")
        .importInto(twin);
  }

  @Test
  void everyManagedScalingValueOfTheTemplateIsTheProvidersOwn() {
    importWith("80");

    ManagedScaling m = twin.ecs().capacityProvider("hosts").spec().managedScaling();
    assertThat(m.enabled()).isTrue();
    assertThat(m.targetCapacity()).isEqualTo(80);
    assertThat(m.minimumScalingStepSize()).isEqualTo(2);
    assertThat(m.maximumScalingStepSize()).isEqualTo(5);
    assertThat(m.instanceWarmupPeriod()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void aTargetCapacityOutOfRangeFailsTheImportOnItsProperty() {
    assertThatThrownBy(() -> importWith("0"))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Provider");
              assertThat(e.property())
                  .isEqualTo("Properties.AutoScalingGroupProvider.ManagedScaling.TargetCapacity");
              assertThat(e.value()).isEqualTo("0");
            });
    assertThat(twin.autoScaling().groups()).isEmpty();
  }
}
