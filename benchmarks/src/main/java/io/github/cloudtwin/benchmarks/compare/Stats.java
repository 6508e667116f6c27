package io.github.cloudtwin.benchmarks.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Median and spread of a set of wall-clock measurements in nanoseconds. Percentiles use the
 * nearest-rank method on the sorted samples (p10, p25, p50, p75, p90).
 *
 * @param rounds how many measurements
 * @param p10 10th percentile (ns)
 * @param p25 25th percentile (ns)
 * @param median 50th percentile (ns)
 * @param p75 75th percentile (ns)
 * @param p90 90th percentile (ns)
 * @param min fastest (ns)
 * @param max slowest (ns)
 */
public record Stats(
    int rounds, long p10, long p25, long median, long p75, long p90, long min, long max) {

  /** The statistics of {@code samples} (at least one). */
  public static Stats of(List<Long> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long[] s = samples.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(s);
    return new Stats(
        s.length,
        rank(s, 10),
        rank(s, 25),
        rank(s, 50),
        rank(s, 75),
        rank(s, 90),
        s[0],
        s[s.length - 1]);
  }

  private static long rank(long[] sorted, int percent) {
    int r = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
  }

  /** A duration in ns as a short human figure: {@code 412 µs}, {@code 3.41 ms}, {@code 1.20 s}. */
  public static String human(long nanos) {
    if (nanos < 1_000_000L) {
      return String.format(Locale.ROOT, "%d µs", Math.round(nanos / 1_000.0));
    }
    if (nanos < 1_000_000_000L) {
      double ms = nanos / 1_000_000.0;
      return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1_000_000_000.0);
  }
}
