package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.PredictiveScalingMode;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Story 22, predictive scaling has capacity ready before the morning ramp that target tracking
 * alone reaches late. In production: the web tier serves 300 requests/s at night and 1,200 from
 * 08:00 UTC, every day; each request costs 10 CPU ms, so the night needs 3 m5.large at 50 % CPU and
 * the day 12. Target tracking at 50 % only sees the ramp once it has happened: its alarm needs
 * three one-minute datapoints above the target, and every instance it adds boots for 5 minutes, so
 * the morning starts on a quarter of the fleet. A predictive scaling policy (ForecastAndScale, the
 * default 300 s SchedulingBufferTime) has learnt the daily cycle from the last two days of the
 * group's CPU and launches the day's 12 instances at 07:55, InService when the ramp arrives.
 */
class PredictiveMorningRampTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START; // midnight UTC
  private static final Instant EIGHT_AM = T0.plus(ofHours(8));

  @Test
  void predictiveScalingHasTwelveInServiceAtEightWhileTargetTrackingAloneTakesEighteenMinutes() {
    Duration trackingOnly = timeToTwelveInService(false);
    Duration withForecast = timeToTwelveInService(true);
    // the alarm's third datapoint above 50 % at +00:03 (CPU is capped at 100 %: 3 x 100 / 50 = 6)
    // takes desired to 6, InService at +00:08; 12 vCPU of demand on 12 vCPU is still 100 %, and
    // once the six have warmed up (300 s) the alarm, still in ALARM, takes desired to 6 x 100 / 50
    // = 12 at +00:13, InService at +00:18
    assertThat(trackingOnly).isEqualTo(ofMinutes(18));
    // launched at 07:55 (08:00 minus the scheduling buffer), booted by 08:00: ready before the ramp
    assertThat(withForecast).isEqualTo(Duration.ZERO);
  }

  @Test
  void theForecastIsTheDailyCycleAndThePolicyRaisedDesiredCapacityAtFiveToEight() {
    try (CloudTwin twin = CloudTwin.builder().seed(22).build()) {
      AutoScalingGroup web = webTier(twin, true);
      twin.advanceTo(EIGHT_AM);
      // 600 % of total CPU by day / 50 = 12; 150 % at night / 50 = 3
      assertThat(web)
          .hasPredictiveCapacityForecast("predict", ofHours(7), 3)
          .hasPredictiveCapacityForecast("predict", ofHours(8), 12)
          .hasPredictiveScalingRaisedDesiredCapacity("predict", 12, ofMinutes(475))
          .hasInServiceCount(12);
    }
  }

  /** From 08:00 until the group has 12 InService instances (zero when it has them already). */
  private static Duration timeToTwelveInService(boolean predictive) {
    try (CloudTwin twin = CloudTwin.builder().seed(22).build()) {
      AutoScalingGroup web = webTier(twin, predictive);
      twin.advanceTo(EIGHT_AM);
      while (web.inServiceCount() < 12) twin.advance(ofSeconds(1));
      return Duration.between(EIGHT_AM, twin.now());
    }
  }

  private static AutoScalingGroup webTier(CloudTwin twin, boolean predictive) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    AutoScalingGroup web =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .instanceType("m5.large")
                    .minSize(3)
                    .maxSize(20)
                    .desiredCapacity(3)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .targetGroupNames("web-tg")
                    .bootTime(ofMinutes(5))
                    .detailedMonitoring(true)
                    .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("cpu-50")
                .autoScalingGroupName("web")
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
    if (predictive) {
      lastTwoDays(twin);
      // tag::predictive[]
      twin.autoScaling()
          .predictiveScaling()
          .putScalingPolicy(
              PredictiveScalingPolicy.builder()
                  .policyName("predict")
                  .autoScalingGroupName("web")
                  .predefinedMetricPairType(PredefinedMetricPairType.ASGCPUUtilization)
                  .targetValue(50) // average CPU per instance, as the target tracking policy
                  .mode(PredictiveScalingMode.ForecastAndScale)
                  .build()); // SchedulingBufferTime: 300 s, the default
      // end::predictive[]
    }
    // 300 requests/s through the night, 1,200 from 08:00
    twin.traffic().apply("web", Workload.step(300).then(ofHours(8), 1200).build());
    return web;
  }

  /**
   * The group's CPU over the two days before the test, as CloudWatch holds it: the sum over the
   * instances is 150 % at night (3 at 50 %) and 600 % from 08:00 to 20:00 (12 at 50 %), a datapoint
   * every minute.
   */
  private static void lastTwoDays(CloudTwin twin) {
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    for (int m = 0; m < 48 * 60; m++) {
      Instant t = T0.minus(ofHours(48)).plus(ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      twin.cloudWatch()
          .putMetricData(cpu, t, hour >= 8 && hour < 20 ? 600 : 150, StandardUnit.PERCENT);
    }
  }
}
