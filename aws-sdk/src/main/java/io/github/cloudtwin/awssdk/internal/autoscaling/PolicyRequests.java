package io.github.cloudtwin.awssdk.internal.autoscaling;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;

import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.MetricAggregationType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.MetricDimension;
import software.amazon.awssdk.services.autoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;

/**
 * {@code PutScalingPolicy}'s SDK request as the core's policy definition: simple, step and target
 * tracking policies (a predefined metric, a customized one, or metric math), with AWS's errors for
 * what is missing or invalid; predictive scaling policies are {@link PredictiveRequests}'.
 */
final class PolicyRequests {

  private PolicyRequests() {}

  /** The policy definition of {@code r}. */
  static ScalingPolicySpec policySpec(PutScalingPolicyRequest r) {
    String type = r.policyType() == null ? "SimpleScaling" : r.policyType();
    String group = required("autoScalingGroupName", r.autoScalingGroupName());
    String name = required("policyName", r.policyName());
    switch (type) {
      case "SimpleScaling" -> {
        SimpleScalingPolicy.Builder b =
            SimpleScalingPolicy.builder()
                .policyName(name)
                .autoScalingGroupName(group)
                .adjustmentType(adjustmentType(required("adjustmentType", r.adjustmentType())));
        if (r.scalingAdjustment() == null) {
          throw AwsErrorException.badRequest(
              "ValidationError", "ScalingAdjustment is required for a SimpleScaling" + " policy.");
        }
        b.scalingAdjustment(r.scalingAdjustment());
        if (r.minAdjustmentMagnitude() != null)
          b.minAdjustmentMagnitude(r.minAdjustmentMagnitude());
        if (r.cooldown() != null) b.cooldown(Duration.ofSeconds(r.cooldown()));
        return b.build();
      }
      case "StepScaling" -> {
        if (!r.hasStepAdjustments() || r.stepAdjustments().isEmpty()) {
          throw AwsErrorException.badRequest(
              "ValidationError", "StepAdjustments is required for a StepScaling" + " policy.");
        }
        StepScalingPolicy.Builder b =
            StepScalingPolicy.builder()
                .policyName(name)
                .autoScalingGroupName(group)
                .adjustmentType(adjustmentType(required("adjustmentType", r.adjustmentType())));
        for (StepAdjustment s : r.stepAdjustments()) {
          b.step(
              s.metricIntervalLowerBound(),
              s.metricIntervalUpperBound(),
              required("scalingAdjustment", s.scalingAdjustment()));
        }
        if (r.minAdjustmentMagnitude() != null)
          b.minAdjustmentMagnitude(r.minAdjustmentMagnitude());
        if (r.metricAggregationType() != null) {
          try {
            b.metricAggregationType(MetricAggregationType.valueOf(r.metricAggregationType()));
          } catch (IllegalArgumentException e) {
            throw AwsErrorException.badRequest(
                "ValidationError",
                "Invalid MetricAggregationType "
                    + r.metricAggregationType()
                    + ": use Average, Minimum or Maximum");
          }
        }
        if (r.estimatedInstanceWarmup() != null)
          b.estimatedInstanceWarmup(Duration.ofSeconds(r.estimatedInstanceWarmup()));
        return b.build();
      }
      case "TargetTrackingScaling" -> {
        TargetTrackingConfiguration c = r.targetTrackingConfiguration();
        if (c == null) {
          throw AwsErrorException.badRequest(
              "ValidationError",
              "TargetTrackingConfiguration is required for a" + " TargetTrackingScaling policy.");
        }
        TargetTrackingScalingPolicy.Builder b =
            TargetTrackingScalingPolicy.builder()
                .policyName(name)
                .autoScalingGroupName(group)
                .targetValue(required("targetValue", c.targetValue()));
        if (c.predefinedMetricSpecification() != null) {
          PredefinedMetricSpecification p = c.predefinedMetricSpecification();
          PredefinedMetricType t;
          try {
            t =
                PredefinedMetricType.valueOf(
                    required("predefinedMetricType", p.predefinedMetricTypeAsString()));
          } catch (IllegalArgumentException e) {
            throw AwsErrorException.badRequest(
                "ValidationError",
                "Invalid PredefinedMetricType " + p.predefinedMetricTypeAsString());
          }
          b.predefinedMetric(t, p.resourceLabel());
        }
        if (c.customizedMetricSpecification() != null) {
          CustomizedMetricSpecification m = c.customizedMetricSpecification();
          if (m.hasMetrics() && !m.metrics().isEmpty()) {
            if (m.metricName() != null || m.namespace() != null || m.statistic() != null) {
              throw AwsErrorException.badRequest(
                  "ValidationError",
                  "CustomizedMetricSpecification takes either Metrics or"
                      + " MetricName, Namespace, Dimensions and Statistic, not both.");
            }
            List<io.github.cloudtwin.cloudwatch.MetricDataQuery> queries =
                new java.util.ArrayList<>();
            for (software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery q :
                m.metrics()) {
              queries.add(query(q));
            }
            b.customMetrics(queries.toArray(io.github.cloudtwin.cloudwatch.MetricDataQuery[]::new));
          } else {
            Map<String, String> dims = new java.util.TreeMap<>();
            if (m.hasDimensions())
              for (MetricDimension d : m.dimensions()) dims.put(d.name(), d.value());
            b.customMetric(
                new MetricId(
                    required("namespace", m.namespace()),
                    required("metricName", m.metricName()),
                    dims),
                Statistic.parse(required("statistic", m.statisticAsString())));
          }
        }
        if (c.disableScaleIn() != null) b.disableScaleIn(c.disableScaleIn());
        if (r.estimatedInstanceWarmup() != null)
          b.estimatedInstanceWarmup(Duration.ofSeconds(r.estimatedInstanceWarmup()));
        return b.build();
      }
      case "PredictiveScaling" ->
          throw new IllegalStateException(
              "a PredictiveScaling policy is put through PredictiveScalingHandler");
      default ->
          throw AwsErrorException.badRequest(
              "ValidationError",
              "Invalid PolicyType "
                  + type
                  + ": use SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling");
    }
  }

