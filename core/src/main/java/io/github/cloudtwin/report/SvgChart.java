package io.github.cloudtwin.report;

import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import java.util.List;

/** Renders one {@link Chart} as inline SVG; stateless. */
final class SvgChart {

  static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final int W = 760;
  private static final int H = 260;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private SvgChart() {}

  static void render(StringBuilder sb, Chart chart, List<ZoneOutage> outages, Duration end) {
    double maxX = Math.max(60_000, end.toMillis());
    double minY = 0;
    double maxY = 1;
    for (Series s : chart.series()) {
      for (Point p : s.points()) {
        minY = Math.min(minY, p.value());
        maxY = Math.max(maxY, p.value());
      }
    }
    for (Threshold t : chart.thresholds()) {
      minY = Math.min(minY, t.value());
      maxY = Math.max(maxY, t.value());
    }
    maxY = maxY + (maxY - minY) * 0.1;
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    double fMinY = minY;
    double fMaxY = maxY;
    java.util.function.DoubleUnaryOperator x = ms -> LEFT + ms / maxX * plotW;
    java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - (v - fMinY) / (fMaxY - fMinY) * plotH;

    sb.append("<svg xmlns=\"").append(SVG_NS).append("\" class=\"chart\" width=\"").append(W)
        .append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\">\n");
    sb.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP)
        .append("\" width=\"").append(Xml.num(plotW)).append("\" height=\"").append(Xml.num(plotH))
        .append("\"/>\n");
    for (ZoneOutage o : outages) {
      double x0 = x.applyAsDouble(o.from().toMillis());
      double x1 = x.applyAsDouble(o.to().toMillis());
      sb.append("<rect class=\"outage\" x=\"").append(Xml.num(x0)).append("\" y=\"").append(TOP)
          .append("\" width=\"").append(Xml.num(Math.max(1, x1 - x0))).append("\" height=\"")
          .append(Xml.num(plotH)).append("\"><title>")
          .append(Xml.text("zone " + o.zone() + " impaired " + TimelineFormat.offset(o.from()) + " to "
              + (o.ongoing() ? "now" : TimelineFormat.offset(o.to()))))
          .append("</title></rect>\n");
    }
    // axes labels: min/max y, start/end x
    sb.append("<text class=\"axis\" x=\"4\" y=\"").append(TOP + 10).append("\">")
        .append(Xml.num(maxY)).append("</text>\n");
    sb.append("<text class=\"axis\" x=\"4\" y=\"").append(Xml.num(TOP + plotH)).append("\">")
        .append(Xml.num(minY)).append("</text>\n");
    sb.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(H - 22).append("\">")
        .append(TimelineFormat.offset(Duration.ZERO)).append("</text>\n");
    sb.append("<text class=\"axis\" x=\"").append(W - RIGHT - 70).append("\" y=\"").append(H - 22)
        .append("\">").append(Xml.text(TimelineFormat.offset(Duration.ofMillis((long) maxX))))
        .append("</text>\n");
    for (Threshold t : chart.thresholds()) {
      double ty = y.applyAsDouble(t.value());
      sb.append("<line class=\"threshold\" x1=\"").append(LEFT).append("\" x2=\"")
          .append(Xml.num(LEFT + plotW)).append("\" y1=\"").append(Xml.num(ty)).append("\" y2=\"")
          .append(Xml.num(ty)).append("\"/>\n");
      sb.append("<text class=\"threshold-label\" x=\"").append(LEFT + 4).append("\" y=\"")
          .append(Xml.num(ty - 3)).append("\">").append(Xml.text(t.label() + " " + Xml.num(t.value())))
          .append("</text>\n");
    }
    int legendX = LEFT;
    int index = 0;
    for (Series s : chart.series()) {
      sb.append("<polyline class=\"series series-").append(index % 6).append(' ').append(s.cssClass())
          .append("\" points=\"");
      boolean first = true;
      for (Point p : s.points()) {
        if (!first) sb.append(' ');
        first = false;
        sb.append(Xml.num(x.applyAsDouble(p.offset().toMillis()))).append(',')
            .append(Xml.num(y.applyAsDouble(p.value())));
      }
      sb.append("\"><title>").append(Xml.text(s.name())).append("</title></polyline>\n");
      sb.append("<text class=\"legend series-").append(index % 6).append("\" x=\"").append(legendX)
          .append("\" y=\"").append(H - 6).append("\">").append(Xml.text(s.name())).append("</text>\n");
      legendX += 240;
      index++;
    }
    sb.append("</svg>\n");
  }
}
