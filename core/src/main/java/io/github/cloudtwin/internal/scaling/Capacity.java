package io.github.cloudtwin.internal.scaling;

import org.apiguardian.api.API;

/**
 * Overflow-safe capacity arithmetic, shared by EC2 Auto Scaling and Application Auto Scaling: a sum
 * that saturates instead of wrapping (so {@code 2 + Integer.MAX_VALUE} is a huge capacity that
 * clamps to the maximum, as AWS does, never a negative one) and AWS's rounding of a percent change.
 * Stateless.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Capacity {

  private Capacity() {}

  /**
   * {@code base + delta}, saturated to the int range instead of overflowing.
   *
   * @param base the capacity
   * @param delta the change
   * @return the sum, saturated
   */
  public static int plus(int base, long delta) {
    return saturate((long) base + delta);
  }

  /**
   * {@code value} saturated to the int range.
   *
   * @param value the value
   * @return the value within the int range
   */
  public static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  /**
   * {@code value} within {@code [min, max]}.
   *
   * @param value the value
   * @param min the lowest allowed
   * @param max the highest allowed
   * @return the clamped value
   */
  public static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  /**
   * The change a {@code PercentChangeInCapacity} adjustment of {@code percent} makes at {@code
   * base}, rounded as AWS documents: above 1 rounded down, between 0 and 1 to 1, between -1 and 0
   * to -1, below -1 rounded up (toward zero); then raised to {@code minAdjustmentMagnitude} (0 for
   * none) when smaller. Computed in double, so no product overflows.
   *
   * @param base the capacity the percentage applies to
   * @param percent the percent change
   * @param minAdjustmentMagnitude the least change, or 0
   * @return the change
   */
  public static int percentChange(int base, int percent, int minAdjustmentMagnitude) {
    double raw = base * (double) percent / 100.0;
    int delta;
    if (raw > 1) delta = (int) Math.floor(raw);
    else if (raw > 0) delta = 1;
    else if (raw == 0) delta = 0;
    else if (raw > -1) delta = -1;
    else delta = (int) Math.ceil(raw);
    if (minAdjustmentMagnitude > 0
        && delta != 0
        && Math.abs((long) delta) < minAdjustmentMagnitude) {
      delta = delta > 0 ? minAdjustmentMagnitude : -minAdjustmentMagnitude;
    }
    return delta;
  }
}
