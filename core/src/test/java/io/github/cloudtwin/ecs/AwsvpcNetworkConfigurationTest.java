package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A service's awsvpc network configuration: its subnets' zones bound task placement; AssignPublicIp
 * validated.
 */
class AwsvpcNetworkConfigurationTest {

  private static void awsvpcTaskDef(EcsFixture f, LaunchType... compat) {
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .requiresCompatibilities(compat)
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
  }

  @Test
  void fargateTasksGoOnlyToTheZonesOfTheServicesSubnets() {
    EcsFixture f = new EcsFixture();
    awsvpcTaskDef(f, LaunchType.FARGATE);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .launchType(LaunchType.FARGATE)
                .desiredCount(4)
                .networkConfiguration(
                    AwsvpcConfiguration.zones("us-east-1a", "us-east-1b").withAssignPublicIp(true))
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(f.perZone(s)).isEqualTo(java.util.Map.of("us-east-1a", 2, "us-east-1b", 2));
    f.twin.faults().failZone("us-east-1b");
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(6).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(f.perZone(s))
        .containsOnlyKeys("us-east-1a", "us-east-1b")
        .containsEntry("us-east-1a", 4);
  }

  @Test
  void withTheSubnetsZoneDownAFargateServicePlacesNothingEvenIfOtherZonesAreUp() {
    EcsFixture f = new EcsFixture();
    awsvpcTaskDef(f, LaunchType.FARGATE);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .launchType(LaunchType.FARGATE)
                .desiredCount(0)
                .networkConfiguration(AwsvpcConfiguration.zones("us-east-1c"))
                .build());
    f.twin.faults().failZone("us-east-1c");
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.tasks()).isEmpty();
    assertThat(s.eventMessages())
        .anySatisfy(m -> assertThat(m).contains("was unable to place a task"));
  }

  @Test
  void ec2TasksGoOnlyToContainerInstancesInTheSubnetsZones() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.large", "a", "b", "c");
    awsvpcTaskDef(f, LaunchType.EC2);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(2)
                .networkConfiguration(AwsvpcConfiguration.zones("us-east-1c"))
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.runningCount()).isEqualTo(2);
    assertThat(f.perZone(s)).containsOnlyKeys("us-east-1c");
  }

  @Test
  void assignPublicIpIsOnlyForFargateAndNothingIsCreated() {
    EcsFixture f = new EcsFixture();
    awsvpcTaskDef(f, LaunchType.EC2);
    assertThatThrownBy(
            () ->
                f.ecs.createService(
                    ServiceSpec.builder(f.cluster, "web", "web")
                        .networkConfiguration(
                            AwsvpcConfiguration.zones("us-east-1a").withAssignPublicIp(true))
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field())
                  .isEqualTo("networkConfiguration.awsvpcConfiguration.assignPublicIp");
              assertThat(e.getMessage())
                  .contains("Assign public IP is not supported for this launch type.");
            });
    assertThat(f.ecs.cluster(f.cluster).services()).isEmpty();
  }

  @Test
  void aNetworkConfigurationNeedsAnAwsvpcTaskDefinitionAndTheTwinsZones() {
    EcsFixture f = new EcsFixture();
    f.taskDef("bridge", 128, 128);
    assertThatThrownBy(
            () ->
                f.ecs.createService(
                    ServiceSpec.builder(f.cluster, "web", "bridge")
                        .networkConfiguration(AwsvpcConfiguration.zones("us-east-1a"))
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "Network Configuration is not valid for the given networkMode of this task definition."));
    awsvpcTaskDef(f, LaunchType.FARGATE);
    assertThatThrownBy(
            () ->
                f.ecs.createService(
                    ServiceSpec.builder(f.cluster, "web", "web")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(AwsvpcConfiguration.zones("us-east-1z"))
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getMessage()).contains("us-east-1z"));
    assertThatThrownBy(() -> AwsvpcConfiguration.zones("us-east-1a", "us-east-1a"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("each zone at most once"));
    assertThatThrownBy(() -> AwsvpcConfiguration.zones())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("between 1 and 16 subnets"));
  }
}
