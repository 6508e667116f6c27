package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A target tracking policy: keep a metric at {@code targetValue}. Application Auto Scaling creates
 * and owns its alarms: AlarmHigh {@code > target}, 3 of 3 one-minute datapoints; AlarmLow {@code <
 * 0.9 x target}, 15 of 15 (not created with {@code disableScaleIn}).
 *
 * @param policyName unique per target
 * @param resourceId {@code service/<cluster>/<service>}
 * @param predefinedMetricType a predefined metric, or null with a customized metric
 * @param resourceLabel for ALBRequestCountPerTarget: {@code app/<lb>/<id>/targetgroup/<tg>/<id>}
 * @param customizedMetric a metric of your own, or null
 * @param customizedStatistic its statistic (default Average)
 * @param targetValue the target
 * @param scaleOutCooldown default 300 s (ECS)
 * @param scaleInCooldown default 300 s (ECS)
 * @param disableScaleIn never remove capacity
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TargetTrackingPolicySpec(
    String policyName,
    String resourceId,
    @Nullable PredefinedMetricType predefinedMetricType,
    @Nullable String resourceLabel,
    @Nullable MetricId customizedMetric,
    Statistic customizedStatistic,
    double targetValue,
    Duration scaleOutCooldown,
    Duration scaleInCooldown,
    boolean disableScaleIn)
    implements ScalingPolicySpec {

  /** The ECS default cooldown. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

  /**
   * Validates.
   *
   * @param policyName unique per target
   * @param resourceId {@code service/<cluster>/<service>}
   * @param predefinedMetricType a predefined metric, or null with a customized metric
   * @param resourceLabel for ALBRequestCountPerTarget: {@code app/<lb>/<id>/targetgroup/<tg>/<id>}
   * @param customizedMetric a metric of your own, or null
   * @param customizedStatistic its statistic (default Average)
   * @param targetValue the target
   * @param scaleOutCooldown default 300 s (ECS)
   * @param scaleInCooldown default 300 s (ECS)
   * @param disableScaleIn never remove capacity
   */
  public TargetTrackingPolicySpec {
    Require.name("PolicyName", policyName);
    Require.name("ResourceId", resourceId);
    if ((predefinedMetricType == null) == (customizedMetric == null)) {
      throw new ValidationException(
          "TargetTrackingScalingPolicyConfiguration",
          predefinedMetricType,
          "exactly one of a predefined or a customized metric");
    }
    if (predefinedMetricType == PredefinedMetricType.ALBRequestCountPerTarget) {
      String label = Require.name("ResourceLabel", resourceLabel);
      if (!label.matches("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+")) {
        throw new ValidationException(
            "ResourceLabel",
            resourceLabel,
            "app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>");
      }
    }
    Require.finite("TargetValue", targetValue);
    if (targetValue <= 0) {
      throw new ValidationException("TargetValue", targetValue, "above 0");
    }
    Require.seconds("ScaleOutCooldown", scaleOutCooldown, 0, Require.INTEGER_SECONDS);
    Require.seconds("ScaleInCooldown", scaleInCooldown, 0, Require.INTEGER_SECONDS);
    if (customizedStatistic == null) customizedStatistic = Statistic.AVERAGE;
  }

  /**
   * A policy on a predefined ECS metric with the default cooldowns.
   *
   * @param policyName the policy name
   * @param resourceId the resource id
   * @param type the type
   * @param targetValue the target value
   * @return a policy on a predefined ECS metric with the default cooldowns
   */
  public static TargetTrackingPolicySpec predefined(
      String policyName, String resourceId, PredefinedMetricType type, double targetValue) {
    return new TargetTrackingPolicySpec(
        policyName,
        resourceId,
        type,
        null,
        null,
        Statistic.AVERAGE,
        targetValue,
        DEFAULT_COOLDOWN,
        DEFAULT_COOLDOWN,
        false);
  }

  /**
   * ALBRequestCountPerTarget with its resource label.
   *
   * @param policyName the policy name
   * @param resourceId the resource id
   * @param resourceLabel the resource label
   * @param targetValue the target value
   * @return ALBRequestCountPerTarget with its resource label
   */
  public static TargetTrackingPolicySpec requestCountPerTarget(
      String policyName, String resourceId, String resourceLabel, double targetValue) {
    return new TargetTrackingPolicySpec(
        policyName,
        resourceId,
        PredefinedMetricType.ALBRequestCountPerTarget,
        resourceLabel,
        null,
        Statistic.AVERAGE,
        targetValue,
        DEFAULT_COOLDOWN,
        DEFAULT_COOLDOWN,
        false);
  }

  /**
   * This policy with other cooldowns.
   *
   * @param scaleOut the scale out
   * @param scaleIn the scale in
   * @return this policy with other cooldowns
   */
  public TargetTrackingPolicySpec withCooldowns(Duration scaleOut, Duration scaleIn) {
    return new TargetTrackingPolicySpec(
        policyName,
        resourceId,
        predefinedMetricType,
        resourceLabel,
        customizedMetric,
        customizedStatistic,
        targetValue,
        scaleOut,
        scaleIn,
        disableScaleIn);
  }

  /**
   * This policy with scale-in disabled.
   *
   * @param disable the disable
   * @return this policy with scale-in disabled
   */
  public TargetTrackingPolicySpec withDisableScaleIn(boolean disable) {
    return new TargetTrackingPolicySpec(
        policyName,
        resourceId,
        predefinedMetricType,
        resourceLabel,
        customizedMetric,
        customizedStatistic,
        targetValue,
        scaleOutCooldown,
        scaleInCooldown,
        disable);
  }
}
