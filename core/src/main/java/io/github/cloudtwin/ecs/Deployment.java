package io.github.cloudtwin.ecs;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A live view of one service deployment: PRIMARY (the newest), ACTIVE (older ones still holding
 * tasks) or INACTIVE, with its task definition, counts and rollout state.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Deployment {

  private final String id;
  private final TaskDefinition taskDefinition;
  private final Instant createdAt;
  final EcsService service;
  private volatile String status = "PRIMARY";
  private volatile RolloutState rolloutState = RolloutState.IN_PROGRESS;
  private volatile String rolloutStateReason;
  private volatile int failedTasks;
  boolean anyTaskRan;

  Deployment(String id, TaskDefinition taskDefinition, EcsService service, Instant createdAt) {
    this.id = id;
    this.taskDefinition = taskDefinition;
    this.service = service;
    this.createdAt = createdAt;
    this.rolloutStateReason = "ECS deployment " + id + " in progress.";
  }

  /** {@return {@code ecs-svc/} and 19 digits} */
  public String id() {
    return id;
  }

  /** {@return PRIMARY, ACTIVE or INACTIVE} */
  public String status() {
    return status;
  }

  /** {@return the task definition it deploys} */
  public TaskDefinition taskDefinition() {
    return taskDefinition;
  }

  /** {@return when it was created} */
  public Instant createdAt() {
    return createdAt;
  }

  /** {@return IN_PROGRESS, COMPLETED or FAILED} */
  public RolloutState rolloutState() {
    return rolloutState;
  }

  /** {@return AWS's reason text for the rollout state} */
  public String rolloutStateReason() {
    return rolloutStateReason;
  }

  /**
   * {@return tasks of this deployment that failed to start or failed health checks (circuit breaker
   * count)}
   */
  public int failedTasks() {
    return failedTasks;
  }

  /** {@return the service's desired count for the PRIMARY deployment; 0 for older ones} */
  public int desiredCount() {
    return "PRIMARY".equals(status) ? service.desiredCount() : 0;
  }

  /** {@return tasks of this deployment whose last status is RUNNING} */
  public int runningCount() {
    return service.count(this, TaskStatus.RUNNING);
  }

  /** {@return tasks of this deployment that are not yet RUNNING (PROVISIONING to ACTIVATING)} */
  public int pendingCount() {
    return service.pendingCount(this);
  }

  void status(String s) {
    status = s;
  }

  void rollout(RolloutState s, String reason) {
    rolloutState = s;
    rolloutStateReason = reason;
  }

  void failedTask() {
    failedTasks++;
  }

  @Override
  public String toString() {
    return id + " (" + status + ", " + taskDefinition.familyRevision() + ", " + rolloutState + ")";
  }
}
