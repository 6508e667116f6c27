package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;

/**
 * A pre-aggregated set of samples for {@code PutMetricData}, as AWS's {@code StatisticValues}.
 *
 * @param sampleCount how many samples, at least 1
 * @param sum their sum
 * @param minimum the lowest sample
 * @param maximum the highest sample
 */
public record StatisticValues(double sampleCount, double sum, double minimum, double maximum) {

  /**
   * Validates like CloudWatch: finite numbers, count at least 1, minimum not above maximum.
   *
   * @param sampleCount how many samples, at least 1
   * @param sum their sum
   * @param minimum the lowest sample
   * @param maximum the highest sample
   */
  public StatisticValues {
    if (!(sampleCount >= 1) || !Double.isFinite(sampleCount)) {
      throw new ValidationException("StatisticValues.SampleCount", sampleCount, "must be at least 1");
    }
    if (!Double.isFinite(sum) || !Double.isFinite(minimum) || !Double.isFinite(maximum)) {
      throw new ValidationException("StatisticValues", sum + "/" + minimum + "/" + maximum, "finite numbers");
    }
    if (minimum > maximum) {
      throw new ValidationException(
          "StatisticValues.Minimum", minimum, "must not be above Maximum (" + maximum + ")");
    }
  }
}
