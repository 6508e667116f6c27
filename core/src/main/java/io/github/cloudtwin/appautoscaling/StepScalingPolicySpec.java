package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.StepIntervals;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A step scaling policy: attach {@link ScalingPolicy#alarmAction()} to an alarm of your own; each
 * invocation picks the step for {@code newest datapoint - threshold}.
 *
 * @param policyName unique per target
 * @param resourceId {@code service/<cluster>/<service>}
 * @param adjustmentType how steps change capacity
 * @param stepAdjustments the steps (no overlap, no gap)
 * @param minAdjustmentMagnitude for PercentChangeInCapacity: the least |change|, or 0
 * @param cooldown default 300 s (ECS)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StepScalingPolicySpec(
    String policyName,
    String resourceId,
    AdjustmentType adjustmentType,
    List<StepAdjustment> stepAdjustments,
    int minAdjustmentMagnitude,
    Duration cooldown)
    implements ScalingPolicySpec {

  /**
   * Validates the steps as the API does.
   *
   * @param policyName unique per target
   * @param resourceId {@code service/<cluster>/<service>}
   * @param adjustmentType how steps change capacity
   * @param stepAdjustments the steps (no overlap, no gap)
   * @param minAdjustmentMagnitude for PercentChangeInCapacity: the least |change|, or 0
   * @param cooldown default 300 s (ECS)
   */
  public StepScalingPolicySpec {
    Require.name("PolicyName", policyName);
    Require.name("ResourceId", resourceId);
    Require.notNull("AdjustmentType", adjustmentType);
    stepAdjustments =
        StepIntervals.check(
            stepAdjustments,
            StepAdjustment::metricIntervalLowerBound,
            StepAdjustment::metricIntervalUpperBound);
    if (adjustmentType == AdjustmentType.ExactCapacity) {
      for (StepAdjustment s : stepAdjustments) {
        if (s.scalingAdjustment() < 0) {
          throw new ValidationException(
              "ScalingAdjustment", s.scalingAdjustment(), "0 or more for ExactCapacity");
        }
      }
    }
    Require.notNegative("MinAdjustmentMagnitude", minAdjustmentMagnitude);
    if (minAdjustmentMagnitude > 0 && adjustmentType != AdjustmentType.PercentChangeInCapacity) {
      throw new ValidationException(
          "MinAdjustmentMagnitude", minAdjustmentMagnitude, "only with PercentChangeInCapacity");
    }
    Require.seconds("Cooldown", cooldown, 0, Require.INTEGER_SECONDS);
  }

  /**
   * A policy with the default 300 s cooldown.
   *
   * @param policyName the policy name
   * @param resourceId the resource id
   * @param type the type
   * @param steps the steps
   * @return a policy with the default 300 s cooldown
   */
  public static StepScalingPolicySpec of(
      String policyName, String resourceId, AdjustmentType type, StepAdjustment... steps) {
    return new StepScalingPolicySpec(
        policyName,
        resourceId,
        type,
        Require.elements("StepAdjustments", steps),
        0,
        TargetTrackingPolicySpec.DEFAULT_COOLDOWN);
  }

  /**
   * This policy with another cooldown.
   *
   * @param c the cooldown
   * @return this policy with another cooldown
   */
  public StepScalingPolicySpec withCooldown(Duration c) {
    return new StepScalingPolicySpec(
        policyName, resourceId, adjustmentType, stepAdjustments, minAdjustmentMagnitude, c);
  }
}
