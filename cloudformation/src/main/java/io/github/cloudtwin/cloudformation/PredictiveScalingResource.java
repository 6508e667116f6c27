package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.cloudtwin.autoscaling.PredictiveScalingMode;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AWS::AutoScaling::ScalingPolicy with PolicyType PredictiveScaling as the core's {@link
 * PredictiveScalingPolicy}, with the rules the aws-sdk module applies to PutScalingPolicy
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-autoscaling-scalingpolicy-predictivescalingconfiguration.html):
 * one metric specification, a predefined metric pair or a predefined load metric and scaling metric
 * that make up one. A specification with only customized metrics, or a load and a scaling metric
 * that are not one pair's, is imported as not simulated; customized metrics set next to predefined
 * ones are reported as unmodelled properties.
 */
final class PredictiveScalingResource {

  private static final String CONFIG = "PredictiveScalingConfiguration";

  /** Properties of the other policy types, refused with PredictiveScaling as AWS refuses them. */
  private static final List<String> OTHER_TYPES =
      List.of(
          "AdjustmentType",
          "ScalingAdjustment",
          "StepAdjustments",
          "TargetTrackingConfiguration",
          "Cooldown",
          "MinAdjustmentMagnitude",
          "MetricAggregationType",
          "EstimatedInstanceWarmup");

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

  /** Why a policy is not simulated: the property path and the reason. */
  private record NotModelled(String path, String reason) {}

  private PredictiveScalingResource() {}

  /** The creation of the policy, or of a not simulated stand-in; validates everything first. */
  static Creation creation(ResourceContext r, Props p, String group, String name, String arn) {
    for (String key : OTHER_TYPES) {
      if (p.has(key)) {
        throw p.invalid(key, p.raw(key), "no value with PolicyType PredictiveScaling");
      }
    }
    Props c = p.requiredChild(CONFIG);
    List<Props> specs = c.children("MetricSpecifications");
    if (specs.isEmpty()) throw c.missing("MetricSpecifications");
    if (specs.size() != 1) {
      throw c.invalid(
          "MetricSpecifications",
          specs.size() + " metric specifications",
          "exactly one metric specification (a target value and a metric pair, or a target value,"
              + " a load metric and a scaling metric)");
    }
    Props m = specs.get(0);
    Double target = m.number("TargetValue");
    if (target == null) throw m.missing("TargetValue");
    PredictiveScalingPolicy.Builder b =
        PredictiveScalingPolicy.builder()
            .policyName(name)
            .autoScalingGroupName(group)
            .targetValue(target);
    NotModelled not = metric(m, b);
    b.mode(Enums.parse(c, "Mode", PredictiveScalingMode.class, PredictiveScalingMode.ForecastOnly));
    Duration buffer = c.seconds("SchedulingBufferTime");
    if (buffer != null) b.schedulingBufferTime(buffer);
    b.maxCapacityBreachBehavior(
        Enums.parse(
            c,
            "MaxCapacityBreachBehavior",
            PredictiveScalingMaxCapacityBreachBehavior.class,
            PredictiveScalingMaxCapacityBreachBehavior.HonorMaxCapacity));
    b.maxCapacityBuffer(c.integer("MaxCapacityBuffer"));
    if (not != null) {
      if (r.planning()) {
        r.plan()
            .report(ImportReport.Kind.NOT_SIMULATED, r.logicalId(), r.type(), not.path, not.reason);
      }
      c.accept("MetricSpecifications");
      return Creation.fixed(
          Outcome.of(arn).attribute("Arn", arn).attribute("PolicyName", name).notSimulated());
    }
    PredictiveScalingPolicy spec;
    try {
      spec = b.build();
    } catch (ValidationException e) {
      String field = e.field();
      String prefix = "MetricSpecifications.";
      throw field.startsWith(prefix)
          ? m.invalid(field.substring(prefix.length()), e.value(), e.allowed())
          : c.invalid(field, e.value(), e.allowed());
    }
    return new Creation() {
      @Override
      public Outcome predict() {
        return Outcome.of(arn).attribute("Arn", arn).attribute("PolicyName", name);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        PredictiveScalingPolicy policy =
            twin.autoScaling().predictiveScaling().putScalingPolicy(spec);
        String real = twin.autoScaling().predictiveScaling().policyArn(group, name);
        return Outcome.of(real)
            .attribute("Arn", real)
            .attribute("PolicyName", name)
            .withView(policy);
      }
    };
  }

