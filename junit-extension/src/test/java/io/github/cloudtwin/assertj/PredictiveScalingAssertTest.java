package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredictiveScalingMode;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * hasPredictiveCapacityForecast and hasPredictiveScalingRaisedDesiredCapacity: pass, or show the
 * forecast hour by hour and the policy's timeline. Two days of total CPU before the start: 100 at
 * night, 400 from 08:00 to 20:00 UTC; target 50, so 2 at night and 8 by day.
 */
class PredictiveScalingAssertTest {

  private static AutoScalingGroup group(CloudTwin twin, PredictiveScalingMode mode) {
    AutoScalingGroup g =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .minSize(1)
                    .maxSize(10)
                    .desiredCapacity(1)
                    .availabilityZones("us-east-1a", "us-east-1b")
                    .build());
    Instant t0 = twin.timeline().t0();
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    for (int m = 0; m < 48 * 60; m += 10) {
      Instant t = t0.minus(ofHours(48)).plus(ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      twin.cloudWatch()
          .putMetricData(cpu, t, hour >= 8 && hour < 20 ? 400 : 100, StandardUnit.PERCENT);
    }
    twin.autoScaling()
        .predictiveScaling()
        .putScalingPolicy(
            PredictiveScalingPolicy.builder()
                .policyName("predict")
                .autoScalingGroupName("web")
                .predefinedMetricPairType(PredefinedMetricPairType.ASGCPUUtilization)
                .targetValue(50)
                .mode(mode)
                .build());
    return g;
  }

  @Test
  void theForecastAssertionPassesOnTheHoursValueAndFailsShowingTheForecastInRuns() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin, PredictiveScalingMode.ForecastOnly);
      assertThat(g)
          .hasPredictiveCapacityForecast("predict", ofHours(7), 2)
          .hasPredictiveCapacityForecast("predict", ofHours(8), 8);
      assertThatThrownBy(
              () -> assertThat(g).hasPredictiveCapacityForecast("predict", ofHours(8), 9))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith(
              "Expecting predictive scaling policy \"predict\" of Auto Scaling group \"web\" to"
                  + " forecast capacity 9 for the hour at +08:00:00\n"
                  + "but it forecast 8.\n"
                  + "Capacity forecast of \"predict\": +00:00:00..+07:00:00 2,"
                  + " +08:00:00..+19:00:00 8, +20:00:00..+1d 07:00:00 2,"
                  + " +1d 08:00:00..+1d 19:00:00 8, +1d 20:00:00..+1d 23:00:00 2.\n"
                  + "Timeline (")
          .hasMessageContaining(
              "forecast for 48 hours from 2026-01-01T00:00:00Z made from 48 hours of history:"
                  + " peak capacity 8");
      assertThatThrownBy(
              () -> assertThat(g).hasPredictiveCapacityForecast("predict", ofHours(48), 2))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("but it has no forecast for that hour.\n");
    }
  }

  @Test
  void theRaiseAssertionPassesOnceTheActionRanAndFailsSayingHowFarItGot() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin, PredictiveScalingMode.ForecastAndScale);
      assertThat(g).hasPredictiveScalingRaisedDesiredCapacity("predict", 2, Duration.ZERO);
      twin.advanceTo(twin.timeline().t0().plus(ofHours(8)));
      assertThat(g).hasPredictiveScalingRaisedDesiredCapacity("predict", 8, ofMinutes(475));
      assertThatThrownBy(
              () ->
                  assertThat(g)
                      .hasPredictiveScalingRaisedDesiredCapacity("predict", 8, ofMinutes(474)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "Expecting predictive scaling policy \"predict\" to have raised the desired capacity"
                  + " of Auto Scaling group \"web\" to 8 by +07:54:00\n"
                  + "but by then it raised it to at most 2 (at +00:00:00, for the hour at"
                  + " +00:00:00, forecast 2).\n"
                  + "Capacity forecast of \"predict\": +00:00:00..+07:00:00 2,")
          .hasMessageContaining("desired capacity 2 -> 8");
    }
  }

  @Test
  void aForecastOnlyPolicyNeverRaisesAndTheFailureSaysSo() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = group(twin, PredictiveScalingMode.ForecastOnly);
      twin.advance(ofHours(9));
      assertThatThrownBy(
              () ->
                  assertThat(g)
                      .hasPredictiveScalingRaisedDesiredCapacity("predict", 8, ofHours(10)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "but it ran no capacity action by then; the clock is only at +09:00:00.\n");
    }
  }
}
