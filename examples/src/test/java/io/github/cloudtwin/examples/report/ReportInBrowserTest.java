package io.github.cloudtwin.examples.report;

import static io.github.cloudtwin.examples.report.BrowserCheck.chart;
import static io.github.cloudtwin.examples.report.BrowserCheck.drawnSeries;
import static io.github.cloudtwin.examples.report.BrowserCheck.markers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.examples.ExampleScenarios;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example reports in a real browser (headless chromium): the seed scenario, the zone outage and
 * ECS's two layers of scaling, and a group over six zones. Each opens without any error or network
 * request, draws the expected series and markers, shows a marker's tooltip on focus and hover,
 * keeps its legends and zone panels legible (inside the window, apart, titled within their boxes),
 * and leaves a screenshot under {@code target/browser-reports} for people to look at.
 */
class ReportInBrowserTest {

  private static Chromium chromium;

  @BeforeAll
  static void browser() {
    chromium = Chromium.orSkip();
  }

  private static Path report(String name) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (CloudTwin twin = ExampleScenarios.run(name, quiet)) {
      return BrowserCheck.write(twin, name);
    }
  }

  private static JsonNode openAndScreenshot(String name) {
    return openAndScreenshot(name, report(name));
  }

  private static JsonNode openAndScreenshot(String name, Path page) {
    JsonNode check =
        BrowserCheck.open(chromium, page, page.resolveSibling(name + ".png"), 1100, 1500);
    BrowserCheck.assertCleanAndInteractive(check);
    return check;
  }

  private static List<Integer> panelSeries(JsonNode chart) {
    List<Integer> out = new ArrayList<>();
    for (JsonNode p : chart.get("panels")) {
      int drawn = 0;
      for (JsonNode len : p.get("series")) if (len.asDouble() > 0) drawn++;
      out.add(drawn);
    }
    return out;
  }

  @Test
  void theSeedReportShowsTheAlarmTheScaleOutAndTheNewTargets() {
    JsonNode check = openAndScreenshot("seed");
    assertThat(check.get("verdict").asText()).contains("alarm cpu-high fired once at +00:20:00");
    JsonNode alarm = chart(check, "alarm cpu-high");
    assertThat(drawnSeries(alarm))
        .containsExactly("CPUUtilization Average {AutoScalingGroupName=web}");
    assertThat(alarm.get("thresholds").asInt()).isEqualTo(1);
    assertThat(markers(alarm, "alarm"))
        .isGreaterThanOrEqualTo(2); // OK at the first evaluation, ALARM at +00:20:00
    assertThat(markers(alarm, "policy")).isGreaterThanOrEqualTo(1);
    JsonNode group = chart(check, "Auto Scaling group web");
    assertThat(drawnSeries(group)).containsExactly("DesiredCapacity", "InService");
    assertThat(panelSeries(group)).containsExactly(1, 1, 1); // one panel per zone
    assertThat(markers(group, "activity")).isPositive();
    JsonNode targets = chart(check, "target group web-tg");
    assertThat(drawnSeries(targets)).containsExactly("healthy");
    assertThat(markers(targets, "health")).isPositive();
  }

  @Test
  void theZoneOutageReportShadesTheOutageAndShowsTheFaultAndTheRecovery() {
    JsonNode check = openAndScreenshot("zone-outage");
    assertThat(check.get("verdict").asText())
        .contains("zone us-east-1a outage at +00:05:00")
        .contains("recovered at");
    JsonNode group = chart(check, "Auto Scaling group web");
    assertThat(drawnSeries(group)).containsExactly("DesiredCapacity", "InService");
    assertThat(group.get("outages").asInt()).isEqualTo(1);
    assertThat(markers(group, "fault")).isEqualTo(2); // impaired, restored
    List<String> shaded = new ArrayList<>();
    for (JsonNode p : group.get("panels"))
      if (p.get("outages").asInt() > 0) shaded.add(p.get("zone").asText());
    assertThat(shaded).containsExactly("us-east-1a"); // only the failed zone's panel
    assertThat(markers(chart(check, "target group web-tg"), "health")).isPositive();
  }

  @Test
  void theEcsTwoLayersReportShowsTasksAndInstancesScalingWithTheirPolicies() {
    JsonNode check = openAndScreenshot("ecs-two-layers");
    JsonNode service = chart(check, "ECS service api");
    assertThat(drawnSeries(service)).containsExactly("desiredCount", "runningCount");
    assertThat(markers(service, "policy")).isPositive();
    assertThat(markers(service, "deployment")).isPositive();
    JsonNode hosts = chart(check, "Auto Scaling group ecs-hosts");
    assertThat(drawnSeries(hosts)).containsExactly("DesiredCapacity", "InService");
    assertThat(panelSeries(hosts)).containsExactly(1, 1); // two zones
    JsonNode alarms = chart(check, "alarm TargetTracking-service/prod/api-AlarmHigh");
    assertThat(alarms.get("thresholds").asInt()).isEqualTo(2);
    assertThat(markers(alarms, "alarm")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aGroupOverSixZonesGetsSixLegiblePanelsEachWithItsZonesSeries() {
    Path page;
    List<String> zones;
    try (CloudTwin twin = CloudTwin.builder().availabilityZones(6).build()) {
      zones = List.copyOf(twin.config().zoneNames());
      String[] all = zones.toArray(String[]::new);
      twin.loadBalancing()
          .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(all).build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .instanceType("m5.large")
                  .minSize(12)
                  .maxSize(24)
                  .desiredCapacity(12)
                  .availabilityZones(all)
                  .targetGroupNames("web-tg")
                  .healthCheckType(HealthCheckType.ELB)
                  .build());
      twin.faults().zoneOutage(all[4], Duration.ofMinutes(10), Duration.ofMinutes(10));
      twin.advance(Duration.ofMinutes(40));
      page = BrowserCheck.write(twin, "six-zones");
    }
    JsonNode check = openAndScreenshot("six-zones", page);
    assertThat(zones).hasSize(6);
    for (String chartTitle : List.of("Auto Scaling group web", "target group web-tg")) {
      JsonNode chart = chart(check, chartTitle);
      List<String> panelZones = new ArrayList<>();
      for (JsonNode p : chart.get("panels")) {
        panelZones.add(p.get("zone").asText());
        assertThat(p.get("title").asText())
            .as("the title of %s's panel", chartTitle)
            .endsWith(p.get("zone").asText());
      }
      assertThat(panelZones).as("panels of %s", chartTitle).containsExactlyElementsOf(zones);
      assertThat(panelSeries(chart))
          .as("drawn series per panel of %s", chartTitle)
          .containsExactly(1, 1, 1, 1, 1, 1);
      List<String> shaded = new ArrayList<>();
      for (JsonNode p : chart.get("panels"))
        if (p.get("outages").asInt() > 0) shaded.add(p.get("zone").asText());
      assertThat(shaded).containsExactly(zones.get(4));
    }
  }
}
