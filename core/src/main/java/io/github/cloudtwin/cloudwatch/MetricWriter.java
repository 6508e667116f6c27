package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * A cheap handle for publishing to one metric again and again, used by the services that publish
 * AWS metrics every period (EC2 CPU, load-balancer counts). Resolving the metric once keeps the
 * per-minute hot path free of map look-ups and allocation.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class MetricWriter {

  private final Kernel kernel;
  private final MetricSeries series;

  MetricWriter(Kernel kernel, MetricSeries series) {
    this.kernel = kernel;
    this.series = series;
  }

  /** {@return the metric written to} */
  public MetricId metric() {
    return series.id;
  }

  /**
   * Stores one sample stamped {@code epochMillis}. Called on the simulation thread.
   *
   * @param epochMillis the epoch millis
   * @param value the value
   */
  public void put(long epochMillis, double value) {
    Require.finite("value", value);
    series.add(epochMillis, value);
  }

  /**
   * Adds one sample into an aggregate: samples with the same timestamp merge into one statistic set
   * (count, sum, minimum, maximum), the way CloudWatch serves EC2 metrics per AutoScalingGroupName.
   * Percentiles are not available on merged samples.
   *
   * @param epochMillis the epoch millis
   * @param value the value
   */
  public void merge(long epochMillis, double value) {
    Require.finite("value", value);
    series.mergeLast(epochMillis, value);
  }

  /**
   * Adds {@code values[0..count)} into an aggregate at one timestamp, in that order: the same
   * statistic set, bit for bit, as {@code count} calls of {@link #merge} with those values, at a
   * fraction of the cost. Called on the simulation thread.
   *
   * @param epochMillis the epoch millis
   * @param values the values, of which the first {@code count} are added
   * @param count how many values to add (0 adds nothing)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public void mergeAll(long epochMillis, double[] values, int count) {
    Require.notNull("values", values);
    if (count < 0 || count > values.length) {
      throw new ValidationException(
          "count", count, "must be between 0 and the number of values, " + values.length);
    }
    for (int i = 0; i < count; i++) {
      if (!Double.isFinite(values[i])) Require.finite("values[" + i + "]", values[i]);
    }
    series.mergeAll(epochMillis, values, count);
  }

  MetricSeries series() {
    return series;
  }

  Kernel kernel() {
    return kernel;
  }
}
