package io.github.cloudtwin.cloudwatch;

import java.util.Arrays;

/**
 * The stored samples of one metric in primitive arrays, sorted by timestamp: a single sample has
 * count 1 and its value in {@code sum}; a statistic set carries its count, sum, minimum and maximum.
 * Not thread-safe: guarded by the kernel lock.
 */
final class MetricSeries {

  final MetricId id;
  StandardUnit unit;
  private long[] times = new long[16];
  private double[] sums = new double[16];
  private double[] counts = new double[16];
  private double[] mins; // allocated on the first statistic set
  private double[] maxs;
  private int size;
  private long stored;

  MetricSeries(MetricId id, StandardUnit unit) {
    this.id = id;
    this.unit = unit;
  }

  int size() {
    return size;
  }

  /** How many samples were ever stored (statistic sets count their sample count). */
  long storedSamples() {
    return stored;
  }

  /** Adds a sample; if the newest entry has the same timestamp, merges into it as a statistic set. */
  void mergeLast(long time, double value) {
    if (size > 0 && times[size - 1] == time) {
      int i = size - 1;
      ensureMinMax();
      sums[i] += value;
      counts[i] += 1;
      mins[i] = Math.min(mins[i], value);
      maxs[i] = Math.max(maxs[i], value);
      stored++;
    } else {
      add(time, value);
    }
  }

  void add(long time, double value) {
    addSet(time, 1, value, value, value);
  }

  void addSet(long time, double count, double sum, double min, double max) {
    int at = size;
    if (size > 0 && times[size - 1] > time) {
      at = upperBound(time);
    }
    grow();
    if (at < size) {
      System.arraycopy(times, at, times, at + 1, size - at);
      System.arraycopy(sums, at, sums, at + 1, size - at);
      System.arraycopy(counts, at, counts, at + 1, size - at);
      if (mins != null) {
        System.arraycopy(mins, at, mins, at + 1, size - at);
        System.arraycopy(maxs, at, maxs, at + 1, size - at);
      }
    }
    times[at] = time;
    sums[at] = sum;
    counts[at] = count;
    if (count != 1 || min != sum || max != sum) {
      ensureMinMax();
    }
    if (mins != null) {
      mins[at] = min;
      maxs[at] = max;
    }
    size++;
    stored += (long) count;
  }

  private void grow() {
    if (size == times.length) {
      int n = times.length * 2;
      times = Arrays.copyOf(times, n);
      sums = Arrays.copyOf(sums, n);
      counts = Arrays.copyOf(counts, n);
      if (mins != null) {
        mins = Arrays.copyOf(mins, n);
        maxs = Arrays.copyOf(maxs, n);
      }
    }
  }

  private void ensureMinMax() {
    if (mins == null) {
      mins = new double[times.length];
      maxs = new double[times.length];
      for (int i = 0; i < size; i++) {
        mins[i] = sums[i];
        maxs[i] = sums[i];
      }
    }
  }

  /** First index with time >= t. */
  int lowerBound(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index with time > t. */
  private int upperBound(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The statistic over samples with {@code from <= time < to}, or NaN when there are none. For
   * percentiles, {@code minSamples} is the low-sample threshold: fewer samples give NaN-with-flag
   * via {@link #sampleCount(long, long)} checks by the caller.
   */
  double statistic(long from, long to, Statistic stat) {
    int a = lowerBound(from);
    int b = lowerBound(to);
    if (a >= b) {
      return Double.NaN;
    }
    if (stat.isPercentile()) {
      return percentile(a, b, stat.percentile());
    }
    switch (stat.name()) {
      case "SampleCount":
        return sum(counts, a, b);
      case "Sum":
        return sum(sums, a, b);
      case "Average":
        return sum(sums, a, b) / sum(counts, a, b);
      case "Minimum":
        {
          double m = Double.POSITIVE_INFINITY;
          double[] src = mins != null ? mins : sums;
          for (int i = a; i < b; i++) m = Math.min(m, src[i]);
          return m;
        }
      case "Maximum":
        {
          double m = Double.NEGATIVE_INFINITY;
          double[] src = maxs != null ? maxs : sums;
          for (int i = a; i < b; i++) m = Math.max(m, src[i]);
          return m;
        }
      default:
        throw new IllegalStateException("unknown statistic " + stat);
    }
  }

  /** The number of samples with {@code from <= time < to}. */
  double sampleCount(long from, long to) {
    int a = lowerBound(from);
    int b = lowerBound(to);
    return a >= b ? 0 : sum(counts, a, b);
  }

  private static double sum(double[] arr, int a, int b) {
    double s = 0;
    for (int i = a; i < b; i++) s += arr[i];
    return s;
  }

  /** Nearest-rank percentile over single samples (statistic sets carry no raw values). */
  private double percentile(int a, int b, double p) {
    double[] values = new double[b - a];
    int n = 0;
    for (int i = a; i < b; i++) {
      if (counts[i] == 1) values[n++] = sums[i];
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, n);
    int rank = (int) Math.ceil(p * n);
    return values[Math.max(0, Math.min(n - 1, rank - 1))];
  }

  long timeAt(int i) {
    return times[i];
  }
}
