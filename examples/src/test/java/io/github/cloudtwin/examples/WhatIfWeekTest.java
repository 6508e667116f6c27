package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.whatif.BreachTarget;
import io.github.cloudtwin.whatif.Comparison;
import io.github.cloudtwin.whatif.DemandReplay;
import io.github.cloudtwin.whatif.DemandUnit;
import io.github.cloudtwin.whatif.Estate;
import io.github.cloudtwin.whatif.RecordedLoad;
import io.github.cloudtwin.whatif.RecordedSeries;
import io.github.cloudtwin.whatif.ReplayOutcome;
import io.github.cloudtwin.whatif.WhatIf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Story 17, what if we had run target tracking last week? A recorded week of requests on the web
 * tier's load balancer ({@code aws cloudwatch get-metric-data}, RequestCount, Sum per 5 minutes,
 * Monday 2 March 2026 to Sunday 8 March; synthetic but shaped like production: a daily cycle from
 * about 60 to 400 requests/s, a quieter weekend and Friday evening, and a marketing mail on
 * Wednesday at 14:00 that takes the load to 2.5 times for 40 minutes) replayed through two policies
 * on the same m5.large group: the team's step scaling and target tracking at 50 % CPU.
 */
class WhatIfWeekTest {

  static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
  static final MetricId WEB_CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  /**
   * The web tier both estates share: an ALB and 2 to 12 m5.large instances with detailed
   * monitoring.
   */
  static void webTier(CloudTwin twin) {
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
                .minSize(2)
                .maxSize(12)
                .desiredCapacity(3)
                .availabilityZones(ZONES)
                .targetGroupNames("web-tg")
                .detailedMonitoring(true) // 1-minute CPU, as target tracking needs
                .build());
  }

  /** Today's policy: +1 above 70 % (+2 above 85 %), -1 below 30 % for 15 minutes. */
  static void stepScaling(CloudTwin twin) {
    webTier(twin);
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName("cpu-out")
                    .autoScalingGroupName("web")
                    .step(0.0, 15.0, 1)
                    .step(15.0, null, 2)
                    .build());
    ScalingPolicy in =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName("cpu-in")
                    .autoScalingGroupName("web")
                    .step(null, 0.0, -1)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(WEB_CPU)
                .period(ofMinutes(5))
                .evaluationPeriods(1)
                .threshold(70)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-low")
                .metric(WEB_CPU)
                .period(ofMinutes(5))
                .evaluationPeriods(3)
                .threshold(30)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(in.asAlarmAction())
                .build());
  }

  /** The candidate: target tracking at 50 % average CPU. */
  static void targetTracking(CloudTwin twin) {
    webTier(twin);
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("cpu-50")
                .autoScalingGroupName("web")
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
  }

  static RecordedSeries lastWeek() throws IOException {
    try (InputStream in = WhatIfWeekTest.class.getResourceAsStream("/whatif/week-requests.json")) {
      return RecordedLoad.parse(
          "week-requests.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void targetTrackingAtFiftyPercentBreachesLessThanTheStepPolicyForAModestPremium()
      throws IOException {
    // tag::what-if[]
    RecordedSeries week = lastWeek(); // 2,016 datapoints, 5 minutes apart
    Comparison c =
        WhatIf.replay(DemandReplay.of(week, DemandUnit.REQUESTS).onLoadBalancer("web").build())
            .seed(7)
            .target(BreachTarget.groupCpuAbove("web", 80)) // 5-minute average CPU above 80 %
            .compare(
                Estate.of("step", WhatIfWeekTest::stepScaling),
                Estate.of("target-50", WhatIfWeekTest::targetTracking));
    System.out.println(c.table());
    // estate       cost  per hour  breached  peak  mean  activities  in ALARM  unserved
    // step       $39.07   $0.2323    10 min     8   2.4          21  3201 min     53522
    // target-50  $47.12   $0.2802     5 min    10   2.9          49  3763 min     29522
    assertThat(c).estate("target-50").breachesNoLongerThan("step");
    assertThat(c).estate("step").costsNoMoreThan("target-50");
    // end::what-if[]
    ReplayOutcome step = c.outcome("step");
    ReplayOutcome target = c.outcome("target-50");
    // both breach only during Wednesday's mail, target tracking for half as long
    assertThat(step.breached("cpu>80")).isEqualTo(ofMinutes(10));
    assertThat(target.breached("cpu>80")).isEqualTo(ofMinutes(5));
    assertThat(target.unservedRequests()).isLessThan(step.unservedRequests());
    assertThat(step.peakInService()).isEqualTo(8);
    assertThat(target.peakInService()).isEqualTo(10);
    // the price of the headroom: about a fifth more, every hour of the week
    assertThat(target.cost().totalUsd() / step.cost().totalUsd()).isBetween(1.15, 1.25);
    assertThat(step.cost().policy("cpu-out")).isPositive();
    assertThat(target.cost().policy("cpu-50")).isPositive();
    assertThat(c.table()).startsWith("estate ").contains("\nstep ").contains("\ntarget-50 ");
  }
}
