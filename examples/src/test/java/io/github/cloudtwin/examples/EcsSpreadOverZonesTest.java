package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.await.CloudTwinAwait.await;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.EcsCluster;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Story 11, ECS tasks spread over zones. {@code @EcsCluster} builds the cluster "prod" on the Auto
 * Scaling group "prod-asg" (three m5.large, one per zone) through a capacity provider. In
 * production: all six tasks of the checkout service ended up in one zone, and that zone's outage
 * took checkout down. ECS's default placement for a service ({@code
 * spread(attribute:ecs.availability-zone)} then {@code spread(instanceId)}) puts them 2/2/2; when a
 * zone fails, the group replaces the lost instances and the service re-places the lost tasks in b
 * and c.
 */
// tag::ecs-cluster[]
@EcsCluster(
    clusterName = "prod",
    instanceType = "m5.large",
    minSize = 3,
    maxSize = 6,
    desiredCapacity = 3)
class EcsSpreadOverZonesTest {

  @CloudTwinSetup
  void checkout(CloudTwin twin) {
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("checkout")
                .container(
                    ContainerDefinition.builder("app", "checkout:1.4")
                        .cpu(256)
                        .memory(512)
                        .portMapping(8080)
                        .build())
                .build());
  }

  // end::ecs-cluster[]

  @Test
  void sixTasksSpreadTwoTwoTwoAndAZoneOutageMovesTheLostTasksToBAndC(CloudTwin twin) {
    twin.advance(ofMinutes(2));
    // tag::ecs-service[]
    EcsService checkout =
        twin.ecs()
            .createService(
                ServiceSpec.builder("prod", "checkout", "checkout").desiredCount(6).build());
    twin.advance(ofMinutes(2));
    // end::ecs-service[]
    assertThat(checkout)
        .hasRunningTaskCount(6)
        .isSpreadAcrossZones("us-east-1a", "us-east-1b", "us-east-1c");
    assertThat(tasksPerZone(checkout))
        .containsExactly(entry("us-east-1a", 2), entry("us-east-1b", 2), entry("us-east-1c", 2));

    twin.faults().failZone("us-east-1a");

    // tag::await[]
    Duration took = twin.elapsed();
    await(twin)
        .alias("tasks re-placed in b and c")
        .atMost(ofMinutes(15)) // virtual minutes: the test takes milliseconds
        .untilAsserted(
            () ->
                assertThat(tasksPerZone(checkout))
                    .containsExactly(entry("us-east-1b", 3), entry("us-east-1c", 3)));
    took = twin.elapsed().minus(took);
    // end::await[]
    // the impaired status checks are tolerated 3 minutes, then the group replaces the hosts in a
    assertThat(took).isBetween(ofMinutes(3), ofMinutes(10));
    assertThat(checkout).hasRunningTaskCount(6).isSpreadAcrossZones("us-east-1b", "us-east-1c");
  }

  static Map<String, Integer> tasksPerZone(EcsService service) {
    Map<String, Integer> perZone = new TreeMap<>();
    for (Task t : service.tasks(TaskStatus.RUNNING)) {
      perZone.merge(t.availabilityZone(), 1, Integer::sum);
    }
    return perZone;
  }
}
