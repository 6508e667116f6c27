package io.github.cloudtwin.report;

import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Renders one {@link Chart} as hand-written inline SVG: a main plot (time ticks, value ticks and
 * gridlines, zone outages shaded and labelled, labelled thresholds, the marker lanes above it) and,
 * for per-zone series, one small panel per zone on a shared value axis. The legend is HTML, so it
 * wraps instead of running off the plot. Stateless.
 */
final class SvgChart {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  /** The main plot's width in pixels (markers are merged at this scale). */
  static final int W = 960;

  static final int LEFT = 76;
  static final int RIGHT = 24;
  static final double PLOT_W = W - LEFT - RIGHT;
  private static final int LANE_H = 14;
  private static final int PLOT_H = 200;
  private static final int BOTTOM = 38;
  private static final int PANEL_COLS = 3;
  private static final int PANEL_GAP = 12;
  private static final int PANEL_W = (W - (PANEL_COLS - 1) * PANEL_GAP) / PANEL_COLS;
  private static final int PANEL_LEFT = 46;
  private static final int PANEL_RIGHT = 10;
  private static final int PANEL_TOP = 22;
  private static final int PANEL_PLOT_H = 90;
  private static final int PANEL_BOTTOM = 30;

  /** Kinds whose markers also draw a guide line down the plot. */
  private static final Set<Marker.Kind> GUIDED =
      EnumSet.of(Marker.Kind.ALARM, Marker.Kind.POLICY, Marker.Kind.DEPLOYMENT, Marker.Kind.FAULT);

  private SvgChart() {}

  /** The lanes drawn: the kinds {@code markers} hold, in lane order. */
  static List<Marker.Kind> lanes(List<Marker> markers) {
    EnumSet<Marker.Kind> kinds = EnumSet.noneOf(Marker.Kind.class);
    for (Marker m : markers) kinds.add(m.kind());
    return new ArrayList<>(kinds);
  }

