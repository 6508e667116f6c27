package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two "unable to place a task" reasons of docs/fidelity.md ("ECS service events") that had no
 * test: a cluster without container instances (recorded in real accounts) and a Fargate service
 * with every zone down (the twin's own words), each exactly as the service's event says it.
 */
class PlacementFailureWordsTest {

  private static final String UNABLE =
      "(service web) was unable to place a task because no container instance met all of"
          + " its requirements. ";
  private static final String MORE =
      " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

  private static List<String> messages(EcsService s) {
    return s.events().stream().map(ServiceEvent::message).toList();
  }

  @Test
  void anEc2ServiceInAClusterWithoutContainerInstancesSaysNoneWereFound() {
    EcsFixture f = new EcsFixture();
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.tasks()).isEmpty();
    assertThat(messages(s))
        .contains(UNABLE + "Reason: No Container Instances were found in your cluster." + MORE);
  }

  @Test
  void aFargateServiceWithEveryZoneDownSaysNoZoneOfItsSubnetsIsAvailable() {
    EcsFixture f = new EcsFixture();
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .requiresCompatibilities(LaunchType.FARGATE)
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").build())
            .build());
    for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c"))
      f.twin.faults().failZone(zone);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .launchType(LaunchType.FARGATE)
                .desiredCount(1)
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.tasks()).isEmpty();
    assertThat(messages(s))
        .contains(
            UNABLE + "Reason: No Availability Zone of the service's subnets is available." + MORE);
  }
}
