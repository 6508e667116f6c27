package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
public record StepScalingPolicy(
    String policyName,
    String autoScalingGroupName,
    AdjustmentType adjustmentType,
    List<StepAdjustment> stepAdjustments,
    Integer minAdjustmentMagnitude,
    MetricAggregationType metricAggregationType,
    Duration estimatedInstanceWarmup)
    implements ScalingPolicySpec {

  /** Validates the way PutScalingPolicy does, including the step intervals. */
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
      Require.notNegative("EstimatedInstanceWarmup", estimatedInstanceWarmup);
    }
  }

  /** A builder: ChangeInCapacity, Average by default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link StepScalingPolicy}s. Not thread-safe. */
  public static final class Builder {
    private String policyName;
    private String autoScalingGroupName;
    private AdjustmentType adjustmentType = AdjustmentType.ChangeInCapacity;
    private final List<StepAdjustment> steps = new ArrayList<>();
    private Integer minAdjustmentMagnitude;
    private MetricAggregationType metricAggregationType = MetricAggregationType.Average;
    private Duration estimatedInstanceWarmup;

    private Builder() {}

    /** The policy name. */
    public Builder policyName(String v) {
      policyName = v;
      return this;
    }

    /** The group. */
    public Builder autoScalingGroupName(String v) {
      autoScalingGroupName = v;
      return this;
    }

    /** The adjustment type. */
    public Builder adjustmentType(AdjustmentType v) {
      adjustmentType = v;
      return this;
    }

    /** Adds a step {@code [lower, upper)} (null for an open end) relative to the threshold. */
    public Builder step(Double lower, Double upper, int adjustment) {
      steps.add(new StepAdjustment(lower, upper, adjustment));
      return this;
    }

    /** MinAdjustmentMagnitude (percent policies only). */
    public Builder minAdjustmentMagnitude(int v) {
      minAdjustmentMagnitude = v;
      return this;
    }

    /** MetricAggregationType. */
    public Builder metricAggregationType(MetricAggregationType v) {
      metricAggregationType = v;
      return this;
    }

    /** EstimatedInstanceWarmup. */
    public Builder estimatedInstanceWarmup(Duration v) {
      estimatedInstanceWarmup = v;
      return this;
    }

    /** The policy; throws a ValidationException naming the first invalid field. */
    public StepScalingPolicy build() {
      return new StepScalingPolicy(
          policyName, autoScalingGroupName, adjustmentType, steps, minAdjustmentMagnitude,
          metricAggregationType, estimatedInstanceWarmup);
    }
  }
}
