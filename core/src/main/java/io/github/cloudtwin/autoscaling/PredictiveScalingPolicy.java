package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A predictive scaling policy, as {@code PutScalingPolicy} with {@code PolicyType
 * PredictiveScaling} takes it (API_PredictiveScalingConfiguration,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html):
 * one metric specification (a target value, a load metric and a scaling metric, predefined as a
 * pair or one by one, or customized as metric math; API_PredictiveScalingMetricSpecification), a
 * mode, a scheduling buffer and what to do when the forecast reaches the group's maximum. The load
 * metric is what is forecast; the capacity forecast is the load over the target value, so the
 * scaling and capacity metrics are validated and kept but do not change the forecast. Put it with
 * {@code twin.autoScaling().predictiveScaling().putScalingPolicy(...)}.
 *
 * @param policyName the name
 * @param autoScalingGroupName the group
 * @param predefinedMetricPairType the metric pair ({@code PredefinedMetricPairSpecification}); with
 *     a {@code predefinedScalingMetricType} or a {@code customizedScalingMetric}, the pair whose
 *     load metric is the policy's {@code PredefinedLoadMetricSpecification}; null with a {@code
 *     customizedLoadMetric}
 * @param resourceLabel {@code app/<lb>/<id>/targetgroup/<tg>/<id>} when the load or the scaling
 *     metric is an Application Load Balancer one; else null
 * @param targetValue the target value of the scaling metric per instance, greater than 0
 * @param mode ForecastOnly (the default) or ForecastAndScale
 * @param schedulingBufferTime how long before each forecast hour capacity is launched: whole
 *     seconds, less than 3600 (default 300 s)
 * @param maxCapacityBreachBehavior HonorMaxCapacity (the default) or IncreaseMaxCapacity
 * @param maxCapacityBuffer the buffer in percent of the forecast capacity, 0 to 100; required with
 *     IncreaseMaxCapacity and refused otherwise
 * @param predefinedScalingMetricType the {@code PredefinedScalingMetricSpecification} when it is
 *     not the pair's own, or null
 * @param customizedLoadMetric the {@code CustomizedLoadMetricSpecification}: the group's total load
 *     as metric math, or null
 * @param customizedScalingMetric the {@code CustomizedScalingMetricSpecification}: a per-instance
 *     average as metric math, or null
 * @param customizedCapacityMetric the {@code CustomizedCapacityMetricSpecification}: the group's
 *     capacity as metric math, or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PredictiveScalingPolicy(
    String policyName,
    String autoScalingGroupName,
    @Nullable PredefinedMetricPairType predefinedMetricPairType,
    @Nullable String resourceLabel,
    double targetValue,
    PredictiveScalingMode mode,
    Duration schedulingBufferTime,
    PredictiveScalingMaxCapacityBreachBehavior maxCapacityBreachBehavior,
    @Nullable Integer maxCapacityBuffer,
    @Nullable PredefinedMetricType predefinedScalingMetricType,
    @Nullable PredictiveScalingCustomizedMetric customizedLoadMetric,
    @Nullable PredictiveScalingCustomizedMetric customizedScalingMetric,
    @Nullable PredictiveScalingCustomizedMetric customizedCapacityMetric) {

  /** The default {@code SchedulingBufferTime} (API_PredictiveScalingConfiguration): 300 s. */
  public static final Duration DEFAULT_SCHEDULING_BUFFER_TIME = Duration.ofSeconds(300);

  /**
   * Validates the way PutScalingPolicy does; nothing is stored when a field is refused.
   *
   * @param policyName the name
   * @param autoScalingGroupName the group
   * @param predefinedMetricPairType the metric pair (or predefined load metric), or null
   * @param resourceLabel the resource label (Application Load Balancer metrics only), or null
   * @param targetValue the target value, greater than 0
   * @param mode the mode
   * @param schedulingBufferTime the scheduling buffer, 0 to 3599 whole seconds
   * @param maxCapacityBreachBehavior the max capacity breach behavior
   * @param maxCapacityBuffer the buffer in percent (IncreaseMaxCapacity only), or null
   * @param predefinedScalingMetricType a predefined scaling metric not the pair's, or null
   * @param customizedLoadMetric a customized load metric, or null
   * @param customizedScalingMetric a customized scaling metric, or null
   * @param customizedCapacityMetric a customized capacity metric, or null
   */
  public PredictiveScalingPolicy {
    Require.name("PolicyName", policyName);
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    PredictiveMetricRules.check(
        predefinedMetricPairType,
        resourceLabel,
        predefinedScalingMetricType,
        customizedLoadMetric,
        customizedScalingMetric);
    PredictiveScalingRules.targetValue(targetValue);
    Require.notNull("Mode", mode);
    Require.seconds("SchedulingBufferTime", schedulingBufferTime, 0, 3599);
    Require.notNull("MaxCapacityBreachBehavior", maxCapacityBreachBehavior);
    PredictiveScalingRules.maxCapacityBuffer(maxCapacityBreachBehavior, maxCapacityBuffer);
  }

  /**
   * {@return the CloudWatch metric whose Sum is forecast (the pair's load metric), or null when the
   * load is the {@link #customizedLoadMetric()}}
   */
  public @Nullable MetricId loadMetric() {
    PredefinedMetricPairType pair = predefinedMetricPairType;
    return pair == null ? null : pair.loadMetric(autoScalingGroupName, resourceLabel);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy's values, for a variation} */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .policyName(policyName)
            .autoScalingGroupName(autoScalingGroupName)
            .predefinedMetricPairType(predefinedMetricPairType)
            .resourceLabel(resourceLabel)
            .targetValue(targetValue)
            .mode(mode)
            .schedulingBufferTime(schedulingBufferTime)
            .maxCapacityBreachBehavior(maxCapacityBreachBehavior)
            .maxCapacityBuffer(maxCapacityBuffer)
            .predefinedScalingMetricType(predefinedScalingMetricType)
            .customizedLoadMetric(customizedLoadMetric)
            .customizedScalingMetric(customizedScalingMetric)
            .customizedCapacityMetric(customizedCapacityMetric);
    return b;
  }

  /** Builds {@link PredictiveScalingPolicy}s with AWS's defaults. Not thread-safe. */
  public static final class Builder {
    private @Nullable String policyName;
    private @Nullable String autoScalingGroupName;
    private @Nullable PredefinedMetricPairType predefinedMetricPairType;
    private @Nullable String resourceLabel;
    private @Nullable Double targetValue;
    private PredictiveScalingMode mode = PredictiveScalingMode.ForecastOnly;
    private Duration schedulingBufferTime = DEFAULT_SCHEDULING_BUFFER_TIME;
    private PredictiveScalingMaxCapacityBreachBehavior maxCapacityBreachBehavior =
        PredictiveScalingMaxCapacityBreachBehavior.HonorMaxCapacity;
    private @Nullable Integer maxCapacityBuffer;
    private @Nullable PredefinedMetricType predefinedScalingMetricType;
    private @Nullable PredictiveScalingCustomizedMetric customizedLoadMetric;
    private @Nullable PredictiveScalingCustomizedMetric customizedScalingMetric;
    private @Nullable PredictiveScalingCustomizedMetric customizedCapacityMetric;

    private Builder() {}

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
     * The group the policy scales.
     *
     * @param v the group name
     * @return this builder
     */
    public Builder autoScalingGroupName(String v) {
      autoScalingGroupName = v;
      return this;
    }

    /**
     * The predefined metric pair.
     *
     * @param v the metric pair
     * @return this builder
     */
    public Builder predefinedMetricPairType(@Nullable PredefinedMetricPairType v) {
      predefinedMetricPairType = v;
      return this;
    }

    /**
     * The resource label (ALBRequestCount only).
     *
     * @param v the label, or null
     * @return this builder
     */
    public Builder resourceLabel(@Nullable String v) {
      resourceLabel = v;
      return this;
    }

    /**
     * A predefined scaling metric that is not the pair's own ({@code
     * PredefinedScalingMetricSpecification}).
     *
     * @param v the scaling metric, or null for the pair's
     * @return this builder
     */
    public Builder predefinedScalingMetricType(@Nullable PredefinedMetricType v) {
      predefinedScalingMetricType = v;
      return this;
    }

    /**
     * The customized load metric ({@code CustomizedLoadMetricSpecification}).
     *
     * @param v the metric, or null
     * @return this builder
     */
    public Builder customizedLoadMetric(@Nullable PredictiveScalingCustomizedMetric v) {
      customizedLoadMetric = v;
      return this;
    }

    /**
     * The customized scaling metric ({@code CustomizedScalingMetricSpecification}).
     *
     * @param v the metric, or null
     * @return this builder
     */
    public Builder customizedScalingMetric(@Nullable PredictiveScalingCustomizedMetric v) {
      customizedScalingMetric = v;
      return this;
    }

    /**
     * The customized capacity metric ({@code CustomizedCapacityMetricSpecification}).
     *
     * @param v the metric, or null
     * @return this builder
     */
    public Builder customizedCapacityMetric(@Nullable PredictiveScalingCustomizedMetric v) {
      customizedCapacityMetric = v;
      return this;
    }

    /**
     * The target value of the scaling metric.
     *
     * @param v the target value
     * @return this builder
     */
    public Builder targetValue(double v) {
      targetValue = v;
      return this;
    }

    /**
     * The mode (default ForecastOnly).
     *
     * @param v the mode
     * @return this builder
     */
    public Builder mode(PredictiveScalingMode v) {
      mode = v;
      return this;
    }

    /**
     * SchedulingBufferTime (default 300 s).
     *
     * @param v the buffer
     * @return this builder
     */
    public Builder schedulingBufferTime(Duration v) {
      schedulingBufferTime = v;
      return this;
    }

    /**
     * MaxCapacityBreachBehavior (default HonorMaxCapacity).
     *
     * @param v the behavior
     * @return this builder
     */
    public Builder maxCapacityBreachBehavior(PredictiveScalingMaxCapacityBreachBehavior v) {
      maxCapacityBreachBehavior = v;
      return this;
    }

    /**
     * IncreaseMaxCapacity with this MaxCapacityBuffer (percent of the forecast capacity).
     *
     * @param percent the buffer, 0 to 100
     * @return this builder
     */
    public Builder increaseMaxCapacity(int percent) {
      maxCapacityBreachBehavior = PredictiveScalingMaxCapacityBreachBehavior.IncreaseMaxCapacity;
      maxCapacityBuffer = percent;
      return this;
    }

    /**
     * MaxCapacityBuffer as given, without changing the breach behavior.
     *
     * @param percent the buffer, or null
     * @return this builder
     */
    public Builder maxCapacityBuffer(@Nullable Integer percent) {
      maxCapacityBuffer = percent;
      return this;
    }

    /**
     * The target value as a front door gives it: required, greater than 0.
     *
     * @param v the target value, or null when none was given
     * @return this builder
     */
    public Builder targetValueGiven(@Nullable Double v) {
      targetValue = PredictiveScalingRules.targetValue(v);
      return this;
    }

    /**
     * The mode by AWS's name ({@link PredictiveScalingRules#mode}); null keeps ForecastOnly.
     *
     * @param v ForecastOnly or ForecastAndScale, or null
     * @return this builder
     */
    public Builder modeName(@Nullable String v) {
      mode = PredictiveScalingRules.mode(v);
      return this;
    }

    /**
     * MaxCapacityBreachBehavior by AWS's name; null keeps HonorMaxCapacity.
     *
     * @param v HonorMaxCapacity or IncreaseMaxCapacity, or null
     * @return this builder
     */
    public Builder maxCapacityBreachBehaviorName(@Nullable String v) {
      maxCapacityBreachBehavior = PredictiveScalingRules.maxCapacityBreachBehavior(v);
      return this;
    }

    /**
     * SchedulingBufferTime in seconds as given ({@link
     * PredictiveScalingRules#schedulingBufferTime}); null keeps 300 s.
     *
     * @param seconds the buffer, or null
     * @return this builder
     */
    public Builder schedulingBufferSeconds(@Nullable Integer seconds) {
      if (seconds != null) {
        schedulingBufferTime =
            Duration.ofSeconds(PredictiveScalingRules.schedulingBufferTime(seconds));
      }
      return this;
    }

    /**
     * A PredefinedMetricPairSpecification by AWS's names.
     *
     * @param type the PredefinedMetricType
     * @param label the ResourceLabel, or null
     * @return this builder
     */
    public Builder metricPair(@Nullable String type, @Nullable String label) {
      predefinedMetricPairType = PredictiveScalingRules.metricPair(type);
      resourceLabel = label;
      return this;
    }

    /**
     * A PredefinedLoadMetricSpecification and a PredefinedScalingMetricSpecification by AWS's
     * names; the two of one pair are that pair.
     *
     * @param load the load metric's PredefinedMetricType
     * @param loadLabel the load metric's ResourceLabel, or null
     * @param scaling the scaling metric's PredefinedMetricType
     * @param scalingLabel the scaling metric's ResourceLabel, or null
     * @return this builder
     */
    public Builder loadAndScalingMetrics(
        @Nullable String load,
        @Nullable String loadLabel,
        @Nullable String scaling,
        @Nullable String scalingLabel) {
      predefinedLoadMetric(load, loadLabel);
      predefinedScalingMetric(scaling, scalingLabel);
      PredefinedMetricPairType pair = predefinedMetricPairType;
      if (pair != null
          && predefinedScalingMetricType == PredictiveMetricRules.scalingMetricOf(pair)) {
        predefinedScalingMetricType = null; // the pair's own scaling metric
      }
      return this;
    }

    /**
     * A PredefinedLoadMetricSpecification by AWS's names: the load metric of its pair.
     *
     * @param type the PredefinedMetricType, such as ASGTotalCPUUtilization
     * @param label the ResourceLabel, or null
     * @return this builder
     */
    public Builder predefinedLoadMetric(@Nullable String type, @Nullable String label) {
      predefinedMetricPairType = PredictiveScalingRules.loadMetric(type);
      resourceLabel = label;
      return this;
    }

    /**
     * A PredefinedScalingMetricSpecification by AWS's names, with a predefined or customized load
     * metric; its label must be the load metric's when both have one.
     *
     * @param type the PredefinedMetricType, such as ASGAverageCPUUtilization
     * @param label the ResourceLabel, or null
     * @return this builder
     */
    public Builder predefinedScalingMetric(@Nullable String type, @Nullable String label) {
      predefinedScalingMetricType = PredictiveScalingRules.scalingMetric(type);
      if (label != null) {
        if (resourceLabel != null) PredictiveScalingRules.sameResourceLabel(resourceLabel, label);
        resourceLabel = label;
      }
      return this;
    }

    /** {@return the policy; throws a ValidationException naming the first invalid field} */
    public PredictiveScalingPolicy build() {
      Double target = targetValue;
      if (target == null) {
        throw new ValidationException(
            "MetricSpecifications.TargetValue",
            null,
            PredictiveScalingRules.MODELED + "not be null");
      }
      return new PredictiveScalingPolicy(
          Require.name("PolicyName", policyName),
          Require.name("AutoScalingGroupName", autoScalingGroupName),
          predefinedMetricPairType,
          resourceLabel,
          target,
          mode,
          schedulingBufferTime,
          maxCapacityBreachBehavior,
          maxCapacityBuffer,
          predefinedScalingMetricType,
          customizedLoadMetric,
          customizedScalingMetric,
          customizedCapacityMetric);
    }
  }
}
