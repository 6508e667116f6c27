package io.github.cloudtwin.report;

import io.github.cloudtwin.whatif.Comparison;
import java.util.Locale;

/** The what-if comparison as an XHTML table section of the report (charts are the report's own). */
final class ComparisonTable {

  private ComparisonTable() {}

  static void render(StringBuilder sb, Comparison c) {
    sb.append(
        "<h2>What-if comparison</h2>\n<table class=\"timeline comparison\">\n<thead><tr><th>estate</th><th>cost (USD)</th>"
            + "<th>per hour</th><th>breached (min)</th><th>peak</th><th>mean</th><th>activities</th><th>in ALARM (min)</th>"
            + "<th>unserved</th></tr></thead>\n<tbody>\n");
    for (Comparison.Row r : c.rows()) {
      sb.append("<tr><td>")
          .append(Xml.text(r.estate()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", r.costUsd()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4f", r.costPerHour()))
          .append("</td><td>")
          .append(r.breached().toMinutes())
          .append("</td><td>")
          .append(r.peakInService())
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", r.meanInService()))
          .append("</td><td>")
          .append(r.activities())
          .append("</td><td>")
          .append(r.timeInAlarm().toMinutes())
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.0f", r.unservedRequests()))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }
}
