package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One element of a metric math request, as AWS's {@code MetricDataQuery}: either a metric to
 * retrieve ({@link #metricStat()}) or a math expression over the other elements ({@link
 * #expression()}), named by an {@link #id()} that expressions use.
 *
 * <p>Used in {@link MetricAlarmSpec.Builder#metrics} (an alarm on metric math: exactly one element
 * returns data) and {@link CloudWatch#getMetricData}. {@code ReturnData} defaults to true, as in
 * AWS: in an alarm every element but the one the alarm watches must say false.
 *
 * @param id lowercase letter first, then letters, digits and underscores; at most 255 characters
 * @param metricStat the metric to retrieve, or null for an expression
 * @param expression the math expression, or null for a metric
 * @param label a name for people, or null
 * @param returnData whether this element's result is returned (in an alarm: watched)
 * @param period an expression's period (must match its metrics'), or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MetricDataQuery(
    String id,
    @Nullable MetricStat metricStat,
    @Nullable String expression,
    @Nullable String label,
    boolean returnData,
    @Nullable Duration period) {

  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  /**
   * Validates the id and that exactly one of metric and expression is given.
   *
   * @param id lowercase letter first, then letters, digits and underscores; at most 255 characters
   * @param metricStat the metric to retrieve, or null for an expression
   * @param expression the math expression, or null for a metric
   * @param label a name for people, or null
   * @param returnData whether this element's result is returned (in an alarm: watched)
   * @param period an expression's period (must match its metrics'), or null
   */
  public MetricDataQuery {
    Require.notNull("Id", id);
    if (id.length() > 255 || !ID.matcher(id).matches()) {
      throw new ValidationException(
          "Id",
          id,
          "must start with a lowercase letter and contain only letters, numbers and underscores (at most 255 characters)");
    }
    if ((metricStat == null) == (expression == null)) {
      throw new ValidationException(
          "Metrics[" + id + "]",
          metricStat == null ? "neither" : "both",
          "exactly one of Expression and MetricStat in each MetricDataQuery");
    }
    if (expression != null && (expression.isBlank() || expression.length() > 2048)) {
      throw new ValidationException(
          "Metrics[" + id + "].Expression",
          expression,
          "a math expression of 1 to 2048 characters");
    }
    if (period != null) {
      if (metricStat != null) {
        throw new ValidationException(
            "Metrics[" + id + "].Period",
            period,
            "Period only on an expression (a MetricStat has its own period)");
      }
      MetricStat.checkPeriod("Metrics[" + id + "].Period", period);
    }
  }

  /**
   * A metric to retrieve; returns data.
   *
   * @param id the id expressions refer to it by
   * @param metric the metric
   * @param period the period
   * @param stat the statistic
   * @return the query
   */
  public static MetricDataQuery metric(
      String id, MetricId metric, Duration period, Statistic stat) {
    return new MetricDataQuery(id, MetricStat.of(metric, period, stat), null, null, true, null);
  }

  /**
   * A math expression over the other queries' ids; returns data.
   *
   * @param id the id
   * @param expression the expression, such as {@code 100 * errors / requests}
   * @return the query
   */
  public static MetricDataQuery expression(String id, String expression) {
    return new MetricDataQuery(id, null, expression, null, true, null);
  }

  /**
   * This query with {@code ReturnData} set.
   *
   * @param returnData whether the result is returned (in an alarm: the one watched)
   * @return a copy
   */
  public MetricDataQuery withReturnData(boolean returnData) {
    return new MetricDataQuery(id, metricStat, expression, label, returnData, period);
  }

  /**
   * This query with a label.
   *
   * @param label the label
   * @return a copy
   */
  public MetricDataQuery withLabel(String label) {
    return new MetricDataQuery(id, metricStat, expression, label, returnData, period);
  }

  /**
   * This expression with a period.
   *
   * @param period the period
   * @return a copy
   */
  public MetricDataQuery withPeriod(Duration period) {
    return new MetricDataQuery(id, metricStat, expression, label, returnData, period);
  }

  /** {@return whether this query is a math expression} */
  public boolean isExpression() {
    return expression != null;
  }
}
