package io.github.cloudtwin.autoscaling;

/** The outcome of a lifecycle action: go on, or give up on the instance. */
public enum LifecycleActionResult {
  /** Go on: launch into service, or terminate. */
  CONTINUE,
  /** Give up: a launching instance is terminated (and replaced); a terminating one terminates. */
  ABANDON
}
