package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.cpu;
import static io.github.cloudtwin.autoscaling.Fixtures.cpuAlarm;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scaling-policy rules that mutation testing found unpinned, each with the AWS page it comes from:
 * warm-up during step scaling, the capacity a target tracking policy counts, how several target
 * tracking policies agree on a scale-in, and the edges of AWS's step-adjustment rules.
 */
class PolicyEdgesTest {

  private static ScalingPolicy steps(CloudTwin twin, Duration warmup) {
    return twin.autoScaling()
        .putScalingPolicy(
            StepScalingPolicy.builder()
                .policyName("steps")
                .autoScalingGroupName("web")
                .step(0.0, 10.0, 1)
                .step(10.0, 20.0, 2)
                .step(20.0, null, 3)
                .estimatedInstanceWarmup(warmup)
                .build());
  }

  /**
   * "Step and simple scaling policies", section "Instance warmup": instances still warming count as
   * capacity, so a breach in a higher step adds only the difference: 4 -> 6 (+2 at 75 %), then at
   * 85 % (+3) while the 2 new ones warm, (6 - 2) + 3 = 7.
   */
  @Test
  void aHigherStepDuringTheWarmUpAddsOnlyWhatTheWarmingInstancesDoNotCover() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 2, 10, 4, A, B).build());
      twin.advance(Duration.ofMinutes(10));
      ScalingPolicy p = steps(twin, Duration.ofSeconds(300));
      twin.cloudWatch()
          .putMetricAlarm(
              cpuAlarm(
                  "cpu-60",
                  "web",
                  ComparisonOperator.GreaterThanOrEqualToThreshold,
                  60,
                  60,
                  1,
                  p.asAlarmAction()));
      cpu(twin, "web", 75);
      twin.advance(Duration.ofMinutes(1));
      AutoScalingGroup g = twin.autoScaling().group("web");
      assertThat(g.desiredCapacity()).isEqualTo(6);
      cpu(twin, "web", 85);
      twin.advance(Duration.ofMinutes(2));
      assertThat(g.desiredCapacity()).isEqualTo(7);
    }
  }

  /**
   * The same page: scale-in waits only for instances that are still warming; with every instance
   * warmed up a step scale-in policy removes its step at once. Its single step (-inf, 0] is valid:
   * a null upper bound is required only when an upper bound is positive (API reference,
   * StepAdjustment).
   */
  @Test
  void aStepScaleInGoesAheadWhenNoInstanceIsWarming() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 2, 10, 6, A, B).build());
      twin.advance(Duration.ofMinutes(10));
      ScalingPolicy in =
          twin.autoScaling()
              .putScalingPolicy(
                  StepScalingPolicy.builder()
                      .policyName("in")
                      .autoScalingGroupName("web")
                      .step(null, 0.0, -2)
                      .estimatedInstanceWarmup(Duration.ofSeconds(300))
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(
              cpuAlarm(
                  "cpu-30",
                  "web",
                  ComparisonOperator.LessThanThreshold,
                  30,
                  60,
                  1,
                  in.asAlarmAction()));
      cpu(twin, "web", 10);
      twin.advance(Duration.ofMinutes(1));
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(4);
    }
  }

  /**
   * "Target tracking scaling policies": warming instances do not count toward the current capacity
   * the policy scales from, so while the 4 added at 100 % (4 x 100 / 50 = 8) warm up, the same
   * breach asks for ceil(4 x 100 / 50) = 8 again, not more.
   */
  @Test
  void whileTheAddedInstancesWarmUpTargetTrackingDoesNotAddAgain() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 30, 4).build());
      cpu(twin, "web", 50);
      twin.advance(Duration.ofMinutes(11)); // the first 4 are past the 10-minute warm-up
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .estimatedInstanceWarmup(Duration.ofMinutes(10))
                  .build());
      cpu(twin, "web", 100);
      twin.advance(Duration.ofMinutes(3));
      AutoScalingGroup g = twin.autoScaling().group("web");
      assertThat(g.desiredCapacity()).isEqualTo(8);
      twin.advance(
          Duration.ofMinutes(3)); // the high alarm stays in ALARM and re-invokes every minute
      assertThat(g.desiredCapacity()).isEqualTo(8);
    }
  }

  /**
   * "Multiple dynamic scaling policies": scale-in happens only when every target tracking policy
   * with scale-in enabled agrees, and then to the largest capacity any of them asks for: CPU 20 %
   * of target 50 asks for ceil(4 x 0.4) = 2, requests 600 of 1000 for ceil(4 x 0.6) = 3; 3 wins.
   * And the other way round: CPU 30 % asks for 3, requests 400 for 2; 3 wins again.
   */
  @ParameterizedTest(name = "CPU {0} %, requests {1} per target -> {2}")
  @CsvSource({"20, 600, 3", "30, 400, 3"})
  void whenSeveralTargetTrackingPoliciesScaleInTheLargestCapacityWins(
      double cpuPercent, double perTarget, int expected) {
    MetricId requests =
        MetricId.of(
            "AWS/ApplicationELB",
            "RequestCountPerTarget",
            "TargetGroup",
            "targetgroup/web-tg/0123456789abcdef");
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 20, 4).build());
      cpu(twin, "web", 50);
      twin.cloudWatch()
          .inject(MetricInjection.metric(requests).from(twin.elapsed()).constant(1000));
      twin.advance(Duration.ofMinutes(5));
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("req1000")
                  .autoScalingGroupName("web")
                  .predefinedMetric(
                      PredefinedMetricType.ALBRequestCountPerTarget,
                      "app/web-lb/fedcba9876543210/targetgroup/web-tg/0123456789abcdef")
                  .targetValue(1000)
                  .build());
      cpu(twin, "web", cpuPercent);
      twin.cloudWatch()
          .inject(MetricInjection.metric(requests).from(twin.elapsed()).constant(perTarget));
      twin.advance(Duration.ofMinutes(16));
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(expected);
    }
  }

  /**
   * "Instance warmup"
   * (docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html):
   * policy-driven scale-in waits while instances warm up, target tracking too. 4 -> 8 at 100 % of
   * target 50; the load then falls to 10 %. The low alarm (15 datapoints) fires while the 4 added
   * instances are still in their 30-minute warm-up, so the group stays at 8; once they are warm, it
   * scales in.
   */
  @Test
  void aTargetTrackingScaleInWaitsUntilTheAddedInstancesHaveWarmedUp() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 30, 4).build());
      cpu(twin, "web", 50);
      twin.advance(Duration.ofMinutes(31)); // the first 4 are past the 30-minute warm-up
      ScalingPolicy tt =
          twin.autoScaling()
              .putScalingPolicy(
                  TargetTrackingScalingPolicy.builder()
                      .policyName("cpu50")
                      .autoScalingGroupName("web")
                      .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                      .targetValue(50)
                      .estimatedInstanceWarmup(Duration.ofMinutes(30))
                      .build());
      cpu(twin, "web", 100);
      twin.advance(Duration.ofMinutes(3));
      AutoScalingGroup g = twin.autoScaling().group("web");
      assertThat(g.desiredCapacity()).isEqualTo(8);
      cpu(twin, "web", 10);
      twin.advance(Duration.ofMinutes(20));
      assertThat(twin.cloudWatch().alarm(tt.lowAlarmName().orElseThrow()).state())
          .isEqualTo(io.github.cloudtwin.cloudwatch.AlarmState.ALARM);
      assertThat(g.desiredCapacity()).isEqualTo(8);
      twin.advance(Duration.ofMinutes(15));
      assertThat(g.desiredCapacity()).isLessThan(8);
    }
  }

  /**
   * A step policy whose steps start above the breach (API reference, StepAdjustment: the steps need
   * not reach down to the threshold) finds no step for a breach of 5 and changes nothing.
   */
  @Test
  void aBreachBelowEveryStepChangesNothing() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 2, 10, 4, A, B).build());
      twin.advance(Duration.ofMinutes(10));
      ScalingPolicy p = twin.autoScaling().putScalingPolicy(policy().step(10.0, null, 2).build());
      twin.cloudWatch()
          .putMetricAlarm(
              cpuAlarm(
                  "cpu-60",
                  "web",
                  ComparisonOperator.GreaterThanOrEqualToThreshold,
                  60,
                  60,
                  1,
                  p.asAlarmAction()));
      cpu(twin, "web", 65);
      twin.advance(Duration.ofMinutes(3));
      assertThat(twin.cloudWatch().alarm("cpu-60").state())
          .isEqualTo(io.github.cloudtwin.cloudwatch.AlarmState.ALARM);
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(4);
      cpu(twin, "web", 75); // a breach of 15 is in the step
      twin.advance(Duration.ofMinutes(2));
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(6);
    }
  }

  // AWS's step-adjustment rules (API reference, StepAdjustment; "Step and simple scaling policies")

  private static StepScalingPolicy.Builder policy() {
    return StepScalingPolicy.builder().policyName("p").autoScalingGroupName("web");
  }

  @Test
  void aStepFromZeroUpwardsNeedsNoNullLowerBoundBecauseZeroIsNotNegative() {
    StepScalingPolicy p = policy().step(0.0, null, 1).build();
    assertThat(p.stepAdjustments()).containsExactly(StepAdjustment.of(0.0, null, 1));
  }

  @Test
  void stepsGivenInAnyOrderAreAcceptedAndKeptInOrderOfTheirBounds() {
    StepScalingPolicy p =
        policy().step(20.0, null, 3).step(0.0, 10.0, 1).step(10.0, 20.0, 2).build();
    assertThat(p.stepAdjustments())
        .extracting(StepAdjustment::metricIntervalLowerBound)
        .containsExactly(0.0, 10.0, 20.0);
  }

  @Test
  void aStepWhoseBoundsAreEqualIsEmptyAndRejected() {
    assertThatThrownBy(() -> policy().step(10.0, 10.0, 1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid value 10.0 for MetricIntervalUpperBound: greater than MetricIntervalLowerBound 10.0");
  }

  @Test
  void aStepWithBothBoundsNullIsRejected() {
    assertThatThrownBy(() -> policy().step(null, null, 1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid value \"(-inf, +inf)\" for StepAdjustments: a step may not leave both MetricIntervalLowerBound"
                + " and MetricIntervalUpperBound null");
  }

  @Test
  void overlappingOrGappedStepsAreRejectedNamingBothStepsWithTheirBoundsAndAdjustments() {
    assertThatThrownBy(() -> policy().step(0.0, 20.0, 1).step(10.0, null, 2).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageEndingWith(
            "intervals that do not overlap ([0.0, 20.0) -> +1 and [10.0, +inf) -> +2 overlap)");
    assertThatThrownBy(() -> policy().step(null, -10.0, -2).step(-5.0, 0.0, 0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageEndingWith(
            "intervals without gaps (gap between [-inf, -10.0) -> -2 and [-5.0, 0.0) -> +0)");
  }

  @Test
  void atMostOneStepMayHaveANullLowerBound() {
    assertThatThrownBy(() -> policy().step(null, -10.0, -2).step(null, 0.0, -1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most one null MetricIntervalLowerBound");
  }

  @Test
  void exactCapacityZeroAndAMinAdjustmentMagnitudeOfOneAreTheSmallestAccepted() {
    assertThat(
            SimpleScalingPolicy.builder()
                .policyName("p")
                .autoScalingGroupName("web")
                .adjustmentType(AdjustmentType.ExactCapacity)
                .scalingAdjustment(0)
                .build()
                .scalingAdjustment())
        .isZero();
    assertThat(
            SimpleScalingPolicy.builder()
                .policyName("p")
                .autoScalingGroupName("web")
                .adjustmentType(AdjustmentType.PercentChangeInCapacity)
                .scalingAdjustment(10)
                .minAdjustmentMagnitude(1)
                .build()
                .minAdjustmentMagnitude())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .adjustmentType(AdjustmentType.ExactCapacity)
                    .scalingAdjustment(-1)
                    .build())
        .hasMessage("Invalid value -1 for ScalingAdjustment: 0 or more for ExactCapacity");
    assertThatThrownBy(
            () ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .adjustmentType(AdjustmentType.PercentChangeInCapacity)
                    .scalingAdjustment(10)
                    .minAdjustmentMagnitude(0)
                    .build())
        .hasMessage("Invalid value 0 for MinAdjustmentMagnitude: 1 or more");
  }
}
