package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

/**
 * Story 3, the flapping policy. In production: the fleet adds an instance, removes it, adds it
 * again, all day; every launch costs a boot and a cache warm-up. The cause: a high alarm at 60 %
 * and a low alarm at 55 % with simple policies of plus and minus one and a 60 s cooldown. 500
 * requests/s is 62.5 % CPU on four m5.large instances (above 60) and 50 % on five (below 55): no
 * capacity is ever right. The test counts capacity changes in an hour against a budget; target
 * tracking on the same load keeps within it.
 */
@CloudTwinTest
class FlappingPolicyTest {

  /** Capacity changes an hour we accept under a steady load. */
  static final int BUDGET = 2;

  static final MetricId CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  @CloudTwinSetup
  void webTierUnderSteadyLoad(CloudTwin twin) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(2)
                .maxSize(10)
                .desiredCapacity(4)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames("web-tg")
                .detailedMonitoring(true)
                .defaultCooldown(ofSeconds(60))
                .build());
    twin.traffic().apply("web", Workload.constant(500));
  }

  @Test
  void twoSimplePoliciesWithCloseThresholdsFlapAllHour(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    // tag::flapping[]
    ScalingPolicy up =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("up")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .build());
    ScalingPolicy down =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("down")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(-1)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(CPU)
                .period(ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(60)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(up.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-low")
                .metric(CPU)
                .period(ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(55)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(down.asAlarmAction())
                .build());
    // end::flapping[]

    twin.advance(ofHours(1));

    assertThat(capacityChanges(web)).as("capacity changes in an hour").isGreaterThan(BUDGET);
    assertThat(web.desiredCapacity()).isBetween(4, 5);
  }

  @Test
  void targetTrackingOnTheSameLoadSettlesOnFiveAndStays(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    // tag::target-tracking[]
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("cpu-60")
                .autoScalingGroupName("web")
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(60)
                .build());
    // end::target-tracking[]

    twin.advance(ofHours(1));

    assertThat(capacityChanges(web)).as("capacity changes in an hour").isLessThanOrEqualTo(BUDGET);
    // ceil(4 x 62.5 / 60) = 5; at 50 % scale-in would need ceil(5 x 50 / 60) = 5: no change
    assertThat(web).hasDesiredCapacity(5).neverExceededCapacity(5);
  }

  /** Policy-driven changes of desired capacity, from the group's activities. */
  static long capacityChanges(AutoScalingGroup group) {
    return group.activities().stream()
        .map(ScalingActivity::cause)
        .filter(c -> c.contains("triggered policy"))
        .count();
  }
}
