package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** The {@code StatusCode} of a scaling activity (the subset the twin produces). */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ActivityStatus {
  /** Waiting for the instance to pass its launch steps. */
  PreInService,
  /** In progress. */
  InProgress,
  /** Waiting for the load balancer to drain the instance. */
  WaitingForELBConnectionDraining,
  /** Waiting for a lifecycle hook. */
  MidLifecycleAction,
  /** Done. */
  Successful,
  /** Failed (for example InsufficientInstanceCapacity). */
  Failed,
  /** Cancelled. */
  Cancelled;

  /** {@return whether the activity has ended} */
  public boolean isDone() {
    return this == Successful || this == Failed || this == Cancelled;
  }
}
