package io.github.cloudtwin.report;

import io.github.cloudtwin.kernel.TimelineFormat;
import java.util.function.DoubleUnaryOperator;

/** The shaded windows of a chart's plots: zone outages, each with its title and label. */
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
}
