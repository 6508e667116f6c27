package io.github.cloudtwin.assertj.error;

import java.util.Map;

/** Sums of request counts per zone. */
final class RoutedTotals {

  private RoutedTotals() {}

  /** Every request counted, whatever its zone. */
  static long total(Map<String, Long> counts) {
    long sum = 0;
    for (long c : counts.values()) sum += c;
    return sum;
  }
}
