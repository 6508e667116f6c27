package io.github.cloudtwin.awssdk.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataResult;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.ScanBy;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * CloudWatch's API operations over the twin (metrics and metric alarms), independent of any SDK:
 * AWS's validation, defaults, error codes ({@code InvalidParameterValue}, {@code
 * MissingParameter}, {@code ResourceNotFound}, ...) and pagination. Alarm actions are ARNs: an
 * Auto Scaling policy ARN executes that policy; any other ARN (SNS topics) is a notification that
 * the twin records but does not deliver.
 */
public final class CloudWatchOperations {

  private static final Pagination PAGES = new Pagination("monitoring", "InvalidNextToken");

  private final CloudTwin twin;
  private final CloudWatch cloudWatch;

  /**
   * Operations on {@code twin}.
   *
   * @param twin the twin
   */
  public CloudWatchOperations(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.cloudWatch = twin.cloudWatch();
  }

  /**
   * One {@code MetricDatum} of {@code PutMetricData}.
   *
   * @param metricName required
   * @param dimensions name to value
   * @param timestamp null: now
   * @param value the value, or null with {@code statisticValues}
   * @param statisticValues a statistic set, or null
   * @param unit AWS's unit name, or null for None
   */
  public record MetricDatum(
      String metricName, Map<String, String> dimensions, Instant timestamp, Double value,
      StatisticValues statisticValues, String unit) {}

  /**
   * One {@code MetricDataQuery} of {@code GetMetricData} or of PutMetricAlarm's {@code Metrics}:
   * a {@code MetricStat} (metric, period, stat) or an {@code Expression}.
   *
   * @param id required, starts with a lower-case letter
   * @param metric the metric, or null for an expression
   * @param period the period in seconds (of the MetricStat, or the expression's {@code Period})
   * @param stat the statistic, such as {@code Average} or {@code p99}
   * @param label the label, or null for the metric name
   * @param returnData whether the result is returned (default true)
   * @param expression the metric math expression, or null for a MetricStat
   */
  public record MetricQuery(
      String id, MetricId metric, Integer period, String stat, String label, Boolean returnData, String expression) {}

  /**
   * One result of {@code GetMetricData}.
   *
   * @param id the query id
   * @param label the label
   * @param timestamps the timestamps, newest first unless TimestampAscending
   * @param values the values, matching timestamps
   */
  public record MetricResult(String id, String label, List<Instant> timestamps, List<Double> values) {}

  /**
   * The {@code PutMetricAlarm} parameters the twin simulates (nulls: AWS's defaults).
   *
   * @param alarmName required
   * @param alarmDescription optional
   * @param metric the metric (namespace, name, dimensions)
   * @param statistic a statistic, or null with {@code extendedStatistic}
   * @param extendedStatistic a percentile such as {@code p99}, or null
   * @param period seconds
   * @param evaluationPeriods required
   * @param datapointsToAlarm default EvaluationPeriods
   * @param threshold required
   * @param comparisonOperator AWS's name, required
   * @param treatMissingData default {@code missing}
   * @param evaluateLowSampleCountPercentile {@code evaluate} (default) or {@code ignore}
   * @param actionsEnabled default true
   * @param alarmActions ARNs
   * @param okActions ARNs
   * @param insufficientDataActions ARNs
   * @param metrics the {@code Metrics} of an alarm on metric math, or null
   */
  public record PutAlarm(
      String alarmName, String alarmDescription, MetricId metric, String statistic, String extendedStatistic,
      Integer period, Integer evaluationPeriods, Integer datapointsToAlarm, Double threshold,
      String comparisonOperator, String treatMissingData, String evaluateLowSampleCountPercentile,
      Boolean actionsEnabled, List<String> alarmActions, List<String> okActions,
      List<String> insufficientDataActions, List<MetricQuery> metrics) {}

