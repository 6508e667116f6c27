package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.MetricAggregationType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import java.time.Duration;
import java.util.List;

/**
 * AWS::AutoScaling::ScalingPolicy: simple, step and target tracking policies; predictive ones are
 * {@link PredictiveScalingResource}'s.
 */
final class ScalingPolicyResource {

  private ScalingPolicyResource() {}

  static final ResourceHandler HANDLER =
      r -> {
        Props p = r.props();
        String group = AutoScalingResources.groupName(r, p);
        String name = r.name(null, 255);
        String type = p.string("PolicyType");
        type = type == null ? "SimpleScaling" : type;
        String placeholder =
            r.arn(
                "autoscaling",
                "scalingPolicy:00000000-0000-4000-8000-000000000000:autoScalingGroupName/"
                    + group
                    + ":policyName/"
                    + name);
        if (type.equals("PredictiveScaling")) {
          return PredictiveScalingResource.creation(p, group, name, placeholder);
        }
        ScalingPolicySpec spec =
            switch (type) {
              case "SimpleScaling" -> {
                SimpleScalingPolicy.Builder b =
                    SimpleScalingPolicy.builder()
                        .policyName(name)
                        .autoScalingGroupName(group)
                        .adjustmentType(
                            Enums.parse(
                                p,
                                "AdjustmentType",
                                AdjustmentType.class,
                                AdjustmentType.ChangeInCapacity))
                        .scalingAdjustment(p.requiredInt("ScalingAdjustment"));
                Duration cooldown = p.seconds("Cooldown");
                if (cooldown != null) b.cooldown(cooldown);
                Integer magnitude = p.integer("MinAdjustmentMagnitude");
                if (magnitude != null) b.minAdjustmentMagnitude(magnitude);
                yield b.build();
              }
              case "StepScaling" -> {
                StepScalingPolicy.Builder b =
                    StepScalingPolicy.builder()
                        .policyName(name)
                        .autoScalingGroupName(group)
                        .adjustmentType(
                            Enums.parse(
                                p,
                                "AdjustmentType",
                                AdjustmentType.class,
                                AdjustmentType.ChangeInCapacity));
                List<Props> steps = p.children("StepAdjustments");
                if (steps.isEmpty()) throw p.missing("StepAdjustments");
                for (Props s : steps) {
                  b.step(
                      s.number("MetricIntervalLowerBound"),
                      s.number("MetricIntervalUpperBound"),
                      s.requiredInt("ScalingAdjustment"));
                }
                b.metricAggregationType(
                    Enums.parse(
                        p,
                        "MetricAggregationType",
                        MetricAggregationType.class,
                        MetricAggregationType.Average));
                Duration warmup = p.seconds("EstimatedInstanceWarmup");
                if (warmup != null) b.estimatedInstanceWarmup(warmup);
                Integer magnitude = p.integer("MinAdjustmentMagnitude");
                if (magnitude != null) b.minAdjustmentMagnitude(magnitude);
                yield b.build();
              }
              case "TargetTrackingScaling" -> targetTracking(p, name, group);
              default ->
                  throw p.invalid(
                      "PolicyType",
                      type,
                      "SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling");
            };
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(placeholder)
                .attribute("Arn", placeholder)
                .attribute("PolicyName", name);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            ScalingPolicy policy = twin.autoScaling().putScalingPolicy(spec);
            return Outcome.of(policy.policyArn())
                .attribute("Arn", policy.policyArn())
                .attribute("PolicyName", name)
                .withView(policy);
          }
        };
      };

  private static TargetTrackingScalingPolicy targetTracking(Props p, String name, String group) {
    Props c = p.child("TargetTrackingConfiguration");
    if (c == null) throw p.missing("TargetTrackingConfiguration");
    TargetTrackingScalingPolicy.Builder b =
        TargetTrackingScalingPolicy.builder().policyName(name).autoScalingGroupName(group);
    Double target = c.number("TargetValue");
    if (target == null) throw c.missing("TargetValue");
    b.targetValue(target);
    Boolean disable = c.bool("DisableScaleIn");
    if (disable != null) b.disableScaleIn(disable);
    Props predefined = c.child("PredefinedMetricSpecification");
    Props custom = c.child("CustomizedMetricSpecification");
    if (predefined != null) {
      PredefinedMetricType t =
          Enums.optional(predefined, "PredefinedMetricType", PredefinedMetricType.class);
      if (t == null) throw predefined.missing("PredefinedMetricType");
      String label = predefined.string("ResourceLabel");
      if (label != null) b.predefinedMetric(t, label);
      else b.predefinedMetric(t);
    }
    if (custom != null) {
      b.customMetric(
          AutoScalingResources.metric(custom), AutoScalingResources.statistic(custom, "Statistic"));
    }
    Duration warmup = p.seconds("EstimatedInstanceWarmup");
    if (warmup != null) b.estimatedInstanceWarmup(warmup);
    return b.build();
  }
}
