package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The definition of a metric alarm, as {@code PutMetricAlarm} takes it.
 *
 * @param alarmName unique within the twin
 * @param alarmDescription free text, may be null
 * @param metric the metric watched (namespace, name, exact dimensions); null for metric math
 * @param statistic Average, Sum, SampleCount, Minimum, Maximum, a percentile; null for metric math
 * @param period 10, 20 or 30 s, or a multiple of 60 s
 * @param evaluationPeriods N, the number of newest periods evaluated
 * @param datapointsToAlarm M, breaching points among the newest N needed to alarm (default N)
 * @param threshold the value compared with
 * @param comparisonOperator how to compare
 * @param treatMissingData how to treat missing points (default {@code missing})
 * @param evaluateLowSampleCountPercentile for percentiles: true = {@code evaluate} (default), false
 *     = {@code ignore} (too few samples count as missing)
 * @param evaluationRange how many newest periods are fetched, default N + 2 (a fake choice: AWS
 *     does not publish the rule)
 * @param evaluationWindow where the range falls: {@link EvaluationWindow#slidingWindow()} (the
 *     default) or {@link EvaluationWindow#wallClockWindow(String)}, which needs a period of 60,
 *     300, 3600, 86400 or 604800 s
 * @param actionsEnabled whether actions run (states change either way), default true
 * @param alarmActions run on the transition to ALARM
 * @param okActions run on the transition to OK
 * @param insufficientDataActions run on the transition to INSUFFICIENT_DATA
 * @param datapointsToAlarmSet whether DatapointsToAlarm was given (AWS then adds "(minimum M
 *     datapoints for OK -> ALARM transition)" to its reasons and returns it in DescribeAlarms)
 * @param unit the alarm's unit, or null for none: only datapoints published with this unit count
 * @param metrics the metric math queries of an alarm on metric math (PutMetricAlarm's {@code
 *     Metrics}; empty for an alarm on one metric): exactly one returns data, and {@code metric} and
 *     {@code statistic} are then null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MetricAlarmSpec(
    String alarmName,
    @Nullable String alarmDescription,
    @Nullable MetricId metric,
    @Nullable Statistic statistic,
    Duration period,
    int evaluationPeriods,
    int datapointsToAlarm,
    double threshold,
    ComparisonOperator comparisonOperator,
    TreatMissingData treatMissingData,
    boolean evaluateLowSampleCountPercentile,
    int evaluationRange,
    EvaluationWindow evaluationWindow,
    boolean actionsEnabled,
    List<AlarmAction> alarmActions,
    List<AlarmAction> okActions,
    List<AlarmAction> insufficientDataActions,
    boolean datapointsToAlarmSet,
    @Nullable StandardUnit unit,
    List<MetricDataQuery> metrics) {

  /**
   * Validates every field the way PutMetricAlarm does (the fields are described above).
   *
   * @param alarmName unique within the twin
   * @param alarmDescription free text, may be null
   * @param metric the metric watched (namespace, name, exact dimensions)
   * @param statistic Average, Sum, SampleCount, Minimum, Maximum or a percentile
   * @param period 10, 20 or 30 s, or a multiple of 60 s
   * @param evaluationPeriods N, the number of newest periods evaluated
   * @param datapointsToAlarm M, breaching points among the newest N needed to alarm (default N)
   * @param threshold the value compared with
   * @param comparisonOperator how to compare
   * @param treatMissingData how to treat missing points (default {@code missing})
   * @param evaluateLowSampleCountPercentile for percentiles: true = evaluate, false = ignore
   * @param evaluationRange how many newest periods are fetched, default N + 2
   * @param evaluationWindow where the range falls (sliding, or wall clock for some periods)
   * @param actionsEnabled whether actions run (states change either way), default true
   * @param alarmActions run on the transition to ALARM
   * @param okActions run on the transition to OK
   * @param insufficientDataActions run on the transition to INSUFFICIENT_DATA
   * @param datapointsToAlarmSet whether DatapointsToAlarm was given
   * @param unit the alarm's unit, or null for none: only datapoints published with this unit count
   * @param metrics the metric math queries of an alarm on metric math, empty for one metric
   */
  public MetricAlarmSpec {
    metrics =
        MetricAlarmSpecValidation.check(
            alarmName,
            metric,
            statistic,
            period,
            evaluationPeriods,
            datapointsToAlarm,
            threshold,
            comparisonOperator,
            treatMissingData,
            evaluationRange,
            evaluationWindow,
            unit,
            metrics);
    alarmActions = MetricAlarmSpecValidation.actions("AlarmActions", alarmActions);
    okActions = MetricAlarmSpecValidation.actions("OKActions", okActions);
    insufficientDataActions =
        MetricAlarmSpecValidation.actions("InsufficientDataActions", insufficientDataActions);
  }

  /**
   * {@return a builder; {@code alarmName}, {@code metric}, {@code threshold} and {@code
   * comparisonOperator} are required}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this spec's values} */
  public Builder toBuilder() {
    return AlarmSpecCopy.toBuilder(this);
  }

  /**
   * {@return what the alarm watches, for people: {@code CPUUtilization Average}, or for metric math
   * the watched query, {@code rate = 100 * errors / requests}}
   */
  public String watched() {
    if (metric != null && statistic != null) { // a one-metric alarm
      return metric.metricName() + " " + statistic.name();
    }
    MetricDataQuery q = returnedQuery().orElseThrow();
    MetricStat ms = q.metricStat();
    return q.id()
        + " = "
        + (ms == null ? q.expression() : ms.metric().metricName() + " " + ms.stat().name());
  }

  /** {@return whether this alarm watches metric math ({@link #metrics()} is not empty)} */
  public boolean isMetricMath() {
    return !metrics.isEmpty();
  }

  /**
   * {@return the query the alarm watches (the one that returns data); empty for a one-metric alarm}
   */
  public java.util.Optional<MetricDataQuery> returnedQuery() {
    for (MetricDataQuery q : metrics) {
      if (q.returnData()) return java.util.Optional.of(q);
    }
    return java.util.Optional.empty();
  }

  /** Builds {@link MetricAlarmSpec}s with AWS's defaults. Not thread-safe. */
  public static final class Builder {
    private @Nullable String alarmName;
    private @Nullable String alarmDescription;
    private @Nullable MetricId metric;
    private Statistic statistic = Statistic.AVERAGE;
    private Duration period = Duration.ofMinutes(1);
    private int evaluationPeriods = 1;
    private @Nullable Integer datapointsToAlarm;
    private @Nullable Double threshold;
    private @Nullable ComparisonOperator comparisonOperator;
    private TreatMissingData treatMissingData = TreatMissingData.missing;
    private boolean evaluateLowSampleCountPercentile = true;
    private @Nullable Integer evaluationRange;
    private EvaluationWindow evaluationWindow = EvaluationWindow.slidingWindow();
    private boolean actionsEnabled = true;
    private List<AlarmAction> alarmActions = new java.util.ArrayList<>();
    private List<AlarmAction> okActions = new java.util.ArrayList<>();
    private List<AlarmAction> insufficientDataActions = new java.util.ArrayList<>();
    private @Nullable StandardUnit unit;
    private boolean statisticSet;
    private boolean periodSet;
    private List<MetricDataQuery> metrics = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * Adds metric math queries, as PutMetricAlarm's {@code Metrics}: the alarm then watches the one
     * query whose {@code ReturnData} is true (every other must say false), and takes its period
     * from it. Excludes {@link #metric}, {@link #statistic}, {@link #period} and {@link #unit}.
     *
     * @param queries the queries
     * @return this builder
     */
    public Builder metrics(MetricDataQuery... queries) {
      Require.notNull("Metrics", queries);
      this.metrics.addAll(
          java.util.Arrays.asList(queries)); // null elements are rejected by build()
      return this;
    }

    /**
     * {@return this builder with more metric math queries (see {@link
     * #metrics(MetricDataQuery...)})}
     *
     * @param queries the queries
     */
    public Builder metrics(List<MetricDataQuery> queries) {
      Require.notNull("Metrics", queries);
      this.metrics.addAll(queries);
      return this;
    }

    /**
     * {@return this builder with the alarm's unit, PutMetricAlarm's {@code Unit} (default none: any
     * unit counts)}
     *
     * @param unit the alarm's unit, as PutMetricAlarm's {@code Unit}, or null (the default: every
     *     unit counts)
     */
    public Builder unit(@Nullable StandardUnit unit) {
      this.unit = unit;
      return this;
    }

    /**
     * {@return this builder with the alarm's unique name}
     *
     * @param alarmName the alarm's unique name
     */
    public Builder alarmName(String alarmName) {
      this.alarmName = alarmName;
      return this;
    }

    /**
     * {@return this builder with free text}
     *
     * @param alarmDescription free text, or null for none
     */
    public Builder alarmDescription(@Nullable String alarmDescription) {
      this.alarmDescription = alarmDescription;
      return this;
    }

    /**
     * {@return this builder with the metric watched}
     *
     * @param metric the metric watched; null for none (an alarm on metric math)
     */
    public Builder metric(@Nullable MetricId metric) {
      this.metric = metric;
      return this;
    }

    /**
     * {@return this builder with the statistic (default Average)}
     *
     * @param statistic the statistic (default Average)
     */
    public Builder statistic(Statistic statistic) {
      this.statistic = statistic;
      this.statisticSet = true;
      return this;
    }

    /**
     * {@return this builder with a percentile statistic such as {@code p99}, as AWS's
     * ExtendedStatistic}
     *
     * @param percentile a percentile statistic such as {@code p99}, as AWS's ExtendedStatistic
     */
    public Builder extendedStatistic(String percentile) {
      this.statistic = Statistic.parse(percentile);
      this.statisticSet = true;
      return this;
    }

    /**
     * {@return this builder with the period (default 60 s)}
     *
     * @param period the period (default 60 s)
     */
    public Builder period(Duration period) {
      this.period = period;
      this.periodSet = true;
      return this;
    }

    /**
     * {@return this builder with N (default 1)}
     *
     * @param evaluationPeriods n (default 1)
     */
    public Builder evaluationPeriods(int evaluationPeriods) {
      this.evaluationPeriods = evaluationPeriods;
      return this;
    }

    /**
     * {@return this builder with M (default N)}
     *
     * @param datapointsToAlarm m (default N)
     */
    public Builder datapointsToAlarm(int datapointsToAlarm) {
      this.datapointsToAlarm = datapointsToAlarm;
      return this;
    }

    /**
     * {@return this builder with the threshold}
     *
     * @param threshold the threshold
     */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /**
     * {@return this builder with the comparison operator}
     *
     * @param comparisonOperator the comparison operator
     */
    public Builder comparisonOperator(ComparisonOperator comparisonOperator) {
      this.comparisonOperator = comparisonOperator;
      return this;
    }

    /**
     * {@return this builder with the treatment of missing data (default {@code missing})}
     *
     * @param treatMissingData how missing data is treated (default {@code missing})
     */
    public Builder treatMissingData(TreatMissingData treatMissingData) {
      this.treatMissingData = treatMissingData;
      return this;
    }

    /**
     * {@return this builder with low-sample percentile periods evaluated (true, default) or
     * ignored}
     *
     * @param evaluate for percentiles: evaluate (true, default) or ignore (false) low-sample
     *     periods
     */
    public Builder evaluateLowSampleCountPercentile(boolean evaluate) {
      this.evaluateLowSampleCountPercentile = evaluate;
      return this;
    }

    /**
     * {@return this builder with the number of newest periods fetched (default N + 2)}
     *
     * @param evaluationRange how many newest periods are fetched (default N + 2)
     */
    public Builder evaluationRange(int evaluationRange) {
      this.evaluationRange = evaluationRange;
      return this;
    }

    /**
     * {@return this builder with the window the evaluation range falls in (default {@link
     * EvaluationWindow#slidingWindow()}); see {@link EvaluationWindow#wallClockWindow(String)}}
     *
     * @param evaluationWindow where the evaluation range falls (default {@link
     *     EvaluationWindow#slidingWindow()}); see {@link EvaluationWindow#wallClockWindow(String)}
     */
    public Builder evaluationWindow(EvaluationWindow evaluationWindow) {
      this.evaluationWindow = evaluationWindow;
      return this;
    }

    /**
     * {@return this builder with actions run or not (default true)}
     *
     * @param actionsEnabled whether actions run (default true)
     */
    public Builder actionsEnabled(boolean actionsEnabled) {
      this.actionsEnabled = actionsEnabled;
      return this;
    }

    /**
     * {@return this builder with more actions run on the transition to ALARM}
     *
     * @param actions adds actions run on the transition to ALARM
     */
    public Builder alarmActions(AlarmAction... actions) {
      Require.notNull("AlarmActions", actions);
      this.alarmActions.addAll(
          java.util.Arrays.asList(actions)); // null elements are rejected by build()
      return this;
    }

    /**
     * {@return this builder with more actions run on the transition to OK}
     *
     * @param actions adds actions run on the transition to OK
     */
    public Builder okActions(AlarmAction... actions) {
      Require.notNull("OKActions", actions);
      this.okActions.addAll(
          java.util.Arrays.asList(actions)); // null elements are rejected by build()
      return this;
    }

    /**
     * {@return this builder with more actions run on the transition to INSUFFICIENT_DATA}
     *
     * @param actions adds actions run on the transition to INSUFFICIENT_DATA
     */
    public Builder insufficientDataActions(AlarmAction... actions) {
      Require.notNull("InsufficientDataActions", actions);
      this.insufficientDataActions.addAll(
          java.util.Arrays.asList(actions)); // null elements are rejected by build()
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    // NullAway: the canonical constructor rejects null alarmName/comparisonOperator by name
    @SuppressWarnings("NullAway")
    public MetricAlarmSpec build() {
      double t = MetricAlarmSpecValidation.threshold(threshold);
      Require.notNull("EvaluationPeriods", evaluationPeriods);
      int m = datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
      int range = evaluationRange == null ? evaluationPeriods + 2 : evaluationRange;
      Statistic stat = statistic;
      Duration p = period;
      if (!metrics.isEmpty()) {
        p =
            MetricAlarmSpecValidation.mathPeriod(
                metric, statistic, statisticSet, period, periodSet, metrics);
        stat = null;
      }
      return new MetricAlarmSpec(
          alarmName,
          alarmDescription,
          metric,
          stat,
          p,
          evaluationPeriods,
          m,
          t,
          comparisonOperator,
          treatMissingData,
          evaluateLowSampleCountPercentile,
          range,
          evaluationWindow,
          actionsEnabled,
          alarmActions,
          okActions,
          insufficientDataActions,
          datapointsToAlarm != null,
          unit,
          metrics);
    }
  }
}
