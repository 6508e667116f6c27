package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * What a predictive scaling policy does when the forecast capacity approaches or exceeds the
 * group's maximum ({@code MaxCapacityBreachBehavior}, API_PredictiveScalingConfiguration).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum PredictiveScalingMaxCapacityBreachBehavior {
  /** The maximum capacity is a hard limit (the default). */
  HonorMaxCapacity,
  /**
   * The maximum capacity may be raised up to the forecast capacity plus {@code MaxCapacityBuffer}
   * percent; it stays raised.
   */
  IncreaseMaxCapacity
}
