package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Target tracking on a custom metric and on the predefined metrics' ids. */
class TargetTrackingMetricsTest {

  @Test
  void customMetricScalesProportionally() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("workers", 1, 20, 4).build());
      twin.advance(Duration.ofMinutes(10));
      MetricId backlog = MetricId.of("Custom/App", "BacklogPerInstance", "Queue", "jobs");
      ScalingPolicy p =
          twin.autoScaling()
              .putScalingPolicy(
                  TargetTrackingScalingPolicy.builder()
                      .policyName("backlog")
                      .autoScalingGroupName("workers")
                      .customMetric(backlog, Statistic.MAXIMUM)
                      .targetValue(100)
                      .build());
      assertThat(twin.cloudWatch().alarm(p.alarmNames().get(0)).spec().statistic())
          .isEqualTo(Statistic.MAXIMUM);
      twin.cloudWatch().inject(MetricInjection.metric(backlog).from(twin.elapsed()).constant(250));
      twin.advance(Duration.ofMinutes(3));
      assertThat(g.desiredCapacity()).isEqualTo(10); // ceil(4 x 250 / 100)
    }
  }

  @Test
  void predefinedMetricsMapToAwsMetricIds() {
    TargetTrackingScalingPolicy.Builder b =
        TargetTrackingScalingPolicy.builder()
            .policyName("p")
            .autoScalingGroupName("web")
            .targetValue(10);
    assertThat(b.predefinedMetric(PredefinedMetricType.ASGAverageNetworkIn).build().metric())
        .isEqualTo(MetricId.of("AWS/EC2", "NetworkIn", "AutoScalingGroupName", "web"));
    assertThat(b.predefinedMetric(PredefinedMetricType.ASGAverageNetworkOut).build().statistic())
        .isEqualTo(Statistic.AVERAGE);
    TargetTrackingScalingPolicy alb =
        b.predefinedMetric(
                PredefinedMetricType.ALBRequestCountPerTarget,
                "app/web/50dc6c495c0c9188/targetgroup/web-tg/943f017f100becff")
            .build();
    assertThat(alb.metric())
        .isEqualTo(
            MetricId.of(
                "AWS/ApplicationELB",
                "RequestCountPerTarget",
                "TargetGroup",
                "targetgroup/web-tg/943f017f100becff"));
    assertThat(alb.statistic()).isEqualTo(Statistic.SUM);
  }
}
