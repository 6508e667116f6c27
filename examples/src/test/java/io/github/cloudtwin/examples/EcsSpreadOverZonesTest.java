package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Story 11, ECS tasks spread over zones. In production: all six tasks of the checkout service
 * ended up in one zone, and that zone's outage took checkout down. ECS's default placement for
 * a service ({@code spread(attribute:ecs.availability-zone)} then {@code spread(instanceId)})
 * puts them 2/2/2; when a zone fails, the group replaces the lost instances and the service
 * re-places the lost tasks in b and c.
 */
@CloudTwinTest
class EcsSpreadOverZonesTest {

  @CloudTwinSetup
  void clusterOnAnAutoScalingGroup(CloudTwin twin) {
    // tag::ecs-cluster[]
    twin.autoScaling().createAutoScalingGroup(AutoScalingGroupSpec.builder()
        .autoScalingGroupName("ecs-hosts").instanceType("m5.large")
        .minSize(3).maxSize(6).desiredCapacity(3)
        .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
        .build());
    Ecs ecs = twin.ecs();
    ecs.createCluster("prod");
    ecs.createCapacityProvider(CapacityProviderSpec.of("hosts", "ecs-hosts"));
    ecs.putClusterCapacityProviders("prod", List.of("hosts"), List.of(CapacityProviderStrategyItem.of("hosts", 1)));
    ecs.registerTaskDefinition(TaskDefinitionSpec.builder("checkout")
        .container(ContainerDefinition.builder("app", "checkout:1.4").cpu(256).memory(512).portMapping(8080).build())
        .build());
    // end::ecs-cluster[]
  }

  @Test
  void sixTasksSpreadTwoTwoTwoAndAZoneOutageMovesTheLostTasksToBAndC(CloudTwin twin) {
    twin.advance(ofMinutes(2));
    // tag::ecs-service[]
    EcsService checkout = twin.ecs().createService(
        ServiceSpec.builder("prod", "checkout", "checkout").desiredCount(6).build());
    twin.advance(ofMinutes(2));
    // end::ecs-service[]
    assertThat(checkout.runningCount()).isEqualTo(6);
    assertThat(tasksPerZone(checkout)).containsExactly(
        entry("us-east-1a", 2), entry("us-east-1b", 2), entry("us-east-1c", 2));

    twin.faults().failZone("us-east-1a");
    twin.advance(ofMinutes(15));

    assertThat(checkout.runningCount()).isEqualTo(6);
    assertThat(tasksPerZone(checkout)).containsOnlyKeys("us-east-1b", "us-east-1c")
        .containsEntry("us-east-1b", 3).containsEntry("us-east-1c", 3);
  }

  static Map<String, Integer> tasksPerZone(EcsService service) {
    Map<String, Integer> perZone = new TreeMap<>();
    for (Task t : service.tasks(TaskStatus.RUNNING)) {
      perZone.merge(t.availabilityZone(), 1, Integer::sum);
    }
    return perZone;
  }
}
