package io.github.cloudtwin.awssdk.internal.autoscaling;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;

import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.cloudtwin.autoscaling.PredictiveScalingMode;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingPredefinedLoadMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingPredefinedMetricPair;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingPredefinedScalingMetric;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;

/**
 * {@code PutScalingPolicy} with {@code PolicyType PredictiveScaling} as the core's {@link
 * PredictiveScalingPolicy}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html):
 * one metric specification, a predefined metric pair or a predefined load metric and scaling metric
 * that make up one; AWS's modeled constraints (enum values, ranges) as its "1 validation error
 * detected" errors, the twin's checks as {@code ValidationError}. Customized metrics, and a load
 * and scaling metric that are not one pair's, are not simulated.
 */
final class PredictiveRequests {

  private static final String CONFIG = "predictiveScalingConfiguration";
  private static final String METRIC = CONFIG + ".metricSpecifications.member.1";

  /** Each predefined load metric with the scaling metric it forms a pair with, and that pair. */
  private static final Map<String, Pair> PAIRS =
      Map.of(
          "ASGTotalCPUUtilization",
          new Pair("ASGAverageCPUUtilization", PredefinedMetricPairType.ASGCPUUtilization),
          "ASGTotalNetworkIn",
          new Pair("ASGAverageNetworkIn", PredefinedMetricPairType.ASGNetworkIn),
          "ASGTotalNetworkOut",
          new Pair("ASGAverageNetworkOut", PredefinedMetricPairType.ASGNetworkOut),
          "ALBTargetGroupRequestCount",
          new Pair("ALBRequestCountPerTarget", PredefinedMetricPairType.ALBRequestCount));

  private record Pair(String scalingMetric, PredefinedMetricPairType pair) {}

  private PredictiveRequests() {}

