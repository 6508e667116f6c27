package io.github.cloudtwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The small multiples of a chart: one panel per zone, all on one shared value axis, with the zone's
 * outages, the experiments' action windows and the markers' guide lines (the markers themselves,
 * with their tooltips and links, sit in the lanes of the chart's main plot above).
 */
final class SvgPanels {

  private static final int PANEL_COLS = 3;
  private static final int PANEL_GAP = 12;
  private static final int PANEL_W = (SvgChart.W - (PANEL_COLS - 1) * PANEL_GAP) / PANEL_COLS;
  private static final int PANEL_LEFT = 46;
  private static final int PANEL_RIGHT = 10;
  private static final int PANEL_TOP = 22;
  private static final int PANEL_PLOT_H = 90;
  private static final int PANEL_BOTTOM = 30;

  private SvgPanels() {}

  static void panels(
      StringBuilder sb,
      Map<String, List<Series>> zones,
      List<ZoneOutage> outages,
      List<ExperimentWindow> actions,
      List<Marker> markers,
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
    Ticks.Scale scale = Ticks.values(minY, SvgAxes.headroom(minY, maxY), 3, integral);
    double plotW = PANEL_W - PANEL_LEFT - PANEL_RIGHT;
    int h = PANEL_TOP + PANEL_PLOT_H + PANEL_BOTTOM;
    DoubleUnaryOperator x = ms -> PANEL_LEFT + ms / maxX * plotW;
    DoubleUnaryOperator y =
        v -> PANEL_TOP + PANEL_PLOT_H - (v - scale.lo()) / (scale.hi() - scale.lo()) * PANEL_PLOT_H;
    sb.append("<div class=\"panels\">\n");
    for (Map.Entry<String, List<Series>> z : zones.entrySet()) {
      sb.append("<svg xmlns=\"")
          .append(SvgChart.SVG_NS)
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
      SvgAxes.grid(sb, scale, x, y, PANEL_LEFT, PANEL_TOP, plotW, PANEL_PLOT_H, maxX, 56, false);
      for (ZoneOutage o : outages) {
        if (o.zone().equals(z.getKey())) SvgShading.outage(sb, o, x, PANEL_TOP, PANEL_PLOT_H, true);
      }
      for (ExperimentWindow w : actions)
        SvgShading.action(sb, w, x, PANEL_TOP, PANEL_PLOT_H, PANEL_LEFT + plotW, -1);
      SvgMarkers.guides(sb, markers, x, PANEL_TOP, PANEL_PLOT_H);
      List<Series> list = z.getValue();
      for (int i = 0; i < list.size(); i++) SvgChart.path(sb, list.get(i), i + 1, x, y, maxX);
      sb.append("</svg>\n");
    }
    sb.append("</div>\n");
  }
}
