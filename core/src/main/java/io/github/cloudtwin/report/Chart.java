package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One chart of a report: series over virtual time plus horizontal thresholds. Zone outages are
 * shaded on every chart by the report itself.
 *
 * @param title the heading
 * @param unit the y axis unit, such as {@code Percent} (may be empty)
 * @param series the lines, one per metric (immutable)
 * @param thresholds horizontal lines (immutable)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Chart(String title, String unit, List<Series> series, List<Threshold> thresholds) {

  /**
   * Validates and copies.
   *
   * @param title the heading
   * @param unit the y axis unit, such as {@code Percent} (may be empty)
   * @param series the lines, one per metric (immutable)
   * @param thresholds horizontal lines (immutable)
   */
  public Chart {
    Require.notBlank("title", title);
    Require.notNull("unit", unit);
    series = List.copyOf(Require.notNull("series", series));
    thresholds = List.copyOf(Require.notNull("thresholds", thresholds));
  }
}
