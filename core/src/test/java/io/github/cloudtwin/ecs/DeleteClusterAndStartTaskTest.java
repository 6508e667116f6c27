package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeleteCluster's refusals and INACTIVE state; StartTask on named container instances. */
class DeleteClusterAndStartTaskTest {

  @Test
  void startTaskRunsOneTaskOnEachNamedInstanceAndReportsTheOnesItDoesNotFit() {
    EcsFixture f = new EcsFixture();
    try (io.github.cloudtwin.CloudTwin twin = f.twin) {
      assertThat(twin.ecs()).isSameAs(f.ecs);
      List<ContainerInstance> cis = f.instances("t3.micro", "a", "b"); // 2048 CPU units, ~940 MiB
      f.taskDef("big", 512, 800);
      StartTaskResult first =
          f.ecs.startTask(
              f.cluster,
              "big",
              List.of(cis.get(0).containerInstanceId(), cis.get(1).instance().instanceId()),
              null);
      assertThat(first.tasks())
          .extracting(Task::ec2InstanceId)
          .containsExactly(cis.get(0).instance().instanceId(), cis.get(1).instance().instanceId());
      assertThat(first.tasks()).allMatch(t -> t.group().equals("family:big"));
      assertThat(first.failures()).isEmpty();

      StartTaskResult second =
          f.ecs.startTask(f.cluster, "big", List.of(cis.get(0).containerInstanceId()), "batch");
      assertThat(second.tasks()).isEmpty();
      assertThat(second.failures())
          .containsEntry(cis.get(0).containerInstanceArn(), "RESOURCE:MEMORY");

      f.advance(Duration.ofMinutes(1));
      assertThat(first.tasks()).allMatch(t -> t.lastStatus() == TaskStatus.RUNNING);
      assertThatThrownBy(() -> f.ecs.startTask(f.cluster, "big", List.of("nope"), null))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("containerInstance");
      assertThatThrownBy(() -> f.ecs.startTask(f.cluster, "big", List.of(), null))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("containerInstances");
    }
  }

  @Test
  void aClusterIsDeletedOnlyWithoutInstancesServicesAndTasksAndThenShowsInactive() {
    EcsFixture f = new EcsFixture();
    try (io.github.cloudtwin.CloudTwin twin = f.twin) {
      assertThat(twin.ecs()).isSameAs(f.ecs);
      List<ContainerInstance> cis = f.instances("m5.large", "a");
      f.taskDef("web", 256, 256);
      EcsService s =
          f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
      f.advance(Duration.ofMinutes(1));
      int events = f.twin.timeline().size();
      assertThatThrownBy(() -> f.ecs.deleteCluster(f.cluster))
          .hasMessageContaining("ClusterContainsContainerInstancesException");

      f.ecs.deleteService(f.cluster, "web", true);
      f.advance(Duration.ofMinutes(1));
      f.ecs.deregisterContainerInstance(f.cluster, cis.get(0).containerInstanceId(), true);
      f.ecs.registerTaskDefinition(
          TaskDefinitionSpec.builder("job")
              .cpu(256)
              .memory(512)
              .networkMode(NetworkMode.AWSVPC)
              .requiresCompatibilities(LaunchType.FARGATE)
              .container(ContainerDefinition.builder("app", "busybox").build())
              .build());
      Task job = f.ecs.runTask(f.cluster, "job", 1, LaunchType.FARGATE).tasks().get(0);
      assertThatThrownBy(() -> f.ecs.deleteCluster(f.cluster))
          .hasMessageContaining("ClusterContainsTasksException");
      f.ecs.stopTask(f.cluster, job.taskId(), null);
      f.advance(Duration.ofMinutes(2));
      assertThat(f.ecs.cluster(f.cluster).tasks()).isEmpty();
      assertThat(s.status()).isEqualTo("INACTIVE");

      Cluster deleted = f.ecs.deleteCluster(f.cluster);
      assertThat(deleted.status()).isEqualTo("INACTIVE");
      assertThat(f.ecs.clusters()).isEmpty();
      assertThat(f.ecs.findCluster(f.cluster)).contains(deleted);
      assertThatThrownBy(() -> f.ecs.cluster(f.cluster)).hasMessageContaining("Cluster not found");
      assertThat(f.twin.timeline().events().subList(events, f.twin.timeline().size()))
          .anyMatch(e -> e.resource().equals("cluster/prod") && e.kind().equals("delete"));
      assertThat(f.ecs.createCluster(f.cluster).status()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void aClusterWithAnActiveServiceIsClusterContainsServices() {
    EcsFixture f = new EcsFixture();
    try (io.github.cloudtwin.CloudTwin twin = f.twin) {
      assertThat(twin.ecs()).isSameAs(f.ecs);
      f.ecs.registerTaskDefinition(
          TaskDefinitionSpec.builder("api")
              .cpu(256)
              .memory(512)
              .networkMode(NetworkMode.AWSVPC)
              .requiresCompatibilities(LaunchType.FARGATE)
              .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
              .build());
      f.ecs.createService(
          ServiceSpec.builder(f.cluster, "api", "api")
              .launchType(LaunchType.FARGATE)
              .desiredCount(0)
              .build());
      assertThatThrownBy(() -> f.ecs.deleteCluster(f.cluster))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("ClusterContainsServicesException");
      assertThat(f.ecs.cluster(f.cluster).status()).isEqualTo("ACTIVE");
    }
  }
}
