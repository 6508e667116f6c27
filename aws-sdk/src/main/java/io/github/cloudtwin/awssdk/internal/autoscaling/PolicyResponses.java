package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingOperations;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.model.Alarm;
import software.amazon.awssdk.services.autoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.MetricDimension;
import software.amazon.awssdk.services.autoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;

/**
 * Scaling policies as {@code PutScalingPolicy} and {@code DescribePolicies} answer them: the SDK's
 * {@code ScalingPolicy} of each kind and the alarms a policy is bound to.
 */
final class PolicyResponses {

  private final CloudTwin twin;

  PolicyResponses(CloudTwin twin) {
    this.twin = twin;
  }

  /** The SDK model of a policy. */
  ScalingPolicy policy(io.github.cloudtwin.autoscaling.ScalingPolicy p) {
    ScalingPolicy.Builder b =
        ScalingPolicy.builder()
            .autoScalingGroupName(p.autoScalingGroupName())
            .policyName(p.policyName())
            .policyARN(p.policyArn())
            .policyType(AutoScalingOperations.policyType(p.spec()))
            .alarms(alarms(p))
            .enabled(true);
    if (p.spec() instanceof SimpleScalingPolicy s) {
      b.adjustmentType(s.adjustmentType().name())
          .scalingAdjustment(s.scalingAdjustment())
          .minAdjustmentMagnitude(s.minAdjustmentMagnitude())
          .cooldown(s.cooldown() == null ? null : (int) s.cooldown().getSeconds())
          .stepAdjustments(List.of());
    } else if (p.spec() instanceof StepScalingPolicy s) {
      b.adjustmentType(s.adjustmentType().name())
          .minAdjustmentMagnitude(s.minAdjustmentMagnitude())
          .metricAggregationType(s.metricAggregationType().name())
          .estimatedInstanceWarmup(
              s.estimatedInstanceWarmup() == null
                  ? null
                  : (int) s.estimatedInstanceWarmup().getSeconds())
          .stepAdjustments(
              s.stepAdjustments().stream()
                  .map(
                      a ->
                          StepAdjustment.builder()
                              .metricIntervalLowerBound(a.metricIntervalLowerBound())
                              .metricIntervalUpperBound(a.metricIntervalUpperBound())
                              .scalingAdjustment(a.scalingAdjustment())
                              .build())
                  .toList());
    } else if (p.spec() instanceof TargetTrackingScalingPolicy t) {
      TargetTrackingConfiguration.Builder c =
          TargetTrackingConfiguration.builder()
              .targetValue(t.targetValue())
              .disableScaleIn(t.disableScaleIn());
      if (t.predefinedMetricType() != null) {
        c.predefinedMetricSpecification(
            PredefinedMetricSpecification.builder()
                .predefinedMetricType(t.predefinedMetricType().name())
                .resourceLabel(t.resourceLabel())
                .build());
      } else if (t.isMetricMath()) {
        List<software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery>
            queries = new java.util.ArrayList<>();
        for (io.github.cloudtwin.cloudwatch.MetricDataQuery q : t.customMetrics()) {
          var qb =
              software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery
                  .builder()
                  .id(q.id())
                  .expression(q.expression())
                  .label(q.label())
                  .returnData(q.returnData());
          if (!q.isExpression()) {
            io.github.cloudtwin.cloudwatch.MetricStat stat =
                Objects.requireNonNull(
                    q.metricStat(), "a query that is no expression has a metric");
            MetricId m = stat.metric();
            qb.metricStat(
                software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricStat.builder()
                    .metric(PredictiveCustomizedMetrics.sdkMetric(m))
                    .stat(stat.stat().toString())
                    .build());
          }
          queries.add(qb.build());
        }
        c.customizedMetricSpecification(
            CustomizedMetricSpecification.builder().metrics(queries).build());
      } else {
        MetricId metric =
            Objects.requireNonNull(
                t.customMetric(), "a policy has a predefined, a math or a customized metric");
        c.customizedMetricSpecification(
            CustomizedMetricSpecification.builder()
                .namespace(metric.namespace())
                .metricName(metric.metricName())
                .dimensions(
                    metric.dimensions().entrySet().stream()
                        .map(
                            e ->
                                MetricDimension.builder()
                                    .name(e.getKey())
                                    .value(e.getValue())
                                    .build())
                        .toList())
                .statistic(t.customStatistic().toString())
                .build());
      }
      b.targetTrackingConfiguration(c.build())
          .stepAdjustments(List.of())
          .estimatedInstanceWarmup(
              t.estimatedInstanceWarmup() == null
                  ? null
                  : (int) t.estimatedInstanceWarmup().getSeconds());
    }
    return b.build();
  }

  /** The alarms of {@code p}, with their ARNs. */
  List<Alarm> alarms(io.github.cloudtwin.autoscaling.ScalingPolicy p) {
    List<Alarm> out = new ArrayList<>();
    for (String n : p.alarmNames())
      out.add(Alarm.builder().alarmName(n).alarmARN(alarmArn(n)).build());
    return out;
  }

  private String alarmArn(String alarmName) {
    return twin.arns().of("cloudwatch", "alarm:" + alarmName);
  }
}
