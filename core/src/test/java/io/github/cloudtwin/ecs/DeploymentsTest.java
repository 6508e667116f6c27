package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deployments alone: the new PRIMARY, the start throttle and the circuit breaker, with the
 * scheduler's reconcile requests recorded instead of run.
 */
class DeploymentsTest {

  private final Kernel kernel = new Kernel(Instant.parse("2026-01-01T00:00:00Z"), 7);
  private final List<EcsService> reconciled = new ArrayList<>();
  private final Deployments deployments =
      new Deployments(
          kernel,
          new EcsIds(kernel.randomness().stream("ecs.ids")),
          new ServiceEventLog(kernel),
          reconciled::add);
  private final TaskDefinition v1 = taskDefinition(1);
  private final TaskDefinition v2 = taskDefinition(2);

  private TaskDefinition taskDefinition(int revision) {
    return new TaskDefinition(
        TaskDefinitionSpec.builder("web")
            .container(
                ContainerDefinition.builder("app", "nginx:1.27").cpu(256).memory(512).build())
            .build(),
        revision,
        kernel.arns());
  }

  private EcsService service(int desiredCount, boolean circuitBreaker, boolean rollback) {
    DeploymentConfiguration dc =
        DeploymentConfiguration.of(100, 200).withCircuitBreaker(circuitBreaker, rollback);
    ServiceSpec spec =
        ServiceSpec.builder("prod", "web", "web")
            .desiredCount(desiredCount)
            .deploymentConfiguration(dc)
            .build();
    return new EcsService(spec, kernel.arns(), kernel.clock().now(), kernel.timeline());
  }

  /** A task of the service's PRIMARY deployment whose essential container exited before RUNNING. */
  private Task failedToStart(EcsService s, int n) {
    Task t =
        new Task(
            "t" + n,
            kernel.arns(),
            "prod",
            s.primaryDeployment().taskDefinition(),
            "service:web",
            LaunchType.EC2,
            s,
            s.primaryDeployment(),
            null,
            kernel.clock().now(),
            kernel.timeline());
    t.stopped(StopCode.EssentialContainerExited, "Essential container in task exited");
    return t;
  }

  private long nowMillis() {
    return kernel.clock().now().toEpochMilli();
  }

  @Test
  void aNewDeploymentBecomesPrimaryAndTheOldOneActive() {
    EcsService s = service(2, false, false);
    kernel.run(() -> deployments.newDeployment(s, v1));
    Deployment first = s.primaryDeployment();
    kernel.run(() -> deployments.newDeployment(s, v2));

    assertThat(s.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
    assertThat(s.primaryDeployment().taskDefinition()).isSameAs(v2);
    assertThat(first.status()).isEqualTo("ACTIVE");
    assertThat(s.primaryDeployment().id()).startsWith("ecs-svc/").hasSize("ecs-svc/".length() + 19);
    assertThat(kernel.timeline().events(EcsFact.DeploymentStarted.class)).hasSize(2);
    assertThat(reconciled).containsExactly(s, s);
  }

  @Test
  void fromTheThirdTaskInARowThatFailedToStartStartsWaitLongerEachTimeUpTo27Minutes() {
    EcsService s = service(2, false, false);
    kernel.run(() -> deployments.newDeployment(s, v1));
    List<Long> waits = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      Task t = failedToStart(s, n);
      kernel.run(() -> deployments.taskStopped(t));
      waits.add(
          s.startThrottledUntil == Long.MIN_VALUE
              ? null
              : (s.startThrottledUntil - nowMillis()) / 60_000L);
    }

    assertThat(waits).containsExactly(null, null, 1L, 2L, 4L, 8L, 16L, 27L, 27L, 27L);
    assertThat(s.eventMessages())
        .filteredOn(m -> m.contains("is unable to consistently start tasks successfully"))
        .hasSize(1);
  }

  @Test
  void aNewDeploymentEndsTheThrottle() {
    EcsService s = service(2, false, false);
    kernel.run(() -> deployments.newDeployment(s, v1));
    for (int n = 1; n <= 3; n++) {
      Task t = failedToStart(s, n);
      kernel.run(() -> deployments.taskStopped(t));
    }
    assertThat(s.startThrottledUntil).isEqualTo(nowMillis() + Duration.ofMinutes(1).toMillis());

    kernel.run(() -> deployments.newDeployment(s, v2));

    assertThat(s.startThrottledUntil).isEqualTo(Long.MIN_VALUE);
    assertThat(s.startFailures).isZero();
  }

  @Test
  void theCircuitBreakerFailsTheDeploymentAtItsThresholdAndNotBefore() {
    EcsService s = service(10, true, false); // threshold: max(3, (10 + 1) / 2) = 5
    kernel.run(() -> deployments.newDeployment(s, v1));
    Deployment d = s.primaryDeployment();
    for (int n = 1; n <= 4; n++) {
      Task t = failedToStart(s, n);
      kernel.run(() -> deployments.taskStopped(t));
    }
    assertThat(d.rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);

    Task fifth = failedToStart(s, 5);
    kernel.run(() -> deployments.taskStopped(fifth));

    assertThat(d.rolloutState()).isEqualTo(RolloutState.FAILED);
    assertThat(d.rolloutStateReason())
        .isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    assertThat(d.failedTasks()).isEqualTo(5);
  }

  @Test
  void withRollbackTheLastCompletedDeploymentThatStillHoldsTasksBecomesPrimaryAgain() {
    EcsService s = service(2, true, true); // threshold 3
    kernel.run(() -> deployments.newDeployment(s, v1));
    Deployment completed = s.primaryDeployment();
    completed.rollout(RolloutState.COMPLETED, "done");
    s.lastCompleted = completed;
    kernel.run(() -> deployments.newDeployment(s, v2));
    Deployment failing = s.primaryDeployment();
    for (int n = 1; n <= 3; n++) {
      Task t = failedToStart(s, n);
      kernel.run(() -> deployments.taskStopped(t));
    }

    assertThat(s.primaryDeployment()).isSameAs(completed);
    assertThat(s.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
    assertThat(failing.rolloutState()).isEqualTo(RolloutState.FAILED);
    assertThat(kernel.timeline().events(EcsFact.DeploymentRolledBack.class)).hasSize(1);
    assertThat(kernel.timeline().events(EcsFact.DeploymentStarted.class)).hasSize(2);
  }
}
