package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked example E9 (aws-behaviour.md section 7): rolling deployments and the circuit breaker. */
class EcsDeploymentTest {

  private static EcsService steadyService(EcsFixture f, int desired, int min, int max) {
    f.instances("m5.xlarge", "a", "b", "c");
    f.taskDef("web", 256, 256);
    f.ecs.createService(
        ServiceSpec.builder(f.cluster, "web", "web:1")
            .desiredCount(desired)
            .deploymentConfiguration(min, max)
            .build());
    f.advance(Duration.ofMinutes(2));
    EcsService s = f.ecs.service(f.cluster, "web");
    assertThat(s.runningCount()).isEqualTo(desired);
    assertThat(s.primaryDeployment().rolloutState()).isEqualTo(RolloutState.COMPLETED);
    f.taskDef("web", 256, 256); // web:2
    return s;
  }

  private static int healthy(EcsService s, Instant now) {
    int n = 0;
    for (Task t : s.tasks()) {
      if (t.lastStatus() == TaskStatus.RUNNING
          && t.desiredStatus() == TaskStatus.RUNNING
          && !now.isBefore(t.startedAt().plus(Ecs.HEALTHY_AFTER))) n++;
    }
    return n;
  }

  private static int counted(EcsService s) {
    return s.tasks().size(); // every task not yet STOPPED: RUNNING, PENDING or STOPPING
  }

  /** Steps second by second until the deployment completes, recording min healthy and max tasks. */
  private static int[] watch(EcsFixture f, EcsService s, Duration limit) {
    int minHealthy = Integer.MAX_VALUE;
    int maxTasks = 0;
    for (long sec = 0; sec < limit.getSeconds(); sec++) {
      f.advance(Duration.ofSeconds(1));
      minHealthy = Math.min(minHealthy, healthy(s, f.twin.now()));
      maxTasks = Math.max(maxTasks, counted(s));
    }
    return new int[] {minHealthy, maxTasks};
  }

  @Test
  void desiredFourAt50And200StartsFourNewAndStopsTwoOldAtOnce() {
    EcsFixture f = new EcsFixture();
    EcsService s = steadyService(f, 4, 50, 200);
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    f.advance(Duration.ofSeconds(1));
    List<Task> live = new ArrayList<>();
    for (Task t : s.tasks()) if (t.desiredStatus() == TaskStatus.RUNNING) live.add(t);
    assertThat(live).filteredOn(t -> t.taskDefinition().revision() == 2).hasSize(4);
    assertThat(live).filteredOn(t -> t.taskDefinition().revision() == 1).hasSize(2);

    int[] seen = watch(f, s, Duration.ofMinutes(3));
    assertThat(seen[0]).isGreaterThanOrEqualTo(2);
    assertThat(seen[1]).isLessThanOrEqualTo(8);
    assertThat(s.tasks())
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:2"));
    assertThat(s.primaryDeployment().rolloutState()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void desiredFourAt100And200NeverHasFewerThanFourHealthyAndStopsOldOnlyOnceNewAreHealthy() {
    EcsFixture f = new EcsFixture();
    EcsService s = steadyService(f, 4, 100, 200);
    List<Task> old = s.tasks();
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    int[] seen = watch(f, s, Duration.ofMinutes(3));

    assertThat(seen[0]).isEqualTo(4);
    assertThat(seen[1]).isEqualTo(8);
    Instant lastNewHealthy = Instant.MIN;
    for (Task t : s.tasks()) {
      Instant h = t.startedAt().plus(Ecs.HEALTHY_AFTER);
      if (h.isAfter(lastNewHealthy)) lastNewHealthy = h;
    }
    for (Task t : old) {
      assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
      assertThat(t.stoppedReason())
          .isEqualTo(
              "Scaling activity initiated by (deployment " + s.primaryDeployment().id() + ")");
      assertThat(t.stoppingAt()).isAfterOrEqualTo(lastNewHealthy);
    }
    assertThat(s.eventMessages())
        .startsWith(
            "(service web) has reached a steady state.",
            "(service web) (deployment " + s.primaryDeployment().id() + ") deployment completed.");
  }

  @Test
  void desiredTwoAt75And125StallsWithTheDeploymentConfigurationEvent() {
    EcsFixture f = new EcsFixture();
    EcsService s = steadyService(f, 2, 75, 125);
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    f.advance(Duration.ofMinutes(5));
    assertThat(s.tasks())
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.taskDefinition().revision()).isEqualTo(1));
    assertThat(s.primaryDeployment().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
    assertThat(s.eventMessages())
        .containsOnlyOnce(
            "(service web) was unable to stop or start tasks during a deployment because of the service deployment"
                + " configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
  }

  @Test
  void circuitBreakerThresholdIsHalfTheDesiredCountBetweenThreeAnd200() {
    assertThat(DeploymentCircuitBreaker.threshold(10)).isEqualTo(5);
    assertThat(DeploymentCircuitBreaker.threshold(4)).isEqualTo(3);
    assertThat(DeploymentCircuitBreaker.threshold(400)).isEqualTo(200);
    assertThat(DeploymentCircuitBreaker.threshold(25)).isEqualTo(13);
    assertThat(DeploymentCircuitBreaker.threshold(1)).isEqualTo(3);
  }

  @Test
  void circuitBreakerRollsBackATaskDefinitionWhoseContainersKeepExiting() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.xlarge", "a", "b", "c");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web:1")
                .desiredCount(4)
                .deploymentConfiguration(
                    DeploymentConfiguration.of(100, 200).withCircuitBreaker(true, true))
                .build());
    f.advance(Duration.ofMinutes(2));
    Deployment good = s.primaryDeployment();
    assertThat(good.rolloutState()).isEqualTo(RolloutState.COMPLETED);

