package io.github.cloudtwin.whatif;

import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.time.Duration;

/** Test estates: a web tier of m5.large behind an ALB, with or without a CPU alarm and policy. */
final class Estates {

  static final String[] ZONES = {"us-east-1a", "us-east-1b"};
  static final MetricId GROUP_CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  private Estates() {}

  static void fixed(CloudTwin twin, int size) {
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(size)
                .maxSize(10)
                .desiredCapacity(size)
                .availabilityZones(ZONES)
                .targetGroupNames("web-tg")
                .build());
  }

  /**
   * Two instances, +2 when the 1-minute group CPU is above 70 for 2 minutes, detailed monitoring
   * off.
   */
  static void scaling(CloudTwin twin) {
    fixed(twin, 2);
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("add-two")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(2)
                    .cooldown(Duration.ofMinutes(5))
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(GROUP_CPU)
                .period(ofMinutes(5))
                .evaluationPeriods(1)
                .threshold(70)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
  }
}
