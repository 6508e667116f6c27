package io.github.cloudtwin.report;

import io.github.cloudtwin.whatif.CapacityPoint;
import io.github.cloudtwin.whatif.Comparison;
import io.github.cloudtwin.whatif.GroupOutcome;
import io.github.cloudtwin.whatif.ReplayOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A what-if comparison's charts: InService instances over the replay, one step line per estate on
 * one time axis (every estate replays the same recording), then bars side by side: what each estate
 * cost, how long it breached its targets, and its peak and mean capacity. The estates ran on twins
 * of their own, so these charts carry no event markers (the report's markers link rows of this
 * twin's timeline). Stateless.
 */
final class ComparisonCharts {

  private static final int BAR_W = (SvgChart.W - 12) / 2;
  private static final int LABEL_W = 130;
  private static final int BAR_H = 18;
  private static final int BAR_GAP = 6;
  private static final int BAR_TOP = 8;
  private static final int BAR_RIGHT = 70;

  private ComparisonCharts() {}

  /** The capacity chart: InService instances of all groups per estate, from the replay's start. */
  static Chart capacity(Comparison c) {
    List<Series> series = new ArrayList<>();
    for (ReplayOutcome o : c.outcomes()) {
      series.add(new Series(o.estate(), "estate", inService(o), Series.Shape.STEPS, ""));
    }
    return new Chart(
        "What-if: InService instances per estate (all groups)", "Count", series, List.of());
  }

  /** The replay's length: the longest estate's. */
  static Duration span(Comparison c) {
    Duration d = Duration.ZERO;
    for (ReplayOutcome o : c.outcomes()) {
      Duration len = Duration.between(o.from(), o.to());
      if (len.compareTo(d) > 0) d = len;
    }
    return d;
  }

  private static List<Point> inService(ReplayOutcome o) {
    List<CapacityPoint> all = new ArrayList<>();
    for (GroupOutcome g : o.groups().values()) all.addAll(g.capacity());
    all.sort((a, b) -> a.time().compareTo(b.time())); // stable: groups keep their order
    Map<String, Integer> current = new HashMap<>();
    int total = 0;
    List<Point> pts = new ArrayList<>();
    for (CapacityPoint p : all) {
      Integer before = current.put(p.groupName(), p.inService());
      total += p.inService() - (before == null ? 0 : before);
      Duration at = Duration.between(o.from(), p.time());
      if (at.isNegative()) at = Duration.ZERO;
      if (!pts.isEmpty() && pts.get(pts.size() - 1).offset().equals(at))
        pts.set(pts.size() - 1, new Point(at, total));
      else pts.add(new Point(at, total));
    }
    Duration end = Duration.between(o.from(), o.to());
    if (pts.isEmpty()) pts.add(new Point(Duration.ZERO, 0));
    if (pts.get(pts.size() - 1).offset().compareTo(end) < 0) pts.add(new Point(end, total));
    return pts;
  }

  /** The bars: cost, time above target, peak and mean InService per estate, two to a row. */
  static void bars(StringBuilder sb, int index, Comparison c) {
    List<Comparison.Row> rows = c.rows();
    List<String> names = new ArrayList<>();
    for (Comparison.Row r : rows) names.add(r.estate());
    double[] cost = new double[rows.size()];
    double[] breached = new double[rows.size()];
    double[] peak = new double[rows.size()];
    double[] mean = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Comparison.Row r = rows.get(i);
      cost[i] = r.costUsd();
      breached[i] = r.breached().toSeconds() / 60.0;
      peak[i] = r.peakInService();
      mean[i] = r.meanInService();
    }
    sb.append("<section class=\"chart comparison-bars\" id=\"chart-")
        .append(index)
        .append("\">\n<h2 class=\"chart-title\">What-if: cost and headroom per estate</h2>\n")
        .append("<div class=\"panels\">\n");
    bar(sb, "cost (USD)", names, cost, v -> String.format(Locale.ROOT, "$%.2f", v));
    bar(sb, "time above target (min)", names, breached, v -> String.format(Locale.ROOT, "%.0f", v));
    bar(sb, "peak InService", names, peak, v -> String.format(Locale.ROOT, "%.0f", v));
    bar(sb, "mean InService", names, mean, v -> String.format(Locale.ROOT, "%.1f", v));
    sb.append("</div>\n</section>\n");
  }

  private static void bar(
      StringBuilder sb,
      String title,
      List<String> names,
      double[] values,
      DoubleFunction<String> format) {
    double max = 0;
    for (double v : values) max = Math.max(max, v);
    double plotW = BAR_W - LABEL_W - BAR_RIGHT;
    int h = BAR_TOP + 16 + names.size() * (BAR_H + BAR_GAP) + 4;
    sb.append("<svg xmlns=\"")
        .append(SvgChart.SVG_NS)
        .append("\" class=\"bars\" data-measure=\"")
        .append(Xml.text(title))
        .append("\" width=\"")
        .append(BAR_W)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(BAR_W)
        .append(' ')
        .append(h)
        .append("\" role=\"img\" aria-label=\"")
        .append(Xml.text(title))
        .append("\">\n<text class=\"panel-title\" x=\"")
        .append(LABEL_W)
        .append("\" y=\"")
        .append(BAR_TOP + 6)
        .append("\">")
        .append(Xml.text(title))
        .append("</text>\n");
    for (int i = 0; i < names.size(); i++) {
      double y = BAR_TOP + 16 + i * (BAR_H + BAR_GAP);
      double w = max <= 0 ? 0 : values[i] / max * plotW;
      String name = names.get(i);
      String shown = name.length() > 20 ? name.substring(0, 19) + "…" : name;
      String value = format.apply(values[i]);
      sb.append("<g class=\"bar\" data-estate=\"")
          .append(Xml.text(name))
          .append("\" data-value=\"")
          .append(Xml.text(value))
          .append("\"><title>")
          .append(Xml.text(name + ": " + value))
          .append("</title><text class=\"bar-label\" x=\"")
          .append(LABEL_W - 6)
          .append("\" y=\"")
          .append(Xml.num(y + BAR_H - 5))
          .append("\">")
          .append(Xml.text(shown))
          .append("</text><rect class=\"series-")
          .append(i % 6)
          .append("\" x=\"")
          .append(LABEL_W)
          .append("\" y=\"")
          .append(Xml.num(y))
          .append("\" width=\"")
          .append(Xml.num(Math.max(w, 1)))
          .append("\" height=\"")
          .append(BAR_H)
          .append("\"/><text class=\"bar-value\" x=\"")
          .append(Xml.num(LABEL_W + Math.max(w, 1) + 4))
          .append("\" y=\"")
          .append(Xml.num(y + BAR_H - 5))
          .append("\">")
          .append(Xml.text(value))
          .append("</text></g>\n");
    }
    sb.append("</svg>\n");
  }
}
