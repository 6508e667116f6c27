package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;

/**
 * PutMetricAlarm's rules for {@code Metrics} (API reference, {@code Metrics} and {@code
 * MetricDataQuery}): at most 20 queries, at most 10 of them metrics and 10 expressions, exactly one
 * with {@code ReturnData} true, and that one a single time series.
 */
final class MathAlarms {

  /** AWS's answer when not exactly one query returns data. */
  static final String ONE_RETURN_DATA =
      "Exactly one element of the metrics list should return data.";

  private MathAlarms() {}

  /**
   * Validates an alarm's queries.
   *
   * @param metrics the queries
   * @return the compiled queries
   */
  static MetricMath compile(List<MetricDataQuery> metrics) {
    if (metrics.size() > 20) {
      throw new ValidationException(
          "Metrics",
          metrics.size() + " queries",
          "at most 20 MetricDataQuery elements in an alarm");
    }
    MetricMath math = MetricMath.compile(metrics);
    int stats = 0;
    int expressions = 0;
    int returning = 0;
    for (MetricDataQuery q : metrics) {
      if (q.isExpression()) expressions++;
      else stats++;
      if (q.returnData()) returning++;
    }
    if (stats > 10 || expressions > 10) {
      throw new ValidationException(
          "Metrics",
          stats + " metrics and " + expressions + " expressions",
          "at most 10 elements with MetricStat and 10 with Expression in an alarm");
    }
    if (returning != 1) {
      throw new ValidationException(
          "Metrics.ReturnData",
          returning + " elements with ReturnData true",
          "exactly one (ReturnData defaults to true: set it to false on every other element)",
          ONE_RETURN_DATA);
    }
    MetricDataQuery returned = returnedQuery(metrics);
    if (math.type(returned.id()).type() != MetricMath.Type.SERIES) {
      throw new ValidationException(
          "Metrics[" + returned.id() + "].Expression",
          returned.expression(),
          "an expression that returns a single time series (this one returns "
              + (math.type(returned.id()).type() == MetricMath.Type.SCALAR
                  ? "a scalar"
                  : "an array of time series")
              + ")");
    }
    return math;
  }

  static MetricDataQuery returnedQuery(List<MetricDataQuery> metrics) {
    for (MetricDataQuery q : metrics) {
      if (q.returnData()) return q;
    }
    throw new IllegalStateException("no query returns data");
  }

  /**
   * The type of the query an alarm watches (validating the list first).
   *
   * @param metrics the queries
   * @return its type and period
   */
  static MetricMath.Typed returned(List<MetricDataQuery> metrics) {
    return compile(metrics).type(returnedQuery(metrics).id());
  }
}
