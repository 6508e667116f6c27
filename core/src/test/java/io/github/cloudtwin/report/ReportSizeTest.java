package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.facts.ElbFact.TargetHealthChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A week's report stays small: a week of per-minute series (ten lines, two with period plateaus,
 * three small multiples) and 40,320 health transitions give a page under 5 MB that keeps every
 * event on a marker. (The real week with 1,000 instances is measured by the benchmarks'
 * ReportAtScaleMain; docs/performance.md.)
 */
class ReportSizeTest {

  static final int MINUTES = 7 * 24 * 60;

  @Test
  void aWeekOfMinutesAndTensOfThousandsOfEventsStaysUnderFiveMegabytesWithEveryEventOnAMarker()
      throws Exception {
    try (CloudTwin twin = CloudTwin.builder().build()) {
      for (int i = 0; i < MINUTES; i++) {
        twin.advance(Duration.ofMinutes(1));
        for (int t = 0; t < 4; t++) {
          boolean up = (i + t) % 2 == 0;
          twin.timeline()
              .record(
                  new TargetHealthChanged(
                      "i-" + t + "-" + (i % 250),
                      "web-tg",
                      false,
                      up ? TargetHealthState.UNHEALTHY : TargetHealthState.HEALTHY,
                      up ? TargetHealthState.HEALTHY : TargetHealthState.UNHEALTHY,
                      up ? null : "Target.FailedHealthChecks",
                      up ? null : "Health checks failed"));
        }
      }
      ChartSource week =
          tw -> {
            List<Series> series = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
              List<Point> pts = new ArrayList<>(MINUTES);
              for (int i = 0; i < MINUTES; i++)
                pts.add(
                    new Point(
                        Duration.ofMinutes(i),
                        500 + 400 * Math.sin((i + s * 97) / 240.0) + (i % 7)));
              Series line = new Series("series " + s, "s" + s, pts);
              series.add(
                  s < 2
                      ? line.withShape(Series.Shape.periods(Duration.ofMinutes(1)))
                      : s >= 7 ? line.inZone("us-east-1" + "abc".charAt(s - 7)) : line);
            }
            return List.of(
                new Chart("a week", "Count", series, List.of(new Threshold("high >", 800))));
          };
      Report r = Report.builder(twin).source(week).build();
      byte[] page = r.toXhtml().getBytes(StandardCharsets.UTF_8);
      assertThat(page.length).isLessThan(5 * 1024 * 1024);
      int marked = r.markers().stream().mapToInt(m -> m.eventIds().size()).sum();
      assertThat(marked).isEqualTo(4 * MINUTES); // every transition is on a marker...
      assertThat(r.markers().size()).isLessThan(200); // ...merged at the chart's scale
      ReportTest.parse(new String(page, StandardCharsets.UTF_8)); // still well-formed
    }
  }
}
