package io.github.cloudtwin.examples.report;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.experiments.Experiment;
import io.github.cloudtwin.experiments.FaultAction;
import io.github.cloudtwin.experiments.Selection;
import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.traffic.Workload;
import io.github.cloudtwin.whatif.BreachTarget;
import io.github.cloudtwin.whatif.Comparison;
import io.github.cloudtwin.whatif.DemandReplay;
import io.github.cloudtwin.whatif.DemandUnit;
import io.github.cloudtwin.whatif.Estate;
import io.github.cloudtwin.whatif.RecordedLoad;
import io.github.cloudtwin.whatif.RecordedSeries;
import io.github.cloudtwin.whatif.WhatIf;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports of issue 21's experiments and issue 20's what-if comparisons in a real browser: an
 * experiment's action windows shaded with their names on every chart, a comparison's capacity chart
 * and its bars side by side. Screenshots under {@code target/browser-reports}.
 */
class ReportOfExperimentAndWhatIfInBrowserTest {

  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
  private static Chromium chromium;

  @BeforeAll
  static void browser() {
    chromium = Chromium.orSkip();
  }

  /** Six m5.large over three zones behind an ALB; target tracking at 50 % CPU when asked. */
  private static void webTier(CloudTwin twin, int desired, boolean targetTracking) {
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-tg").port(80).deregistrationDelay(ofSeconds(30)).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(desired)
                .maxSize(12)
                .desiredCapacity(desired)
                .availabilityZones(ZONES)
                .targetGroupNames("web-tg")
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(ofMinutes(2))
                .detailedMonitoring(true)
                .defaultInstanceWarmup(ofMinutes(2))
                .build());
    if (targetTracking) {
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu-50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
    }
  }

  private static JsonNode openAndScreenshot(Path page, String name) {
    JsonNode check =
        BrowserCheck.open(chromium, page, page.resolveSibling(name + ".png"), 1100, 1500);
    BrowserCheck.assertCleanAndInteractive(check);
    return check;
  }

  @Test
  void theExperimentReportShadesEachActionWithItsNameOnEveryChart() {
    Path page;
    try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
      webTier(twin, 6, true);
      twin.traffic().apply("web", Workload.constant(600));
      twin.advance(ofMinutes(10));
      twin.experiments()
          .run(
              Experiment.builder("zone-drill")
                  .action(
                      "power-off-a",
                      new FaultAction.ZonePowerInterruption("us-east-1a"),
                      ofMinutes(1),
                      ofMinutes(15))
                  .action(
                      "stress",
                      new FaultAction.CpuStress("web", Selection.percent(100), 30),
                      ofMinutes(25),
                      ofMinutes(10))
                  .runFor(ofMinutes(50))
                  .build());
      page =
          Report.builder(twin)
              .title("Experiment zone-drill")
              .build()
              .write(BrowserCheck.DIR.resolve("experiment.html"));
    }
    JsonNode check = openAndScreenshot(page, "experiment");
    assertThat(check.get("charts")).isNotEmpty();
    for (JsonNode c : check.get("charts")) {
      List<String> shaded = new ArrayList<>();
      for (JsonNode a : c.get("actions")) shaded.add(a.asText());
      assertThat(shaded)
          .as("action windows on %s", c.get("title"))
          .containsExactly("zone-drill / power-off-a", "zone-drill / stress");
      assertThat(c.get("actionLabels").size()).as("labels on %s", c.get("title")).isEqualTo(2);
      assertThat(c.get("actionWidth").asDouble()).isPositive(); // the window is drawn, not empty
      assertThat(BrowserCheck.markers(c, "fault")).isPositive();
    }
  }

  @Test
  void theWhatIfReportChartsEachEstatesCapacityAndItsCostSideBySide() {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    Instant t = Instant.parse("2026-03-02T00:00:00Z");
    for (int m = 0; m < 180; m++) {
      int perMinute = m >= 60 && m < 100 ? 30_000 : 6_000; // 100/s, 40 minutes at 500/s
      csv.append(t.plusSeconds(60L * m)).append(',').append(perMinute).append('\n');
    }
    RecordedSeries load = RecordedLoad.csv("spike.csv", csv.toString());
    Comparison c =
        WhatIf.replay(DemandReplay.of(load, DemandUnit.REQUESTS).onLoadBalancer("web").build())
            .seed(11)
            .target(BreachTarget.groupCpuAbove("web", 80))
            .compare(
                Estate.of("fixed-3", tw -> webTier(tw, 3, false)),
                Estate.of("target-50", tw -> webTier(tw, 3, true)));
    Path page;
    try (CloudTwin twin = CloudTwin.create()) {
      page =
          Report.builder(twin)
              .title("What if: fixed vs target tracking")
              .comparison(c)
              .build()
              .write(BrowserCheck.DIR.resolve("what-if.html"));
    }
    JsonNode check =
        BrowserCheck.open(chromium, page, page.resolveSibling("what-if.png"), 1100, 1100);
    assertThat(check.get("errors")).isEmpty();
    assertThat(check.get("resources")).isEmpty();
    JsonNode capacity = BrowserCheck.chart(check, "What-if: InService instances per estate");
    assertThat(BrowserCheck.drawnSeries(capacity)).containsExactly("fixed-3", "target-50");
    assertThat(capacity.get("legendOverflow")).isEmpty();
    JsonNode bars = BrowserCheck.chart(check, "What-if: cost and headroom per estate");
    List<String> measures = new ArrayList<>();
    for (JsonNode b : bars.get("bars")) {
      measures.add(b.get("measure").asText());
      assertThat(b.get("drawn").asInt()).as("bars of %s", b.get("measure")).isEqualTo(2);
      assertThat(b.get("overflow")).as("labels outside %s", b.get("measure")).isEmpty();
    }
    assertThat(measures)
        .containsExactly(
            "cost (USD)", "time above target (min)", "peak InService", "mean InService");
  }
}
