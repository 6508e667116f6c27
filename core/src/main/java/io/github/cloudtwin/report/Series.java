package io.github.cloudtwin.report;

import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;

/**
 * One line of a chart: a name for the legend, a CSS class and its points in time order.
 *
 * @param name shown in the legend
 * @param cssClass added to the SVG element's {@code class} (lower-case letters, digits, dashes)
 * @param points in time order (immutable)
 */
public record Series(String name, String cssClass, List<Point> points) {

  /**
   * Validates and copies.
   *
   * @param name shown in the legend
   * @param cssClass added to the SVG element's {@code class} (lower-case letters, digits, dashes)
   * @param points in time order (immutable)
   */
  public Series {
    Require.notBlank("name", name);
    Require.notBlank("cssClass", cssClass);
    if (!cssClass.matches("[a-z][a-z0-9-]*")) {
      throw new ValidationException("cssClass", cssClass, "lower-case letters, digits and dashes");
    }
    points = List.copyOf(Require.notNull("points", points));
  }
}
