package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A step scaling policy: the alarm's breach size selects a step; warming instances count as
 * capacity, and scale-in waits for the warm-up.
 *
 * @param policyName the name
 * @param autoScalingGroupName the group
 * @param adjustmentType how each step's adjustment is read
 * @param stepAdjustments the steps; they may not overlap or leave a gap
 * @param minAdjustmentMagnitude for PercentChangeInCapacity only, or null
 * @param metricAggregationType Average (default), Minimum or Maximum
 * @param estimatedInstanceWarmup overrides DefaultInstanceWarmup, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StepScalingPolicy(
    String policyName,
    String autoScalingGroupName,
    AdjustmentType adjustmentType,
    List<StepAdjustment> stepAdjustments,
    @Nullable Integer minAdjustmentMagnitude,
    MetricAggregationType metricAggregationType,
    @Nullable Duration estimatedInstanceWarmup)
    implements ScalingPolicySpec {

  /**
   * Validates the way PutScalingPolicy does, including the step intervals.
   *
   * @param policyName the name
   * @param autoScalingGroupName the group
   * @param adjustmentType how each step's adjustment is read
   * @param stepAdjustments the steps; they may not overlap or leave a gap
   * @param minAdjustmentMagnitude for PercentChangeInCapacity only, or null
   * @param metricAggregationType Average (default), Minimum or Maximum
   * @param estimatedInstanceWarmup overrides DefaultInstanceWarmup, or null
   */
  public StepScalingPolicy {
    Require.name("PolicyName", policyName);
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    Require.notNull("AdjustmentType", adjustmentType);
    Require.notNull("StepAdjustments", stepAdjustments);
    for (StepAdjustment s : stepAdjustments) {
      Require.notNull("StepAdjustments", s);
      Policies.checkAdjustment(adjustmentType, s.scalingAdjustment(), minAdjustmentMagnitude);
    }
    if (stepAdjustments.isEmpty()) {
      Policies.checkAdjustment(adjustmentType, 0, minAdjustmentMagnitude);
    }
    stepAdjustments = Policies.checkSteps(stepAdjustments);
    Require.notNull("MetricAggregationType", metricAggregationType);
    if (estimatedInstanceWarmup != null) {
      Require.seconds(
          "EstimatedInstanceWarmup", estimatedInstanceWarmup, 0, Require.INTEGER_SECONDS);
    }
  }

  /** {@return a builder: ChangeInCapacity, Average by default} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link StepScalingPolicy}s. Not thread-safe. */
  public static final class Builder {
    private @Nullable String policyName;
    private @Nullable String autoScalingGroupName;
    private AdjustmentType adjustmentType = AdjustmentType.ChangeInCapacity;
    private final List<StepAdjustment> steps = new ArrayList<>();
    private @Nullable Integer minAdjustmentMagnitude;
    private MetricAggregationType metricAggregationType = MetricAggregationType.Average;
    private @Nullable Duration estimatedInstanceWarmup;

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
     * The adjustment type.
     *
     * @param v the adjustment type
     * @return this builder
     */
    public Builder adjustmentType(AdjustmentType v) {
      adjustmentType = v;
      return this;
    }

    /**
     * Adds a step {@code [lower, upper)} (null for an open end) relative to the threshold.
     *
     * @param lower the lower
     * @param upper the upper
     * @param adjustment the adjustment
     * @return this builder
     */
    public Builder step(@Nullable Double lower, @Nullable Double upper, int adjustment) {
      steps.add(new StepAdjustment(lower, upper, adjustment));
      return this;
    }

    /**
     * MinAdjustmentMagnitude (percent policies only).
     *
     * @param v MinAdjustmentMagnitude (percent policies only)
     * @return this builder
     */
    public Builder minAdjustmentMagnitude(int v) {
      minAdjustmentMagnitude = v;
      return this;
    }

    /**
     * MetricAggregationType.
     *
     * @param v MetricAggregationType
     * @return this builder
     */
    public Builder metricAggregationType(MetricAggregationType v) {
      metricAggregationType = v;
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
    public StepScalingPolicy build() {
      return new StepScalingPolicy(
          Require.name("PolicyName", policyName),
          Require.name("AutoScalingGroupName", autoScalingGroupName),
          adjustmentType,
          steps,
          minAdjustmentMagnitude,
          metricAggregationType,
          estimatedInstanceWarmup);
    }
  }
}
