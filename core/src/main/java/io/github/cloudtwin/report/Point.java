package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One point of a chart series.
 *
 * @param offset virtual time since the twin's start
 * @param value the value (finite)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Point(Duration offset, double value) {

  /**
   * Validates.
   *
   * @param offset virtual time since the twin's start
   * @param value the value (finite)
   */
  public Point {
    Require.notNull("offset", offset);
    Require.finite("value", value);
  }
}
