package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Container health checks of a service task, each rule at its exact instant, as the ECS API
 * reference documents {@code HealthCheck} (API_HealthCheck.html): {@code retries} is "the number of
 * times to retry a failed health check before the container is considered unhealthy"; {@code
 * startPeriod} is a grace period "before failed health checks count towards the maximum number of
 * retries"; checks run every {@code interval}. A service task whose essential container is
 * unhealthy is stopped and replaced ("Amazon ECS services", developerguide/ecs_services.html).
 */
class ContainerHealthCheckRulesTest {

  private final EcsFixture f = new EcsFixture(25);

  /** A service of one task whose essential container has {@code check}; returns it RUNNING. */
  private Task runningTask(HealthCheck check) {
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx")
                    .cpu(256)
                    .memory(256)
                    .healthCheck(check)
                    .build())
            .build());
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    for (int i = 0; i < 60 && s.runningCount() == 0; i++) f.advance(Duration.ofSeconds(1));
    Task t = s.tasks().get(0);
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    return t;
  }

  private void advanceTo(Instant at) {
    f.twin.advanceTo(at);
  }

  @Test
  void withOneRetryTheFirstFailedCheckMakesTheContainerUnhealthyAndStopsTheTask() {
    Task t =
        runningTask(
            HealthCheck.of("CMD", "check").withInterval(Duration.ofSeconds(10)).withRetries(1));
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    Instant firstCheck = t.startedAt().plusSeconds(10);
    advanceTo(firstCheck.minusMillis(1));
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    advanceTo(firstCheck);
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(t.stoppedReason()).isEqualTo("Task failed container health checks");
  }

  @Test
  void failuresInsideTheStartPeriodDoNotCountAndTheFirstOneAtItsEndDoes() {
    Task t =
        runningTask(
            HealthCheck.of("CMD", "check")
                .withInterval(Duration.ofSeconds(10))
                .withRetries(1)
                .withStartPeriod(Duration.ofSeconds(60)));
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    advanceTo(t.startedAt().plusSeconds(50)); // five failed checks, all inside the start period
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    advanceTo(t.startedAt().plusSeconds(60)); // the start period is over: this failure counts
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
  }

  @Test
  void aPassBetweenFailuresStartsTheRetryCountAgain() {
    Task t =
        runningTask(
            HealthCheck.of("CMD", "check").withInterval(Duration.ofSeconds(10)).withRetries(3));
    Instant started = t.startedAt();
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    advanceTo(started.plusSeconds(20)); // failures at +10 and +20
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), false);
    advanceTo(started.plusSeconds(30)); // a pass: healthy
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    advanceTo(started.plusSeconds(50)); // failures at +40 and +50: two in a row, not three
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    advanceTo(started.plusSeconds(60)); // the third in a row
    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.STOPPED);
  }

  @Test
  void aFailingCheckOnlyOnANonEssentialSidecarLeavesTheTaskUnknownRunningAndCountedHealthy() {
    f.instances("m5.large", "a");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(ContainerDefinition.builder("app", "nginx").cpu(256).memory(256).build())
            .container(
                ContainerDefinition.builder("sidecar", "envoy")
                    .cpu(128)
                    .memory(128)
                    .essential(false)
                    .healthCheck(
                        HealthCheck.of("CMD", "check")
                            .withInterval(Duration.ofSeconds(10))
                            .withRetries(1))
                    .build())
            .build());
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(1).build());
    for (int i = 0; i < 60 && s.tasks().isEmpty(); i++) f.advance(Duration.ofSeconds(1));
    Task t = s.tasks().get(0);
    f.ecs.inProcessRuntime().failHealthChecks(t.taskId(), true);
    for (int i = 0; i < 60 && t.lastStatus() != TaskStatus.RUNNING; i++) {
      f.advance(Duration.ofSeconds(1));
    }
    assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);

    advanceTo(t.startedAt().plus(Ecs.HEALTHY_AFTER).plusSeconds(30)); // seven failed checks

    assertThat(t.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(t.desiredStatus()).isEqualTo(TaskStatus.RUNNING);
    assertThat(f.ecs.countsAsHealthy(t)).isTrue();
  }
}
