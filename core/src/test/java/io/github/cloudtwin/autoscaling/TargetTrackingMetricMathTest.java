package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Target tracking on a metric math expression ({@code CustomizedMetricSpecification.Metrics}):
 * requests per instance, the application's request count divided by the number of instances that
 * report CPU (the group's CPUUtilization SampleCount).
 */
class TargetTrackingMetricMathTest {

  private static final MetricId REQUESTS = MetricId.of("Shop", "Requests");

  private static TargetTrackingScalingPolicy.Builder perInstance(double target) {
    return TargetTrackingScalingPolicy.builder()
        .policyName("per-instance")
        .autoScalingGroupName("web")
        .targetValue(target)
        .customMetrics(
            MetricDataQuery.metric("requests", REQUESTS, Duration.ofMinutes(1), Statistic.SUM)
                .withReturnData(false),
            MetricDataQuery.metric(
                    "instances",
                    Fixtures.groupCpu("web"),
                    Duration.ofMinutes(1),
                    Statistic.SAMPLE_COUNT)
                .withReturnData(false),
            MetricDataQuery.expression("perInstance", "requests / instances"));
  }

  @Test
  void thePolicysAlarmsWatchTheExpressionAndScaleOutByItsValue() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 20, 4).build());
      twin.advance(Duration.ofMinutes(5));
      ScalingPolicy p = twin.autoScaling().putScalingPolicy(perInstance(500).build());
      MetricAlarm high = twin.cloudWatch().alarm(p.alarmNames().get(0));
      MetricAlarm low = twin.cloudWatch().alarm(p.alarmNames().get(1));
      assertThat(high.spec().isMetricMath()).isTrue();
      assertThat(high.spec().watched()).isEqualTo("perInstance = requests / instances");
      assertThat(low.spec().threshold()).isEqualTo(350.0);
      // 4,000 requests a minute over 4 instances: 1,000 per instance, twice the target
      twin.cloudWatch()
          .inject(MetricInjection.metric(REQUESTS).from(twin.elapsed()).constant(4000));
      twin.advance(Duration.ofMinutes(6));
      assertThat(high.firstTransitionTo(AlarmState.ALARM)).isPresent();
      assertThat(g.desiredCapacity()).isEqualTo(8); // ceil(4 x 1000 / 500)
    }
  }

  @Test
  void theMetricsFollowTheAlarmRulesAndExactlyOneOfTheThreeMetricKindsIsGiven() {
    assertThatThrownBy(
            () ->
                perInstance(500)
                    .customMetrics(MetricDataQuery.expression("twice", "requests * 2"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Exactly one element of the metrics list should return data.");
    assertThatThrownBy(
            () ->
                perInstance(500)
                    .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification");
    assertThatThrownBy(
            () ->
                TargetTrackingScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .targetValue(1)
                    .customMetrics(
                        MetricDataQuery.metric("m", REQUESTS, Duration.ofMinutes(5), Statistic.SUM))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("one-minute periods");
  }
}
