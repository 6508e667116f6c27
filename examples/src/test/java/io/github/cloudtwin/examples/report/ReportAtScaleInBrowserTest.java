package io.github.cloudtwin.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.facts.AutoScalingFact.LifecycleStateChanged;
import io.github.cloudtwin.facts.AutoScalingFact.PolicyExecuted;
import io.github.cloudtwin.facts.CloudWatchFact.AlarmStateChanged;
import io.github.cloudtwin.facts.ElbFact.TargetHealthChanged;
import io.github.cloudtwin.report.Chart;
import io.github.cloudtwin.report.ChartSource;
import io.github.cloudtwin.report.Marker;
import io.github.cloudtwin.report.Point;
import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.report.Series;
import io.github.cloudtwin.report.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6 in a real browser: the report of a week with 1,000 instances stays under 5 MB and
 * opens in under 2 s in headless chromium, with every event on a marker.
 *
 * <p>The week is built from typed facts recorded straight onto a twin's timeline (100,800 events:
 * 1,000 instances cycling in and out of service and their targets' health, alarm transitions and
 * policy executions every six hours, a zone outage on day 3) and charted a minute at a time (a week
 * of per-minute CPU with its threshold, desired vs InService with three zone panels, healthy
 * targets with three zone panels): the same size and shape as the simulated week of benchmarks'
 * {@code ReportAtScaleMain} (101,068 events, 254 markers; docs/performance.md, "The HTML report at
 * scale"), built in seconds instead of minutes.
 *
 * <p>The time bound: the page is opened {@value #OPENS} times, each in a fresh browser, in a 1100 x
 * 1500 px window (tall enough that the timeline's top is near the viewport: the case that used to
 * take seconds), and the <em>median</em> of the times from navigation start to the end of the style
 * and layout of the first frame after the load event (the one that renders what the window shows)
 * must be under the 2 s. The median, so that one open slowed by a load spike on a shared CI
 * machine does not fail the build while a page that is slow to open always does; the bound is the
 * issue's own, not a loosened one. What makes the time independent of the timeline's length is
 * checked without a clock: at open only the few timeline blocks near the viewport are rendered.
 */
class ReportAtScaleInBrowserTest {

  static final int OPENS = 3;
  static final int INSTANCES = 1_000;
  static final int MINUTES = 7 * 24 * 60;
  static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

  private static Chromium chromium;

  @BeforeAll
  static void browser() {
    chromium = Chromium.orSkip();
  }

  @Test
  void aWeekWithAThousandInstancesIsUnderFiveMegabytesAndOpensInUnderTwoSeconds() throws Exception {
    Path page;
    Report report;
    try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
      twin.faults().zoneOutage(ZONES[1], Duration.ofHours(3 * 24 + 10), Duration.ofHours(2));
      List<Long> toMark = recordAWeek(twin);
      report = Report.builder(twin).title("A week with 1,000 instances").source(week()).build();
      page = report.write(BrowserCheck.DIR.resolve("week-1000.html"));
      assertThat(twin.timeline().size()).isGreaterThan(100_000);
      Set<Long> marked = new HashSet<>();
      for (Marker m : report.markers()) marked.addAll(m.eventIds());
      assertThat(toMark).hasSizeGreaterThan(50_000);
      assertThat(marked)
          .as("events on a marker: every health transition, alarm and policy execution")
          .containsAll(toMark);
      assertThat(report.zoneOutages()).hasSize(1);
    }
    long bytes = Files.size(page);
    assertThat(bytes).as("the page's size").isLessThan(5L * 1024 * 1024);
    assertThat(report.markers().size())
        .as("markers, merged at the chart's scale")
        .isBetween(100, 600);

    JsonNode check = openAndTime(page, "week-1000");
    BrowserCheck.assertPanelsLegible(BrowserCheck.chart(check, "Auto Scaling group web"));
  }

  /**
   * The simulated week written by benchmarks' {@code ReportAtScaleMain}, when {@code
   * -Dcloudtwin.report.week=<file>} names it: opened and timed the same way.
   */
  @Test
  void theSimulatedWeekOfReportAtScaleMainOpensInUnderTwoSeconds() throws Exception {
    String week = System.getProperty("cloudtwin.report.week");
    assumeTrue(
        week != null && !week.isBlank(),
        "no -Dcloudtwin.report.week=<file>: write one with benchmarks' ReportAtScaleMain");
    Path page = Path.of(week);
    assertThat(Files.size(page)).as("the page's size").isLessThan(5L * 1024 * 1024);
    openAndTime(page, "simulated-week");
  }

  /**
   * Opens {@code page} {@value #OPENS} times, checks each open, prints the times and asserts their
   * median; returns the last open's check.
   */
  private static JsonNode openAndTime(Path page, String name) throws Exception {
    List<Double> times = new ArrayList<>();
    JsonNode check = null;
    for (int i = 0; i < OPENS; i++) {
      check =
          BrowserCheck.open(chromium, page, BrowserCheck.DIR.resolve(name + ".png"), 1100, 1500);
      BrowserCheck.assertCleanAndInteractive(check);
      assertThat(check.get("framed").asBoolean()).as("a frame was produced after load").isTrue();
      times.add(check.get("shownMs").asDouble());
      assertThat(check.get("timelineBlocks").asInt())
          .as("timeline blocks of 100 rows in the page")
          .isGreaterThanOrEqualTo(Report.MAX_TABLE_ROWS / 100);
      assertThat(check.get("timelineBlocksRendered").asInt())
          .as("timeline blocks rendered at open (only those near the viewport)")
          .isLessThanOrEqualTo(3);
    }
    List<Double> sorted = new ArrayList<>(times);
    sorted.sort(null);
    double median = sorted.get(OPENS / 2);
    System.out.printf(
        "[ReportAtScaleInBrowserTest] %s: %,d bytes, %d elements; opened (first frame laid out)"
            + " in %s ms, median %.0f ms; load average %s%n",
        page.getFileName(),
        Files.size(page),
        check.get("elements").asInt(),
        times.stream().map(t -> String.format("%.0f", t)).toList(),
        median,
        Files.readString(Path.of("/proc/loadavg")).trim());
    assertThat(median).as("median open time (ms) of %s", times).isLessThan(2_000);
    return check;
  }

  /** Records the week's facts; returns the ids of those a marker must show. */
  private static List<Long> recordAWeek(CloudTwin twin) {
    List<Long> toMark = new ArrayList<>();
    boolean[] healthy = new boolean[INSTANCES];
    boolean alarm = false;
    int capacity = 600;
    for (int step = 0; step < MINUTES / 10; step++) {
      twin.advance(Duration.ofMinutes(10));
      for (int k = 0; k < 50; k++) {
        int i = (step * 50 + k) % INSTANCES;
        String id = String.format("i-%017x", 0x5eed0000L + i);
        boolean up = !healthy[i];
        healthy[i] = up;
        twin.timeline()
            .record(
                new LifecycleStateChanged(
                    id,
                    "web",
                    up ? LifecycleState.PENDING : LifecycleState.IN_SERVICE,
                    up ? LifecycleState.IN_SERVICE : LifecycleState.TERMINATING));
        long health =
            twin.timeline()
                .record(
                    new TargetHealthChanged(
                        id,
                        "web-tg",
                        false,
                        up ? TargetHealthState.INITIAL : TargetHealthState.HEALTHY,
                        up ? TargetHealthState.HEALTHY : TargetHealthState.DRAINING,
                        up ? null : "Target.DeregistrationInProgress",
                        up ? null : "Target deregistration is in progress"));
        toMark.add(health);
      }
      if (step % 36 == 0) { // every six hours
        AlarmState from = alarm ? AlarmState.ALARM : AlarmState.OK;
        alarm = !alarm;
        AlarmState to = alarm ? AlarmState.ALARM : AlarmState.OK;
        long cause =
            twin.timeline()
                .record(
                    new AlarmStateChanged(
                        "cpu-high",
                        from,
                        to,
                        "Threshold Crossed: 2 datapoints were "
                            + (alarm ? "greater" : "not greater")
                            + " than the threshold (60.0)",
                        null));
        int next = capacity + (alarm ? 100 : -100);
        long policy =
            twin.timeline()
                .record(
                    new PolicyExecuted(alarm ? "out" : "in", "web", "cpu-high", capacity, next),
                    cause);
        capacity = next;
        toMark.add(cause);
        toMark.add(policy);
      }
    }
    return toMark;
  }

  /** The week's charts, a point a minute. */
  private static ChartSource week() {
    return tw -> {
      List<Point> cpu = new ArrayList<>(MINUTES);
      List<Point> desired = new ArrayList<>(MINUTES);
      List<Point> inService = new ArrayList<>(MINUTES);
      List<Point> healthy = new ArrayList<>(MINUTES);
      List<List<Point>> zones = new ArrayList<>();
      for (int z = 0; z < ZONES.length * 2; z++) zones.add(new ArrayList<>(MINUTES));
      for (int i = 0; i < MINUTES; i++) {
        Duration at = Duration.ofMinutes(i);
        double day = Math.sin(i * 2 * Math.PI / (24 * 60));
        cpu.add(new Point(at, 50 + 25 * day + (i % 7)));
        int want = (int) (600 + 300 * Math.round(day * 4) / 4.0);
        desired.add(new Point(at, want));
        int have = i % 360 < 20 ? want - 100 : want;
        inService.add(new Point(at, have));
        healthy.add(new Point(at, have - (i % 11 == 0 ? 3 : 0)));
        for (int z = 0; z < ZONES.length; z++) {
          boolean out = z == 1 && i >= (3 * 24 + 10) * 60 && i < (3 * 24 + 12) * 60;
          int share = out ? 0 : have / 3;
          zones.get(z).add(new Point(at, share));
          zones.get(ZONES.length + z).add(new Point(at, out ? 0 : share - (i % 13 == 0 ? 1 : 0)));
        }
      }
      List<Series> group = new ArrayList<>();
      group.add(new Series("DesiredCapacity", "desired", desired));
      group.add(new Series("InService", "in-service", inService));
      List<Series> targets = new ArrayList<>();
      targets.add(new Series("healthy", "healthy", healthy));
      for (int z = 0; z < ZONES.length; z++) {
        group.add(
            new Series("InService " + ZONES[z], "in-service-" + z, zones.get(z)).inZone(ZONES[z]));
        targets.add(
            new Series("healthy " + ZONES[z], "healthy-" + z, zones.get(ZONES.length + z))
                .inZone(ZONES[z]));
      }
      return List.of(
          new Chart(
              "alarm cpu-high: CPUUtilization Average > 60",
              "Percent",
              List.of(
                  new Series("CPUUtilization Average", "metric", cpu)
                      .withShape(Series.Shape.periods(Duration.ofMinutes(1)))),
              List.of(new Threshold("cpu-high >", 60))),
          new Chart("Auto Scaling group web: desired vs InService", "Count", group, List.of()),
          new Chart("target group web-tg: healthy targets per zone", "Count", targets, List.of()));
    };
  }
}
