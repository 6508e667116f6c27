package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** The outcome of a lifecycle action: go on, or give up on the instance. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LifecycleActionResult {
  /** Go on: launch into service, or terminate. */
  CONTINUE,
  /** Give up: a launching instance is terminated (and replaced); a terminating one terminates. */
  ABANDON
}
