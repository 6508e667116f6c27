package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which task a service stops when its desired count falls, as AWS documents it ("Update Amazon ECS
 * service parameters", developerguide/update-service-parameters.html): "When the service scheduler
 * stops running tasks, it attempts to maintain balance across the Availability Zones": it sorts the
 * container instances by the largest number of running tasks for the service in the same zone and
 * stops a task on an instance in the zone with the most.
 */
class ServiceScaleInRulesTest {

  @Test
  void scaleInStopsATaskInTheZoneWithTheMostTasksNotTheNewestTask() {
    EcsFixture f = new EcsFixture(25);
    f.instances("m5.large", "a", "b");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(3).build());
    f.advance(Duration.ofMinutes(1));
    assertThat(f.perZone(s)).containsEntry("us-east-1a", 2).containsEntry("us-east-1b", 1);

    f.instances("m5.large", "c");
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(4).build());
    f.advance(Duration.ofMinutes(1));
    Task newest = s.tasks().stream().max(Comparator.comparing(Task::createdAt)).orElseThrow();
    assertThat(newest.availabilityZone()).isEqualTo("us-east-1c");
    assertThat(f.perZone(s))
        .containsEntry("us-east-1a", 2)
        .containsEntry("us-east-1b", 1)
        .containsEntry("us-east-1c", 1);

    List<Task> before = s.tasks();
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(3).build());
    f.advance(Duration.ofMinutes(1));
    List<Task> stopped =
        before.stream().filter(t -> t.desiredStatus() == TaskStatus.STOPPED).toList();
    assertThat(stopped)
        .singleElement()
        .satisfies(t -> assertThat(t.availabilityZone()).isEqualTo("us-east-1a"));
    assertThat(newest.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    assertThat(f.perZone(s)).containsValues(1, 1, 1);
  }
}
