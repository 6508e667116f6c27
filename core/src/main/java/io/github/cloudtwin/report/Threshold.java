package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * A horizontal line on a chart, such as an alarm threshold.
 *
 * @param label shown next to the line
 * @param value where the line is
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Threshold(String label, double value) {

  /**
   * Validates.
   *
   * @param label shown next to the line
   * @param value where the line is
   */
  public Threshold {
    Require.notNull("label", label);
    Require.finite("value", value);
  }
}