    f.taskDef("web", 256, 256); // web:2 crashes 3 s after its containers start
    f.ecs
        .inProcessRuntime()
        .behavior("web:2", TaskBehavior.DEFAULT.withExit(Duration.ofSeconds(3), 1));
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").taskDefinition("web:2").build());
    Deployment bad = s.primaryDeployment();
    f.advance(Duration.ofMinutes(5));

    assertThat(bad.rolloutState()).isEqualTo(RolloutState.FAILED);
    assertThat(bad.failedTasks()).isEqualTo(3);
    assertThat(s.eventMessages())
        .contains(
            "(service web) rolling back to deployment " + good.id() + ".",
            "(service web) (deployment "
                + bad.id()
                + ") deployment failed: tasks failed to start.");
    assertThat(s.primaryDeployment()).isSameAs(good);
    assertThat(s.deployments()).containsExactly(good);
    assertThat(s.tasks())
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.taskDefinition().familyRevision()).isEqualTo("web:1"));
    assertThat(s.eventMessages()).first().isEqualTo("(service web) has reached a steady state.");
    // the old tasks kept serving throughout: four web:1 tasks never stopped
    assertThat(s.tasks()).allSatisfy(t -> assertThat(t.startedAt()).isBefore(bad.createdAt()));
    List<Task> failed = s.tasks(TaskStatus.STOPPED);
    assertThat(failed)
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(
            t -> {
              assertThat(t.stopCode()).isEqualTo(StopCode.EssentialContainerExited);
              assertThat(t.stoppedReason()).isEqualTo("Essential container in task exited");
            });
  }

  @Test
  void withoutRollbackAFailedDeploymentLaunchesNothingFurther() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.xlarge", "a", "b", "c");
    f.taskDef("web", 256, 256);
    f.ecs
        .inProcessRuntime()
        .behavior("web", TaskBehavior.DEFAULT.withExit(Duration.ofSeconds(3), 137));
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web")
                .desiredCount(10)
                .deploymentConfiguration(
                    DeploymentConfiguration.of(100, 200).withCircuitBreaker(true, false))
                .build());
    f.advance(Duration.ofMinutes(10));
    assertThat(s.primaryDeployment().rolloutState()).isEqualTo(RolloutState.FAILED);
    assertThat(s.primaryDeployment().failedTasks()).isEqualTo(5);
    assertThat(s.tasks()).isEmpty();
  }

  @Test
  void replicaServiceReplacesAStoppedTask() {
    EcsFixture f = new EcsFixture();
    f.instances("m5.xlarge", "a", "b", "c");
    f.taskDef("web", 256, 256);
    EcsService s =
        f.ecs.createService(ServiceSpec.builder(f.cluster, "web", "web").desiredCount(3).build());
    f.advance(Duration.ofMinutes(1));
    Task victim = s.tasks().get(0);
    f.ecs.stopTask(f.cluster, victim.taskId(), "testing");
    f.advance(Duration.ofMinutes(1));
    assertThat(victim.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    assertThat(victim.stopCode()).isEqualTo(StopCode.UserInitiated);
    assertThat(s.runningCount()).isEqualTo(3);
    assertThat(s.tasks()).doesNotContain(victim);
  }
}
