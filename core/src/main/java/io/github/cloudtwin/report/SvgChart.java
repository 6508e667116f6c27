package io.github.cloudtwin.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Renders one {@link Chart} as hand-written inline SVG: a main plot (time ticks, value ticks and
 * gridlines, zone outages shaded and labelled, labelled thresholds, the marker lanes above it) and,
 * for per-zone series, one small panel per zone on a shared value axis. The legend is HTML, so it
 * wraps instead of running off the plot. Stateless. The axes ({@link SvgAxes}), the shaded windows
 * ({@link SvgShading}), the marker lanes ({@link SvgMarkers}) and the zone panels ({@link
 * SvgPanels}) are drawn by their own classes.
 */
final class SvgChart {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  /** The main plot's width in pixels (markers are merged at this scale). */
  static final int W = 960;

  static final int LEFT = 76;
  static final int RIGHT = 24;
  static final double PLOT_W = W - LEFT - RIGHT;
  private static final int PLOT_H = 200;
  private static final int BOTTOM = 38;

  private SvgChart() {}

  static void render(
      StringBuilder sb,
      int index,
      Chart chart,
      List<ZoneOutage> outages,
      List<ExperimentWindow> actions,
      Duration end,
      List<Marker> markers) {
    double maxX = Math.max(60_000, end.toMillis());
    List<Series> main = new ArrayList<>();
    Map<String, List<Series>> zones = new LinkedHashMap<>();
    for (Series s : chart.series()) {
      if (s.zone().isEmpty()) main.add(s);
      else zones.computeIfAbsent(s.zone(), z -> new ArrayList<>()).add(s);
    }
    boolean integral =
        "Count".equals(chart.unit())
            || chart.series().stream().allMatch(s -> s.shape() instanceof Series.Shape.Steps);
    sb.append("<section class=\"chart\" id=\"chart-").append(index).append("\">\n");
    sb.append("<h2 class=\"chart-title\">").append(Xml.text(chart.title()));
    if (!chart.unit().isEmpty()) sb.append(" (").append(Xml.text(chart.unit())).append(')');
    sb.append("</h2>\n");
    if (!main.isEmpty()) {
      legend(sb, main, chart.thresholds(), !outages.isEmpty(), !actions.isEmpty());
      mainPlot(sb, chart, main, outages, actions, maxX, markers, integral);
    } else if (!markers.isEmpty()) SvgMarkers.strip(sb, chart.title(), markers, maxX);
    if (!zones.isEmpty()) SvgPanels.panels(sb, zones, outages, actions, markers, maxX, integral);
    sb.append("</section>\n");
  }

  private static void legend(
      StringBuilder sb,
      List<Series> main,
      List<Threshold> thresholds,
      boolean outages,
      boolean actions) {
    sb.append("<ul class=\"legend\">");
    for (int i = 0; i < main.size(); i++) {
      Series s = main.get(i);
      sb.append("<li data-series=\"")
          .append(Xml.text(s.name()))
          .append("\"><span class=\"swatch series-")
          .append(i % 6)
          .append("\"></span>")
          .append(Xml.text(s.name()))
          .append(s.points().isEmpty() ? " (no data)" : "")
          .append("</li>");
    }
    for (Threshold t : thresholds) {
      sb.append("<li class=\"legend-threshold\"><span class=\"swatch threshold\"></span>")
          .append(Xml.text(thresholdLabel(t)))
          .append("</li>");
    }
    if (outages)
      sb.append(
          "<li class=\"legend-outage\"><span class=\"swatch outage\"></span>zone impaired</li>");
    if (actions)
      sb.append(
          "<li class=\"legend-action\"><span class=\"swatch experiment-action\"></span>experiment action</li>");
    sb.append("</ul>\n");
  }

  private static String thresholdLabel(Threshold t) {
    return (t.label().isEmpty() ? "threshold" : t.label())
        + " "
        + Ticks.value(t.value(), step(t.value()));
  }

