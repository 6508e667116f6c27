package io.github.cloudtwin.autoscaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * A ForecastAndScale policy's capacity for a forecast hour, a floor for dynamic scale-in from its
 * action ({@code SchedulingBufferTime} before the hour) to the end of the hour: with predictive and
 * dynamic scaling together the group keeps the higher of the two capacities (How predictive scaling
 * works,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/predictive-scaling-policy-overview.html).
 *
 * @param policyName the predictive scaling policy
 * @param hour the forecast hour
 * @param capacity the capacity it set for the hour (the forecast within the group's bounds)
 */
record ForecastFloor(String policyName, Instant hour, int capacity) {

  /** {@return the highest floor in effect at {@code now}, or null} */
  static @Nullable ForecastFloor at(Collection<ForecastFloor> floors, Instant now) {
    ForecastFloor best = null;
    for (ForecastFloor f : floors) {
      if (now.isBefore(f.hour.plus(Duration.ofHours(1)))
          && (best == null || f.capacity > best.capacity)) {
        best = f;
      }
    }
    return best;
  }
}
