package io.github.cloudtwin.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/** The markers of a main plot: one lane per marker kind above it, guide lines down it. */
final class SvgMarkers {

  private static final int LANE_H = 14;

  /** Kinds whose markers also draw a guide line down the plot. */
  private static final Set<Marker.Kind> GUIDED =
      EnumSet.of(Marker.Kind.ALARM, Marker.Kind.POLICY, Marker.Kind.DEPLOYMENT, Marker.Kind.FAULT);

  private SvgMarkers() {}

  /** The height the lanes of {@code lanes} take above the plot, with their margin. */
  static int height(List<Marker.Kind> lanes) {
    return 10 + lanes.size() * LANE_H + (lanes.isEmpty() ? 0 : 6);
  }

  /** The lanes drawn: the kinds {@code markers} hold, in lane order. */
  static List<Marker.Kind> lanes(List<Marker> markers) {
    EnumSet<Marker.Kind> kinds = EnumSet.noneOf(Marker.Kind.class);
    for (Marker m : markers) kinds.add(m.kind());
    return new ArrayList<>(kinds);
  }

  static void guides(
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

  static void markerLanes(
      StringBuilder sb, List<Marker.Kind> lanes, List<Marker> markers, DoubleUnaryOperator x) {
    if (lanes.isEmpty()) return;
    sb.append("<g class=\"markers\">\n");
    for (int i = 0; i < lanes.size(); i++) {
      double ly = 10 + i * LANE_H + LANE_H / 2.0;
      sb.append("<text class=\"lane-label\" x=\"")
          .append(SvgChart.LEFT - 6)
          .append("\" y=\"")
          .append(Xml.num(ly + 4))
          .append("\">")
          .append(lanes.get(i).lane())
          .append("</text><line class=\"lane\" x1=\"")
          .append(SvgChart.LEFT)
          .append("\" x2=\"")
          .append(Xml.num(SvgChart.LEFT + SvgChart.PLOT_W))
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

  /**
   * The marker lanes of a chart that has no main plot (only per-zone series), over a time axis, so
   * every chart shows the events.
   */
  static void strip(StringBuilder sb, String title, List<Marker> markers, double maxX) {
    List<Marker.Kind> lanes = lanes(markers);
    int top = height(lanes);
    int h = top + 20;
    DoubleUnaryOperator x = ms -> SvgChart.LEFT + ms / maxX * SvgChart.PLOT_W;
    sb.append("<svg xmlns=\"")
        .append(SvgChart.SVG_NS)
        .append("\" class=\"chart markers-only\" width=\"")
        .append(SvgChart.W)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(SvgChart.W)
        .append(' ')
        .append(h)
        .append("\" role=\"img\" aria-label=\"")
        .append(Xml.text(title + ": events"))
        .append("\">\n<g class=\"x-axis\">");
    long step = Ticks.timeStep(maxX, SvgChart.PLOT_W, 90);
    for (long t = 0; t <= maxX; t += step) {
      sb.append("<text x=\"")
          .append(Xml.num(x.applyAsDouble(t)))
          .append("\" y=\"")
          .append(top + 8)
          .append("\">")
          .append(Xml.text(Ticks.time(t, step, maxX)))
          .append("</text>");
    }
    sb.append("</g>\n");
    markerLanes(sb, lanes, markers, x);
    sb.append("</svg>\n");
  }
}
