package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.AdjustmentType;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTarget;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.ScalingPolicy;
import io.github.cloudtwin.appautoscaling.ScalingPolicySpec;
import io.github.cloudtwin.appautoscaling.StepAdjustment;
import io.github.cloudtwin.appautoscaling.StepScalingPolicySpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy (ECS service auto scaling). */
final class AppAutoScalingResources {

  static final String TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";
  static final String POLICY = "AWS::ApplicationAutoScaling::ScalingPolicy";

  private AppAutoScalingResources() {}

  static final ResourceHandler TARGET_HANDLER =
      r -> {
        Props p = r.props();
        String namespace = p.requiredString("ServiceNamespace");
        String resourceId = p.requiredString("ResourceId");
        String dimension = p.requiredString("ScalableDimension");
        boolean in = false;
        boolean out = false;
        Props suspended = p.child("SuspendedState");
        if (suspended != null) {
          in = Boolean.TRUE.equals(suspended.bool("DynamicScalingInSuspended"));
          out = Boolean.TRUE.equals(suspended.bool("DynamicScalingOutSuspended"));
        }
        ScalableTargetSpec spec =
            new ScalableTargetSpec(
                namespace,
                resourceId,
                dimension,
                p.requiredInt("MinCapacity"),
                p.requiredInt("MaxCapacity"),
                in,
                out);
        String ref = resourceId + "|" + dimension + "|" + namespace;
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(ref).withDetail(resourceId);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            ScalableTarget t = twin.applicationAutoScaling().registerScalableTarget(spec);
            return Outcome.of(ref).withView(t).withDetail(resourceId);
          }
        };
      };

  static final ResourceHandler POLICY_HANDLER =
      r -> {
        Props p = r.props();
        String name = p.requiredString("PolicyName");
        String resourceId;
        String targetId = p.string("ScalingTargetId");
        if (targetId != null) {
          ResourceContext.Found f = r.byRef(targetId);
          if (f == null || !f.type().equals(TARGET))
            throw r.invalid(
                "Properties.ScalingTargetId",
                targetId,
                "a Ref to an AWS::ApplicationAutoScaling::ScalableTarget");
          resourceId =
              Objects.requireNonNull(
                  (String) f.outcome().detail(),
                  "a scalable target's outcome carries its resource id");
        } else {
          resourceId = p.requiredString("ResourceId");
          p.string("ScalableDimension");
          p.string("ServiceNamespace");
        }
        String type = p.requiredString("PolicyType");
        ScalingPolicySpec spec =
            switch (type) {
              case "TargetTrackingScaling" -> targetTracking(p, name, resourceId);
              case "StepScaling" -> step(p, name, resourceId);
              default ->
                  throw p.invalid("PolicyType", type, "TargetTrackingScaling or StepScaling");
            };
        String placeholder =
            r.arn(
                "autoscaling",
                "scalingPolicy:00000000-0000-4000-8000-000000000000:resource/ecs/"
                    + resourceId
                    + ":policyName/"
                    + name);
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(placeholder).attribute("Arn", placeholder);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            ScalingPolicy policy = twin.applicationAutoScaling().putScalingPolicy(spec);
            return Outcome.of(policy.policyArn())
                .attribute("Arn", policy.policyArn())
                .withView(policy)
                .withDetail(policy.alarmAction());
          }
        };
      };

  private static TargetTrackingPolicySpec targetTracking(Props p, String name, String resourceId) {
    Props c = p.child("TargetTrackingScalingPolicyConfiguration");
    if (c == null) throw p.missing("TargetTrackingScalingPolicyConfiguration");
    Double target = c.number("TargetValue");
    if (target == null) throw c.missing("TargetValue");
    Props predefined = c.child("PredefinedMetricSpecification");
    Props custom = c.child("CustomizedMetricSpecification");
    PredefinedMetricType type = null;
    String label = null;
    if (predefined != null) {
      type = Enums.optional(predefined, "PredefinedMetricType", PredefinedMetricType.class);
      if (type == null) throw predefined.missing("PredefinedMetricType");
      label = predefined.string("ResourceLabel");
    }
    Duration out = c.seconds("ScaleOutCooldown");
    Duration in = c.seconds("ScaleInCooldown");
    Boolean disable = c.bool("DisableScaleIn");
    return new TargetTrackingPolicySpec(
        name,
        resourceId,
        type,
        label,
        custom == null ? null : AutoScalingResources.metric(custom),
        // the record's default statistic when there is no customized metric
        custom == null ? Statistic.AVERAGE : AutoScalingResources.statistic(custom, "Statistic"),
        target,
        out == null ? TargetTrackingPolicySpec.DEFAULT_COOLDOWN : out,
        in == null ? TargetTrackingPolicySpec.DEFAULT_COOLDOWN : in,
        Boolean.TRUE.equals(disable));
  }

  private static StepScalingPolicySpec step(Props p, String name, String resourceId) {
    Props c = p.child("StepScalingPolicyConfiguration");
    if (c == null) throw p.missing("StepScalingPolicyConfiguration");
    AdjustmentType type = Enums.optional(c, "AdjustmentType", AdjustmentType.class);
    if (type == null) throw c.missing("AdjustmentType");
    List<StepAdjustment> steps = new ArrayList<>();
    for (Props s : c.children("StepAdjustments")) {
      steps.add(
          StepAdjustment.of(
              s.number("MetricIntervalLowerBound"),
              s.number("MetricIntervalUpperBound"),
              s.requiredInt("ScalingAdjustment")));
    }
    Integer magnitude = c.integer("MinAdjustmentMagnitude");
    Duration cooldown = c.seconds("Cooldown");
    return new StepScalingPolicySpec(
        name,
        resourceId,
        type,
        steps,
        magnitude == null ? 0 : magnitude,
        cooldown == null ? TargetTrackingPolicySpec.DEFAULT_COOLDOWN : cooldown);
  }

  static Map<String, ResourceHandler> handlers() {
    return Map.of(TARGET, TARGET_HANDLER, POLICY, POLICY_HANDLER);
  }
}
