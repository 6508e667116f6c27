package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * The values CloudWatch stores: zero, or a finite magnitude between {@link #SMALLEST} and {@link
 * #LARGEST} (about 2^-360 to 2^360, MetricDatum's documented range); anything else is rejected,
 * never stored. Stateless.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class MetricValueRange {

  /** The smallest non-zero magnitude CloudWatch accepts. */
  static final double SMALLEST = 8.515920e-109;

  /** The largest magnitude CloudWatch accepts. */
  static final double LARGEST = 1.174271e+108;

  private MetricValueRange() {}

  /**
   * The value, or a ValidationException naming {@code field} when CloudWatch would reject it.
   *
   * @param field the field to name
   * @param value the value
   * @return the value
   */
  public static double check(String field, double value) {
    double m = Math.abs(value);
    if (Double.isNaN(value) || m > LARGEST || m != 0 && m < SMALLEST) {
      throw new ValidationException(
          field,
          value,
          "a finite number of magnitude 0 or between "
              + SMALLEST
              + " and "
              + LARGEST
              + " (CloudWatch rejects values too small or too large)");
    }
    return value;
  }
}
