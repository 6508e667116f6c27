package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.InProcessTaskRuntime;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Installing the container runtime on a twin whose tasks already run in-process. */
@EnabledIfDocker
class InstallLaterTest {

  @Test
  void tasksStartedBeforeTheInstallStayInProcessAndLaterTasksRunAsContainers() {
    TestImage.requirePresent();
    ContainerTaskRuntime containers;
    try (CloudTwin twin = CloudTwin.builder().seed(5).build()) {
      Ecs ecs = twin.ecs();
      assertThat(ecs.taskRuntime()).isInstanceOf(InProcessTaskRuntime.class);
      ecs.createCluster("c");
      Instance i =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.large")
                      .availabilityZone("us-east-1a")
                      .build());
      twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
      ecs.registerContainerInstance("c", i.instanceId());
      ecs.registerTaskDefinition(
          TaskDefinitionSpec.builder("old")
              .cpu(128)
              .memory(128)
              .container(ContainerDefinition.builder("app", "an-image-no-engine-has:1").build())
              .build());
      ecs.registerTaskDefinition(
          TaskDefinitionSpec.builder("new")
              .cpu(128)
              .memory(128)
              .container(
                  ContainerDefinition.builder("app", TestImage.NAME).portMapping(8080).build())
              .build());
      Task old = ecs.runTask("c", "old", 1, LaunchType.EC2).tasks().get(0);
      twin.advance(Duration.ofSeconds(11));
      assertThat(old.lastStatus()).isEqualTo(TaskStatus.RUNNING);

      containers = ContainerTaskRuntime.install(twin);
      assertThat(ContainerTaskRuntime.of(twin)).isSameAs(containers);
      Task fresh = ecs.runTask("c", "new", 1, LaunchType.EC2).tasks().get(0);
      twin.advance(Duration.ofSeconds(11));

      assertThat(fresh.lastStatus()).isEqualTo(TaskStatus.RUNNING);
      assertThat(containers.containerId(fresh, "app")).isNotNull();
      assertThat(containers.containerId(old, "app"))
          .as("the in-process task has no container")
          .isNull();
      assertThat(containers.containersOnEngine())
          .containsExactly(containers.containerId(fresh, "app"));
      ecs.stopTask("c", old.taskId(), "done");
      twin.advance(Duration.ofSeconds(1));
      assertThat(old.lastStatus()).isEqualTo(TaskStatus.STOPPED);
      assertThat(fresh.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    }
    assertThat(containers.containersOnEngine()).isEmpty();
  }
}
