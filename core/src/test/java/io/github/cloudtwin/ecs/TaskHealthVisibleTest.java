package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 12, finding 5: a test can see whether a task counts as healthy, not only that it runs. */
class TaskHealthVisibleTest {

  @Test
  void withoutAContainerHealthCheckARunningTaskCountsHealthyFortySecondsLater() {
    EcsFixture f = new EcsFixture();
    try (var twin = f.twin) {
      f.instances("m5.large", "a");
      f.taskDef("api", 256, 512);
      EcsService api =
          f.ecs.createService(ServiceSpec.builder(f.cluster, "api", "api").desiredCount(1).build());
      assertThat(
              twin.advanceUntil(
                  () ->
                      !api.tasks().isEmpty()
                          && api.tasks().get(0).lastStatus() == TaskStatus.RUNNING,
                  Duration.ofMinutes(5)))
          .isTrue();
      Task task = api.tasks().get(0);
      assertThat(task.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
      assertThat(f.ecs.countsAsHealthy(task)).isFalse();
      twin.advance(Ecs.HEALTHY_AFTER.minusSeconds(1));
      assertThat(f.ecs.countsAsHealthy(task)).isFalse();
      twin.advance(Duration.ofSeconds(1));
      assertThat(f.ecs.countsAsHealthy(task)).isTrue();
      assertThat(task.healthStatus()).isEqualTo(HealthStatus.UNKNOWN); // as AWS reports it
    }
  }
}
