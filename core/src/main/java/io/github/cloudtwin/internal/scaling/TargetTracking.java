package io.github.cloudtwin.internal.scaling;

import org.apiguardian.api.API;

/**
 * The capacity a target tracking policy asks for: the capacity that brings the metric back to the
 * target if it scales in proportion, {@code ceil(capacity x metric / target)} (AWS does not publish
 * its formula; scale out proportionally, scale in gradually: <a
 * href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html">Target
 * tracking scaling policies</a>). A product that lands within 1e-9 of a whole number counts as that
 * number, so 4 x 75 / 50 is 6, not 7. Stateless.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TargetTracking {

  private TargetTracking() {}

  /**
   * {@code ceil(capacity x metric / target)}.
   *
   * @param capacity the capacity the metric was measured at
   * @param metric the metric's newest value
   * @param target the target value, above 0
   * @return the capacity needed
   */
  public static int needed(int capacity, double metric, double target) {
    return ceil(capacity * metric / target);
  }

  /**
   * {@code x} rounded up, with a tolerance of 1e-9 for floating-point noise.
   *
   * @param x the value
   * @return the smallest int not below {@code x - 1e-9}
   */
  public static int ceil(double x) {
    return (int) Math.ceil(x - 1e-9);
  }
}
