package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.event;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import org.junit.jupiter.api.Test;

/**
 * Story 5, a spike picks the right step. In production: a flash sale takes CPU from 40 % to 95 % in
 * one minute. A step policy with three steps must choose the biggest one, and a group that is
 * already near its maximum must be clamped at maxSize, not refuse to scale.
 */
@CloudTwinTest
class SpikeStepScalingTest {

  @CloudTwinSetup
  void groupWithThreeSteps(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("shop")
                .minSize(2)
                .maxSize(10)
                .desiredCapacity(8)
                .availabilityZones("us-east-1a", "us-east-1b")
                .detailedMonitoring(true)
                .build());
    // tag::steps[]
    // bounds are relative to the alarm threshold (60): 60-75 adds 1, 75-90 adds 2, above 90 adds 4
    ScalingPolicy steps =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName("cpu-steps")
                    .autoScalingGroupName("shop")
                    .step(0.0, 15.0, 1)
                    .step(15.0, 30.0, 2)
                    .step(30.0, null, 4)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-above-60")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "shop"))
                .period(ofMinutes(1))
                .evaluationPeriods(1)
                .threshold(60)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(steps.asAlarmAction())
                .build());
    // end::steps[]
  }

  @Test
  void aSpikeTo95ChoosesTheLargestStepAndIsClampedAtMaxSize(
      CloudTwin twin, @FromTwin("shop") AutoScalingGroup shop) {
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("shop")
                .between(ofMinutes(0), ofMinutes(5))
                .constant(40));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("shop")
                .from(ofMinutes(5))
                .constant(95));

    twin.advance(ofMinutes(7));

    // 95 is 35 above the threshold: the step [30, +inf) says +4, 8 + 4 = 12 is clamped to maxSize
    // 10
    assertThat(shop.desiredCapacity()).isEqualTo(10);
    assertThat(twin.timeline())
        .containsInOrder(
            event("alarm/cpu-above-60", "state-change", "OK -> ALARM"),
            event("group/shop", "desired capacity 8 -> 10"));
    assertThat(shop.activities().get(0).cause())
        .contains(
            "a monitor alarm cpu-above-60 in state ALARM triggered policy cpu-steps changing the desired"
                + " capacity from 8 to 10");
  }
}
