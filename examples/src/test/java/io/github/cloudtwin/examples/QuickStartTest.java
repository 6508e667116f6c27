package io.github.cloudtwin.examples;

// tag::quickstart[]
import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static io.github.cloudtwin.cloudwatch.ComparisonOperator.GreaterThanThreshold;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import org.junit.jupiter.api.Test;

@CloudTwinTest
class QuickStartTest {

  // tag::setup-method[]
  @CloudTwinSetup
  void webTier(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(2)
                .maxSize(6)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    ScalingPolicy addOne =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("add-one")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(ofMinutes(5))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(GreaterThanThreshold)
                .alarmActions(addOne.asAlarmAction())
                .build());
  }

  // end::setup-method[]

  // tag::test-method[]
  @Test
  void twoBusyPeriodsAddAnInstance(CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(ofMinutes(5), ofMinutes(15))
                .constant(95));

    twin.advance(ofMinutes(15));

    // two 5-minute periods above 80 %: [5, 10) and [10, 15), complete at minute 15
    assertThat(twin).alarm("cpu-high").isInState(ALARM).transitionedToAlarmAt(ofMinutes(15));
    assertThat(web.desiredCapacity()).isEqualTo(3);
  }
  // end::test-method[]
}
// end::quickstart[]