  /** The core's policy of {@code r}; nothing is put when a field is refused. */
  static PredictiveScalingPolicy policy(PutScalingPolicyRequest r) {
    String group = required("autoScalingGroupName", r.autoScalingGroupName());
    String name = required("policyName", r.policyName());
    refuseOtherTypesParameters(r);
    PredictiveScalingConfiguration c = r.predictiveScalingConfiguration();
    if (c == null) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "PredictiveScalingConfiguration is required for a PredictiveScaling policy.");
    }
    if (!c.hasMetricSpecifications()) {
      required(CONFIG + ".metricSpecifications", null);
    }
    List<PredictiveScalingMetricSpecification> specs = c.metricSpecifications();
    if (specs.size() != 1) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "MetricSpecifications must hold exactly one metric specification (it holds "
              + specs.size()
              + "): a target value and a metric pair, or a target value, a load metric and a"
              + " scaling metric.");
    }
    PredictiveScalingMetricSpecification m = specs.get(0);
    PredictiveScalingPolicy.Builder b =
        PredictiveScalingPolicy.builder()
            .policyName(name)
            .autoScalingGroupName(group)
            .targetValue(required(METRIC + ".targetValue", m.targetValue()));
    metric(m, b);
    if (c.modeAsString() != null) {
      b.mode(
          PredictiveScalingMode.valueOf(
              oneOf(CONFIG + ".mode", c.modeAsString(), "ForecastAndScale", "ForecastOnly")));
    }
    if (c.schedulingBufferTime() != null) {
      if (c.schedulingBufferTime() < 0) {
        throw AwsErrorException.constraint(
            "ValidationError",
            CONFIG + ".schedulingBufferTime",
            c.schedulingBufferTime(),
            "Member must have value greater than or equal to 0");
      }
      b.schedulingBufferTime(Duration.ofSeconds(c.schedulingBufferTime()));
    }
    if (c.maxCapacityBreachBehaviorAsString() != null) {
      b.maxCapacityBreachBehavior(
          PredictiveScalingMaxCapacityBreachBehavior.valueOf(
              oneOf(
                  CONFIG + ".maxCapacityBreachBehavior",
                  c.maxCapacityBreachBehaviorAsString(),
                  "HonorMaxCapacity",
                  "IncreaseMaxCapacity")));
    }
    Integer buffer = c.maxCapacityBuffer();
    if (buffer != null && (buffer < 0 || buffer > 100)) {
      throw AwsErrorException.constraint(
          "ValidationError",
          CONFIG + ".maxCapacityBuffer",
          buffer,
          buffer < 0
              ? "Member must have value greater than or equal to 0"
              : "Member must have value less than or equal to 100");
    }
    b.maxCapacityBuffer(buffer);
    return b.build();
  }

  /** Sets the metric pair of {@code m}: a pair, or a load and a scaling metric forming one. */
  private static void metric(
      PredictiveScalingMetricSpecification m, PredictiveScalingPolicy.Builder b) {
    if (m.customizedLoadMetricSpecification() != null
        || m.customizedScalingMetricSpecification() != null
        || m.customizedCapacityMetricSpecification() != null) {
      throw new UnsupportedOperationException(
          "PredictiveScalingMetricSpecification with a Customized*MetricSpecification is not"
              + " simulated by CloudTwin (give a PredefinedMetricPairSpecification, or a"
              + " PredefinedLoadMetricSpecification and a PredefinedScalingMetricSpecification)");
    }
    PredictiveScalingPredefinedMetricPair pair = m.predefinedMetricPairSpecification();
    PredictiveScalingPredefinedLoadMetric load = m.predefinedLoadMetricSpecification();
    PredictiveScalingPredefinedScalingMetric scaling = m.predefinedScalingMetricSpecification();
    if (pair != null) {
      if (load != null || scaling != null) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "A metric specification takes either PredefinedMetricPairSpecification or"
                + " PredefinedLoadMetricSpecification and PredefinedScalingMetricSpecification, not"
                + " both.");
      }
      String type =
          oneOf(
              METRIC + ".predefinedMetricPairSpecification.predefinedMetricType",
              pair.predefinedMetricTypeAsString(),
              "ASGCPUUtilization",
              "ASGNetworkIn",
              "ASGNetworkOut",
              "ALBRequestCount");
      b.predefinedMetricPairType(PredefinedMetricPairType.valueOf(type))
          .resourceLabel(pair.resourceLabel());
      return;
    }
    if (load == null || scaling == null) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          load == null && scaling == null
              ? "A metric specification needs a PredefinedMetricPairSpecification, or a"
                  + " PredefinedLoadMetricSpecification and a"
                  + " PredefinedScalingMetricSpecification."
              : (load == null
                      ? "PredefinedLoadMetricSpecification"
                      : "PredefinedScalingMetricSpecification")
                  + " is required with "
                  + (load == null
                      ? "PredefinedScalingMetricSpecification"
                      : "PredefinedLoadMetricSpecification")
                  + ".");
    }
    String loadType =
        oneOf(
            METRIC + ".predefinedLoadMetricSpecification.predefinedMetricType",
            load.predefinedMetricTypeAsString(),
            "ASGTotalCPUUtilization",
            "ASGTotalNetworkIn",
            "ASGTotalNetworkOut",
            "ALBTargetGroupRequestCount");
    String scalingType =
        oneOf(
            METRIC + ".predefinedScalingMetricSpecification.predefinedMetricType",
            scaling.predefinedMetricTypeAsString(),
            "ASGAverageCPUUtilization",
            "ASGAverageNetworkIn",
            "ASGAverageNetworkOut",
            "ALBRequestCountPerTarget");
    Pair p = PAIRS.get(loadType);
    if (!p.scalingMetric().equals(scalingType)) {
      throw new UnsupportedOperationException(
          "A predictive scaling policy with load metric "
              + loadType
              + " and scaling metric "
              + scalingType
              + " is not simulated by CloudTwin (the twin simulates a load metric with its own"
              + " scaling metric: "
              + loadType
              + " with "
              + p.scalingMetric()
              + ")");
    }
    if (!Objects.equals(load.resourceLabel(), scaling.resourceLabel())) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "The load metric's ResourceLabel "
              + load.resourceLabel()
              + " and the scaling metric's "
              + scaling.resourceLabel()
              + " must name the same target group.");
    }
    b.predefinedMetricPairType(p.pair()).resourceLabel(load.resourceLabel());
  }

  /** The parameters of simple, step and target tracking policies have no place here. */
  private static void refuseOtherTypesParameters(PutScalingPolicyRequest r) {
    String given =
        r.adjustmentType() != null
            ? "AdjustmentType"
            : r.scalingAdjustment() != null
                ? "ScalingAdjustment"
                : r.hasStepAdjustments() && !r.stepAdjustments().isEmpty()
                    ? "StepAdjustments"
                    : r.targetTrackingConfiguration() != null
                        ? "TargetTrackingConfiguration"
                        : r.cooldown() != null
                            ? "Cooldown"
                            : r.minAdjustmentMagnitude() != null
                                ? "MinAdjustmentMagnitude"
                                : r.metricAggregationType() != null
                                    ? "MetricAggregationType"
                                    : r.estimatedInstanceWarmup() != null
                                        ? "EstimatedInstanceWarmup"
                                        : null;
    if (given != null) {
      throw AwsErrorException.badRequest(
          "ValidationError", given + " is not supported for a PredictiveScaling policy.");
    }
  }

  /** {@code value} when it is one of {@code allowed}, else AWS's enum constraint error. */
  private static String oneOf(String field, String value, String... allowed) {
    for (String a : allowed) if (a.equals(value)) return value;
    throw AwsErrorException.constraint(
        "ValidationError",
        field,
        value,
        "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
  }
}
