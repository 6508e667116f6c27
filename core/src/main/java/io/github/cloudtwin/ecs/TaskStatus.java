package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/**
 * A task's {@code lastStatus} or {@code desiredStatus}, in lifecycle order: {@code PROVISIONING ->
 * PENDING -> ACTIVATING -> RUNNING -> DEACTIVATING -> STOPPING -> DEPROVISIONING -> STOPPED}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TaskStatus {
  /** Waiting for capacity (capacity providers) or for its ENI (awsvpc). */
  PROVISIONING,
  /** Placed; the agent pulls images and starts containers. */
  PENDING,
  /** Service discovery and load-balancer setup. */
  ACTIVATING,
  /** Running. */
  RUNNING,
  /** Load-balancer deregistration. */
  DEACTIVATING,
  /** SIGTERM sent; SIGKILL after stopTimeout. */
  STOPPING,
  /** ENI detach. */
  DEPROVISIONING,
  /** Stopped. */
  STOPPED;

  /** {@return whether the task has stopped or is on its way there} */
  public boolean isStoppingOrStopped() {
    return compareTo(DEACTIVATING) >= 0;
  }
}