  /** Sets the metric pair of {@code m}; what keeps it from being simulated, or null. */
  private static @Nullable NotModelled metric(Props m, PredictiveScalingPolicy.Builder b) {
    Props pair = m.child("PredefinedMetricPairSpecification");
    Props load = m.child("PredefinedLoadMetricSpecification");
    Props scaling = m.child("PredefinedScalingMetricSpecification");
    if (pair != null) {
      if (load != null || scaling != null) {
        throw m.invalid(
            load != null
                ? "PredefinedLoadMetricSpecification"
                : "PredefinedScalingMetricSpecification",
            "set with PredefinedMetricPairSpecification",
            "either PredefinedMetricPairSpecification or PredefinedLoadMetricSpecification and"
                + " PredefinedScalingMetricSpecification, not both");
      }
      PredefinedMetricPairType t =
          Enums.optional(pair, "PredefinedMetricType", PredefinedMetricPairType.class);
      if (t == null) throw pair.missing("PredefinedMetricType");
      b.predefinedMetricPairType(t).resourceLabel(pair.string("ResourceLabel"));
      return null;
    }
    if (load == null && scaling == null) {
      for (String kind : List.of("Load", "Scaling", "Capacity")) {
        String key = "Customized" + kind + "MetricSpecification";
        if (m.has(key)) {
          return new NotModelled(
              m.path(key), "customized predictive scaling metrics are not simulated");
        }
      }
      throw m.invalid(
          "PredefinedMetricPairSpecification",
          null,
          "a PredefinedMetricPairSpecification, or a PredefinedLoadMetricSpecification and a"
              + " PredefinedScalingMetricSpecification");
    }
    if (load == null || scaling == null) {
      String absent =
          load == null
              ? "PredefinedLoadMetricSpecification"
              : "PredefinedScalingMetricSpecification";
      throw m.invalid(
          absent,
          null,
          "a value with "
              + (load == null
                  ? "PredefinedScalingMetricSpecification"
                  : "PredefinedLoadMetricSpecification"));
    }
    String loadType =
        oneOf(
            load,
            "ASGTotalCPUUtilization",
            "ASGTotalNetworkIn",
            "ASGTotalNetworkOut",
            "ALBTargetGroupRequestCount");
    String scalingType =
        oneOf(
            scaling,
            "ASGAverageCPUUtilization",
            "ASGAverageNetworkIn",
            "ASGAverageNetworkOut",
            "ALBRequestCountPerTarget");
    Pair p = Objects.requireNonNull(PAIRS.get(loadType));
    if (!p.scalingMetric().equals(scalingType)) {
      return new NotModelled(
          m.path("PredefinedScalingMetricSpecification"),
          "a load metric "
              + loadType
              + " with scaling metric "
              + scalingType
              + " is not simulated (only with "
              + p.scalingMetric()
              + ")");
    }
    String label = load.string("ResourceLabel");
    String scalingLabel = scaling.string("ResourceLabel");
    if (!Objects.equals(label, scalingLabel)) {
      throw scaling.invalid(
          "ResourceLabel", scalingLabel, "the load metric's ResourceLabel " + label);
    }
    b.predefinedMetricPairType(p.pair()).resourceLabel(label);
    return null;
  }

  /** The PredefinedMetricType of {@code spec} when it is one of {@code allowed}. */
  private static String oneOf(Props spec, String... allowed) {
    String v = spec.string("PredefinedMetricType");
    if (v == null) throw spec.missing("PredefinedMetricType");
    for (String a : allowed) if (a.equals(v)) return v;
    throw spec.invalid("PredefinedMetricType", v, "one of " + List.of(allowed));
  }
}
