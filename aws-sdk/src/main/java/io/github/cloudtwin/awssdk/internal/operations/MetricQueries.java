package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.checkPeriod;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.missing;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.statistic;

import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricQuery;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's {@code MetricDataQuery} list (GetMetricData's queries, a metric math alarm's {@code
 * Metrics}) as the twin's queries, with AWS's messages for what is missing or invalid.
 */
final class MetricQueries {

  private MetricQueries() {}

  /**
   * The twin's queries for a {@code MetricDataQuery} list, with AWS's messages for what is missing.
   *
   * @param queries the queries
   * @param field {@code MetricDataQueries} or {@code Metrics}
   * @return the twin's queries
   */
  static List<io.github.cloudtwin.cloudwatch.MetricDataQuery> queries(
      List<MetricQuery> queries, String field) {
    List<io.github.cloudtwin.cloudwatch.MetricDataQuery> out = new ArrayList<>();
    for (MetricQuery q : queries) {
      if (q.id() == null) throw missing(field + ".member.Id");
      if (!q.id().matches("[a-z][a-zA-Z0-9_]*")) {
        throw invalid(
            "The value "
                + q.id()
                + " for parameter "
                + field
                + ".member.Id is invalid: it must start"
                + " with a lower-case letter and contain only letters, numbers and underscores.");
      }
      boolean returnData = q.returnData() == null || q.returnData();
      io.github.cloudtwin.cloudwatch.MetricDataQuery core;
      if (q.expression() != null) {
        if (q.metric() != null) {
          throw AwsErrorException.badRequest(
              "InvalidParameterCombination",
              "The parameters "
                  + field
                  + ".member.Expression and "
                  + field
                  + ".member.MetricStat are mutually exclusive and you have specified both (query "
                  + q.id()
                  + ").");
        }
        if (q.period() != null) checkPeriod(field + ".member.Period", q.period());
        try {
          core =
              new io.github.cloudtwin.cloudwatch.MetricDataQuery(
                  q.id(),
                  null,
                  q.expression(),
                  q.label(),
                  returnData,
                  q.period() == null ? null : Duration.ofSeconds(q.period()));
        } catch (ValidationException e) {
          throw invalid(e.getMessage());
        }
      } else {
        if (q.metric() == null || q.period() == null || q.stat() == null) {
          throw AwsErrorException.badRequest(
              "MissingParameter",
              "The parameter "
                  + field
                  + ".member.MetricStat (with"
                  + " Metric, Period and Stat) or "
                  + field
                  + ".member.Expression is required for query "
                  + q.id()
                  + ".");
        }
        checkPeriod(field + ".member.MetricStat.Period", q.period());
        Statistic st = statistic(q.stat());
        core =
            new io.github.cloudtwin.cloudwatch.MetricDataQuery(
                q.id(),
                new io.github.cloudtwin.cloudwatch.MetricStat(
                    q.metric(), Duration.ofSeconds(q.period()), st, null),
                null,
                q.label(),
                returnData,
                null);
      }
      out.add(core);
    }
    return out;
  }
}
