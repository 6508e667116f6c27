package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.ScalingPolicy;
import io.github.cloudtwin.appautoscaling.StepAdjustment;
import io.github.cloudtwin.appautoscaling.StepScalingPolicySpec;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.ServiceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arithmetic that must not lie (issue 13): huge adjustments clamp to the maximum as AWS does, and
 * counts saturate instead of wrapping negative.
 */
class OverflowSafeArithmeticTest {

  static CloudTwin groupOfTwoMaxSix() {
    CloudTwin t = CloudTwin.builder().seed(5).build();
    t.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(1)
                .maxSize(6)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    t.advance(Duration.ofMinutes(2));
    return t;
  }

  @ParameterizedTest(name = "{0} Integer.MAX_VALUE")
  @EnumSource(
      value = AdjustmentType.class,
      names = {"ChangeInCapacity", "PercentChangeInCapacity"})
  void aHugeSimpleScalingAdjustmentClampsToMaxSize(AdjustmentType type) {
    try (CloudTwin twin = groupOfTwoMaxSix()) {
      twin.autoScaling()
          .putScalingPolicy(
              SimpleScalingPolicy.builder()
                  .policyName("out")
                  .autoScalingGroupName("web")
                  .adjustmentType(type)
                  .scalingAdjustment(Integer.MAX_VALUE)
                  .build());
      twin.autoScaling().executePolicy("web", "out");
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(6);
    }
  }

  @Test
  void aHugeNegativeAdjustmentClampsToMinSize() {
    try (CloudTwin twin = groupOfTwoMaxSix()) {
      twin.autoScaling()
          .putScalingPolicy(
              SimpleScalingPolicy.builder()
                  .policyName("in")
                  .autoScalingGroupName("web")
                  .scalingAdjustment(Integer.MIN_VALUE)
                  .build());
      twin.autoScaling().executePolicy("web", "in");
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(1);
    }
  }

  @Test
  void aHugeStepAdjustmentClampsToMaxSize() {
    try (CloudTwin twin = groupOfTwoMaxSix()) {
      MetricId load = MetricId.of("Custom", "Load");
      var p =
          twin.autoScaling()
              .putScalingPolicy(
                  StepScalingPolicy.builder()
                      .policyName("steps")
                      .autoScalingGroupName("web")
                      .step(0.0, null, Integer.MAX_VALUE)
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("load-high")
                  .metric(load)
                  .threshold(60)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .alarmActions(p.asAlarmAction())
                  .build());
      twin.cloudWatch().putMetricData(load, 65);
      twin.advance(Duration.ofMinutes(1));
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(6);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ChangeInCapacity", "PercentChangeInCapacity"})
  void aHugeApplicationAutoScalingStepClampsToMaxCapacity(String type) {
    try (CloudTwin twin = CloudTwin.builder().seed(5).build()) {
      twin.ecs().createCluster("prod");
      twin.ecs().registerTaskDefinition(EcsOperationsProperties.taskDef(256));
      EcsService s =
          twin.ecs()
              .createService(
                  ServiceSpec.builder("prod", "web", "web")
                      .launchType(LaunchType.FARGATE)
                      .desiredCount(2)
                      .build());
      twin.advance(Duration.ofMinutes(2));
      twin.applicationAutoScaling()
          .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 1, 6));
      ScalingPolicy p =
          twin.applicationAutoScaling()
              .putScalingPolicy(
                  StepScalingPolicySpec.of(
                      "steps",
                      "service/prod/web",
                      io.github.cloudtwin.appautoscaling.AdjustmentType.valueOf(type),
                      StepAdjustment.of(0.0, null, Integer.MAX_VALUE)));
      MetricId load = MetricId.of("Custom", "Load");
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("load-high")
                  .metric(load)
                  .threshold(60)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .alarmActions(p.alarmAction())
                  .build());
      twin.cloudWatch().putMetricData(load, 65);
      twin.advance(Duration.ofMinutes(1));
      assertThat(s.desiredCount()).isEqualTo(6);
    }
  }

  @Test
  void hugeSampleCountsSaturateInsteadOfWrappingNegative() {
    try (CloudTwin twin = CloudTwin.create()) {
      MetricId m = MetricId.of("Custom", "Requests");
      StatisticValues huge = new StatisticValues(1e100, 1e100, 1, 1);
      twin.cloudWatch().putMetricData(m, twin.now(), huge, StandardUnit.COUNT);
      twin.cloudWatch().putMetricData(m, twin.now(), huge, StandardUnit.COUNT);
      assertThat(twin.cloudWatch().storedSampleCount(m)).isEqualTo(Long.MAX_VALUE);
    }
  }
}
