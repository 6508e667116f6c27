package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** Why a task stopped, as ECS's {@code stopCode}. */
@API(status = API.Status.STABLE, since = "0.1.0")
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
