package io.github.cloudtwin.ecs;

/** How a service schedules tasks. */
public enum SchedulingStrategy {
  /** Keep {@code desiredCount} tasks across the cluster. */
  REPLICA,
  /** One task on each ACTIVE container instance that meets the constraints. */
  DAEMON
}
