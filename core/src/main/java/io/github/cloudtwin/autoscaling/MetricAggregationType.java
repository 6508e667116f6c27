package io.github.cloudtwin.autoscaling;

/** How a step policy aggregates the alarm's datapoints. */
public enum MetricAggregationType {
  /** The average (default). */
  Average,
  /** The minimum. */
  Minimum,
  /** The maximum. */
  Maximum
}
