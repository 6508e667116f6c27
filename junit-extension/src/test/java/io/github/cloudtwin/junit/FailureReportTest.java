package io.github.cloudtwin.junit;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A failing test prints its timeline, publishes it as a report entry and gets an HTML report. */
class FailureReportTest {

  static final MetricId LOAD = MetricId.of("App", "Load");
  static final MetricId QUEUE = MetricId.of("App", "QueueDepth");
  static final MetricId LATENCY = MetricId.of("App", "Latency");

  @Test
  void aFailedTestPublishesItsTimelineAndWritesItsReport() throws Exception {
    EngineExecutionResults r = Kit.run(Failing.class);
    r.testEvents().assertStatistics(s -> s.started(2).failed(1).succeeded(1));

    List<String> timelines = Kit.entries(r, FailureReporting.TIMELINE_ENTRY);
    assertThat(timelines).hasSize(1);
    assertThat(timelines.get(0))
        .startsWith("Timeline (")
        .contains("+00:04:00  alarm/load-high  OK -> ALARM: Threshold Crossed")
        .contains("+00:03:00  zone/us-east-1b  AVAILABLE -> IMPAIRED");

    List<String> reports = Kit.entries(r, FailureReporting.REPORT_ENTRY);
    assertThat(reports).hasSize(1);
    Path file = Path.of(reports.get(0));
    assertThat(file)
        .exists()
        .isEqualTo(
            Path.of(
                    Kit.REPORT_DIR,
                    "io.github.cloudtwin.junit.FailureReportTest$Failing",
                    "alarmFiresLater.html")
                .toAbsolutePath());
    String html = Files.readString(file);
    Document doc = parse(html);

    // one series per metric: the two alarmed metrics (two alarms share Load) plus the one asked for
    List<Element> series =
        elements(doc, "path").stream()
            .filter(e -> e.getAttribute("class").startsWith("series "))
            .toList();
    assertThat(series).hasSize(3);
    assertThat(elements(doc, "line"))
        .filteredOn(e -> e.getAttribute("class").equals("threshold"))
        .hasSize(3);
    assertThat(elements(doc, "svg"))
        .filteredOn(e -> e.getAttribute("class").equals("chart"))
        .hasSize(3); // 3 charts: Load (2 alarms), QueueDepth, Latency
    // 3 zone outages shaded on each of the 3 charts
    assertThat(elements(doc, "rect"))
        .filteredOn(e -> e.getAttribute("class").equals("outage"))
        .hasSize(9);
    assertThat(elements(doc, "pre"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getTextContent())
                    .contains(
                        "Expecting alarm \"load-high\" to go to ALARM at +00:02:00 (virtual time)"));
    assertThat(html).contains("<td>alarm/load-high</td>");
    assertThat(doc.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/1999/xhtml");
    assertThat(elements(doc, "svg"))
        .allSatisfy(e -> assertThat(e.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg"));
    assertThat(elements(doc, "script"))
        .singleElement() // the tooltips' inline script, nothing loaded
        .satisfies(e -> assertThat(e.hasAttribute("src")).isFalse());

    assertNoUrlButTheNamespaces(html);
  }

  @Test
  @ResourceLock(Resources.SYSTEM_OUT)
  void aFailedTestPrintsItsReportPathAndAttachesTheReportAsAFile() throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EngineExecutionResults r;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      r = Kit.run(Failing.class);
    } finally {
      System.setOut(console);
    }
    Path report = Path.of(Kit.entries(r, FailureReporting.REPORT_ENTRY).get(0));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "CloudTwin report of alarmFiresLater\\([^)]*\\): " + Pattern.quote(report.toString()))
        .doesNotContain("CloudTwin report of passes");

    List<FileEntry> files =
        r.allEvents().fileEntryPublished().stream()
            .map(e -> e.getRequiredPayload(FileEntry.class))
            .toList();
    assertThat(files)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getPath().getFileName()).hasToString("alarmFiresLater.html");
              assertThat(f.getMediaType())
                  .hasValueSatisfying(m -> assertThat(m).startsWith("text/html"));
              assertThat(Files.readString(f.getPath())).isEqualTo(Files.readString(report));
            });
  }

  @Test
  void aPassingTestWritesNoReportUnlessAsked() {
    EngineExecutionResults r = Kit.run(Passing.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(Kit.entries(r, FailureReporting.TIMELINE_ENTRY)).isEmpty();
    assertThat(Kit.entries(r, FailureReporting.REPORT_ENTRY))
        .containsExactly(
            Path.of(
                    Kit.REPORT_DIR,
                    "io.github.cloudtwin.junit.FailureReportTest$Passing",
                    "asksForItsReport.html")
                .toAbsolutePath()
                .toString());
  }

  @Test
  void reportModeAlwaysWritesForPassingTestsAndNeverWritesNone() {
    EngineExecutionResults always = Kit.run(Always.class);
    assertThat(Kit.entries(always, FailureReporting.REPORT_ENTRY)).hasSize(1);
    EngineExecutionResults never = Kit.run(Never.class);
    never.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(Kit.entries(never, FailureReporting.REPORT_ENTRY)).isEmpty();
    assertThat(Kit.entries(never, FailureReporting.TIMELINE_ENTRY)).hasSize(1);
  }

  static void assertNoUrlButTheNamespaces(String html) {
    Matcher m = Pattern.compile("https?://[^\"'\\s<>)]*").matcher(html);
    while (m.find()) {
      assertThat(m.group()).isIn("http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg");
    }
    assertThat(html).doesNotContain("src=").doesNotContain("@import").doesNotContain("url(");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) assertThat(href.group(1)).as("a link inside the page").matches("#e[0-9]+");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Document doc, String localName) {
    NodeList nodes = doc.getElementsByTagNameNS("*", localName);
    java.util.ArrayList<Element> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
    return out;
  }

  static MetricAlarmSpec.Builder alarm(String name, MetricId metric, double threshold) {
    return MetricAlarmSpec.builder()
        .alarmName(name)
        .metric(metric)
        .threshold(threshold)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .evaluationPeriods(2);
  }

  @Fixture
  @CloudTwinTest(seed = 5)
  static class Failing {
    @CloudTwinSetup
    static void alarms(CloudTwin twin) {
      twin.cloudWatch().putMetricAlarm(alarm("load-high", LOAD, 80).build());
      twin.cloudWatch().putMetricAlarm(alarm("load-very-high", LOAD, 95).build());
      twin.cloudWatch().putMetricAlarm(alarm("queue-deep", QUEUE, 100).build());
    }

    @Test
    void alarmFiresLater(
        CloudTwin twin, @FromTwin("load-high") MetricAlarm alarm, TwinReport report) {
      report.metric(LATENCY);
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(LOAD)
                  .between(Duration.ZERO, Duration.ofMinutes(8))
                  .series(50, 90, 95, 60, 40, 30, 30, 30));
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(QUEUE)
                  .between(Duration.ZERO, Duration.ofMinutes(8))
                  .constant(3));
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(LATENCY)
                  .between(Duration.ZERO, Duration.ofMinutes(8))
                  .ramp(10, 20));
      twin.faults().zoneOutage("us-east-1b", Duration.ofMinutes(3), Duration.ofMinutes(2));
      twin.faults().zoneOutage("us-east-1c", Duration.ofMinutes(6), Duration.ofMinutes(1));
      twin.faults().zoneOutage("us-east-1a", Duration.ofMinutes(7), Duration.ofHours(1));
      twin.advance(Duration.ofMinutes(8));
      assertThat(alarm).in(twin).transitionedToAlarmAt(Duration.ofMinutes(2));
    }

    @Test
    void passes(CloudTwin twin) {}
  }

  @Fixture
  @CloudTwinTest
  static class Passing {
    @Test
    void asksForItsReport(TwinReport report, CloudTwin twin) {
      report.write();
      twin.advance(Duration.ofMinutes(1));
    }

    @Test
    void silent(CloudTwin twin) {
      twin.advance(Duration.ofMinutes(1));
    }
  }

  @Fixture
  @CloudTwinTest(report = ReportMode.ALWAYS)
  static class Always {
    @Test
    void passes(CloudTwin twin) {}
  }

  @Fixture
  @CloudTwinTest(report = ReportMode.NEVER)
  static class Never {
    @Test
    void fails(CloudTwin twin) {
      assertThat(twin.cloudWatch().alarms()).isNotEmpty();
    }
  }
}
