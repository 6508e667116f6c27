package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One line of a chart: a name for the legend, a CSS class, its points in time order, how the points
 * are joined, and the zone it belongs to.
 *
 * <p>Series of a zone ({@code zone} not empty) are drawn as small multiples under the chart, one
 * panel per zone on a shared value axis, with that zone's outages shaded; the others share the main
 * plot.
 *
 * @param name shown in the legend
 * @param cssClass added to the SVG element's {@code class} (lower-case letters, digits, dashes)
 * @param points in time order (immutable)
 * @param shape how the points are joined
 * @param zone the Availability Zone the series belongs to, or empty for the whole resource
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Series(String name, String cssClass, List<Point> points, Shape shape, String zone) {

  /**
   * Validates and copies.
   *
   * @param name shown in the legend
   * @param cssClass added to the SVG element's {@code class} (lower-case letters, digits, dashes)
   * @param points in time order (immutable)
   * @param shape how the points are joined
   * @param zone the Availability Zone the series belongs to, or empty for the whole resource
   */
  public Series {
    Require.notBlank("name", name);
    Require.notBlank("cssClass", cssClass);
    if (!cssClass.matches("[a-z][a-z0-9-]*")) {
      throw new ValidationException("cssClass", cssClass, "lower-case letters, digits and dashes");
    }
    points = List.copyOf(Require.notNull("points", points));
    Require.notNull("shape", shape);
    Require.notNull("zone", zone);
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).offset().compareTo(points.get(i - 1).offset()) < 0) {
        throw new ValidationException(
            "points",
            points.get(i).offset(),
            "in time order (after " + points.get(i - 1).offset() + ")");
      }
    }
  }

  /**
   * A series of measurements joined by straight lines, for the whole resource.
   *
   * @param name shown in the legend
   * @param cssClass added to the SVG element's {@code class} (lower-case letters, digits, dashes)
   * @param points in time order
   */
  public Series(String name, String cssClass, List<Point> points) {
    this(name, cssClass, points, Shape.LINE, "");
  }

  /**
   * This series with another shape.
   *
   * @param shape how the points are joined
   * @return this series with {@code shape}
   */
  public Series withShape(Shape shape) {
    return new Series(name, cssClass, points, shape, zone);
  }

  /**
   * This series as the series of one zone, drawn in that zone's panel.
   *
   * @param zone the Availability Zone
   * @return this series in {@code zone}'s panel
   */
  public Series inZone(String zone) {
    return new Series(name, cssClass, points, shape, Require.notBlank("zone", zone));
  }

  /** How a series' points are joined. */
  public sealed interface Shape {

    /** Measurements: straight lines from point to point. */
    Shape LINE = new Line();

    /**
     * Counts: each value holds until the next point, then the line steps; the last holds to the
     * end.
     */
    Shape STEPS = new Steps();

    /**
     * Period statistics: each value holds for {@code period} from its point (a 5-minute average is
     * flat over its 5 minutes); a period without a point is a gap (missing data).
     *
     * @param period the statistic's period
     * @return the shape of statistics per {@code period}
     */
    static Shape periods(Duration period) {
      return new Periods(period);
    }

    /** Straight lines from point to point. */
    record Line() implements Shape {}

    /** Each value holds until the next point. */
    record Steps() implements Shape {}

    /**
     * Each value holds for one period; missing periods are gaps.
     *
     * @param period the period (positive)
     */
    record Periods(Duration period) implements Shape {
      /**
       * Validates.
       *
       * @param period the period (positive)
       */
      public Periods {
        Require.positive("period", period);
      }
    }
  }
}
