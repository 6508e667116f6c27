package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One metric, statistic and period to retrieve, as the {@code MetricStat} of a {@code
 * MetricDataQuery} (PutMetricAlarm's {@code Metrics}, GetMetricData's {@code MetricDataQueries}).
 *
 * @param metric the metric (namespace, name, exact dimensions)
 * @param period the period: 1, 5, 10, 20, 30 s or a multiple of 60 s
 * @param stat the statistic ({@code Average}, {@code Sum}, ..., or a percentile such as {@code
 *     p99})
 * @param unit only datapoints published with this unit count; null for every unit
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MetricStat(
    MetricId metric, Duration period, Statistic stat, @Nullable StandardUnit unit) {

  /**
   * Validates the period the way {@code MetricStat.Period} is documented.
   *
   * @param metric the metric (namespace, name, exact dimensions)
   * @param period the period: 1, 5, 10, 20, 30 s or a multiple of 60 s
   * @param stat the statistic
   * @param unit only datapoints published with this unit count; null for every unit
   */
  public MetricStat {
    Require.notNull("MetricStat.Metric", metric);
    Require.notNull("MetricStat.Period", period);
    Require.notNull("MetricStat.Stat", stat);
    checkPeriod("MetricStat.Period", period);
  }

  static void checkPeriod(String field, Duration period) {
    long p = period.getSeconds();
    if (period.getNano() != 0
        || !(p == 1 || p == 5 || p == 10 || p == 20 || p == 30 || (p >= 60 && p % 60 == 0))) {
      throw new ValidationException(
          field, period, "1, 5, 10, 20 or 30 seconds, or a multiple of 60 seconds");
    }
  }

  /**
   * A metric with a statistic and a period, every unit counting.
   *
   * @param metric the metric
   * @param period the period
   * @param stat the statistic
   * @return the metric stat
   */
  public static MetricStat of(MetricId metric, Duration period, Statistic stat) {
    return new MetricStat(metric, period, stat, null);
  }
}
