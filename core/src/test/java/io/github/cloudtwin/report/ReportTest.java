package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportTest {

  static final MetricId LOAD = MetricId.of("App", "Load");

  @Test
  void oneChartPerAlarmedMetricWithEachAlarmsThresholdAndZoneOutagesShaded(@TempDir Path dir)
      throws Exception {
    try (CloudTwin twin = CloudTwin.builder().build()) {
      twin.cloudWatch().putMetricAlarm(alarm("high", 80));
      twin.cloudWatch().putMetricAlarm(alarm("very-high", 90));
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(LOAD)
                  .between(Duration.ZERO, Duration.ofMinutes(5))
                  .series(10, 20, 95, 99, 30));
      twin.faults().zoneOutage("us-east-1a", Duration.ofMinutes(1), Duration.ofMinutes(2));
      twin.faults().zoneOutage("us-east-1b", Duration.ofMinutes(4), Duration.ofHours(1));
      twin.advance(Duration.ofMinutes(6));

      Report report = Report.builder(twin).title("a <title> & more").build();
      assertThat(report.charts())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.series())
                    .singleElement()
                    .satisfies(
                        s ->
                            assertThat(s.points())
                                .extracting(Point::value)
                                .containsExactly(10.0, 20.0, 95.0, 99.0, 30.0));
                assertThat(c.thresholds()).extracting(Threshold::value).containsExactly(80.0, 90.0);
              });
      assertThat(report.zoneOutages())
          .containsExactly(
              new ZoneOutage("us-east-1a", Duration.ofMinutes(1), Duration.ofMinutes(3), false),
              new ZoneOutage("us-east-1b", Duration.ofMinutes(4), Duration.ofMinutes(6), true));

      Path file = report.write(dir.resolve("sub/report.html"));
      String html = Files.readString(file);
      Document doc = parse(html);
      assertThat(seriesPaths(doc)).isEqualTo(1);
      assertThat(doc.getElementsByTagNameNS(Report.SVG_NS, "rect").getLength())
          .isEqualTo(3); // plot + 2 outages
      assertThat(doc.getElementsByTagNameNS(Report.XHTML_NS, "title").item(0).getTextContent())
          .isEqualTo("a <title> & more");
      assertThat(doc.getElementsByTagNameNS(Report.XHTML_NS, "tr").getLength())
          .isEqualTo(twin.timeline().size() + 1);
      Matcher m = Pattern.compile("https?://[^\"'\\s<>]*").matcher(html);
      while (m.find()) assertThat(m.group()).isIn(Report.XHTML_NS, Report.SVG_NS);
      // offline: one inline script, no src, every link inside the page
      assertThat(html.split("<script", -1)).hasSize(2);
      assertThat(html).doesNotContain("src=");
      Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
      while (href.find()) assertThat(href.group(1)).startsWith("#e");
    }
  }

  @Test
  void extraSourcesAddChartsAndTheSameTwinGivesTheSamePage() {
    String first = page(7);
    assertThat(page(7)).isEqualTo(first);
    assertThat(first).contains("class=\"series series-0 metric\"").contains("App Load");
  }

  private static String page(long seed) {
    try (CloudTwin twin = CloudTwin.builder().seed(seed).build()) {
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(LOAD)
                  .between(Duration.ZERO, Duration.ofMinutes(5))
                  .ramp(0, 50));
      twin.advance(Duration.ofMinutes(5));
      Report r =
          Report.builder(twin)
              .source(ChartSources.metric(LOAD, Statistic.MAXIMUM, Duration.ofMinutes(1)))
              .build();
      assertThat(r.charts()).hasSize(1);
      assertThat(r.charts().get(0).series().get(0).points()).hasSize(5);
      return r.toXhtml();
    }
  }

  static MetricAlarmSpec alarm(String name, double threshold) {
    return MetricAlarmSpec.builder()
        .alarmName(name)
        .metric(LOAD)
        .threshold(threshold)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .build();
  }

  static int seriesPaths(Document doc) {
    int n = 0;
    var paths = doc.getElementsByTagNameNS(Report.SVG_NS, "path");
    for (int i = 0; i < paths.getLength(); i++) {
      if (((org.w3c.dom.Element) paths.item(i)).getAttribute("class").startsWith("series ")) n++;
    }
    return n;
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
