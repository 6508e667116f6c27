package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** How a service schedules tasks. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum SchedulingStrategy {
  /** Keep {@code desiredCount} tasks across the cluster. */
  REPLICA,
  /** One task on each ACTIVE container instance that meets the constraints. */
  DAEMON
}
