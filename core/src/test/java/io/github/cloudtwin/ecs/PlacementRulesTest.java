package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placement rules at their edges, each from AWS's documentation: a task fits an instance whose
 * remaining CPU or memory is exactly what it reserves; awsvpc tasks do not compete for host ports;
 * {@code host} spreads as {@code instanceId} does; stopped tasks stay listed for an hour.
 */
class PlacementRulesTest {

  private static TaskDefinition bridgeTask(EcsFixture f, String family, int cpu, int memory) {
    return f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder(family)
            .container(ContainerDefinition.builder("app", "nginx").cpu(cpu).memory(memory).build())
            .build());
  }

  @Test
  void aTaskReservingExactlyTheRemainingCpuFitsAndTheNextOneFailsOnCpu() {
    // "Use strategies to define Amazon ECS task placement" (task-placement-strategies.html):
    // binpack
    // places a task "on the instance with the least amount of remaining memory but still enough to
    // run the task" -- exactly enough is enough. RunTask failures name RESOURCE:CPU ("API failure
    // reasons", api_failures_messages.html).
    EcsFixture f = new EcsFixture();
    ContainerInstance ci = f.instances("t3.medium", "a").get(0);
    bridgeTask(f, "all-cpu", ci.registeredCpu(), 128);

    RunTaskResult first = f.ecs.runTask(f.cluster, "all-cpu", 1, LaunchType.EC2);
    assertThat(first.tasks()).hasSize(1);
    assertThat(first.failures()).isEmpty();
    assertThat(ci.remainingCpu()).isZero();

    RunTaskResult second = f.ecs.runTask(f.cluster, "all-cpu", 1, LaunchType.EC2);
    assertThat(second.tasks()).isEmpty();
    assertThat(second.failures()).singleElement().asString().contains("RESOURCE:CPU");
  }

  @Test
  void aTaskReservingExactlyTheRemainingMemoryFitsAndTheNextOneFailsOnMemory() {
    // same pages: the memory a task reserves must be available; all of it may be used
    EcsFixture f = new EcsFixture();
    ContainerInstance ci = f.instances("t3.medium", "a").get(0);
    bridgeTask(f, "all-memory", 256, ci.registeredMemory());

    assertThat(f.ecs.runTask(f.cluster, "all-memory", 1, LaunchType.EC2).tasks()).hasSize(1);
    assertThat(ci.remainingMemory()).isZero();
    RunTaskResult second = f.ecs.runTask(f.cluster, "all-memory", 1, LaunchType.EC2);
    assertThat(second.tasks()).isEmpty();
    assertThat(second.failures()).singleElement().asString().contains("RESOURCE:MEMORY");
  }

  @Test
  void awsvpcTasksWithTheSameContainerPortShareAnInstance() {
    // "Amazon ECS task networking options for EC2" (task-networking-awsvpc.html): each awsvpc task
    // gets its own elastic network interface, so tasks do not contend for the host's ports; a
    // bridge task's host port is taken on the instance.
    EcsFixture f = new EcsFixture();
    ContainerInstance ci = f.instances("m5.large", "a").get(0);
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("vpc")
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "vpc", "vpc")
                .desiredCount(2)
                .networkConfiguration(AwsvpcConfiguration.zones("us-east-1a"))
                .build());
    f.advance(Duration.ofMinutes(1));
    assertThat(s.runningCount()).isEqualTo(2);
    assertThat(f.perInstance(s)).containsEntry(ci.ec2InstanceId(), 2);
  }

  @Test
  void spreadByHostHasTheSameEffectAsSpreadByInstanceId() {
    // PlacementStrategy (API reference): "valid values are instanceId (or host, which has the same
    // effect)"
    EcsFixture f = new EcsFixture();
    List<ContainerInstance> ci = f.instances("t3.medium", "a", "a", "a");
    bridgeTask(f, "web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(3)
                .placementStrategy(PlacementStrategy.spread("host"))
                .build());
    f.advance(Duration.ofMinutes(1));
    for (ContainerInstance i : ci) assertThat(f.perInstance(s)).containsEntry(i.ec2InstanceId(), 1);
  }

  @Test
  void spreadOverAnAttributeNeedsAnAttributeName() {
    // PlacementStrategy (API reference): for spread, instanceId, host, or "any platform or custom
    // attribute that's applied to a container instance, such as attribute:ecs.availability-zone"
    assertThatThrownBy(() -> PlacementStrategy.spread("attribute:"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("placementStrategy.field");
    assertThat(PlacementStrategy.spread("attribute:a").field()).isEqualTo("attribute:a");
  }

  @Test
  void equalLimitsAreAcceptedForDeploymentsAndManagedScalingSteps() {
    // DeploymentConfiguration (API reference): maximumPercent is an upper and minimumHealthyPercent
    // a lower limit, both 100 is allowed (one task at a time cannot be replaced, but it is valid);
    // ManagedScaling (API reference): minimumScalingStepSize and maximumScalingStepSize 1-10,000,
    // the same value for both means a fixed step.
    DeploymentConfiguration dc = DeploymentConfiguration.of(100, 100);
    assertThat(dc.floor(3)).isEqualTo(3);
    assertThat(dc.ceiling(3)).isEqualTo(3);
    ManagedScaling ms = new ManagedScaling(true, 100, 5, 5, Duration.ofSeconds(300));
    assertThat(ms.maximumScalingStepSize()).isEqualTo(5);
    assertThatThrownBy(() -> new ManagedScaling(true, 100, 6, 5, Duration.ofSeconds(300)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("managedScaling.maximumScalingStepSize");
  }

  @Test
  void stoppedTasksStayListedForAtLeastAnHourThenAreForgotten() {
    // ListTasks (AWS CLI reference, list-tasks): "Currently, stopped tasks appear in the returned
    // results for at least one hour." The twin forgets them after Ecs.STOPPED_TASK_RETENTION.
    EcsFixture f = new EcsFixture();
    f.instances("t3.medium", "a");
    bridgeTask(f, "job", 256, 256);
    bridgeTask(f, "web", 256, 256);
    Task standalone = f.ecs.runTask(f.cluster, "job", 1, LaunchType.EC2).tasks().get(0);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(1));
    Task serviceTask = s.tasks().get(0);
    f.ecs.stopTask(f.cluster, standalone.taskId(), "done");
    f.ecs.stopTask(f.cluster, serviceTask.taskId(), "replace me");
    f.advance(Duration.ofMinutes(1));
    assertThat(standalone.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(serviceTask.lastStatus()).isEqualTo(TaskStatus.STOPPED);

    f.advance(Duration.ofMinutes(57)); // 58 minutes after they stopped
    assertThat(f.ecs.tasks(f.cluster)).contains(standalone, serviceTask);
    assertThat(s.tasks(TaskStatus.STOPPED)).contains(serviceTask);

    f.advance(Ecs.STOPPED_TASK_RETENTION);
    assertThat(f.ecs.tasks(f.cluster)).doesNotContain(standalone, serviceTask);
    assertThat(s.tasks(TaskStatus.STOPPED)).doesNotContain(serviceTask);
    assertThat(s.tasks()).hasSize(1); // the replacement
  }
}
