package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The index page of a report directory's reports: one row per report with the test's outcome, the
 * first line of its failure and a link, failures first. Self-contained XHTML like the reports.
 * Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ReportIndexPage {

  private ReportIndexPage() {}

  /**
   * One report of the run.
   *
   * @param test the test's title (class and display name)
   * @param outcome how the test ended
   * @param message the first line of its failure, or empty
   * @param file the report file
   * @param virtualTime the virtual time the test covered, as text
   * @param events how many timeline events it recorded
   */
  public record Entry(
      String test,
      Report.Outcome outcome,
      String message,
      Path file,
      String virtualTime,
      int events) {
    /**
     * Validates.
     *
     * @param test the test's title (class and display name)
     * @param outcome how the test ended
     * @param message the first line of its failure, or empty
     * @param file the report file
     * @param virtualTime the virtual time the test covered, as text
     * @param events how many timeline events it recorded
     */
    public Entry {
      Require.notNull("test", test);
      Require.notNull("outcome", outcome);
      Require.notNull("message", message);
      Require.notNull("file", file);
      Require.notNull("virtualTime", virtualTime);
      Require.notNegative("events", events);
    }
  }

  /**
   * The page for {@code entries}, with links relative to {@code dir} (where the page is written).
   *
   * @param dir the directory the page is written to
   * @param entries the reports, in the order they were written
   * @return the page as XHTML text
   */
  public static String xhtml(Path dir, List<Entry> entries) {
    Require.notNull("dir", dir);
    Require.notNull("entries", entries);
    int failed = 0;
    int aborted = 0;
    for (Entry e : entries) {
      if (e.outcome() == Report.Outcome.FAILED) failed++;
      if (e.outcome() == Report.Outcome.ABORTED) aborted++;
    }
    StringBuilder sb = new StringBuilder(2048 + entries.size() * 300);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"")
        .append(Report.XHTML_NS)
        .append(
            "\" lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>CloudTwin reports</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.3em}")
        .append(
            "table{border-collapse:collapse;font-size:.9em}td,th{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left;")
        .append(
            "vertical-align:top}.outcome{font-weight:bold;border-left:6px solid #777;padding-left:6px}")
        .append(
            ".outcome-passed{border-color:#009E73}.outcome-failed{border-color:#D55E00;color:#a33b00}")
        .append(
            ".outcome-aborted{border-color:#E69F00}.message{font-family:ui-monospace,monospace;font-size:.9em;color:#a33b00;")
        .append(
            "max-width:50em}a{color:#0072B2}</style>\n</head>\n<body>\n<h1>CloudTwin reports</h1>\n")
        .append("<p class=\"summary\">")
        .append(entries.size())
        .append(entries.size() == 1 ? " report" : " reports")
        .append(": ")
        .append(entries.size() - failed - aborted)
        .append(" passed, ")
        .append(failed)
        .append(" failed, ")
        .append(aborted)
        .append(
            " aborted.</p>\n<table class=\"reports\">\n<thead><tr><th>outcome</th><th>test</th><th>virtual time</th>")
        .append("<th>events</th><th>failure</th></tr></thead>\n<tbody>\n");
    Path base = dir.toAbsolutePath().normalize();
    for (Report.Outcome o :
        List.of(Report.Outcome.FAILED, Report.Outcome.ABORTED, Report.Outcome.PASSED)) {
      for (Entry e : entries) {
        if (e.outcome() != o) continue;
        String outcome = o.name().toLowerCase(Locale.ROOT);
        String href =
            base.relativize(e.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
        sb.append("<tr class=\"report\"><td class=\"outcome outcome-")
            .append(outcome)
            .append("\">")
            .append(outcome)
            .append("</td><td><a href=\"")
            .append(Xml.text(href))
            .append("\">")
            .append(Xml.text(e.test()))
            .append("</a></td><td>")
            .append(Xml.text(e.virtualTime()))
            .append("</td><td>")
            .append(e.events())
            .append("</td><td class=\"message\">")
            .append(Xml.text(e.message()))
            .append("</td></tr>\n");
      }
    }
    sb.append("</tbody>\n</table>\n</body>\n</html>\n");
    return sb.toString();
  }
}