  /**
   * The {@code PutCompositeAlarm} parameters (nulls: AWS's defaults).
   *
   * @param alarmName required
   * @param alarmDescription optional
   * @param alarmRule required
   * @param actionsEnabled default true
   * @param alarmActions ARNs
   * @param okActions ARNs
   * @param insufficientDataActions ARNs
   * @param actionsSuppressor the suppressor alarm's name or ARN, or null
   * @param actionsSuppressorWaitPeriod seconds; required with a suppressor
   * @param actionsSuppressorExtensionPeriod seconds; required with a suppressor
   */
  public record PutComposite(
      String alarmName, String alarmDescription, String alarmRule, Boolean actionsEnabled, List<String> alarmActions,
      List<String> okActions, List<String> insufficientDataActions, String actionsSuppressor,
      Integer actionsSuppressorWaitPeriod, Integer actionsSuppressorExtensionPeriod) {}

  // ------------------------------------------------------------------ metrics

  /**
   * {@code PutMetricData}: all data or none.
   *
   * @param namespace the namespace
   * @param data the data
   */
  public void putMetricData(String namespace, List<MetricDatum> data) {
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
      if (ts != null && (ts.isBefore(twin.now().minus(Duration.ofDays(14))) || ts.isAfter(twin.now().plusSeconds(7200)))) {
        throw invalid("The parameter " + member + ".Timestamp must specify a time no more than two weeks in the past"
            + " or two hours in the future.");
      }
      if (d.statisticValues() != null) {
        if (d.value() != null) {
          throw AwsErrorException.badRequest("InvalidParameterCombination", "The parameters " + member + ".Value and "
              + member + ".StatisticValues are mutually exclusive and you have specified both.");
        }
        StatisticValues v = d.statisticValues();
        puts.add(() -> cloudWatch.putMetricData(id, ts, v, unit));
      } else {
        if (d.value() == null) {
          throw AwsErrorException.badRequest("MissingParameter", "The parameter " + member + ".Value is required.");
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

  /**
   * {@code GetMetricStatistics}: for each period with data, the requested statistics (oldest
   * first). Returns the datapoints as a map from timestamp to statistic name to value, plus sample
   * counts under {@code SampleCount} when asked.
   *
   * @param namespace the namespace
   * @param metricName the metric name
   * @param dimensions the dimensions
   * @param start the start
   * @param end the end
   * @param period the period
   * @param statistics the statistics
   * @param extendedStatistics the extended statistics
   * @return {@code GetMetricStatistics}: for each period with data, the requested statistics
   *     (oldest first)
   */
  public Map<Instant, Map<String, Double>> getMetricStatistics(
      String namespace, String metricName, Map<String, String> dimensions, Instant start, Instant end,
      Integer period, List<String> statistics, List<String> extendedStatistics) {
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
      throw AwsErrorException.badRequest("MissingParameter", "Must specify either Statistics or ExtendedStatistics.");
    }
    long points = (Duration.between(start, end).getSeconds() + period - 1) / period;
    if (points > 1440) {
      throw invalid("You have requested up to " + points + " datapoints, which exceeds the limit of 1,440. You may"
          + " reduce the datapoints requested by increasing Period, or decreasing the time range.");
    }
    MetricId id = metric(namespace, metricName, dimensions);
    List<String> stats = new ArrayList<>();
    if (!noStats) stats.addAll(statistics);
    if (!noExt) stats.addAll(extendedStatistics);
    Map<Instant, Map<String, Double>> out = new TreeMap<>();
    for (String s : stats) {
      Statistic st = statistic(s);
      for (Datapoint d : cloudWatch.getMetricStatistics(id, start, end, Duration.ofSeconds(period), st)) {
        out.computeIfAbsent(d.timestamp(), t -> new LinkedHashMap<>()).put(s, d.value());
      }
    }
    return out;
  }

  /**
   * {@code GetMetricData}: one result per query that returns data, datapoints newest first by default.
   *
   * @param queries the queries
   * @param start the start
   * @param end the end
   * @param ascending the ascending
   * @param maxDatapoints the max datapoints
   * @return {@code GetMetricData}: one result per query that returns data, datapoints newest first
   *     by default
   */
  public List<MetricResult> getMetricData(
      List<MetricQuery> queries, Instant start, Instant end, boolean ascending, Integer maxDatapoints) {
    if (queries == null || queries.isEmpty()) throw missing("MetricDataQueries");
    if (queries.size() > 500) {
      throw invalid("The collection MetricDataQueries must not have a size greater than 500.");
    }
    if (start == null) throw missing("StartTime");
    if (end == null) throw missing("EndTime");
    if (!end.isAfter(start)) {
      throw invalid("The parameter StartTime must be less than the parameter EndTime.");
    }
    List<io.github.cloudtwin.cloudwatch.MetricDataQuery> core = queries(queries, "MetricDataQueries");
    List<MetricDataResult> results;
    try {
      results = cloudWatch.getMetricData(core, start, end, ascending ? ScanBy.TIMESTAMP_ASCENDING : ScanBy.TIMESTAMP_DESCENDING);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    List<MetricResult> out = new ArrayList<>();
    int budget = maxDatapoints == null ? 100_800 : maxDatapoints;
    for (MetricDataResult r : results) {
      int n = Math.min(r.values().size(), Math.max(0, budget));
      budget -= n;
      out.add(new MetricResult(r.id(), r.label(), r.timestamps().subList(0, n), r.values().subList(0, n)));
    }
    return out;
  }

  /**
   * The twin's queries for a {@code MetricDataQuery} list, with AWS's messages for what is missing.
   *
   * @param queries the queries
   * @param field {@code MetricDataQueries} or {@code Metrics}
   * @return the twin's queries
   */
  public List<io.github.cloudtwin.cloudwatch.MetricDataQuery> queries(List<MetricQuery> queries, String field) {
    List<io.github.cloudtwin.cloudwatch.MetricDataQuery> out = new ArrayList<>();
    for (MetricQuery q : queries) {
      if (q.id() == null) throw missing(field + ".member.Id");
      if (!q.id().matches("[a-z][a-zA-Z0-9_]*")) {
        throw invalid("The value " + q.id() + " for parameter " + field + ".member.Id is invalid: it must start"
            + " with a lower-case letter and contain only letters, numbers and underscores.");
      }
      boolean returnData = q.returnData() == null || q.returnData();
      io.github.cloudtwin.cloudwatch.MetricDataQuery core;
      if (q.expression() != null) {
        if (q.metric() != null) {
          throw AwsErrorException.badRequest("InvalidParameterCombination", "The parameters " + field + ".member.Expression and "
              + field + ".member.MetricStat are mutually exclusive and you have specified both (query " + q.id() + ").");
        }
        if (q.period() != null) checkPeriod(field + ".member.Period", q.period());
        try {
          core = new io.github.cloudtwin.cloudwatch.MetricDataQuery(q.id(), null, q.expression(), q.label(), returnData,
              q.period() == null ? null : Duration.ofSeconds(q.period()));
        } catch (ValidationException e) {
          throw invalid(e.getMessage());
        }
      } else {
        if (q.metric() == null || q.period() == null || q.stat() == null) {
          throw AwsErrorException.badRequest("MissingParameter", "The parameter " + field + ".member.MetricStat (with"
              + " Metric, Period and Stat) or " + field + ".member.Expression is required for query " + q.id() + ".");
        }
        checkPeriod(field + ".member.MetricStat.Period", q.period());
        Statistic st = statistic(q.stat());
        core = new io.github.cloudtwin.cloudwatch.MetricDataQuery(q.id(),
            new io.github.cloudtwin.cloudwatch.MetricStat(q.metric(), Duration.ofSeconds(q.period()), st, null), null,
            q.label(), returnData, null);
      }
      out.add(core);
    }
    return out;
  }

  /**
   * {@code ListMetrics}: metrics matching the filters, 500 per page.
   *
   * @param namespace the namespace
   * @param metricName the metric name
   * @param dimensionFilters the dimension filters
   * @param nextToken the next token
   * @return {@code ListMetrics}: metrics matching the filters, 500 per page
   */
  public Page<MetricId> listMetrics(
      String namespace, String metricName, Map<String, String> dimensionFilters, String nextToken) {
    List<MetricId> all = new ArrayList<>();
    for (MetricId m : cloudWatch.listMetrics()) {
      if (namespace != null && !namespace.equals(m.namespace())) continue;
      if (metricName != null && !metricName.equals(m.metricName())) continue;
      if (dimensionFilters != null && !matches(m, dimensionFilters)) continue;
      all.add(m);
    }
    return PAGES.page("ListMetrics", all, nextToken, null, 500, 500, "maxRecords");
  }

  private static boolean matches(MetricId m, Map<String, String> filters) {
    for (Map.Entry<String, String> f : filters.entrySet()) {
      if (!m.dimensions().containsKey(f.getKey())) return false;
      if (f.getValue() != null && !f.getValue().equals(m.dimensions().get(f.getKey()))) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ alarms

  /**
   * {@code PutMetricAlarm}: creates or updates.
   *
   * @param r the r
   * @return {@code PutMetricAlarm}: creates or updates
   */
  public MetricAlarm putMetricAlarm(PutAlarm r) {
    if (r.alarmName() == null) throw missing("AlarmName");
    if (r.alarmName().isEmpty() || r.alarmName().length() > 255) {
      throw invalid("The value for parameter AlarmName must be between 1 and 255 characters long.");
    }
    boolean math = r.metrics() != null && !r.metrics().isEmpty();
    if (math && (r.metric() != null || r.statistic() != null || r.extendedStatistic() != null || r.period() != null)) {
      throw AwsErrorException.badRequest("InvalidParameterCombination", "The parameters Metrics and MetricName, Namespace,"
          + " Dimensions, Statistic, ExtendedStatistic and Period are mutually exclusive (each MetricStat has its own).");
    }
    if (!math && r.metric() == null) {
      throw AwsErrorException.badRequest("ValidationError", "Metrics list must not be empty and MetricName and"
          + " Namespace are required.");
    }
    if (r.evaluationPeriods() == null) throw missing("EvaluationPeriods");
    if (r.comparisonOperator() == null) throw missing("ComparisonOperator");
    if (r.threshold() == null) throw missing("Threshold");
    if (math) return putMathAlarm(r);
    if (r.period() == null) throw missing("Period");
    if ((r.statistic() == null) == (r.extendedStatistic() == null)) {
      throw AwsErrorException.badRequest("InvalidParameterCombination", r.statistic() == null
          ? "Must specify either Statistic or ExtendedStatistic."
          : "The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.");
    }
    ComparisonOperator op = comparison(r.comparisonOperator());
    TreatMissingData tmd = r.treatMissingData() == null ? TreatMissingData.missing : treatMissing(r.treatMissingData());
    MetricAlarmSpec.Builder b = MetricAlarmSpec.builder()
        .alarmName(r.alarmName())
        .alarmDescription(r.alarmDescription())
        .metric(r.metric())
        .period(Duration.ofSeconds(r.period()))
        .evaluationPeriods(r.evaluationPeriods())
        .threshold(r.threshold())
        .comparisonOperator(op)
        .treatMissingData(tmd)
        .alarmActions(actions("AlarmActions", r.alarmActions()).toArray(AlarmAction[]::new))
        .okActions(actions("OKActions", r.okActions()).toArray(AlarmAction[]::new))
        .insufficientDataActions(actions("InsufficientDataActions", r.insufficientDataActions()).toArray(AlarmAction[]::new));
    if (r.statistic() != null) {
      if (!List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum").contains(r.statistic())) {
        throw invalid("The value " + r.statistic() + " for parameter Statistic is invalid.");
      }
      b.statistic(Statistic.parse(r.statistic()));
    } else {
      b.extendedStatistic(r.extendedStatistic());
    }
    if (r.datapointsToAlarm() != null) b.datapointsToAlarm(r.datapointsToAlarm());
    if (r.actionsEnabled() != null) b.actionsEnabled(r.actionsEnabled());
    if (r.evaluateLowSampleCountPercentile() != null) {
      switch (r.evaluateLowSampleCountPercentile()) {
        case "evaluate" -> b.evaluateLowSampleCountPercentile(true);
        case "ignore" -> b.evaluateLowSampleCountPercentile(false);
        default -> throw invalid("The value " + r.evaluateLowSampleCountPercentile()
            + " for parameter EvaluateLowSampleCountPercentile is invalid: use evaluate or ignore.");
      }
    }
    try {
      return cloudWatch.putMetricAlarm(b.build());
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  private MetricAlarm putMathAlarm(PutAlarm r) {
    MetricAlarmSpec.Builder b = MetricAlarmSpec.builder()
        .alarmName(r.alarmName())
        .alarmDescription(r.alarmDescription())
        .metrics(queries(r.metrics(), "Metrics"))
        .evaluationPeriods(r.evaluationPeriods())
        .threshold(r.threshold())
        .comparisonOperator(comparison(r.comparisonOperator()))
        .treatMissingData(r.treatMissingData() == null ? TreatMissingData.missing : treatMissing(r.treatMissingData()))
        .alarmActions(actions("AlarmActions", r.alarmActions()).toArray(AlarmAction[]::new))
        .okActions(actions("OKActions", r.okActions()).toArray(AlarmAction[]::new))
        .insufficientDataActions(actions("InsufficientDataActions", r.insufficientDataActions()).toArray(AlarmAction[]::new));
    if (r.datapointsToAlarm() != null) b.datapointsToAlarm(r.datapointsToAlarm());
    if (r.actionsEnabled() != null) b.actionsEnabled(r.actionsEnabled());
    try {
      return cloudWatch.putMetricAlarm(b.build());
    } catch (ValidationException e) {
      throw e.getMessage().startsWith("Exactly one element") ? AwsErrorException.badRequest("ValidationError", e.getMessage())
          : invalid(e.getMessage());
    }
  }

  /**
   * {@code PutCompositeAlarm}: creates or updates.
   *
   * @param r the request
   * @return the composite alarm
   */
  public CompositeAlarm putCompositeAlarm(PutComposite r) {
    if (r.alarmName() == null) throw missing("AlarmName");
    if (r.alarmRule() == null) throw missing("AlarmRule");
    if (r.alarmName().isEmpty() || r.alarmName().length() > 255) {
      throw invalid("The value for parameter AlarmName must be between 1 and 255 characters long.");
    }
    CompositeAlarmSpec.Builder b = CompositeAlarmSpec.builder()
        .alarmName(r.alarmName())
        .alarmDescription(r.alarmDescription())
        .alarmRule(r.alarmRule())
        .alarmActions(actions("AlarmActions", r.alarmActions()).toArray(AlarmAction[]::new))
        .okActions(actions("OKActions", r.okActions()).toArray(AlarmAction[]::new))
        .insufficientDataActions(actions("InsufficientDataActions", r.insufficientDataActions()).toArray(AlarmAction[]::new));
    if (r.actionsEnabled() != null) b.actionsEnabled(r.actionsEnabled());
    if (r.actionsSuppressor() != null || r.actionsSuppressorWaitPeriod() != null || r.actionsSuppressorExtensionPeriod() != null) {
      b.actionsSuppressor(r.actionsSuppressor(),
          r.actionsSuppressorWaitPeriod() == null ? null : Duration.ofSeconds(r.actionsSuppressorWaitPeriod()),
          r.actionsSuppressorExtensionPeriod() == null ? null : Duration.ofSeconds(r.actionsSuppressorExtensionPeriod()));
    }
    try {
      return cloudWatch.putCompositeAlarm(b.build());
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /**
   * {@code DescribeAlarms} for {@code AlarmTypes=CompositeAlarm}: composite alarms sorted by name,
   * filtered as asked.
   *
   * @param names the names, or null
   * @param namePrefix the name prefix, or null
   * @param stateValue the state, or null
   * @param actionPrefix the action prefix, or null
   * @return the composite alarms
   */
  public List<CompositeAlarm> describeCompositeAlarms(List<String> names, String namePrefix, String stateValue,
      String actionPrefix) {
    AlarmState state = stateValue == null ? null : state(stateValue);
    List<CompositeAlarm> all = new ArrayList<>();
    for (CompositeAlarm a : cloudWatch.compositeAlarms()) {
      if (names != null && !names.isEmpty() && !names.contains(a.alarmName())) continue;
      if (namePrefix != null && !a.alarmName().startsWith(namePrefix)) continue;
      if (state != null && a.state() != state) continue;
      if (actionPrefix != null && actionArns(a.spec().alarmActions()).stream().noneMatch(x -> x.startsWith(actionPrefix))) {
        continue;
      }
      all.add(a);
    }
    all.sort(Comparator.comparing(CompositeAlarm::alarmName));
    return all;
  }

  /**
   * {@code DeleteAlarms}: every name must exist (metric or composite), or nothing is deleted.
   *
   * @param names the names
   */
  public void deleteAlarms(List<String> names) {
    if (names == null || names.isEmpty()) throw missing("AlarmNames");
    for (String n : names) exists(n);
    try {
      cloudWatch.deleteAlarms(names.toArray(String[]::new));
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  private void exists(String name) {
    for (CompositeAlarm c : cloudWatch.compositeAlarms()) if (c.alarmName().equals(name)) return;
    alarm(name);
  }

  /**
   * {@code DescribeAlarms}: metric alarms sorted by name, filtered as asked.
   *
   * @param names the names
   * @param namePrefix the name prefix
   * @param stateValue the state value
   * @param actionPrefix the action prefix
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribeAlarms}: metric alarms sorted by name, filtered as asked
   */
  public Page<MetricAlarm> describeAlarms(
      List<String> names, String namePrefix, String stateValue, String actionPrefix, String nextToken,
      Integer maxRecords) {
    if (names != null && !names.isEmpty() && namePrefix != null) {
      throw AwsErrorException.badRequest("InvalidParameterCombination",
          "AlarmNames and AlarmNamePrefix are mutually exclusive.");
    }
    AlarmState state = stateValue == null ? null : state(stateValue);
    List<MetricAlarm> all = new ArrayList<>();
    for (MetricAlarm a : cloudWatch.alarms()) {
      if (names != null && !names.isEmpty() && !names.contains(a.alarmName())) continue;
      if (namePrefix != null && !a.alarmName().startsWith(namePrefix)) continue;
      if (state != null && a.state() != state) continue;
      if (actionPrefix != null && actionArns(a.spec().alarmActions()).stream().noneMatch(x -> x.startsWith(actionPrefix))) {
        continue;
      }
      all.add(a);
    }
    all.sort(Comparator.comparing(MetricAlarm::alarmName));
    return PAGES.page("DescribeAlarms", all, nextToken, maxRecords, 50, 100, "MaxRecords");
  }

  /**
   * {@code DescribeAlarmsForMetric}: alarms on exactly this metric, optionally one statistic and period.
   *
   * @param namespace the namespace
   * @param metricName the metric name
   * @param dimensions the dimensions
   * @param statistic the statistic
   * @param extendedStatistic the extended statistic
   * @param period the period
   * @return {@code DescribeAlarmsForMetric}: alarms on exactly this metric, optionally one
   *     statistic and period
   */
  public List<MetricAlarm> describeAlarmsForMetric(
      String namespace, String metricName, Map<String, String> dimensions, String statistic,
      String extendedStatistic, Integer period) {
    namespace(namespace);
    if (metricName == null) throw missing("MetricName");
    MetricId id = metric(namespace, metricName, dimensions);
    List<MetricAlarm> out = new ArrayList<>();
    for (MetricAlarm a : cloudWatch.alarms()) {
      MetricAlarmSpec s = a.spec();
      if (s.isMetricMath() || !s.metric().equals(id)) continue;
      if (statistic != null && !s.statistic().toString().equals(statistic)) continue;
      if (extendedStatistic != null && !s.statistic().toString().equals(extendedStatistic)) continue;
      if (period != null && s.period().getSeconds() != period) continue;
      out.add(a);
    }
    out.sort(Comparator.comparing(MetricAlarm::alarmName));
    return out;
  }

  /**
   * One entry of {@code DescribeAlarmHistory}.
   *
   * @param alarmName the alarm
   * @param item the entry
   */
  public record HistoryEntry(String alarmName, AlarmHistoryItem item) {}

  /**
   * {@code DescribeAlarmHistory}: newest first (TimestampDescending) unless ascending.
   *
   * @param alarmName the alarm name
   * @param historyItemType the history item type
   * @param start the start
   * @param end the end
   * @param ascending the ascending
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribeAlarmHistory}: newest first (TimestampDescending) unless ascending
   */
  public Page<HistoryEntry> describeAlarmHistory(
      String alarmName, String historyItemType, Instant start, Instant end, boolean ascending, String nextToken,
      Integer maxRecords) {
    if (historyItemType != null && !List.of("ConfigurationUpdate", "StateUpdate", "Action").contains(historyItemType)) {
      throw invalid("The value " + historyItemType + " for parameter HistoryItemType is invalid.");
    }
    List<HistoryEntry> all = new ArrayList<>();
    for (MetricAlarm a : cloudWatch.alarms()) {
      if (alarmName != null && !alarmName.equals(a.alarmName())) continue;
      for (AlarmHistoryItem h : a.history()) {
        if (historyItemType != null && !historyItemType.equals(h.type())) continue;
        if (start != null && h.timestamp().isBefore(start)) continue;
        if (end != null && !h.timestamp().isBefore(end)) continue;
        all.add(new HistoryEntry(a.alarmName(), h));
      }
    }
    Comparator<HistoryEntry> byTime = Comparator.comparing(e -> e.item().timestamp());
    all.sort(ascending ? byTime : byTime.reversed());
    return PAGES.page("DescribeAlarmHistory", all, nextToken, maxRecords, 100, 100, "MaxRecords");
  }

  /**
   * {@code SetAlarmState}.
   *
   * @param alarmName the alarm name
   * @param stateValue the state value
   * @param stateReason the state reason
   */
  public void setAlarmState(String alarmName, String stateValue, String stateReason) {
    if (alarmName == null) throw missing("AlarmName");
    if (stateValue == null) throw missing("StateValue");
    if (stateReason == null) throw missing("StateReason");
    AlarmState s = state(stateValue);
    exists(alarmName);
    cloudWatch.setAlarmState(alarmName, s, stateReason);
  }

  /**
   * {@code EnableAlarmActions} / {@code DisableAlarmActions}: unknown names are ignored, as AWS does.
   *
   * @param names the names
   * @param enabled the enabled
   */
  public void setActionsEnabled(List<String> names, boolean enabled) {
    if (names == null || names.isEmpty()) throw missing("AlarmNames");
    for (String n : names) {
      MetricAlarm a = cloudWatch.alarms().stream().filter(x -> x.alarmName().equals(n)).findFirst().orElse(null);
      if (a != null && a.spec().actionsEnabled() != enabled) {
        cloudWatch.putMetricAlarm(a.spec().toBuilder().actionsEnabled(enabled).build());
      }
    }
  }

  /**
   * The alarm, or AWS's ResourceNotFound.
   *
   * @param name the name
   * @return the alarm, or AWS's ResourceNotFound
   */
  public MetricAlarm alarm(String name) {
    for (MetricAlarm a : cloudWatch.alarms()) if (a.alarmName().equals(name)) return a;
    throw new AwsErrorException("ResourceNotFound", 404, "Alarm " + name + " does not exist.");
  }

  /**
   * The alarm's ARN.
   *
   * @param name the name
   * @return the alarm's ARN
   */
  public String alarmArn(String name) {
    return twin.arns().of("cloudwatch", "alarm:" + name);
  }

  /**
   * The ARNs of alarm actions: the action's own ARN, or the ARN of the scaling policy it executes.
   *
   * @param actions the actions
   * @return the ARNs of alarm actions: the action's own ARN, or the ARN of the scaling policy it
   *     executes
   */
  public List<String> actionArns(List<AlarmAction> actions) {
    List<String> out = new ArrayList<>();
    for (AlarmAction a : actions) out.add(actionArn(a));
    return out;
  }

  private String actionArn(AlarmAction a) {
    if (a.name().startsWith("arn:")) return a.name();
    if (a.isScalingAction()) {
      for (AutoScalingGroup g : twin.autoScaling().groups()) {
        for (ScalingPolicy p : twin.autoScaling().policies(g.name())) {
          if (p.policyName().equals(a.name())) return p.policyArn();
        }
      }
    }
    return a.name();
  }

  private List<AlarmAction> actions(String field, List<String> arns) {
    List<AlarmAction> out = new ArrayList<>();
    if (arns == null) return out;
    if (arns.size() > 5) {
      throw invalid("The collection " + field + " must not have a size greater than 5.");
    }
    for (String arn : arns) out.add(action(field, arn));
    return out;
  }

  private AlarmAction action(String field, String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      throw invalid("Invalid arn syntax: " + arn + " (in " + field + ")");
    }
    if (arn.contains(":autoscaling:") && arn.contains(":scalingPolicy:")) {
      for (AutoScalingGroup g : twin.autoScaling().groups()) {
        for (ScalingPolicy p : twin.autoScaling().policies(g.name())) {
          if (p.policyArn().equals(arn)) {
            AlarmAction target = p.asAlarmAction();
            return AlarmAction.scaling(arn, target::invoke);
          }
        }
      }
      throw invalid("Invalid value for " + field + ": the scaling policy " + arn + " does not exist.");
    }
    return AlarmAction.of(arn, ctx -> { });
  }

  // ------------------------------------------------------------------ helpers

  private static void namespace(String namespace) {
    if (namespace == null) throw missing("Namespace");
    if (namespace.isEmpty() || namespace.length() > 255) {
      throw invalid("The value for parameter Namespace must be between 1 and 255 characters long.");
    }
  }

  private static void checkPeriod(String field, int period) {
    if (period < 1 || !(period == 1 || period == 5 || period == 10 || period == 20 || period == 30 || period % 60 == 0)) {
      throw invalid("The parameter " + field + " must be 1, 5, 10, 20, 30, or any multiple of 60 (it is " + period
          + ").");
    }
  }

  private static MetricId metric(String namespace, String metricName, Map<String, String> dimensions) {
    if (dimensions != null && dimensions.size() > 30) {
      throw invalid("The collection Dimensions must not have a size greater than 30.");
    }
    try {
      return new MetricId(namespace, metricName, dimensions == null ? Map.of() : dimensions);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  private static StandardUnit unit(String unit) {
    if (unit == null) return StandardUnit.NONE;
    for (StandardUnit u : StandardUnit.values()) if (u.awsName().equals(unit)) return u;
    throw invalid("The value " + unit + " for parameter Unit is not simulated or invalid.");
  }

  private static Statistic statistic(String s) {
    try {
      return Statistic.parse(s);
    } catch (ValidationException e) {
      throw invalid("The value " + s + " for parameter Statistics is invalid.");
    }
  }

  private static ComparisonOperator comparison(String s) {
    try {
      return ComparisonOperator.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw invalid("The value " + s + " for parameter ComparisonOperator is invalid (the twin simulates the four"
          + " static threshold operators).");
    }
  }

  private static TreatMissingData treatMissing(String s) {
    try {
      return TreatMissingData.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw invalid("The value " + s + " for parameter TreatMissingData is invalid: use breaching, notBreaching,"
          + " ignore or missing.");
    }
  }

  private static AlarmState state(String s) {
    try {
      return AlarmState.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw invalid("The value " + s + " for parameter StateValue is invalid: use OK, ALARM or INSUFFICIENT_DATA.");
    }
  }

  private static AwsErrorException missing(String field) {
    return AwsErrorException.badRequest("MissingParameter", "The parameter " + field + " is required.");
  }

  private static AwsErrorException invalid(String message) {
    return AwsErrorException.badRequest("InvalidParameterValue", message);
  }
}
