package io.github.cloudtwin.report;

import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;

/**
 * The timeline as a table: the newest rows, plus every row a marker or a marker's cause chain
 * points at (so each click lands on its row), with a note where rows are left out. Each row's id is
 * {@code e<N>}; a cause {@code #N} links to its row when the table holds it.
 *
 * <p>Rows go in blocks of {@link #ROWS_PER_BLOCK}, each its own fixed-layout table (same column
 * widths, so they line up under one header) in a {@code content-visibility: auto} box: the browser
 * lays out only the blocks near the viewport, so thousands of rows cost the page little when it
 * opens, whatever the window's height (one table in one such box is laid out whole as soon as its
 * top nears the viewport: seconds for 5,000 rows). Stateless.
 */
final class TimelineTable {

  /** Rows per block (each block is laid out only when near the viewport). */
  static final int ROWS_PER_BLOCK = 100;

  private static final String COLUMNS =
      "<colgroup><col class=\"c-id\"/><col class=\"c-time\"/><col class=\"c-resource\"/>"
          + "<col class=\"c-kind\"/><col/><col class=\"c-cause\"/></colgroup>";
  private static final String BLOCK_START =
      "<div class=\"timeline-rows\">\n<table class=\"timeline\">" + COLUMNS + "<tbody>\n";
  private static final String BLOCK_END = "</tbody>\n</table>\n</div>\n";

  private TimelineTable() {}

  static void render(
      StringBuilder sb,
      Timeline timeline,
      List<TimelineEvent> events,
      List<Marker> markers,
      int newest) {
    int n = events.size();
    BitSet shown = new BitSet(n + 1); // by event id (ids are 1..n in order)
    shown.set(Math.max(1, n - newest + 1), n + 1);
    for (Marker m : markers) {
      for (long id : Markers.chainIds(timeline, m)) if (id <= n) shown.set((int) id);
    }
    Instant t0 = timeline.t0();
    sb.append("<h2 id=\"timeline\">Timeline</h2>\n");
    int rows = shown.cardinality();
    if (rows < n) {
      sb.append("<p>")
          .append(rows)
          .append(" of ")
          .append(n)
          .append(" events: the newest ")
          .append(Math.min(newest, n))
          .append(" and those the markers point at.</p>\n");
    }
    sb.append("<table class=\"timeline timeline-head\">")
        .append(COLUMNS)
        .append(
            "<thead><tr><th>#</th><th>time</th><th>resource</th><th>kind</th><th>message</th>"
                + "<th>cause</th></tr></thead>\n</table>\n");
    int[] inBlock = {0};
    int last = 0;
    for (int id = shown.nextSetBit(1); id >= 0 && id <= n; id = shown.nextSetBit(id + 1)) {
      if (id > last + 1) {
        row(sb, inBlock);
        sb.append("<tr class=\"gap\"><td colspan=\"6\">")
            .append(id - last - 1)
            .append(" events not shown</td></tr>\n");
      }
      last = id;
      TimelineEvent e = events.get(id - 1);
      row(sb, inBlock);
      sb.append("<tr id=\"e")
          .append(e.id())
          .append("\"><td>")
          .append(e.id())
          .append("</td><td>")
          .append(TimelineFormat.offset(Duration.between(t0, e.time())))
          .append("</td><td>")
          .append(Xml.text(e.resource()))
          .append("</td><td>")
          .append(Xml.text(e.kind()))
          .append("</td><td>")
          .append(Xml.text(e.message()))
          .append("</td><td>");
      long cause = e.causeId();
      if (cause != 0) {
        if (cause <= n && shown.get((int) cause)) {
          sb.append("<a href=\"#e").append(cause).append("\">#").append(cause).append("</a>");
        } else {
          sb.append('#').append(cause);
        }
      }
      sb.append("</td></tr>\n");
    }
    if (last < n && last > 0) {
      row(sb, inBlock);
      sb.append("<tr class=\"gap\"><td colspan=\"6\">")
          .append(n - last)
          .append(" events not shown</td></tr>\n");
    }
    if (inBlock[0] > 0) sb.append(BLOCK_END);
  }

  /** Before a row: closes a full block and opens the next one. */
  private static void row(StringBuilder sb, int[] inBlock) {
    if (inBlock[0] == ROWS_PER_BLOCK) {
      sb.append(BLOCK_END);
      inBlock[0] = 0;
    }
    if (inBlock[0] == 0) sb.append(BLOCK_START);
    inBlock[0]++;
  }
}
