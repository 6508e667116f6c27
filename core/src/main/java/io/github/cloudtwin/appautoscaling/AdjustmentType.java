package io.github.cloudtwin.appautoscaling;

/** How a step adjustment changes the capacity. */
public enum AdjustmentType {
  /** current + N. */
  ChangeInCapacity,
  /** current + current x N / 100, rounded as AWS does (aws-behaviour.md 2.1). */
  PercentChangeInCapacity,
  /** N. */
  ExactCapacity
}
