package io.github.cloudtwin.ecs;

/** The rollout state of a service deployment (with the circuit breaker). */
public enum RolloutState {
  /** Tasks of this deployment are being started. */
  IN_PROGRESS,
  /** The deployment reached its desired count, healthy, and the older ones are gone. */
  COMPLETED,
  /** The circuit breaker tripped: the deployment launches nothing further. */
  FAILED
}
