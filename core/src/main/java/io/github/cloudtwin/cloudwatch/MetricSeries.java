package io.github.cloudtwin.cloudwatch;

import java.util.Arrays;

/**
 * The stored samples of one metric in primitive arrays, sorted by timestamp: a single sample has
 * count 1 and its value in {@code sum}; a statistic set carries its count, sum, minimum and
 * maximum. Storage is chunked (blocks of 1,024 entries) so that appending never copies what is
 * already stored. Not thread-safe: guarded by the kernel lock.
 */
final class MetricSeries {

  private static final int SHIFT = 10;
  private static final int BLOCK = 1 << SHIFT;
  private static final int MASK = BLOCK - 1;

  final MetricId id;
  StandardUnit unit;
  private long[][] times = new long[1][];
  private double[][] sums = new double[1][];
  private double[][] counts = new double[1][];
  private double[][] mins; // allocated on the first statistic set
  private double[][] maxs;
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

  long time(int i) {
    return times[i >>> SHIFT][i & MASK];
  }

  double sum(int i) {
    return sums[i >>> SHIFT][i & MASK];
  }

  double count(int i) {
    return counts[i >>> SHIFT][i & MASK];
  }

  double min(int i) {
    return mins == null ? sum(i) : mins[i >>> SHIFT][i & MASK];
  }

  double max(int i) {
    return maxs == null ? sum(i) : maxs[i >>> SHIFT][i & MASK];
  }

  /** Adds a sample; if the newest entry has the same timestamp, merges into it as a statistic set. */
  void mergeLast(long time, double value) {
    if (size > 0 && time(size - 1) == time) {
      int i = size - 1;
      ensureMinMax();
      int b = i >>> SHIFT;
      int o = i & MASK;
      sums[b][o] += value;
      counts[b][o] += 1;
      mins[b][o] = Math.min(mins[b][o], value);
      maxs[b][o] = Math.max(maxs[b][o], value);
      stored++;
    } else {
      add(time, value);
    }
  }

  void add(long time, double value) {
    if (size == 0 || time(size - 1) <= time) {
      ensureCapacity();
      int b = size >>> SHIFT;
      int o = size & MASK;
      times[b][o] = time;
      sums[b][o] = value;
      counts[b][o] = 1;
      if (mins != null) {
        mins[b][o] = value;
        maxs[b][o] = value;
      }
      size++;
      stored++;
    } else {
      addSet(time, 1, value, value, value);
    }
  }

  void addSet(long time, double count, double sum, double min, double max) {
    if (count != 1 || min != sum || max != sum) {
      ensureMinMax();
    }
    ensureCapacity();
    int at = size > 0 && time(size - 1) > time ? upperBound(time) : size;
    for (int i = size; i > at; i--) {
      set(i, time(i - 1), sum(i - 1), count(i - 1), min(i - 1), max(i - 1));
    }
    set(at, time, sum, count, min, max);
    size++;
    long c = (long) count; // saturates for a huge count
    stored = stored > Long.MAX_VALUE - c ? Long.MAX_VALUE : stored + c;
  }

  private void set(int i, long t, double sum, double count, double min, double max) {
    int b = i >>> SHIFT;
    int o = i & MASK;
    times[b][o] = t;
    sums[b][o] = sum;
    counts[b][o] = count;
    if (mins != null) {
      mins[b][o] = min;
      maxs[b][o] = max;
    }
  }

  private void ensureCapacity() {
    int b = size >>> SHIFT;
    if (b == times.length) {
      int n = times.length * 2;
      times = Arrays.copyOf(times, n);
      sums = Arrays.copyOf(sums, n);
      counts = Arrays.copyOf(counts, n);
      if (mins != null) {
        mins = Arrays.copyOf(mins, n);
        maxs = Arrays.copyOf(maxs, n);
      }
    }
    if (times[b] == null) {
      // the first block starts small: most series hold a few samples
      int len = b == 0 ? 16 : BLOCK;
      times[b] = new long[len];
      sums[b] = new double[len];
      counts[b] = new double[len];
      if (mins != null) {
        mins[b] = new double[len];
        maxs[b] = new double[len];
      }
    } else if (b == 0 && size == times[0].length) {
      // a series that outgrows its first 16 entries is a published one: go to a full block at once
      int len = BLOCK;
      times[0] = Arrays.copyOf(times[0], len);
      sums[0] = Arrays.copyOf(sums[0], len);
      counts[0] = Arrays.copyOf(counts[0], len);
      if (mins != null) {
        mins[0] = Arrays.copyOf(mins[0], len);
        maxs[0] = Arrays.copyOf(maxs[0], len);
      }
    }
  }

  private void ensureMinMax() {
    if (mins == null) {
      mins = new double[times.length][];
      maxs = new double[times.length][];
      for (int b = 0; b < times.length; b++) {
        if (times[b] != null) {
          mins[b] = sums[b].clone();
          maxs[b] = sums[b].clone();
        }
      }
    }
  }

  /** First index with time >= t. */
  int lowerBound(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time(mid) < t) lo = mid + 1;
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
      if (time(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The statistic over samples with {@code from <= time < to}, or NaN when there are none. */
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
        return sumCounts(a, b);
      case "Sum":
        return sumSums(a, b);
      case "Average":
        return sumSums(a, b) / sumCounts(a, b);
      case "Minimum":
        {
          double m = Double.POSITIVE_INFINITY;
          for (int i = a; i < b; i++) m = Math.min(m, min(i));
          return m;
        }
      case "Maximum":
        {
          double m = Double.NEGATIVE_INFINITY;
          for (int i = a; i < b; i++) m = Math.max(m, max(i));
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
    return a >= b ? 0 : sumCounts(a, b);
  }

  private double sumCounts(int a, int b) {
    double s = 0;
    for (int i = a; i < b; i++) s += count(i);
    return s;
  }

  private double sumSums(int a, int b) {
    double s = 0;
    for (int i = a; i < b; i++) s += sum(i);
    return s;
  }

  /** Nearest-rank percentile over single samples (statistic sets carry no raw values). */
  private double percentile(int a, int b, double p) {
    double[] values = new double[b - a];
    int n = 0;
    for (int i = a; i < b; i++) {
      if (count(i) == 1) values[n++] = sum(i);
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, n);
    int rank = (int) Math.ceil(p * n);
    return values[Math.max(0, Math.min(n - 1, rank - 1))];
  }
}
