package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.checkPeriod;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.metric;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.missing;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.namespace;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.statistic;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.unit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricDatum;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricQuery;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricResult;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricDataResult;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.ScanBy;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's metric operations: PutMetricData, GetMetricStatistics, GetMetricData and
 * ListMetrics.
 */
final class MetricOperations {

  private final CloudTwin twin;
  private final CloudWatch cloudWatch;
  private final Pagination pages;

  MetricOperations(CloudTwin twin, Pagination pages) {
    this.twin = twin;
    this.cloudWatch = twin.cloudWatch();
    this.pages = pages;
  }

  void putMetricData(String namespace, List<MetricDatum> data) {
    namespace(namespace);
    if (namespace.startsWith("AWS/")) {
      throw invalid("The value " + namespace + " for parameter Namespace is invalid.");
    }
    if (data == null || data.isEmpty()) throw missing("MetricData");
    if (data.size() > 1000) {
      throw invalid("The collection MetricData must not have a size greater than 1000.");
    }
    List<Runnable> puts = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      MetricDatum d = data.get(i);
      String member = "MetricData.member." + (i + 1);
      if (d.metricName() == null) throw missing(member + ".MetricName");
      MetricId id = metric(namespace, d.metricName(), d.dimensions());
      StandardUnit unit = unit(d.unit());
      Instant ts = d.timestamp();
      if (ts != null
          && (ts.isBefore(twin.now().minus(Duration.ofDays(14)))
              || ts.isAfter(twin.now().plusSeconds(7200)))) {
        throw invalid(
            "The parameter "
                + member
                + ".Timestamp must specify a time no more than two weeks in the past"
                + " or two hours in the future.");
      }
      if (d.statisticValues() != null) {
        if (d.value() != null) {
          throw AwsErrorException.badRequest(
              "InvalidParameterCombination",
              "The parameters "
                  + member
                  + ".Value and "
                  + member
                  + ".StatisticValues are mutually exclusive and you have specified both.");
        }
        StatisticValues v = d.statisticValues();
        puts.add(() -> cloudWatch.putMetricData(id, ts, v, unit));
      } else {
        if (d.value() == null) {
          throw AwsErrorException.badRequest(
              "MissingParameter", "The parameter " + member + ".Value is required.");
        }
        double v = d.value();
        if (!Double.isFinite(v)) {
          throw invalid("The value " + v + " for parameter " + member + ".Value is invalid.");
        }
        puts.add(() -> cloudWatch.putMetricData(id, ts, v, unit));
      }
    }
    for (Runnable p : puts) p.run();
  }

  Map<Instant, Map<String, Double>> getMetricStatistics(
      String namespace,
      String metricName,
      Map<String, String> dimensions,
      Instant start,
      Instant end,
      Integer period,
      @Nullable List<String> statistics,
      @Nullable List<String> extendedStatistics) {
    namespace(namespace);
    if (metricName == null) throw missing("MetricName");
    if (start == null) throw missing("StartTime");
    if (end == null) throw missing("EndTime");
    if (period == null) throw missing("Period");
    checkPeriod("Period", period);
    if (!end.isAfter(start)) {
      throw invalid("The parameter StartTime must be less than the parameter EndTime.");
    }
    boolean noStats = statistics == null || statistics.isEmpty();
    boolean noExt = extendedStatistics == null || extendedStatistics.isEmpty();
    if (noStats && noExt) {
      throw AwsErrorException.badRequest(
          "MissingParameter", "Must specify either Statistics or ExtendedStatistics.");
    }
    long points = (Duration.between(start, end).getSeconds() + period - 1) / period;
    if (points > 1440) {
      throw invalid(
          "You have requested up to "
              + points
              + " datapoints, which exceeds the limit of 1,440. You may"
              + " reduce the datapoints requested by increasing Period, or decreasing the time range.");
    }
    MetricId id = metric(namespace, metricName, dimensions);
    List<String> stats = new ArrayList<>();
    if (!noStats) stats.addAll(statistics);
    if (!noExt) stats.addAll(extendedStatistics);
    Map<Instant, Map<String, Double>> out = new TreeMap<>();
    for (String s : stats) {
      Statistic st = statistic(s);
      for (Datapoint d :
          cloudWatch.getMetricStatistics(id, start, end, Duration.ofSeconds(period), st)) {
        out.computeIfAbsent(d.timestamp(), t -> new LinkedHashMap<>()).put(s, d.value());
      }
    }
    return out;
  }

  List<MetricResult> getMetricData(
      List<MetricQuery> queries,
      Instant start,
      Instant end,
      boolean ascending,
      Integer maxDatapoints) {
    if (queries == null || queries.isEmpty()) throw missing("MetricDataQueries");
    if (queries.size() > 500) {
      throw invalid("The collection MetricDataQueries must not have a size greater than 500.");
    }
    if (start == null) throw missing("StartTime");
    if (end == null) throw missing("EndTime");
    if (!end.isAfter(start)) {
      throw invalid("The parameter StartTime must be less than the parameter EndTime.");
    }
    List<io.github.cloudtwin.cloudwatch.MetricDataQuery> core =
        MetricQueries.queries(queries, "MetricDataQueries");
    List<MetricDataResult> results;
    try {
      results =
          cloudWatch.getMetricData(
              core,
              start,
              end,
              ascending ? ScanBy.TIMESTAMP_ASCENDING : ScanBy.TIMESTAMP_DESCENDING);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    List<MetricResult> out = new ArrayList<>();
    int budget = maxDatapoints == null ? 100_800 : maxDatapoints;
    for (MetricDataResult r : results) {
      int n = Math.min(r.values().size(), Math.max(0, budget));
      budget -= n;
      out.add(
          new MetricResult(
              r.id(), r.label(), r.timestamps().subList(0, n), r.values().subList(0, n)));
    }
    return out;
  }

  Page<MetricId> listMetrics(
      String namespace,
      String metricName,
      @Nullable Map<String, String> dimensionFilters,
      @Nullable String nextToken) {
    List<MetricId> all = new ArrayList<>();
    for (MetricId m : cloudWatch.listMetrics()) {
      if (namespace != null && !namespace.equals(m.namespace())) continue;
      if (metricName != null && !metricName.equals(m.metricName())) continue;
      if (dimensionFilters != null && !matches(m, dimensionFilters)) continue;
      all.add(m);
    }
    return pages.page("ListMetrics", all, nextToken, null, 500, 500, "maxRecords");
  }

  private static boolean matches(MetricId m, Map<String, String> filters) {
    for (Map.Entry<String, String> f : filters.entrySet()) {
      if (!m.dimensions().containsKey(f.getKey())) return false;
      if (f.getValue() != null && !f.getValue().equals(m.dimensions().get(f.getKey())))
        return false;
    }
    return true;
  }
}
