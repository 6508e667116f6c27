package io.github.cloudtwin.ecs;

/** A container instance's status. */
public enum ContainerInstanceStatus {
  /** Accepts tasks. */
  ACTIVE,
  /** Accepts no new tasks; the service scheduler moves its service tasks away. */
  DRAINING,
  /** Deregistered. */
  INACTIVE
}