  static void render(
      StringBuilder sb,
      int index,
      Chart chart,
      List<ZoneOutage> outages,
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
      legend(sb, main, chart.thresholds(), !outages.isEmpty());
      mainPlot(sb, chart, main, outages, maxX, markers, integral);
    }
    if (!zones.isEmpty()) panels(sb, zones, outages, maxX, integral);
    sb.append("</section>\n");
  }

  private static void legend(
      StringBuilder sb, List<Series> main, List<Threshold> thresholds, boolean outages) {
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
      double maxX,
      List<Marker> markers,
      boolean integral) {
    List<Marker.Kind> lanes = lanes(markers);
    int top = 10 + lanes.size() * LANE_H + (lanes.isEmpty() ? 0 : 6);
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
    Ticks.Scale scale = Ticks.values(minY, headroom(minY, maxY), 5, integral);
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
    grid(sb, scale, x, y, LEFT, top, PLOT_W, PLOT_H, maxX, 90, true);
    for (ZoneOutage o : outages) outage(sb, o, x, top, PLOT_H, true);
    guides(sb, markers, x, top, PLOT_H);
    for (int i = 0; i < main.size(); i++) path(sb, main.get(i), i, x, y, maxX);
    thresholds(sb, chart.thresholds(), y);
    markerLanes(sb, lanes, markers, x);
    sb.append("</svg>\n");
  }

  /**
   * A little room above the highest value, so a line at the maximum does not run along the frame.
   */
  private static double headroom(double min, double max) {
    return max + (max - min) * 0.05;
  }

  private static void grid(
      StringBuilder sb,
      Ticks.Scale scale,
      DoubleUnaryOperator x,
      DoubleUnaryOperator y,
      double left,
      double top,
      double plotW,
      double plotH,
      double maxX,
      double minGap,
      boolean caption) {
    sb.append("<g class=\"grid\">");
    for (double v : scale.ticks()) {
      double ty = y.applyAsDouble(v);
      sb.append("<line x1=\"")
          .append(Xml.num(left))
          .append("\" x2=\"")
          .append(Xml.num(left + plotW))
          .append("\" y1=\"")
          .append(Xml.num(ty))
          .append("\" y2=\"")
          .append(Xml.num(ty))
          .append("\"/>");
    }
    long step = Ticks.timeStep(maxX, plotW, minGap);
    for (long t = step; t < maxX; t += step) {
      double tx = x.applyAsDouble(t);
      sb.append("<line x1=\"")
          .append(Xml.num(tx))
          .append("\" x2=\"")
          .append(Xml.num(tx))
          .append("\" y1=\"")
          .append(Xml.num(top))
          .append("\" y2=\"")
          .append(Xml.num(top + plotH))
          .append("\"/>");
    }
    sb.append("</g>\n<g class=\"y-axis\">");
    for (double v : scale.ticks()) {
      sb.append("<text x=\"")
          .append(Xml.num(left - 6))
          .append("\" y=\"")
          .append(Xml.num(y.applyAsDouble(v) + 4))
          .append("\">")
          .append(Xml.text(Ticks.value(v, scale.step())))
          .append("</text>");
    }
    sb.append("</g>\n<g class=\"x-axis\">");
    for (long t = 0; t <= maxX; t += step) {
      sb.append("<text x=\"")
          .append(Xml.num(x.applyAsDouble(t)))
          .append("\" y=\"")
          .append(Xml.num(top + plotH + 14))
          .append("\">")
          .append(Xml.text(Ticks.time(t, step, maxX)))
          .append("</text>");
    }
    sb.append("</g>\n");
    if (caption) {
      sb.append("<text class=\"axis-caption\" x=\"")
          .append(Xml.num(left + plotW / 2))
          .append("\" y=\"")
          .append(Xml.num(top + plotH + 30))
          .append("\">")
          .append(Ticks.timeCaption(maxX, step))
          .append("</text>\n");
    }
  }

  private static void outage(
      StringBuilder sb,
      ZoneOutage o,
      DoubleUnaryOperator x,
      double top,
      double plotH,
      boolean label) {
    double x0 = x.applyAsDouble(o.from().toMillis());
    double x1 = x.applyAsDouble(o.to().toMillis());
    String what =
        "zone "
            + o.zone()
            + " impaired "
            + TimelineFormat.offset(o.from())
            + " to "
            + (o.ongoing() ? "end of test" : TimelineFormat.offset(o.to()));
    sb.append("<rect class=\"outage\" data-zone=\"")
        .append(Xml.text(o.zone()))
        .append("\" x=\"")
        .append(Xml.num(x0))
        .append("\" y=\"")
        .append(Xml.num(top))
        .append("\" width=\"")
        .append(Xml.num(Math.max(1, x1 - x0)))
        .append("\" height=\"")
        .append(Xml.num(plotH))
        .append("\"><title>")
        .append(Xml.text(what))
        .append("</title></rect>\n");
    if (label && x1 - x0 >= 70) {
      sb.append("<text class=\"outage-label\" x=\"")
          .append(Xml.num(x0 + 4))
          .append("\" y=\"")
          .append(Xml.num(top + 12))
          .append("\">")
          .append(Xml.text(o.zone() + " impaired"))
          .append("</text>\n");
    }
  }

  private static void guides(
      StringBuilder sb, List<Marker> markers, DoubleUnaryOperator x, double top, double plotH) {
    for (Marker m : markers) {
      if (!GUIDED.contains(m.kind())) continue;
      double mx = x.applyAsDouble(m.offset().toMillis());
      sb.append("<line class=\"guide ")
          .append(m.tone().cssClass())
          .append("\" x1=\"")
          .append(Xml.num(mx))
          .append("\" x2=\"")
          .append(Xml.num(mx))
          .append("\" y1=\"")
          .append(Xml.num(top))
          .append("\" y2=\"")
          .append(Xml.num(top + plotH))
          .append("\"/>\n");
    }
  }

  private static void path(
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

  private static void markerLanes(
      StringBuilder sb, List<Marker.Kind> lanes, List<Marker> markers, DoubleUnaryOperator x) {
    if (lanes.isEmpty()) return;
    sb.append("<g class=\"markers\">\n");
    for (int i = 0; i < lanes.size(); i++) {
      double ly = 10 + i * LANE_H + LANE_H / 2.0;
      sb.append("<text class=\"lane-label\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(Xml.num(ly + 4))
          .append("\">")
          .append(lanes.get(i).lane())
          .append("</text><line class=\"lane\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(Xml.num(LEFT + PLOT_W))
          .append("\" y1=\"")
          .append(Xml.num(ly))
          .append("\" y2=\"")
          .append(Xml.num(ly))
          .append("\"/>\n");
    }
    for (Marker m : markers) {
      double mx = x.applyAsDouble(m.offset().toMillis());
      double my = 10 + lanes.indexOf(m.kind()) * LANE_H + LANE_H / 2.0;
      sb.append("<a class=\"marker ")
          .append(m.kind().cssClass())
          .append(' ')
          .append(m.tone().cssClass())
          .append("\" href=\"#e")
          .append(m.firstEventId())
          .append("\" data-events=\"")
          .append(m.eventIds().size())
          .append("\"><title>")
          .append(Xml.text(m.text()))
          .append("</title><path class=\"glyph\" d=\"")
          .append(glyph(m.kind(), mx, my))
          .append("\"/>");
      if (m.eventIds().size() > 1) {
        sb.append("<circle class=\"many\" cx=\"")
            .append(Xml.num(mx + 4))
            .append("\" cy=\"")
            .append(Xml.num(my - 4))
            .append("\" r=\"1.6\"/>");
      }
      sb.append("</a>\n");
    }
    sb.append("</g>\n");
  }

  /**
   * Each lane its own shape, so kinds read without colour: triangle, diamond, circle, square,
   * chevron, cross.
   */
  static String glyph(Marker.Kind kind, double x, double y) {
    String cx = Xml.num(x);
    return switch (kind) {
      case ALARM ->
          "M"
              + cx
              + ","
              + Xml.num(y - 5)
              + " L"
              + Xml.num(x + 5)
              + ","
              + Xml.num(y + 4)
              + " L"
              + Xml.num(x - 5)
              + ","
              + Xml.num(y + 4)
              + " Z";
      case POLICY ->
          "M"
              + cx
              + ","
              + Xml.num(y - 5)
              + " L"
              + Xml.num(x + 5)
              + ","
              + Xml.num(y)
              + " L"
              + cx
              + ","
              + Xml.num(y + 5)
              + " L"
              + Xml.num(x - 5)
              + ","
              + Xml.num(y)
              + " Z";
      case ACTIVITY ->
          "M"
              + Xml.num(x - 4)
              + ","
              + Xml.num(y)
              + " A4,4 0 1,0 "
              + Xml.num(x + 4)
              + ","
              + Xml.num(y)
              + " A4,4 0 1,0 "
              + Xml.num(x - 4)
              + ","
              + Xml.num(y)
              + " Z";
      case HEALTH -> "M" + Xml.num(x - 4) + "," + Xml.num(y - 4) + " h8 v8 h-8 Z";
      case DEPLOYMENT ->
          "M"
              + Xml.num(x - 5)
              + ","
              + Xml.num(y - 4)
              + " L"
              + cx
              + ","
              + Xml.num(y + 1)
              + " L"
              + Xml.num(x + 5)
              + ","
              + Xml.num(y - 4)
              + " L"
              + Xml.num(x + 5)
              + ","
              + Xml.num(y)
              + " L"
              + cx
              + ","
              + Xml.num(y + 5)
              + " L"
              + Xml.num(x - 5)
              + ","
              + Xml.num(y)
              + " Z";
      case FAULT ->
          "M" + Xml.num(x - 2) + "," + Xml.num(y - 5) + " h4 v3 h3 v4 h-3 v3 h-4 v-3 h-3 v-4 h3 Z";
    };
  }

  private static void panels(
      StringBuilder sb,
      Map<String, List<Series>> zones,
      List<ZoneOutage> outages,
      double maxX,
      boolean integral) {
    double maxY = 0;
    double minY = 0;
    for (List<Series> list : zones.values()) {
      for (Series s : list) {
        for (Point p : s.points()) {
          maxY = Math.max(maxY, p.value());
          minY = Math.min(minY, p.value());
        }
      }
    }
    Ticks.Scale scale = Ticks.values(minY, headroom(minY, maxY), 3, integral);
    double plotW = PANEL_W - PANEL_LEFT - PANEL_RIGHT;
    int h = PANEL_TOP + PANEL_PLOT_H + PANEL_BOTTOM;
    DoubleUnaryOperator x = ms -> PANEL_LEFT + ms / maxX * plotW;
    DoubleUnaryOperator y =
        v -> PANEL_TOP + PANEL_PLOT_H - (v - scale.lo()) / (scale.hi() - scale.lo()) * PANEL_PLOT_H;
    sb.append("<div class=\"panels\">\n");
    for (Map.Entry<String, List<Series>> z : zones.entrySet()) {
      sb.append("<svg xmlns=\"")
          .append(SVG_NS)
          .append("\" class=\"panel\" data-zone=\"")
          .append(Xml.text(z.getKey()))
          .append("\" width=\"")
          .append(PANEL_W)
          .append("\" height=\"")
          .append(h)
          .append("\" viewBox=\"0 0 ")
          .append(PANEL_W)
          .append(' ')
          .append(h)
          .append("\">\n");
      List<String> names = new ArrayList<>();
      for (Series s : z.getValue()) names.add(s.name());
      sb.append("<text class=\"panel-title\" x=\"")
          .append(PANEL_LEFT)
          .append("\" y=\"14\">")
          .append(Xml.text(String.join(", ", names)))
          .append("</text>\n");
      sb.append("<rect class=\"plot\" x=\"")
          .append(PANEL_LEFT)
          .append("\" y=\"")
          .append(PANEL_TOP)
          .append("\" width=\"")
          .append(Xml.num(plotW))
          .append("\" height=\"")
          .append(PANEL_PLOT_H)
          .append("\"/>\n");
      grid(sb, scale, x, y, PANEL_LEFT, PANEL_TOP, plotW, PANEL_PLOT_H, maxX, 56, false);
      for (ZoneOutage o : outages) {
        if (o.zone().equals(z.getKey())) outage(sb, o, x, PANEL_TOP, PANEL_PLOT_H, true);
      }
      List<Series> list = z.getValue();
      for (int i = 0; i < list.size(); i++) path(sb, list.get(i), i + 1, x, y, maxX);
      sb.append("</svg>\n");
    }
    sb.append("</div>\n");
  }
}
