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
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * More scaling-policy rules that mutation testing found unpinned, each with the AWS page it
 * follows.
 */
class PolicyRulesTest {

  /**
   * "Step and simple scaling policies", section "Instance warmup"
   * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html): while
   * instances are warming up a step scale-in does not remove capacity; once they are warm it does.
   */
  @Test
  void aStepScaleInWaitsWhileAddedInstancesWarmUp() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 2, 10, 4, A, B).build());
      twin.advance(Duration.ofMinutes(10));
      twin.autoScaling()
          .setDesiredCapacity(
              "web", 6, false); // two new instances, warming for 300 s once InService
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
      AutoScalingGroup g = twin.autoScaling().group("web");
      twin.advance(Duration.ofMinutes(4));
      assertThat(g.desiredCapacity())
          .as("the alarm is in ALARM, the new instances still warm")
          .isEqualTo(6);
      twin.advance(Duration.ofMinutes(3));
      assertThat(g.desiredCapacity())
          .as("warmed up: the step removes two each time the alarm invokes it")
          .isLessThan(6);
    }
  }

  /**
   * "Target tracking scaling policies"
   * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html): with
   * {@code DisableScaleIn} the policy "doesn't remove capacity"; without it, a low metric scales
   * the group in.
   */
  @Test
  void aTargetTrackingPolicyWithScaleInDisabledNeverRemovesCapacity() {
    for (boolean disabled : new boolean[] {true, false}) {
      try (CloudTwin twin = CloudTwin.create()) {
        twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 4).build());
        twin.autoScaling()
            .putScalingPolicy(
                TargetTrackingScalingPolicy.builder()
                    .policyName("cpu50")
                    .autoScalingGroupName("web")
                    .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                    .targetValue(50)
                    .disableScaleIn(disabled)
                    .estimatedInstanceWarmup(Duration.ofMinutes(1))
                    .build());
        cpu(twin, "web", 10);
        twin.advance(Duration.ofMinutes(30));
        int desired = twin.autoScaling().group("web").desiredCapacity();
        if (disabled) assertThat(desired).as("scale-in disabled").isEqualTo(4);
        else assertThat(desired).as("scale-in enabled").isLessThan(4);
      }
    }
  }

  /**
   * PutScalingPolicy, {@code Cooldown}
   * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html): "the
   * duration of the policy's cooldown period [...] When a cooldown period is specified here, it
   * overrides the default cooldown" of the group (300 s by default).
   */
  @Test
  void aSimplePolicysOwnCooldownOverridesTheGroupsDefaultCooldown() {
    int[] desired = new int[2];
    for (int k = 0; k < 2; k++) {
      try (CloudTwin twin = CloudTwin.create()) {
        twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1, A, B).build());
        twin.advance(Duration.ofMinutes(10));
        SimpleScalingPolicy.Builder b =
            SimpleScalingPolicy.builder()
                .policyName("out")
                .autoScalingGroupName("web")
                .scalingAdjustment(1);
        if (k == 0) b.cooldown(Duration.ofSeconds(60));
        ScalingPolicy out = twin.autoScaling().putScalingPolicy(b.build());
        twin.cloudWatch()
            .putMetricAlarm(
                cpuAlarm(
                    "cpu-80",
                    "web",
                    ComparisonOperator.GreaterThanThreshold,
                    80,
                    60,
                    1,
                    out.asAlarmAction()));
        cpu(twin, "web", 95);
        twin.advance(Duration.ofMinutes(5));
        desired[k] = twin.autoScaling().group("web").desiredCapacity();
      }
    }
    assertThat(desired[1]).as("default cooldown 300 s: one scale-out in five minutes").isEqualTo(2);
    assertThat(desired[0])
        .as("cooldown 60 s: a scale-out every two minutes or so")
        .isGreaterThan(desired[1]);
  }

  /**
   * StepAdjustment
   * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StepAdjustment.html): a bound is
   * a number; a step with one open end is still checked on its own, when it is built.
   */
  @Test
  void aStepWithOneOpenEndAndABoundThatIsNoNumberIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> StepAdjustment.of(Double.NaN, null, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MetricIntervalLowerBound");
    assertThatThrownBy(() -> StepAdjustment.of(null, Double.POSITIVE_INFINITY, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MetricIntervalUpperBound");
  }

  /**
   * "Configure termination policies for Amazon EC2 Auto Scaling"
   * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html):
   * the predefined policies are named as the {@code TerminationPolicies} parameter takes them, and
   * Default, when listed with others, must come last.
   */
  @Test
  void thePredefinedTerminationPoliciesHaveAwsNamesAndDefaultMustComeLast() {
    assertThat(TerminationPolicy.DEFAULT.name()).isEqualTo("Default");
    assertThat(TerminationPolicy.OLDEST_LAUNCH_TEMPLATE.name()).isEqualTo("OldestLaunchTemplate");
    assertThat(TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR.name())
        .isEqualTo("ClosestToNextInstanceHour");
    assertThat(TerminationPolicy.OLDEST_INSTANCE.name()).isEqualTo("OldestInstance");
    assertThat(TerminationPolicy.NEWEST_INSTANCE.name()).isEqualTo("NewestInstance");
    assertThatThrownBy(
            () ->
                group("web", 1, 3, 1)
                    .terminationPolicies(
                        TerminationPolicy.DEFAULT, TerminationPolicy.OLDEST_LAUNCH_TEMPLATE)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("[Default, OldestLaunchTemplate]");
  }
}
