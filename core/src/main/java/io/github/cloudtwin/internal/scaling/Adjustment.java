package io.github.cloudtwin.internal.scaling;

import org.apiguardian.api.API;

/**
 * The arithmetic of an adjustment type, shared by EC2 Auto Scaling and Application Auto Scaling
 * (each mirrors AWS's {@code AdjustmentType} in its own API): {@code ChangeInCapacity}, {@code
 * ExactCapacity} and {@code PercentChangeInCapacity} with AWS's rounding and {@code
 * MinAdjustmentMagnitude} (<a
 * href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html">Step and
 * simple scaling policies</a>, "Scaling adjustment types"). Saturates, never wraps.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Adjustment {
  /** Add the adjustment to the capacity (negative removes). */
  CHANGE_IN_CAPACITY,
  /** Set the capacity to the adjustment. */
  EXACT_CAPACITY,
  /**
   * Change the capacity by a percentage, rounded as AWS documents ({@link Capacity#percentChange}).
   */
  PERCENT_CHANGE_IN_CAPACITY;

  /**
   * The change this adjustment makes at {@code base}.
   *
   * @param base the capacity the adjustment starts from
   * @param adjustment the policy's (or step's) adjustment
   * @param minAdjustmentMagnitude the least change of a percent adjustment, or 0 for none
   * @return the change, saturated to the int range
   */
  public int change(int base, int adjustment, int minAdjustmentMagnitude) {
    return switch (this) {
      case CHANGE_IN_CAPACITY -> adjustment;
      case EXACT_CAPACITY -> Capacity.plus(adjustment, -(long) base);
      case PERCENT_CHANGE_IN_CAPACITY ->
          Capacity.percentChange(base, adjustment, minAdjustmentMagnitude);
    };
  }

  /**
   * The capacity this adjustment gives from {@code base}, before any clamping.
   *
   * @param base the capacity the adjustment starts from
   * @param adjustment the policy's (or step's) adjustment
   * @param minAdjustmentMagnitude the least change of a percent adjustment, or 0 for none
   * @return the new capacity, saturated to the int range
   */
  public int capacity(int base, int adjustment, int minAdjustmentMagnitude) {
    return this == EXACT_CAPACITY
        ? adjustment
        : Capacity.plus(base, change(base, adjustment, minAdjustmentMagnitude));
  }
}
