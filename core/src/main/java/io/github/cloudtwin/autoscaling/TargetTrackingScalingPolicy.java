package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A target tracking policy: keeps a metric near {@code targetValue}. The group creates and owns its
 * two alarms ({@code TargetTracking-<group>-AlarmHigh-<uuid>} and {@code ...-AlarmLow-...}).
 *
 * @param policyName the name
 * @param autoScalingGroupName the group
 * @param predefinedMetricType a predefined metric, or null when {@code customMetric} is given
 * @param resourceLabel for ALBRequestCountPerTarget: {@code app/<lb>/<id>/targetgroup/<tg>/<id>}
 * @param customMetric a customized metric, or null
 * @param customStatistic the customized metric's statistic (default Average)
 * @param targetValue the target, greater than 0
 * @param disableScaleIn true: the policy never removes capacity
 * @param estimatedInstanceWarmup overrides DefaultInstanceWarmup, or null
 * @param customMetrics a customized metric as metric math ({@code CustomizedMetricSpecification.
 *     Metrics}): the queries, exactly one returning data, a one-minute time series; empty otherwise
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TargetTrackingScalingPolicy(
    String policyName,
    String autoScalingGroupName,
    @Nullable PredefinedMetricType predefinedMetricType,
    @Nullable String resourceLabel,
    @Nullable MetricId customMetric,
    Statistic customStatistic,
    double targetValue,
    boolean disableScaleIn,
    @Nullable Duration estimatedInstanceWarmup,
    List<MetricDataQuery> customMetrics)
    implements ScalingPolicySpec {

  /**
   * Validates the way PutScalingPolicy does.
   *
   * @param policyName the name
   * @param autoScalingGroupName the group
   * @param predefinedMetricType a predefined metric, or null when {@code customMetric} is given
   * @param resourceLabel for ALBRequestCountPerTarget: {@code app/<lb>/<id>/targetgroup/<tg>/<id>}
   * @param customMetric a customized metric, or null
   * @param customStatistic the customized metric's statistic (default Average)
   * @param targetValue the target, greater than 0
   * @param disableScaleIn true: the policy never removes capacity
   * @param estimatedInstanceWarmup overrides DefaultInstanceWarmup, or null
   * @param customMetrics a customized metric as metric math, or empty
   */
  public TargetTrackingScalingPolicy {
    Require.name("PolicyName", policyName);
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    customMetrics =
        Require.notNull("CustomizedMetricSpecification.Metrics", customMetrics).isEmpty()
            ? List.of()
            : List.copyOf(customMetrics);
    int given =
        (predefinedMetricType == null ? 0 : 1)
            + (customMetric == null ? 0 : 1)
            + (customMetrics.isEmpty() ? 0 : 1);
    if (given != 1) {
      throw new ValidationException(
          "TargetTrackingConfiguration",
          given == 0 ? "neither" : "both",
          "exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification");
    }
    if (predefinedMetricType == PredefinedMetricType.ALBRequestCountPerTarget) {
      if (!Require.name("ResourceLabel", resourceLabel)
          .matches("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+")) {
        throw new ValidationException(
            "ResourceLabel",
            resourceLabel,
            "app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>");
      }
    }
    Require.notNull("Statistic", customStatistic);
    if (!customMetrics.isEmpty()) {
      // validated as an alarm on them is: exactly one returns data, a single time series
      MetricAlarmSpec probe =
          MetricAlarmSpec.builder()
              .alarmName(policyName)
              .metrics(customMetrics)
              .threshold(1)
              .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
              .build();
      if (probe.period().getSeconds() != 60) {
        throw new ValidationException(
            "CustomizedMetricSpecification.Metrics",
            probe.period(),
            "a returned time series of one-minute periods (the policy's alarms evaluate one-minute datapoints)");
      }
    }
    Require.finite("TargetValue", targetValue);
    if (targetValue <= 0) {
      throw new ValidationException("TargetValue", targetValue, "greater than 0");
    }
    if (estimatedInstanceWarmup != null) {
      Require.seconds(
          "EstimatedInstanceWarmup", estimatedInstanceWarmup, 0, Require.INTEGER_SECONDS);
    }
  }

  /** {@return whether the policy tracks a metric math expression ({@link #customMetrics()})} */
  public boolean isMetricMath() {
    return !customMetrics.isEmpty();
  }

  /** {@return the metric the policy's alarms watch, or null when it tracks metric math} */
  public @Nullable MetricId metric() {
    if (!customMetrics.isEmpty()) {
      return null;
    }
    if (customMetric != null) {
      return customMetric;
    }
    // the canonical constructor admits exactly one of the three: here, the predefined metric
    return switch (Objects.requireNonNull(predefinedMetricType, "a predefined metric")) {
      case ASGAverageCPUUtilization ->
          MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", autoScalingGroupName);
      case ASGAverageNetworkIn ->
          MetricId.of("AWS/EC2", "NetworkIn", "AutoScalingGroupName", autoScalingGroupName);
      case ASGAverageNetworkOut ->
          MetricId.of("AWS/EC2", "NetworkOut", "AutoScalingGroupName", autoScalingGroupName);
      case ALBRequestCountPerTarget ->
          MetricId.of(
              "AWS/ApplicationELB",
              "RequestCountPerTarget",
              "TargetGroup",
              Objects.requireNonNull(resourceLabel, "ALBRequestCountPerTarget has a label")
                  .substring(resourceLabel.indexOf("targetgroup/")));
    };
  }

  /**
   * {@return the statistic the alarms use (Sum for ALBRequestCountPerTarget, else Average or
   * custom)}
   */
  public Statistic statistic() {
    if (customMetric != null) {
      return customStatistic;
    }
    return predefinedMetricType == PredefinedMetricType.ALBRequestCountPerTarget
        ? Statistic.SUM
        : Statistic.AVERAGE;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TargetTrackingScalingPolicy}s. Not thread-safe. */
  public static final class Builder {
    private @Nullable String policyName;
    private @Nullable String autoScalingGroupName;
    private @Nullable PredefinedMetricType predefinedMetricType;
    private @Nullable String resourceLabel;
    private @Nullable MetricId customMetric;
    private Statistic customStatistic = Statistic.AVERAGE;
    private @Nullable Double targetValue;
    private boolean disableScaleIn;
    private @Nullable Duration estimatedInstanceWarmup;
    private final List<MetricDataQuery> customMetrics = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * A customized metric as metric math, as {@code CustomizedMetricSpecification.Metrics}: the
     * queries (exactly one with {@code ReturnData} true, a one-minute time series).
     *
     * @param queries the queries
     * @return this builder
     */
    public Builder customMetrics(MetricDataQuery... queries) {
      customMetrics.addAll(
          java.util.Arrays.asList(
              Require.notNull("CustomizedMetricSpecification.Metrics", queries)));
      return this;
    }

    /**
     * The policy name.
     *
     * @param v the policy name
     * @return this builder
     */
    public Builder policyName(String v) {
      policyName = v;
      return this;
    }

    /**
     * The group.
     *
     * @param v the group
     * @return this builder
     */
    public Builder autoScalingGroupName(String v) {
      autoScalingGroupName = v;
      return this;
    }

    /**
     * A predefined metric.
     *
     * @param v a predefined metric
     * @return this builder
     */
    public Builder predefinedMetric(PredefinedMetricType v) {
      predefinedMetricType = v;
      return this;
    }

    /**
     * A predefined metric with its resource label (ALBRequestCountPerTarget).
     *
     * @param v the predefined metric
     * @param label the label
     * @return this builder
     */
    public Builder predefinedMetric(PredefinedMetricType v, String label) {
      predefinedMetricType = v;
      resourceLabel = label;
      return this;
    }

    /**
     * A customized metric and its statistic.
     *
     * @param metric the metric
     * @param statistic the statistic
     * @return this builder
     */
    public Builder customMetric(MetricId metric, Statistic statistic) {
      customMetric = metric;
      customStatistic = statistic;
      return this;
    }

    /**
     * The target value.
     *
     * @param v the target value
     * @return this builder
     */
    public Builder targetValue(double v) {
      targetValue = v;
      return this;
    }

    /**
     * DisableScaleIn.
     *
     * @param v DisableScaleIn
     * @return this builder
     */
    public Builder disableScaleIn(boolean v) {
      disableScaleIn = v;
      return this;
    }

    /**
     * EstimatedInstanceWarmup.
     *
     * @param v EstimatedInstanceWarmup
     * @return this builder
     */
    public Builder estimatedInstanceWarmup(@Nullable Duration v) {
      estimatedInstanceWarmup = v;
      return this;
    }

    /** {@return the policy; throws a ValidationException naming the first invalid field} */
    public TargetTrackingScalingPolicy build() {
      if (targetValue == null) {
        throw new ValidationException("TargetValue", null, "a value is required");
      }
      return new TargetTrackingScalingPolicy(
          Require.name("PolicyName", policyName),
          Require.name("AutoScalingGroupName", autoScalingGroupName),
          predefinedMetricType,
          resourceLabel,
          customMetric,
          customStatistic,
          targetValue,
          disableScaleIn,
          estimatedInstanceWarmup,
          customMetrics);
    }
  }
}
