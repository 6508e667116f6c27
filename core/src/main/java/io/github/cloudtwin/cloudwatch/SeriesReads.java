package io.github.cloudtwin.cloudwatch;

import java.util.Arrays;

/** Reads over a {@link MetricSeries}' samples that need nothing but its read API. */
final class SeriesReads {

  private SeriesReads() {}

  /** The sum of the sums at indexes {@code a <= i < b}, added in index order. */
  static double sumSums(MetricSeries s, int a, int b) {
    double sum = 0;
    for (int i = a; i < b; i++) sum += s.sum(i);
    return sum;
  }

  /** Nearest-rank percentile over single samples (statistic sets carry no raw values). */
  static double percentile(MetricSeries s, int a, int b, double p) {
    double[] values = new double[b - a];
    int n = 0;
    for (int i = a; i < b; i++) {
      if (s.count(i) == 1) values[n++] = s.sum(i);
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, n);
    int rank = (int) Math.ceil(p * n);
    return values[Math.max(0, Math.min(n - 1, rank - 1))];
  }

  /** A block of counts: every sample counts once. */
  static double[] ones(int len) {
    double[] a = new double[len];
    Arrays.fill(a, 1.0);
    return a;
  }
}
