package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** How a step policy aggregates the alarm's datapoints. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum MetricAggregationType {
  /** The average (default). */
  Average,
  /** The minimum. */
  Minimum,
  /** The maximum. */
  Maximum
}
