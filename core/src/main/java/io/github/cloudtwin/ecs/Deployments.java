package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A service's deployments: starting one (the previous PRIMARY becomes ACTIVE), counting the tasks
 * that failed in it, the deployment circuit breaker and its rollback, and the start throttle of a
 * service whose tasks keep failing to start. Guarded by the kernel lock.
 */
final class Deployments {

  /** Consecutive start failures that start the throttle (a fake choice; AWS says "repeatedly"). */
  static final int THROTTLE_AFTER = 3;

  /** The longest wait between start attempts while throttled (AWS: "a maximum of 27 minutes"). */
  static final Duration THROTTLE_MAX = Duration.ofMinutes(27);

  private final Kernel kernel;
  private final EcsIds ids;
  private final ServiceEventLog events;
  private final Consumer<EcsService> reconcile;

  /** {@code reconcile} asks the service scheduler to reconcile a service soon. */
  Deployments(Kernel kernel, EcsIds ids, ServiceEventLog events, Consumer<EcsService> reconcile) {
    this.kernel = kernel;
    this.ids = ids;
    this.events = events;
    this.reconcile = reconcile;
  }

  /** Starts a new PRIMARY deployment of {@code td} for {@code s}. */
  void newDeployment(EcsService s, TaskDefinition td) {
    Deployment d = new Deployment(ids.deploymentId(), td, s, kernel.clock().now());
    synchronized (s.deployments) {
      for (Deployment old : s.deployments) {
        if (old.status().equals("PRIMARY")) old.status("ACTIVE");
      }
      s.deployments.add(0, d);
    }
    s.steady = false;
    s.stalledReported = false;
    startedRunning(s); // a new deployment ends the throttle at once
    kernel
        .timeline()
        .record(
            new EcsFact.DeploymentStarted(
                s.serviceName(), d.id(), td.familyRevision(), s.desiredCount()));
    reconcile.accept(s);
  }

  /** A task of a service reached STOPPED: counts failures, may trip the circuit breaker. */
  void taskStopped(Task t) {
    EcsService s = Objects.requireNonNull(t.service, "a service task has its service");
    s.steady = false;
    Deployment d = Objects.requireNonNull(t.deployment, "a service task has its deployment");
    if (t.startedAt() == null
        && (t.stopCode() == StopCode.EssentialContainerExited
            || t.stopCode() == StopCode.TaskFailedToStart)) {
      failedToStart(s);
    }
    boolean failure =
        !d.anyTaskRan
                && t.startedAt() == null
                && (t.stopCode() == StopCode.EssentialContainerExited
                    || t.stopCode() == StopCode.TaskFailedToStart)
            || d.anyTaskRan && t.healthFailure;
    if (failure && d.rolloutState() == RolloutState.IN_PROGRESS) {
      d.failedTask();
      DeploymentCircuitBreaker cb = s.spec().deploymentConfiguration().deploymentCircuitBreaker();
      int threshold = DeploymentCircuitBreaker.threshold(s.desiredCount());
      if (cb.enable() && d.failedTasks() >= threshold && d == s.primaryDeployment()) {
        trip(s, d, !d.anyTaskRan ? "tasks failed to start" : "health checks failed");
      }
    }
    reconcile.accept(s);
  }

  /**
   * The service throttle: from the {@link #THROTTLE_AFTER}th task in a row that stopped without
   * reaching RUNNING, starts wait 1, 2, 4, … minutes, at most {@link #THROTTLE_MAX}, and the
   * service reports that it is unable to consistently start tasks.
   */
  private void failedToStart(EcsService s) {
    s.startFailures++;
    if (s.startFailures < THROTTLE_AFTER) return;
    long delay =
        Math.min(
            THROTTLE_MAX.toMillis(), 60_000L << Math.min(20, s.startFailures - THROTTLE_AFTER));
    s.startThrottledUntil = kernel.clock().now().toEpochMilli() + delay;
    if (s.startFailures == THROTTLE_AFTER)
      events.add(s, ServiceEventMessages.unableToConsistentlyStart(s.serviceName()));
  }

  /** A task of {@code s} reached RUNNING (or a new deployment began): the throttle ends. */
  static void startedRunning(EcsService s) {
    s.startFailures = 0;
    s.startThrottledUntil = Long.MIN_VALUE;
  }

  private void trip(EcsService s, Deployment d, String why) {
    d.rollout(RolloutState.FAILED, "ECS deployment circuit breaker: " + why + ".");
    events.add(s, ServiceEventMessages.deploymentFailed(s.serviceName(), d.id(), why));
    if (!s.spec().deploymentConfiguration().deploymentCircuitBreaker().rollback()) return;
    Deployment lastCompleted = s.lastCompleted;
    if (lastCompleted == null || lastCompleted == d) return;
    events.add(s, ServiceEventMessages.rollingBack(s.serviceName(), lastCompleted.id()));
    synchronized (s.deployments) {
      if (s.deployments.contains(lastCompleted)) {
        // the completed deployment still holds tasks: it becomes PRIMARY again and keeps them
        s.deployments.remove(lastCompleted);
        s.deployments.add(0, lastCompleted);
        d.status("ACTIVE");
        lastCompleted.status("PRIMARY");
        s.steady = false;
        kernel
            .timeline()
            .record(
                new EcsFact.DeploymentRolledBack(
                    s.serviceName(),
                    lastCompleted.id(),
                    lastCompleted.taskDefinition().familyRevision()));
        reconcile.accept(s);
        return;
      }
    }
    newDeployment(s, lastCompleted.taskDefinition());
  }
}
