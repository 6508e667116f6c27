package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** The rollout state of a service deployment (with the circuit breaker). */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum RolloutState {
  /** Tasks of this deployment are being started. */
  IN_PROGRESS,
  /** The deployment reached its desired count, healthy, and the older ones are gone. */
  COMPLETED,
  /** The circuit breaker tripped: the deployment launches nothing further. */
  FAILED
}
