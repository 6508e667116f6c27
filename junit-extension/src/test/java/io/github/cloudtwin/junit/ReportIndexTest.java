package io.github.cloudtwin.junit;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudtwin.CloudTwin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** One index page per test run lists every report written in it, with the test's outcome, failures first. */
class ReportIndexTest {

  @Test
  void theIndexListsEveryReportOfTheRunWithItsOutcomeAndLinksToIt() throws Exception {
    Path dir = Path.of("target", "cloudtwin-index-reports");
    EngineExecutionResults r = Kit.run(Map.of(FailureReporting.REPORT_DIRECTORY, dir.toString()), Mixed.class);
    r.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(1).aborted(1));
    Path index = dir.resolve(ReportIndex.FILE);
    String html = Files.readString(index);
    Document doc = FailureReportTest.parse(html);
    assertThat(html).contains("3 reports: 1 passed, 1 failed, 1 aborted.");
    List<String> outcomes = new ArrayList<>();
    NodeList rows = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "tr");
    for (int i = 1; i < rows.getLength(); i++) {
      Element row = (Element) rows.item(i);
      NodeList cells = row.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "td");
      outcomes.add(cells.item(0).getTextContent());
      Element link = (Element) row.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "a").item(0);
      Path report = dir.resolve(link.getAttribute("href"));
      assertThat(report).exists();
      String page = Files.readString(report);
      assertThat(page).contains("Test " + cells.item(0).getTextContent());
      assertThat(link.getTextContent()).startsWith("Mixed > ");
      if (outcomes.get(outcomes.size() - 1).equals("failed")) {
        assertThat(cells.item(4).getTextContent()).isEqualTo("java.lang.AssertionError: failing on purpose at +00:02:00");
        assertThat(cells.item(2).getTextContent()).isEqualTo("+00:02:00");
      }
    }
    assertThat(outcomes).containsExactly("failed", "aborted", "passed");
    FailureReportTest.assertNoUrlButTheNamespaces(html.replaceAll("href=\"[^\"]*\\.html\"", ""));
  }

  @Fixture
  @CloudTwinTest(seed = 3, report = ReportMode.ALWAYS)
  static class Mixed {
    @Test
    void passes(CloudTwin twin) {
      twin.advance(ofMinutes(1));
    }

    @Test
    void fails(CloudTwin twin) {
      twin.advance(ofMinutes(2));
      throw new AssertionError("failing on purpose at " + io.github.cloudtwin.kernel.TimelineFormat.offset(twin.elapsed()));
    }

    @Test
    void isAborted(CloudTwin twin) {
      assumeTrue(twin.elapsed().isNegative(), "not in this run");
    }
  }
}
