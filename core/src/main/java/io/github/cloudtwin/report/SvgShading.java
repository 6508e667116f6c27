package io.github.cloudtwin.report;

import io.github.cloudtwin.kernel.TimelineFormat;
import java.util.function.DoubleUnaryOperator;

/**
 * The shaded windows of a chart's plots: zone outages and experiment actions, each with its title
 * and label.
 */
final class SvgShading {

  private SvgShading() {}

  static void outage(
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

  /**
   * An experiment action's window: hatched, with its name ({@code experiment / action}) at the top
   * when {@code row} is not negative (rows stack the labels of windows close together). An instant
   * action is a thin band.
   */
  static void action(
      StringBuilder sb,
      ExperimentWindow w,
      DoubleUnaryOperator x,
      double top,
      double plotH,
      double right,
      int row) {
    double x0 = x.applyAsDouble(w.from().toMillis());
    double x1 = x.applyAsDouble(w.to().toMillis());
    String what =
        "experiment action "
            + w.label()
            + " ("
            + w.actionId()
            + ") "
            + TimelineFormat.offset(w.from())
            + (w.from().equals(w.to())
                ? ", instant"
                : " to "
                    + (w.ongoing() ? "end of test" : TimelineFormat.offset(w.to()))
                    + (w.stoppedEarly() ? " (stopped by a stop condition)" : ""));
    sb.append("<rect class=\"experiment-action\" data-action=\"")
        .append(Xml.text(w.label()))
        .append("\" x=\"")
        .append(Xml.num(x0))
        .append("\" y=\"")
        .append(Xml.num(top))
        .append("\" width=\"")
        .append(Xml.num(Math.max(2, x1 - x0)))
        .append("\" height=\"")
        .append(Xml.num(plotH))
        .append("\"><title>")
        .append(Xml.text(what))
        .append("</title></rect>\n");
    if (row < 0) return;
    boolean flip = x0 > right - 160;
    sb.append("<text class=\"action-label\" x=\"")
        .append(Xml.num(flip ? Math.max(x0, x1) - 4 : x0 + 4))
        .append("\" y=\"")
        .append(Xml.num(top + 26 + row * 12))
        .append(flip ? "\" text-anchor=\"end" : "")
        .append("\">")
        .append(Xml.text(w.label()))
        .append("</text>\n");
  }
}
