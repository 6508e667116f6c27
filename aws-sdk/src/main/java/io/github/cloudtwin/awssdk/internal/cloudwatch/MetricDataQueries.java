package io.github.cloudtwin.awssdk.internal.cloudwatch;

import static io.github.cloudtwin.awssdk.internal.cloudwatch.Dimensions.dimensions;

import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricQuery;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * A request's {@code MetricDataQuery} list (GetMetricData, PutMetricAlarm) as the twin's queries.
 */
final class MetricDataQueries {

  private MetricDataQueries() {}

  static List<MetricQuery> queries(List<MetricDataQuery> in) {
    List<MetricQuery> queries = new ArrayList<>();
    for (MetricDataQuery q : in) {
      MetricStat s = q.metricStat();
      MetricId id = null;
      if (s != null && s.metric() != null) {
        Metric m = s.metric();
        if (m.namespace() == null || m.metricName() == null) {
          throw AwsErrorException.badRequest(
              "MissingParameter",
              "The parameters MetricStat.Metric.Namespace and MetricStat.Metric.MetricName are required.");
        }
        if (s.unit() != null) {
          throw new UnsupportedOperationException(
              "MetricStat with Unit is not simulated by CloudTwin's SDK clients:"
                  + " leave it out (every unit then counts)");
        }
        id = new MetricId(m.namespace(), m.metricName(), dimensions(m.dimensions()));
      }
      if (q.accountId() != null) {
        throw new UnsupportedOperationException(
            "MetricDataQuery with AccountId (cross-account) is not simulated by CloudTwin");
      }
      queries.add(
          new MetricQuery(
              q.id(),
              id,
              s == null ? q.period() : s.period(),
              s == null ? null : s.stat(),
              q.label(),
              q.returnData(),
              q.expression()));
    }
    return queries;
  }
}
