package io.github.cloudtwin.junit;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.report.ReportIndexPage;
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

/**
 * One index page per report directory lists every report written to it, with the test's outcome,
 * failures first.
 */
class ReportIndexTest {

  @Test
  void theIndexListsEveryReportOfTheRunWithItsOutcomeAndLinksToIt() throws Exception {
    Path dir = Path.of("target", "cloudtwin-index-reports");
    EngineExecutionResults r =
        Kit.run(Map.of(FailureReporting.REPORT_DIRECTORY, dir.toString()), Mixed.class);
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
      Element link =
          (Element) row.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "a").item(0);
      Path report = dir.resolve(link.getAttribute("href"));
      assertThat(report).exists();
      String page = Files.readString(report);
      assertThat(page).contains("Test " + cells.item(0).getTextContent());
      assertThat(link.getTextContent()).startsWith("Mixed > ");
      if (outcomes.get(outcomes.size() - 1).equals("failed")) {
        assertThat(cells.item(4).getTextContent())
            .isEqualTo("java.lang.AssertionError: failing on purpose at +00:02:00");
        assertThat(cells.item(2).getTextContent()).isEqualTo("+00:02:00");
      }
    }
    assertThat(outcomes).containsExactly("failed", "aborted", "passed");
    FailureReportTest.assertNoUrlButTheNamespaces(html.replaceAll("href=\"[^\"]*\\.html\"", ""));
  }

  /**
   * Two forks (two runs, each with its index) writing reports into one directory share one index.
   */
  @Test
  void forksWritingToOneDirectoryShareOneIndexWithEveryReportOnce() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "index-forks");
    ReportIndex forkOne = new ReportIndex();
    ReportIndex forkTwo = new ReportIndex();
    forkOne.add(dir, entry(dir, "A > one", Report.Outcome.PASSED, ""));
    forkTwo.add(dir, entry(dir, "B > two", Report.Outcome.FAILED, "expected 3 InService"));
    forkOne.add(dir, entry(dir, "A > three", Report.Outcome.PASSED, ""));
    String html = Files.readString(dir.resolve(ReportIndex.FILE));
    assertThat(html)
        .contains("3 reports: 2 passed, 1 failed, 0 aborted.")
        .contains("A &gt; one")
        .contains("B &gt; two")
        .contains("A &gt; three")
        .contains("expected 3 InService");

    // a later run writes "B > two" again, now passing: it appears once, as last written
    new ReportIndex().add(dir, entry(dir, "B > two", Report.Outcome.PASSED, ""));
    html = Files.readString(dir.resolve(ReportIndex.FILE));
    assertThat(html)
        .contains("3 reports: 3 passed, 0 failed, 0 aborted.")
        .doesNotContain("expected 3 InService");

    // a report whose file is gone (deleted by hand) leaves the index at the next rewrite
    Files.delete(dir.resolve("A > one".replace(" > ", "-") + ".html"));
    forkTwo.add(dir, entry(dir, "B > four", Report.Outcome.ABORTED, "assumption"));
    html = Files.readString(dir.resolve(ReportIndex.FILE));
    assertThat(html)
        .contains("3 reports: 2 passed, 0 failed, 1 aborted.")
        .doesNotContain("A &gt; one");
  }

  @Test
  void partLinesRoundTripTabsNewlinesAndBackslashes() {
    Path dir = Path.of("target", "reports");
    ReportIndexPage.Entry e =
        new ReportIndexPage.Entry(
            "T\\t > a\tb",
            Report.Outcome.FAILED,
            "line one\nline\\two",
            dir.resolve("x.html"),
            "+00:05:00",
            7);
    ReportIndex.Written w =
        new ReportIndex.Written(e, java.time.Instant.parse("2026-12-01T18:00:00.123456Z"));
    assertThat(ReportIndex.decode(dir, ReportIndex.encode(dir, List.of(w)))).containsExactly(w);
    assertThat(ReportIndex.decode(dir, "not a part line\n")).isEmpty();
  }

  private static ReportIndexPage.Entry entry(
      Path dir, String test, Report.Outcome outcome, String message) throws Exception {
    Path file = dir.resolve(test.replace(" > ", "-") + ".html");
    Files.writeString(file, "<html/>");
    return new ReportIndexPage.Entry(test, outcome, message, file, "+00:01:00", 3);
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
      throw new AssertionError(
          "failing on purpose at "
              + io.github.cloudtwin.kernel.TimelineFormat.offset(twin.elapsed()));
    }

    @Test
    void isAborted(CloudTwin twin) {
      assumeTrue(twin.elapsed().isNegative(), "not in this run");
    }
  }
}
