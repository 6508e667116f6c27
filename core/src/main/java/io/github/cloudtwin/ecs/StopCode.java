package io.github.cloudtwin.ecs;

/** Why a task stopped, as ECS's {@code stopCode}. */
public enum StopCode {
  /** A container failed to start, or the task could not be started. */
  TaskFailedToStart,
  /** An essential container exited. */
  EssentialContainerExited,
  /** Someone called StopTask, or the instance was deregistered. */
  UserInitiated,
  /** The service scheduler stopped it (scale-in, deployment, health, host loss). */
  ServiceSchedulerInitiated,
  /** Fargate Spot reclaimed it. */
  SpotInterruption,
  /** The host is going away. */
  TerminationNotice
}
