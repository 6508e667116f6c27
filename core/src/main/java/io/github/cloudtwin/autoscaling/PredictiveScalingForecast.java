package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One hour of a predictive scaling policy's forecast, as {@code GetPredictiveScalingForecast}
 * returns it (its {@code LoadForecast} and {@code CapacityForecast} values at one timestamp).
 *
 * @param timestamp the start of the hour
 * @param loadForecast the forecast load: the mean over the hour of the load metric's one-minute Sum
 * @param capacityForecast the minimum capacity the hour needs: the load forecast divided by the
 *     target value, rounded up, at least the group's MinSize and, with HonorMaxCapacity, at most
 *     its MaxSize (the bounds when the forecast was made)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PredictiveScalingForecast(
    Instant timestamp, double loadForecast, int capacityForecast) {

  /**
   * Checks the values.
   *
   * @param timestamp the start of the hour
   * @param loadForecast the forecast load, 0 or more
   * @param capacityForecast the capacity forecast, 0 or more
   */
  public PredictiveScalingForecast {
    Require.notNull("Timestamp", timestamp);
    Require.finite("LoadForecast", loadForecast);
    Require.notNegative("CapacityForecast", capacityForecast);
  }
}
