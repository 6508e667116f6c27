package io.github.cloudtwin.report;

import java.util.function.DoubleUnaryOperator;

/**
 * The axes of a chart's plots: value gridlines and ticks, time gridlines and ticks, the caption.
 */
final class SvgAxes {

  private SvgAxes() {}

  /**
   * A little room above the highest value, so a line at the maximum does not run along the frame.
   */
  static double headroom(double min, double max) {
    return max + (max - min) * 0.05;
  }

  static void grid(
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
}
