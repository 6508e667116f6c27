package io.github.cloudtwin.examples.report;

import static io.github.cloudtwin.examples.report.BrowserCheck.chart;
import static io.github.cloudtwin.examples.report.BrowserCheck.drawnSeries;
import static io.github.cloudtwin.examples.report.BrowserCheck.markers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.examples.ExampleScenarios;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example reports in a real browser (headless chromium): the seed scenario, the zone outage and
 * ECS's two layers of scaling. Each opens without any error or network request, draws the expected
 * series and markers, shows a marker's tooltip on focus and hover, and leaves a screenshot under
 * {@code target/browser-reports} for people to look at.
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
    Path page = report(name);
    JsonNode check = BrowserCheck.open(chromium, page);
    chromium.screenshot(page, page.resolveSibling(name + ".png"), 1100, 1500);
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
}
