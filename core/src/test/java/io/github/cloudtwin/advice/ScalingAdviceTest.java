package io.github.cloudtwin.advice;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each scaling rule's prediction, then the scenario that shows it happen (or not, once fixed). */
class ScalingAdviceTest {

  static final MetricId CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  static void webTier(CloudTwin twin, int desired, int max) {
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
                .maxSize(max)
                .desiredCapacity(desired)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames("web-tg")
                .detailedMonitoring(true)
                .defaultCooldown(ofSeconds(60))
                .defaultInstanceWarmup(ofSeconds(60))
                .build());
  }

  static long policyChanges(CloudTwin twin) {
    return twin.timeline().events(AutoScalingFact.PolicyExecuted.class).size();
  }

  static void closeAlarms(CloudTwin twin, double high, double low) {
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
                .threshold(high)
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
                .threshold(low)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(down.asAlarmAction())
                .build());
    // end::flapping[]
  }

  @Test
  void thresholdsCloserThanOneAdjustmentArePredictedToFlapAndDo() {
    try (CloudTwin twin = CloudTwin.create()) {
      webTier(twin, 4, 10);
      closeAlarms(twin, 60, 55);

      Advice advice = twin.advice();
      assertThat(advice.findings(AdviceRule.FLAPPING_THRESHOLDS))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources())
                    .containsExactly(
                        "alarm/cpu-low", "alarm/cpu-high", "policy/up", "policy/down", "group/web");
                assertThat(f.happens())
                    .contains("from 4 to 5")
                    .contains("about 48.0, below cpu-low's 55.0");
                assertThat(f.documentation())
                    .isEqualTo(
                        "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html");
              });

      // 500 requests/s: 62.5 % CPU on four m5.large (above 60), 50 % on five (below 55)
      twin.traffic().apply("web", Workload.constant(500));
      twin.advance(ofHours(1));
      assertThat(policyChanges(twin))
          .as("policy-driven capacity changes in an hour")
          .isGreaterThan(10);
    }
  }

  @Test
  void thresholdsWiderThanOneAdjustmentAreNotFlaggedAndHoldStill() {
    try (CloudTwin twin = CloudTwin.create()) {
      webTier(twin, 4, 10);
      closeAlarms(twin, 60, 40);

      assertThat(twin.advice().findings(AdviceRule.FLAPPING_THRESHOLDS)).isEmpty();
      twin.traffic().apply("web", Workload.constant(500));
      twin.advance(ofHours(1));
      // one scale-out to five (50 %, between 40 and 60), then nothing
      assertThat(policyChanges(twin)).isEqualTo(1);
    }
  }

  @Test
  void targetTrackingMixedWithASimplePolicyOnItsMetricIsPredictedToFightAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      webTier(twin, 4, 10);
      // tag::mixed[]
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu-50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      ScalingPolicy shed =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("shed")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(-1)
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("cpu-below-60")
                  .metric(CPU)
                  .period(ofMinutes(1))
                  .evaluationPeriods(2)
                  .threshold(60)
                  .comparisonOperator(ComparisonOperator.LessThanThreshold)
                  .alarmActions(shed.asAlarmAction())
                  .build());
      // end::mixed[]

      assertThat(twin.advice().findings(AdviceRule.TARGET_TRACKING_MIXED_WITH_SIMPLE))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.resources())
                      .containsExactly(
                          "policy/shed", "policy/cpu-50", "alarm/cpu-below-60", "group/web"));

      twin.traffic().apply("web", Workload.constant(500));
      twin.advance(ofHours(1));
      assertThat(policyChanges(twin)).as("the two policies undo each other").isGreaterThan(10);
    }
  }

  /**
   * RequestCountPerTarget divides by healthy targets: new instances raise the capacity it sees only
   * once healthy.
   */
  static AutoScalingGroup requestTracked(CloudTwin twin, Duration warmup) {
    webTier(twin, 2, 30);
    // tag::warmup[]
    twin.loadBalancing().setApplicationStartTime("web-tg", ofMinutes(3));
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("rpt")
                .autoScalingGroupName("web")
                .predefinedMetric(
                    PredefinedMetricType.ALBRequestCountPerTarget,
                    twin.loadBalancing().loadBalancer("web").dimensionValue()
                        + "/"
                        + twin.loadBalancing().targetGroup("web-tg").dimensionValue())
                .targetValue(6000)
                .estimatedInstanceWarmup(warmup)
                .build());
    // end::warmup[]
    return twin.autoScaling().group("web");
  }

  @Test
  void aWarmupShorterThanTheTimeToServeIsPredictedToOvershootAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup web = requestTracked(twin, ofSeconds(60));
      twin.advance(ofMinutes(10)); // the first two instances start and turn healthy

      assertThat(twin.advice().findings(AdviceRule.WARMUP_SHORTER_THAN_READINESS))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).containsExactly("policy/rpt", "group/web");
                assertThat(f.happens())
                    .contains("about 330 s")
                    .contains("instance warm-up of 60 s");
              });

      // 400 requests/s = 24,000 a minute: 4 targets at 6,000 each
      twin.traffic().apply("web", Workload.constant(400));
      twin.advance(ofMinutes(40));
      assertThat(peak(web)).as("peak desired capacity").isGreaterThan(6);
    }
  }

  @Test
  void aWarmupCoveringTheTimeToServeIsNotFlaggedAndStopsAtTheNeed() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup web = requestTracked(twin, ofSeconds(330));
      twin.advance(ofMinutes(10));
      assertThat(twin.advice().findings(AdviceRule.WARMUP_SHORTER_THAN_READINESS)).isEmpty();
      twin.traffic().apply("web", Workload.constant(400));
      twin.advance(ofMinutes(40));
      assertThat(peak(web)).as("peak desired capacity").isEqualTo(4);
    }
  }

  static int peak(AutoScalingGroup g) {
    return g.capacityHistory().stream()
        .mapToInt(c -> c.desiredCapacity())
        .max()
        .orElse(g.desiredCapacity());
  }
}
