package io.github.cloudtwin.whatif;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A level the estate should stay under, such as "the group's average CPU at most 80 % per minute"
 * or "at most 1,000 requests per target per minute": a replay reports how long it was above it.
 *
 * @param name a short name for tables, such as {@code cpu>80}
 * @param metric the metric
 * @param statistic the statistic per period
 * @param period the period, at least one minute
 * @param threshold breached while the statistic is greater than this
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record BreachTarget(
    String name, MetricId metric, Statistic statistic, Duration period, double threshold) {

  /**
   * Validates.
   *
   * @param name a short name for tables, such as {@code cpu>80}
   * @param metric the metric
   * @param statistic the statistic per period
   * @param period the period, at least one minute
   * @param threshold breached while the statistic is greater than this
   */
  public BreachTarget {
    Require.name("name", name);
    Require.notNull("metric", metric);
    Require.notNull("statistic", statistic);
    Require.between("period", period, Duration.ofMinutes(1), Duration.ofDays(1));
    Require.finite("threshold", threshold);
  }

  /**
   * The statistic of {@code metric} above {@code threshold}, per {@code period}.
   *
   * @param name a short name for tables
   * @param metric the metric
   * @param statistic the statistic per period
   * @param period the period
   * @param threshold the level
   * @return the target
   */
  public static BreachTarget above(
      String name, MetricId metric, Statistic statistic, Duration period, double threshold) {
    return new BreachTarget(name, metric, statistic, period, threshold);
  }

  /**
   * The group's average {@code AWS/EC2 CPUUtilization} above {@code percent}, per 5 minutes (basic
   * monitoring's period: instances publish CPU every 5 minutes unless detailed monitoring is on;
   * for detailed monitoring use {@link #above} with one minute).
   *
   * @param groupName the Auto Scaling group
   * @param percent the level
   * @return the target, named {@code cpu>percent}
   */
  public static BreachTarget groupCpuAbove(String groupName, double percent) {
    return new BreachTarget(
        "cpu>" + trim(percent),
        MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", groupName),
        Statistic.AVERAGE,
        Duration.ofMinutes(5),
        percent);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
