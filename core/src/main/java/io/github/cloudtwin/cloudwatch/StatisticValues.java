package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * A pre-aggregated set of samples for {@code PutMetricData}, as AWS's {@code StatisticValues}.
 *
 * @param sampleCount how many samples, at least 1
 * @param sum their sum
 * @param minimum the lowest sample
 * @param maximum the highest sample
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StatisticValues(double sampleCount, double sum, double minimum, double maximum) {

  /**
   * Validates like CloudWatch: count at least 1, every number within CloudWatch's value range,
   * minimum not above maximum.
   *
   * @param sampleCount how many samples, at least 1
   * @param sum their sum
   * @param minimum the lowest sample
   * @param maximum the highest sample
   */
  public StatisticValues {
    if (!(sampleCount >= 1)) {
      throw new ValidationException(
          "StatisticValues.SampleCount", sampleCount, "must be at least 1");
    }
    MetricValueRange.check("StatisticValues.SampleCount", sampleCount);
    MetricValueRange.check("StatisticValues.Sum", sum);
    MetricValueRange.check("StatisticValues.Minimum", minimum);
    MetricValueRange.check("StatisticValues.Maximum", maximum);
    if (minimum > maximum) {
      throw new ValidationException(
          "StatisticValues.Minimum", minimum, "must not be above Maximum (" + maximum + ")");
    }
  }
}
