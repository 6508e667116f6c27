package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A task's health from its containers' check results, alone: essential containers decide. */
class ContainerHealthChecksTest {

  private final Kernel kernel = new Kernel(Instant.parse("2026-01-01T00:00:00Z"), 7);

  /** A task with an essential container {@code app} and a non-essential {@code sidecar}. */
  private Task taskWithAppAndSidecar() {
    HealthCheck check = HealthCheck.of("CMD", "true");
    TaskDefinition td =
        new TaskDefinition(
            TaskDefinitionSpec.builder("web")
                .container(
                    ContainerDefinition.builder("app", "nginx:1.27")
                        .cpu(256)
                        .memory(512)
                        .healthCheck(check)
                        .build())
                .container(
                    ContainerDefinition.builder("sidecar", "envoy:1.31")
                        .cpu(128)
                        .memory(128)
                        .essential(false)
                        .healthCheck(check)
                        .build())
                .build(),
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
}
