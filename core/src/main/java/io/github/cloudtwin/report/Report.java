package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import io.github.cloudtwin.whatif.Comparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The report of one twin as a self-contained XHTML page a person would rather look at than read: a
 * verdict at the top (the test's outcome and failure message, then the key facts), charts as
 * hand-written inline SVG (time and value ticks with gridlines, step lines for counts and period
 * statistics, labelled thresholds, zone outages shaded, per-zone small multiples, and event markers
 * whose tooltips give the cause chain and whose click jumps to the timeline row), and the timeline
 * as a table whose cause references are links. No external resources: one small inline script for
 * the tooltips, everything else static; it opens from a CI artifact as it is, offline, and parses
 * with any XML parser.
 *
 * <pre>{@code
 * Report.builder(twin).title("scale out").metric(cpu).build().write(Path.of("target/r.html"));
 * }</pre>
 *
 * <p>A report is a snapshot taken by {@link Builder#build()}. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Report {

  /** The XHTML namespace. */
  public static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

  /** The SVG namespace. */
  public static final String SVG_NS = SvgChart.SVG_NS;

  /**
   * At most this many of the newest timeline rows are written (plus the rows markers point at): the
   * rows are what a page costs the browser to open (docs/performance.md, "The HTML report at
   * scale").
   */
  public static final int MAX_TABLE_ROWS = 2_000;

  /** A test's outcome, as the verdict shows it. */
  public enum Outcome {
    /** The test passed. */
    PASSED,
    /** The test failed. */
    FAILED,
    /** The test was aborted (an assumption did not hold). */
    ABORTED
  }

  private final String title;
  private final CloudTwin twin;
  private final Instant t0;
  private final Instant now;
  private final List<Chart> charts;
  private final List<ZoneOutage> outages;
  private final List<ExperimentWindow> actions;
  private final List<TimelineEvent> events;
  private final List<Marker> markers;
  private final Verdict verdict;
  private final @Nullable Comparison comparison;

  private Report(Builder b) {
    this.comparison = b.comparison;
    this.title = b.title;
    this.twin = b.twin;
    this.t0 = b.twin.timeline().t0();
    this.now = b.twin.now();
    this.events = b.twin.timeline().events();
    this.outages = ZoneOutage.from(events, t0, now);
    this.actions = ExperimentWindow.from(events, t0, now);
    List<Chart> all = new ArrayList<>();
    for (ChartSource s : b.sources) {
      all.addAll(s.charts(b.twin));
    }
    this.charts = List.copyOf(all);
    double spanMs = Math.max(60_000, Duration.between(t0, now).toMillis());
    this.markers = Markers.from(b.twin.timeline(), events, spanMs / SvgChart.PLOT_W);
    @Nullable Outcome outcome =
        b.outcome != null ? b.outcome : b.failure != null ? Outcome.FAILED : null;
    this.verdict = Verdict.of(b.twin, outcome, b.failure, charts, outages, events);
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

  /** {@return the experiment actions' windows shaded on every chart, in order of start} */
  public List<ExperimentWindow> experimentWindows() {
    return actions;
  }

  /** {@return the event markers drawn on every chart, lane by lane in time order} */
  public List<Marker> markers() {
    return markers;
  }

  /** {@return the verdict at the top: outcome, failure message, key facts} */
  public Verdict verdict() {
    return verdict;
  }

  /** {@return the page as XHTML text} */
  public String toXhtml() {
    StringBuilder sb = new StringBuilder(16384 + events.size() * 40);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<!DOCTYPE html>\n");
    sb.append("<html xmlns=\"").append(XHTML_NS).append("\" lang=\"en\">\n<head>\n");
    sb.append("<meta charset=\"UTF-8\"/>\n");
    sb.append("<title>").append(Xml.text(title)).append("</title>\n");
    sb.append("<style>").append(PageAssets.CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(Xml.text(title)).append("</h1>\n");
    verdict(sb);
    sb.append("<dl class=\"facts\">\n");
    fact(sb, "region", twin.region());
    fact(sb, "zones", String.join(", ", twin.config().zoneNames()));
    fact(sb, "seed", Long.toString(twin.seed()));
    fact(sb, "t0", t0.toString());
    fact(sb, "ended at", TimelineFormat.offset(Duration.between(t0, now)) + " (" + now + ")");
    fact(sb, "events", Integer.toString(events.size()));
    sb.append("</dl>\n");
    if (!outages.isEmpty()) {
      sb.append("<h2>Zone outages</h2>\n<ul class=\"outages\">\n");
      for (ZoneOutage o : outages) {
        sb.append("<li>")
            .append(Xml.text(o.zone()))
            .append(": ")
            .append(TimelineFormat.offset(o.from()))
            .append(" to ")
            .append(o.ongoing() ? "end of test" : TimelineFormat.offset(o.to()))
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    if (!actions.isEmpty()) {
      sb.append("<h2>Experiment actions</h2>\n<ul class=\"experiment-actions\">\n");
      for (ExperimentWindow w : actions) {
        sb.append("<li>")
            .append(Xml.text(w.label()))
            .append(" (")
            .append(Xml.text(w.actionId()))
            .append("): ")
            .append(TimelineFormat.offset(w.from()));
        if (!w.to().equals(w.from()))
          sb.append(" to ").append(w.ongoing() ? "end of test" : TimelineFormat.offset(w.to()));
        if (w.stoppedEarly()) sb.append(", stopped by a stop condition");
        sb.append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    int index = 1;
    if (comparison != null) {
      ComparisonTable.render(sb, comparison);
      SvgChart.render(
          sb,
          index++,
          ComparisonCharts.capacity(comparison),
          List.of(),
          List.of(),
          ComparisonCharts.span(comparison),
          List.of());
      ComparisonCharts.bars(sb, index++, comparison);
    }
    Duration end = Duration.between(t0, now);
    if (!charts.isEmpty() && !markers.isEmpty()) markerLegend(sb);
    for (Chart c : charts) {
      SvgChart.render(sb, index++, c, outages, actions, end, markers);
    }
    TimelineTable.render(sb, twin.timeline(), events, markers, MAX_TABLE_ROWS);
    sb.append("<script>//<![CDATA[\n").append(PageAssets.SCRIPT).append("\n//]]></script>\n");
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private void verdict(StringBuilder sb) {
    Outcome o = verdict.outcome();
    sb.append("<section class=\"verdict outcome-")
        .append(o == null ? "none" : o.name().toLowerCase(java.util.Locale.ROOT))
        .append("\">\n<p class=\"outcome\">")
        .append(
            o == null
                ? "Report of a twin run (no test outcome)"
                : "Test " + o.name().toLowerCase(java.util.Locale.ROOT))
        .append(" after ")
        .append(Xml.text(Verdict.words(Duration.between(t0, now))))
        .append(" of virtual time</p>\n");
    if (verdict.failure() != null) {
      sb.append("<pre class=\"failure\">").append(Xml.text(verdict.failure())).append("</pre>\n");
    }
    if (!verdict.facts().isEmpty()) {
      sb.append("<ul class=\"key-facts\">\n");
      for (Verdict.KeyFact f : verdict.facts()) {
        sb.append("<li class=\"key-fact key-fact-")
            .append(f.topic())
            .append("\">")
            .append(Xml.text(f.text()))
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  private void markerLegend(StringBuilder sb) {
    sb.append(
        "<p class=\"marker-legend\">Markers (hover or Tab to one for what happened and why; click to jump to the timeline):");
    for (Marker.Kind k : SvgMarkers.lanes(markers)) {
      sb.append(' ')
          .append("<svg xmlns=\"")
          .append(SVG_NS)
          .append("\" width=\"14\" height=\"14\" viewBox=\"0 0 14 14\">")
          .append("<g class=\"tone-neutral\"><path class=\"glyph\" d=\"")
          .append(SvgMarkers.glyph(k, 7, 7))
          .append("\"/></g></svg> ")
          .append(k.lane());
    }
    sb.append(
        "; colour: <span style=\"color:#D55E00\">trouble</span>, <span style=\"color:#009E73\">recovery</span>,"
            + " <span style=\"color:#0072B2\">action</span>; a dot: several events in one marker.</p>\n");
  }

  private static void fact(StringBuilder sb, String name, String value) {
    sb.append("<dt>")
        .append(Xml.text(name))
        .append("</dt><dd>")
        .append(Xml.text(value))
        .append("</dd>\n");
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
    private @Nullable String failure;
    private @Nullable Outcome outcome;
    private @Nullable Comparison comparison;

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
    public Builder failure(@Nullable String failure) {
      this.failure = failure;
      return this;
    }

    /**
     * The test's outcome for the verdict; without it a report with a {@link #failure(String)} says
     * failed, one without says it was made outside a test.
     *
     * @param outcome the test's outcome
     * @return this builder
     */
    public Builder outcome(Outcome outcome) {
      this.outcome = Require.notNull("outcome", outcome);
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

    /**
     * Adds a what-if comparison above the charts: a table (cost, breach time, capacity, activities,
     * alarm time, unserved requests per estate), a chart of each estate's InService instances over
     * the replay, and bars side by side of each estate's cost, time above target and peak and mean
     * capacity.
     *
     * @param comparison the comparison, or null for none
     * @return this builder
     */
    public Builder comparison(@Nullable Comparison comparison) {
      this.comparison = comparison;
      return this;
    }

    /** {@return the report: reads the twin now} */
    public Report build() {
      return new Report(this);
    }
  }
}
