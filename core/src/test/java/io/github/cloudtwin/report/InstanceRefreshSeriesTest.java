package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The group chart's instance refresh series: InstancesToUpdate over time, replayed from the
 * refresh's progress facts (2 instances, 50 %, one replaced at a time, 30 s boot, no warm-up).
 */
class InstanceRefreshSeriesTest {

  @Test
  void theGroupChartShowsTheInstancesStillToUpdateFallingToZero() {
    try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(2)
                  .maxSize(4)
                  .desiredCapacity(2)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      Report before = Report.builder(twin).build();
      assertThat(series(before)).doesNotContain("Instance refresh: to update");
      twin.advance(Duration.ofMinutes(1));
      twin.autoScaling()
          .instanceRefreshes()
          .startInstanceRefresh(
              InstanceRefreshSpec.builder()
                  .autoScalingGroupName("web")
                  .desiredConfiguration("lt-web", "2")
                  .preferences(RefreshPreferences.builder().minHealthyPercentage(50).build())
                  .build());
      twin.advance(Duration.ofMinutes(3));
      Report r = Report.builder(twin).build();
      Series s =
          chart(r).series().stream()
              .filter(x -> x.name().equals("Instance refresh: to update"))
              .findFirst()
              .orElseThrow();
      assertThat(s.points()).extracting(Point::value).startsWith(2.0).endsWith(0.0).contains(1.0);
      assertThat(s.points().get(0).offset()).isEqualTo(Duration.ofMinutes(1));
    }
  }

  private static Chart chart(Report r) {
    return r.charts().stream()
        .filter(c -> c.title().startsWith("Auto Scaling group web"))
        .findFirst()
        .orElseThrow();
  }

  private static java.util.List<String> series(Report r) {
    return chart(r).series().stream().map(Series::name).toList();
  }
}