  private static double step(double v) {
    return v == Math.rint(v) ? 1 : 0.01;
  }

  private static void mainPlot(
      StringBuilder sb,
      Chart chart,
      List<Series> main,
      List<ZoneOutage> outages,
      List<ExperimentWindow> actions,
      double maxX,
      List<Marker> markers,
      boolean integral) {
    List<Marker.Kind> lanes = SvgMarkers.lanes(markers);
    int top = SvgMarkers.height(lanes);
    int h = top + PLOT_H + BOTTOM;
    double minY = 0;
    double maxY = 0;
    for (Series s : main) {
      for (Point p : s.points()) {
        minY = Math.min(minY, p.value());
        maxY = Math.max(maxY, p.value());
      }
    }
    for (Threshold t : chart.thresholds()) {
      minY = Math.min(minY, t.value());
      maxY = Math.max(maxY, t.value() * 1.05);
    }
    Ticks.Scale scale = Ticks.values(minY, SvgAxes.headroom(minY, maxY), 5, integral);
    DoubleUnaryOperator x = ms -> LEFT + ms / maxX * PLOT_W;
    DoubleUnaryOperator y =
        v -> top + PLOT_H - (v - scale.lo()) / (scale.hi() - scale.lo()) * PLOT_H;
    sb.append("<svg xmlns=\"")
        .append(SVG_NS)
        .append("\" class=\"chart\" width=\"")
        .append(W)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(h)
        .append("\" role=\"img\" aria-label=\"")
        .append(Xml.text(chart.title()))
        .append("\">\n");
    sb.append("<rect class=\"plot\" x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(Xml.num(PLOT_W))
        .append("\" height=\"")
        .append(PLOT_H)
        .append("\"/>\n");
    SvgAxes.grid(sb, scale, x, y, LEFT, top, PLOT_W, PLOT_H, maxX, 90, true);
    for (ZoneOutage o : outages) SvgShading.outage(sb, o, x, top, PLOT_H, true);
    for (int i = 0; i < actions.size(); i++)
      SvgShading.action(sb, actions.get(i), x, top, PLOT_H, LEFT + PLOT_W, i % 3);
    SvgMarkers.guides(sb, markers, x, top, PLOT_H);
    for (int i = 0; i < main.size(); i++) path(sb, main.get(i), i, x, y, maxX);
    thresholds(sb, chart.thresholds(), y);
    SvgMarkers.markerLanes(sb, lanes, markers, x);
    sb.append("</svg>\n");
  }

  static void path(
      StringBuilder sb,
      Series s,
      int i,
      DoubleUnaryOperator x,
      DoubleUnaryOperator y,
      double maxX) {
    sb.append("<path class=\"series series-")
        .append(i % 6)
        .append(' ')
        .append(s.cssClass())
        .append("\" data-series=\"")
        .append(Xml.text(s.name()))
        .append("\" d=\"")
        .append(SeriesPath.of(s, x, y, maxX))
        .append("\"><title>")
        .append(Xml.text(s.name()))
        .append("</title></path>\n");
  }

  private static void thresholds(
      StringBuilder sb, List<Threshold> thresholds, DoubleUnaryOperator y) {
    List<Double> used = new ArrayList<>();
    for (Threshold t : thresholds) {
      double ty = y.applyAsDouble(t.value());
      sb.append("<line class=\"threshold\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(Xml.num(LEFT + PLOT_W))
          .append("\" y1=\"")
          .append(Xml.num(ty))
          .append("\" y2=\"")
          .append(Xml.num(ty))
          .append("\"/>\n");
      double ly = ty - 4;
      for (double u : used) {
        if (Math.abs(u - ly) < 12) ly = ty + 12;
      }
      used.add(ly);
      sb.append("<text class=\"threshold-label\" x=\"")
          .append(Xml.num(LEFT + PLOT_W - 4))
          .append("\" y=\"")
          .append(Xml.num(ly))
          .append("\">")
          .append(Xml.text(thresholdLabel(t)))
          .append("</text>\n");
    }
  }
}
