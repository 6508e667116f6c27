package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredictiveScalingMode;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The group chart's predictive forecast series: each forecast hour's capacity forecast, replayed
 * from the policy's forecast facts, beside the desired capacity it raised (two days of total CPU
 * 100 at night and 400 from 08:00 to 20:00 UTC, target 50: 2 at night, 8 by day).
 */
class PredictiveForecastSeriesTest {

  @Test
  void theGroupChartShowsTheCapacityForecastHourByHourBesideDesiredCapacity() {
    try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
      Instant t0 = twin.timeline().t0();
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(1)
                  .maxSize(10)
                  .desiredCapacity(1)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
      for (int m = 0; m < 48 * 60; m += 10) {
        Instant t = t0.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(m));
        int hour = (int) ((t.getEpochSecond() / 3600) % 24);
        twin.cloudWatch()
            .putMetricData(cpu, t, hour >= 8 && hour < 20 ? 400 : 100, StandardUnit.PERCENT);
      }
      assertThat(names(Report.builder(twin).build()))
          .doesNotContain("Predictive forecast: predict");
      twin.autoScaling()
          .predictiveScaling()
          .putScalingPolicy(
              PredictiveScalingPolicy.builder()
                  .policyName("predict")
                  .autoScalingGroupName("web")
                  .predefinedMetricPairType(PredefinedMetricPairType.ASGCPUUtilization)
                  .targetValue(50)
                  .mode(PredictiveScalingMode.ForecastAndScale)
                  .build());
      twin.advance(Duration.ofHours(10));

      Chart chart = chart(Report.builder(twin).build());
      Series forecast = series(chart, "Predictive forecast: predict");
      assertThat(forecast.cssClass()).isEqualTo("predictive-forecast");
      assertThat(forecast.points())
          .containsExactly(
              new Point(Duration.ZERO, 2),
              new Point(Duration.ofHours(8), 2),
              new Point(Duration.ofHours(8), 8),
              new Point(Duration.ofHours(10), 8));
      // desired capacity is already 8 at 07:55, the scheduling buffer before the forecast's 8
      Series desired = series(chart, "DesiredCapacity");
      assertThat(desired.points())
          .contains(new Point(Duration.ofMinutes(475), 8))
          .doesNotContain(new Point(Duration.ofMinutes(474), 8));
    }
  }

  private static Chart chart(Report r) {
    return r.charts().stream()
        .filter(c -> c.title().startsWith("Auto Scaling group web"))
        .findFirst()
        .orElseThrow();
  }

  private static Series series(Chart c, String name) {
    return c.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> names(Report r) {
    return chart(r).series().stream().map(Series::name).toList();
  }
}
