package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** A container instance's status. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ContainerInstanceStatus {
  /** Accepts tasks. */
  ACTIVE,
  /** Accepts no new tasks; the service scheduler moves its service tasks away. */
  DRAINING,
  /** Deregistered. */
  INACTIVE
}
