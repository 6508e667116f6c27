package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.autoscaling.PredictiveScalingRules;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.Constraints;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingCustomizedCapacityMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingCustomizedLoadMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingCustomizedScalingMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingPredefinedLoadMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingPredefinedMetricPair;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingPredefinedScalingMetric;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;

/**
 * {@code PutScalingPolicy} with {@code PolicyType PredictiveScaling} as the core's {@link
 * PredictiveScalingPolicy}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html):
 * the rules are core's {@link PredictiveScalingRules}, applied through the policy's builder (the
 * CloudFormation import applies the same); this class only reads the request and answers a refusal
 * as AWS does: a constraint AWS models (enum values, ranges, required) as its "1 validation error
 * detected" text at the request field's path, the others as {@code ValidationError} with the rule's
 * text. Customized metrics are read by {@link PredictiveCustomizedMetrics}.
 */
final class PredictiveRequests {

  private static final String CONFIG = "predictiveScalingConfiguration";

  private PredictiveRequests() {}

  /** The core's policy of {@code r}; nothing is put when a field is refused. */
  static PredictiveScalingPolicy policy(PutScalingPolicyRequest r) {
    String group = Constraints.required("autoScalingGroupName", r.autoScalingGroupName());
    String name = Constraints.required("policyName", r.policyName());
    try {
      return build(r, group, name);
    } catch (ValidationException e) {
      throw refusal(e);
    }
  }

  private static PredictiveScalingPolicy build(
      PutScalingPolicyRequest r, String group, String name) {
    PredictiveScalingRules.refuseOtherPolicyTypesProperty(otherTypesParameter(r));
    PredictiveScalingConfiguration c = r.predictiveScalingConfiguration();
    if (c == null) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "PredictiveScalingConfiguration is required for a PredictiveScaling policy.");
    }
    List<PredictiveScalingMetricSpecification> specs =
        c.hasMetricSpecifications() ? c.metricSpecifications() : List.of();
    PredictiveScalingRules.oneMetricSpecification(specs.size());
    PredictiveScalingMetricSpecification m = specs.get(0);
    PredictiveScalingPolicy.Builder b =
        PredictiveScalingPolicy.builder()
            .policyName(name)
            .autoScalingGroupName(group)
            .targetValueGiven(m.targetValue());
    metric(m, b);
    return b.modeName(c.modeAsString())
        .schedulingBufferSeconds(c.schedulingBufferTime())
        .maxCapacityBreachBehaviorName(c.maxCapacityBreachBehaviorAsString())
        .maxCapacityBuffer(c.maxCapacityBuffer())
        .build();
  }

  /**
   * Sets the metrics of {@code m}: a pair, or a load and a scaling metric, each predefined or
   * customized, and a customized capacity metric.
   */
  private static void metric(
      PredictiveScalingMetricSpecification m, PredictiveScalingPolicy.Builder b) {
    PredictiveScalingPredefinedMetricPair pair = m.predefinedMetricPairSpecification();
    PredictiveScalingPredefinedLoadMetric load = m.predefinedLoadMetricSpecification();
    PredictiveScalingPredefinedScalingMetric scaling = m.predefinedScalingMetricSpecification();
    PredictiveScalingCustomizedLoadMetric customLoad = m.customizedLoadMetricSpecification();
    PredictiveScalingCustomizedScalingMetric customScaling =
        m.customizedScalingMetricSpecification();
    PredictiveScalingCustomizedCapacityMetric capacity = m.customizedCapacityMetricSpecification();
    PredictiveScalingRules.metricShape(
        pair != null, load != null, customLoad != null, scaling != null, customScaling != null);
    if (pair != null) {
      b.metricPair(pair.predefinedMetricTypeAsString(), pair.resourceLabel());
    } else if (load != null && scaling != null) {
      b.loadAndScalingMetrics(
          load.predefinedMetricTypeAsString(),
          load.resourceLabel(),
          scaling.predefinedMetricTypeAsString(),
          scaling.resourceLabel());
    } else {
      if (load != null) {
        b.predefinedLoadMetric(load.predefinedMetricTypeAsString(), load.resourceLabel());
      }
      if (customLoad != null) {
        b.customizedLoadMetric(
            PredictiveCustomizedMetrics.of(
                "Load",
                customLoad.hasMetricDataQueries() ? customLoad.metricDataQueries() : List.of()));
      }
      if (scaling != null) {
        b.predefinedScalingMetric(scaling.predefinedMetricTypeAsString(), scaling.resourceLabel());
      }
      if (customScaling != null) {
        b.customizedScalingMetric(
            PredictiveCustomizedMetrics.of(
                "Scaling",
                customScaling.hasMetricDataQueries()
                    ? customScaling.metricDataQueries()
                    : List.of()));
      }
    }
    if (capacity != null) {
      b.customizedCapacityMetric(
          PredictiveCustomizedMetrics.of(
              "Capacity",
              capacity.hasMetricDataQueries() ? capacity.metricDataQueries() : List.of()));
    }
  }

  /**
   * A rule's refusal as AWS answers it: a modeled constraint at the request field's path (such as
   * {@code predictiveScalingConfiguration.metricSpecifications.member.1.targetValue}), else the
   * rule's own text.
   */
  private static AwsErrorException refusal(ValidationException e) {
    if (!e.allowed().startsWith(PredictiveScalingRules.MODELED)) {
      return AwsErrorException.badRequest("ValidationError", e.getMessage());
    }
    Object value = e.value();
    return AwsErrorException.badRequest(
        "ValidationError",
        "1 validation error detected: Value "
            + (value == null ? "null" : "'" + value + "'")
            + " at '"
            + requestPath(e.field())
            + "' failed to satisfy constraint: "
            + e.allowed());
  }

  /** {@code MetricSpecifications.TargetValue} as the request's path of that field. */
  private static String requestPath(String field) {
    StringBuilder path = new StringBuilder(CONFIG);
    String[] parts = field.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      path.append('.')
          .append(part.substring(0, 1).toLowerCase(Locale.ROOT))
          .append(part.substring(1));
      if (i < parts.length - 1 && part.equals(PredictiveScalingRules.METRIC_SPECIFICATIONS)) {
        path.append(".member.1");
      }
    }
    return path.toString();
  }

  /** The first parameter of simple, step and target tracking policies given, or null. */
  private static @Nullable String otherTypesParameter(PutScalingPolicyRequest r) {
    return r.adjustmentType() != null
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
  }
}
