package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;

/**
 * A horizontal line on a chart, such as an alarm threshold.
 *
 * @param label shown next to the line
 * @param value where the line is
 */
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
