package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A task's health from its containers' check results, alone: essential containers decide, as the
 * ECS API reference describes the task's {@code healthStatus} (API_HealthCheck.html): UNHEALTHY if
 * one or more essential containers failed their check, HEALTHY if all essential containers passed,
 * UNKNOWN while they are still evaluated or when only non-essential containers have checks.
 */
class ContainerHealthChecksTest {

  private final Kernel kernel = new Kernel(Instant.parse("2026-01-01T00:00:00Z"), 7);

  /** A task with an essential container {@code app} and a non-essential {@code sidecar}. */
  private Task taskWithAppAndSidecar() {
    HealthCheck check = HealthCheck.of("CMD", "true");
    return task(
        ContainerDefinition.builder("app", "nginx:1.27")
            .cpu(256)
            .memory(512)
            .healthCheck(check)
            .build(),
        ContainerDefinition.builder("sidecar", "envoy:1.31")
            .cpu(128)
            .memory(128)
            .essential(false)
            .healthCheck(check)
            .build());
  }

  /** A task with two essential containers {@code app} and {@code worker}, both checked. */
  private Task taskWithTwoEssentialContainers() {
    HealthCheck check = HealthCheck.of("CMD", "true");
    return task(
        ContainerDefinition.builder("app", "nginx:1.27")
            .cpu(256)
            .memory(512)
            .healthCheck(check)
            .build(),
        ContainerDefinition.builder("worker", "worker:1")
            .cpu(128)
            .memory(128)
            .healthCheck(check)
            .build());
  }

  /** A task with an essential {@code app} without a check and a checked non-essential sidecar. */
  private Task taskWithOnlyTheSidecarChecked() {
    return task(
        ContainerDefinition.builder("app", "nginx:1.27").cpu(256).memory(512).build(),
        ContainerDefinition.builder("sidecar", "envoy:1.31")
            .cpu(128)
            .memory(128)
            .essential(false)
            .healthCheck(HealthCheck.of("CMD", "true"))
            .build());
  }

  private Task task(ContainerDefinition first, ContainerDefinition second) {
    TaskDefinition td =
        new TaskDefinition(
            TaskDefinitionSpec.builder("web").container(first).container(second).build(),
            1,
            kernel.arns());
    return new Task(
        "t1",
        kernel.arns(),
        "prod",
        td,
        "family:web",
        LaunchType.EC2,
        null,
        null,
        null,
        kernel.clock().now(),
        kernel.timeline());
  }

  /** Sets a container's result: 1 healthy, 0 unhealthy, -1 not known yet. */
  private static void result(Task t, String container, int healthy) {
    t.containerHealth.put(container, new int[] {healthy == 0 ? 3 : 0, healthy});
  }

  @Test
  void aTaskIsUnknownUntilItsEssentialContainerHasPassed() {
    Task t = taskWithAppAndSidecar();
    result(t, "app", -1);
    result(t, "sidecar", 1);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNKNOWN);
  }

  @Test
  void anUnhealthyNonEssentialContainerLeavesTheTaskHealthy() {
    Task t = taskWithAppAndSidecar();
    result(t, "app", 1);
    result(t, "sidecar", 0);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void anUnhealthyEssentialContainerMakesTheTaskUnhealthy() {
    Task t = taskWithAppAndSidecar();
    result(t, "app", 0);
    result(t, "sidecar", 1);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNHEALTHY);
  }

  @Test
  void aTaskWhoseOnlyHealthChecksAreOnNonEssentialContainersIsUnknownWhenTheyPass() {
    Task t = taskWithOnlyTheSidecarChecked();
    result(t, "sidecar", 1);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(ContainerHealthChecks.decidesHealth(t)).isFalse();
  }

  @Test
  void aTaskWhoseOnlyHealthChecksAreOnNonEssentialContainersIsUnknownWhenTheyFail() {
    Task t = taskWithOnlyTheSidecarChecked();
    result(t, "sidecar", 0);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNKNOWN);
  }

  @Test
  void oneUnhealthyEssentialContainerMakesTheTaskUnhealthyWhileTheOtherIsHealthy() {
    Task t = taskWithTwoEssentialContainers();
    result(t, "app", 1);
    result(t, "worker", 0);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNHEALTHY);
  }

  @Test
  void oneUnhealthyEssentialContainerMakesTheTaskUnhealthyWhileTheOtherIsUnknown() {
    Task t = taskWithTwoEssentialContainers();
    result(t, "app", -1);
    result(t, "worker", 0);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNHEALTHY);
  }

  @Test
  void allEssentialContainersHealthyMakeTheTaskHealthy() {
    Task t = taskWithTwoEssentialContainers();
    result(t, "app", 1);
    result(t, "worker", 1);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.HEALTHY);
    assertThat(ContainerHealthChecks.decidesHealth(t)).isTrue();
  }

  @Test
  void oneEssentialContainerStillEvaluatedKeepsTheTaskUnknownWhileTheOtherIsHealthy() {
    Task t = taskWithTwoEssentialContainers();
    result(t, "app", 1);
    result(t, "worker", -1);

    assertThat(ContainerHealthChecks.aggregate(t)).isEqualTo(HealthStatus.UNKNOWN);
  }
}