  /** A target tracking metric math query: a MetricStat on one-minute periods, or an expression. */
  private static io.github.cloudtwin.cloudwatch.MetricDataQuery query(
      software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery q) {
    boolean returnData = q.returnData() == null || q.returnData();
    try {
      if (q.metricStat() == null) {
        return new io.github.cloudtwin.cloudwatch.MetricDataQuery(
            q.id(), null, q.expression(), q.label(), returnData, null);
      }
      software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricStat st =
          q.metricStat();
      if (st.unit() != null) {
        throw new UnsupportedOperationException(
            "TargetTrackingMetricStat with Unit is not simulated by CloudTwin: leave it out");
      }
      software.amazon.awssdk.services.autoscaling.model.Metric metric = st.metric();
      if (metric == null)
        throw AwsErrorException.badRequest(
            "ValidationError", "MetricStat.Metric is required (query " + q.id() + ").");
      Map<String, String> dims = new java.util.TreeMap<>();
      if (metric.hasDimensions())
        for (software.amazon.awssdk.services.autoscaling.model.MetricDimension d :
            metric.dimensions()) dims.put(d.name(), d.value());
      MetricId id =
          new MetricId(
              required("namespace", metric.namespace()),
              required("metricName", metric.metricName()),
              dims);
      return new io.github.cloudtwin.cloudwatch.MetricDataQuery(
          q.id(),
          io.github.cloudtwin.cloudwatch.MetricStat.of(
              id, Duration.ofMinutes(1), Statistic.parse(required("stat", st.stat()))),
          q.expression(),
          q.label(),
          returnData,
          null);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw AwsErrorException.badRequest("ValidationError", e.getMessage());
    }
  }

  private static AdjustmentType adjustmentType(String t) {
    try {
      return AdjustmentType.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "Invalid AdjustmentType "
              + t
              + ": use ChangeInCapacity, ExactCapacity or PercentChangeInCapacity");
    }
  }
}
