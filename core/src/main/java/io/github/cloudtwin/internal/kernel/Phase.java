package io.github.cloudtwin.internal.kernel;

import org.apiguardian.api.API;

/**
 * The order in which work that shares a tick runs: first everything that observes and publishes
 * (metrics), then everything that evaluates what was published (alarms), then everything that acts
 * on the evaluation (reconcile loops).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Phase {
  /** Publishers: metric datapoints for the period that just ended. */
  OBSERVE,
  /** Evaluators: alarms over the datapoints just published. */
  EVALUATE,
  /** Actors: reconcile loops that move actual state toward desired state. */
  ACT
}
