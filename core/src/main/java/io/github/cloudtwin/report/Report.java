package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one twin as a self-contained XHTML page: charts as inline SVG (metrics against
 * alarm thresholds, zone outages shaded) and the timeline as a table. No scripts, no external
 * resources: it opens from a CI artifact as it is, and parses with any XML parser.
 *
 * <pre>{@code
 * Report.builder(twin).title("scale out").metric(cpu).build().write(Path.of("target/r.html"));
 * }</pre>
 *
 * <p>A report is a snapshot taken by {@link Builder#build()}. Immutable and thread-safe.
 */
public final class Report {

  /** The XHTML namespace. */
  public static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  /** The SVG namespace. */
  public static final String SVG_NS = SvgChart.SVG_NS;
  /** At most this many timeline rows are written (the newest). */
  public static final int MAX_TABLE_ROWS = 5_000;

  private static final String CSS =
      "body{font-family:sans-serif;margin:1.5em;color:#222}"
          + "h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}"
          + "table.timeline{border-collapse:collapse;font-family:monospace;font-size:0.85em}"
          + "table.timeline td,table.timeline th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}"
          + "dl.facts dt{font-weight:bold;float:left;clear:left;width:8em}dl.facts dd{margin-left:9em}"
          + ".plot{fill:#fafafa;stroke:#999}.outage{fill:#f4a6a6;fill-opacity:0.45}"
          + ".series{fill:none;stroke-width:2}.series-0{stroke:#1f77b4;fill:#1f77b4}"
          + ".series-1{stroke:#ff7f0e;fill:#ff7f0e}.series-2{stroke:#2ca02c;fill:#2ca02c}"
          + ".series-3{stroke:#9467bd;fill:#9467bd}.series-4{stroke:#8c564b;fill:#8c564b}"
          + ".series-5{stroke:#17becf;fill:#17becf}polyline.series{fill:none}"
          + ".threshold{stroke:#d62728;stroke-dasharray:6 4}.threshold-label{fill:#d62728;font-size:11px}"
          + ".axis,.legend{font-size:11px}.failure{color:#a00;white-space:pre-wrap}";

  private final String title;
  private final String failure;
  private final CloudTwin twin;
  private final Instant t0;
  private final Instant now;
  private final List<Chart> charts;
  private final List<ZoneOutage> outages;
  private final List<TimelineEvent> events;

  private Report(Builder b) {
    this.title = b.title;
    this.failure = b.failure;
    this.twin = b.twin;
    this.t0 = b.twin.timeline().t0();
    this.now = b.twin.now();
    this.events = b.twin.timeline().events();
    this.outages = ZoneOutage.from(events, t0, now);
    List<Chart> all = new ArrayList<>();
    for (ChartSource s : b.sources) {
      all.addAll(s.charts(b.twin));
    }
    this.charts = List.copyOf(all);
  }

  /**
   * A builder for a report of {@code twin}, starting from {@link ChartSources#standard()}.
   *
   * @param twin the twin
   * @return a builder for a report of {@code twin}, starting from {@link ChartSources#standard()}
   */
  public static Builder builder(CloudTwin twin) {
    return new Builder(Require.notNull("twin", twin));
  }

  /** {@return the charts, in order} */
  public List<Chart> charts() {
    return charts;
  }

  /** {@return the zone outages shaded on every chart} */
  public List<ZoneOutage> zoneOutages() {
    return outages;
  }

  /** {@return the page as XHTML text} */
  public String toXhtml() {
    StringBuilder sb = new StringBuilder(8192 + events.size() * 160);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<!DOCTYPE html>\n");
    sb.append("<html xmlns=\"").append(XHTML_NS).append("\" lang=\"en\">\n<head>\n");
    sb.append("<meta charset=\"UTF-8\"/>\n");
    sb.append("<title>").append(Xml.text(title)).append("</title>\n");
    sb.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(Xml.text(title)).append("</h1>\n");
    sb.append("<dl class=\"facts\">\n");
    fact(sb, "region", twin.region());
    fact(sb, "zones", String.join(", ", twin.config().zoneNames()));
    fact(sb, "seed", Long.toString(twin.seed()));
    fact(sb, "t0", t0.toString());
    fact(sb, "ended at", TimelineFormat.offset(Duration.between(t0, now)) + " (" + now + ")");
    fact(sb, "events", Integer.toString(events.size()));
    sb.append("</dl>\n");
    if (failure != null) {
      sb.append("<h2>Failure</h2>\n<pre class=\"failure\">").append(Xml.text(failure)).append("</pre>\n");
    }
    if (!outages.isEmpty()) {
      sb.append("<h2>Zone outages</h2>\n<ul class=\"outages\">\n");
      for (ZoneOutage o : outages) {
        sb.append("<li>").append(Xml.text(o.zone())).append(": ")
            .append(TimelineFormat.offset(o.from())).append(" to ")
            .append(o.ongoing() ? "end of test" : TimelineFormat.offset(o.to())).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    Duration end = Duration.between(t0, now);
    for (Chart c : charts) {
      sb.append("<h2 class=\"chart-title\">").append(Xml.text(c.title()));
      if (!c.unit().isEmpty()) sb.append(" (").append(Xml.text(c.unit())).append(')');
      sb.append("</h2>\n<div class=\"chart\">\n");
      SvgChart.render(sb, c, outages, end);
      sb.append("</div>\n");
    }
    int from = Math.max(0, events.size() - MAX_TABLE_ROWS);
    sb.append("<h2>Timeline</h2>\n");
    if (from > 0) {
      sb.append("<p>Last ").append(MAX_TABLE_ROWS).append(" of ").append(events.size()).append(" events.</p>\n");
    }
    sb.append("<table class=\"timeline\">\n<thead><tr><th>#</th><th>time</th><th>resource</th>"
        + "<th>kind</th><th>message</th><th>cause</th></tr></thead>\n<tbody>\n");
    for (int i = from; i < events.size(); i++) {
      TimelineEvent e = events.get(i);
      sb.append("<tr id=\"e").append(e.id()).append("\"><td>").append(e.id()).append("</td><td>")
          .append(TimelineFormat.offset(Duration.between(t0, e.time()))).append("</td><td>")
          .append(Xml.text(e.resource())).append("</td><td>").append(Xml.text(e.kind()))
          .append("</td><td>").append(Xml.text(e.message())).append("</td><td>");
      if (e.causeId() != 0) sb.append('#').append(e.causeId());
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void fact(StringBuilder sb, String name, String value) {
    sb.append("<dt>").append(Xml.text(name)).append("</dt><dd>").append(Xml.text(value)).append("</dd>\n");
  }

  /**
   * Writes the page to {@code file}, creating parent directories, and returns the file.
   *
   * @param file the file
   * @return the file
   */
  public Path write(Path file) {
    Require.notNull("file", file);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, toXhtml(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the report to " + file, e);
    }
  }

  /** Builds a {@link Report}. Not thread-safe. */
  public static final class Builder {
    private final CloudTwin twin;
    private final List<ChartSource> sources = new ArrayList<>(ChartSources.standard());
    private String title = "CloudTwin report";
    private String failure;

    private Builder(CloudTwin twin) {
      this.twin = twin;
    }

    /**
     * The page title, such as the test's name.
     *
     * @param title the page title, such as the test's name
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Require.notNull("title", title);
      return this;
    }

    /**
     * The failure text to show above the charts, or null.
     *
     * @param failure the failure text to show above the charts, or null
     * @return this builder
     */
    public Builder failure(String failure) {
      this.failure = failure;
      return this;
    }

    /**
     * Adds a chart of {@code metric}'s average per minute.
     *
     * @param metric the metric
     * @return this builder
     */
    public Builder metric(MetricId metric) {
      return source(ChartSources.metric(metric, Statistic.AVERAGE, Duration.ofMinutes(1)));
    }

    /**
     * Adds a chart source.
     *
     * @param source adds a chart source
     * @return this builder
     */
    public Builder source(ChartSource source) {
      sources.add(Require.notNull("source", source));
      return this;
    }

    /** {@return the report: reads the twin now} */
    public Report build() {
      return new Report(this);
    }
  }
}
