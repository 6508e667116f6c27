package io.github.cloudtwin.cloudwatch;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stored samples of one metric in primitive arrays, sorted by timestamp: a single sample has
 * count 1 and its value in {@code sum}; a statistic set carries count, sum, minimum and maximum.
 * Storage is chunked (blocks of 1,024 entries, the first grown by half as needed): appending never
 * copies what is stored; counts, minimums and maximums are allocated once a sample needs them.
 * Out-of-order samples (a backfill) are sorted once, when next read (O(n log n)). Single values one
 * minute apart are kept as {@link ColumnSamples}: implicit timestamps, values shared with the
 * series of its name that carry the same value ({@link SharedColumns}) or taken from a pool's
 * column while following it ({@link ColumnFollowing}, when next read). Read back, they are the same
 * doubles. Not thread-safe: guarded by the kernel lock.
 */
final class MetricSeries {

  private static final int SHIFT = 10;
  private static final int BLOCK = 1 << SHIFT;
  private static final int MASK = BLOCK - 1;
  private static final int FIRST = 16;

  final MetricId id;
  StandardUnit unit;
  private long[][] times = new long[1][];
  private double[][] sums = new double[1][];
  private double @Nullable [][] counts; // allocated on the first count other than 1
  private double @Nullable [][] mins; // allocated with maxs, on the first statistic set
  private double @Nullable [][] maxs;
  private int size;
  private long stored;
  private long maxTime = Long.MIN_VALUE;
  private boolean unsorted;

  /** The shared columns of this metric's name, or null when the series keeps its own arrays. */
  private final @Nullable SharedColumns columns;

  /**
   * While the samples are single values one minute apart: them, else null (the arrays hold them).
   */
  private @Nullable ColumnSamples column;

  /** The pool this series follows ({@link ColumnFollowing}), or null. */
  private @Nullable ColumnFollowing following;

  MetricSeries(MetricId id, StandardUnit unit) {
    this(id, unit, null);
  }

  MetricSeries(MetricId id, StandardUnit unit, @Nullable SharedColumns columns) {
    this.id = id;
    this.unit = unit;
    this.columns = columns;
  }

  int size() {
    settle();
    return size;
  }

  /** How many samples were ever stored (statistic sets count their sample count). */
  long storedSamples() {
    settle();
    return stored;
  }

  /** Follows {@code pool} from {@code time} if that is the next minute of its column samples. */
  @Nullable ColumnFollowing follow(PoolColumn pool, long time) {
    settle();
    long minute = time / SharedColumns.STEP;
    if (following != null || !ColumnSamples.starts(time) || minute < pool.end) return null;
    if (column == null && size == 0 && columns != null && times[0] == null) {
      column = new ColumnSamples(columns, time);
    }
    ColumnSamples c = column;
    if (c == null || c.time(c.size()) != time) return null;
    following = new ColumnFollowing(pool, this, minute);
    return following;
  }

  /** Takes the followed pool's minutes written since the last look; forgets an ended following. */
  void settle() {
    ColumnFollowing f = following;
    if (f == null) return;
    long upTo = f.upTo();
    if (upTo > f.next) {
      Objects.requireNonNull(column, "a follower has column samples").take(f.column, f.next, upTo);
      int n = (int) (upTo - f.next);
      size += n;
      stored += n;
      f.next = upTo;
    }
    if (f.end != Long.MAX_VALUE) following = null;
  }

  /** A write by anyone but the pool ends the following (its publisher then writes through). */
  private void settleForWrite() {
    settle();
    ColumnFollowing f = following;
    if (f != null) f.end = f.next;
    following = null;
  }

  long time(int i) {
    ColumnSamples c = column;
    return c != null ? c.time(i) : times[i >>> SHIFT][i & MASK];
  }

  double sum(int i) {
    ColumnSamples c = column;
    return c != null ? c.value(i) : sums[i >>> SHIFT][i & MASK];
  }

  double count(int i) {
    return counts == null ? 1 : counts[i >>> SHIFT][i & MASK];
  }

  double min(int i) {
    return mins == null ? sum(i) : mins[i >>> SHIFT][i & MASK];
  }

  double max(int i) {
    return maxs == null ? sum(i) : maxs[i >>> SHIFT][i & MASK];
  }

  /**
   * Adds a sample; if the newest entry has the same timestamp, merges into it as a statistic set.
   */
  void mergeLast(long time, double value) {
    settleForWrite();
    ensureSorted();
    if (size > 0 && time(size - 1) == time) {
      toArrays();
      int i = size - 1;
      ensureMinMax();
      ensureCounts();
      double[][] c = Objects.requireNonNull(counts, "allocated by ensureCounts");
      double[][] lo = Objects.requireNonNull(mins, "allocated by ensureMinMax");
      double[][] hi = Objects.requireNonNull(maxs, "allocated by ensureMinMax");
      int b = i >>> SHIFT;
      int o = i & MASK;
      sums[b][o] += value;
      c[b][o] += 1;
      lo[b][o] = Math.min(lo[b][o], value);
      hi[b][o] = Math.max(hi[b][o], value);
      stored++;
    } else {
      add(time, value);
    }
  }

  /**
   * The same as {@code count} calls of {@link #mergeLast} with {@code values[0..count)} in order:
   * once the first has made (or found) the newest entry at {@code time}, the others merge into it
   * with the same sums in the same order, without each call's checks.
   */
  void mergeAll(long time, double[] values, int count) {
    if (count == 0) return;
    mergeLast(time, values[0]);
    if (count == 1 || unsorted || time(size - 1) != time) {
      for (int i = 1; i < count; i++) mergeLast(time, values[i]);
      return;
    }
    toArrays();
    ensureMinMax();
    ensureCounts();
    int b = (size - 1) >>> SHIFT;
    int o = (size - 1) & MASK;
    double[] c = Objects.requireNonNull(counts, "allocated by ensureCounts")[b];
    double[] lo = Objects.requireNonNull(mins, "allocated by ensureMinMax")[b];
    double[] hi = Objects.requireNonNull(maxs, "allocated by ensureMinMax")[b];
    double s = sums[b][o];
    for (int i = 1; i < count; i++) {
      double v = values[i];
      s += v;
      c[o] += 1;
      lo[o] = Math.min(lo[o], v);
      hi[o] = Math.max(hi[o], v);
    }
    sums[b][o] = s;
    stored += count - 1;
  }

  void add(long time, double value) {
    settleForWrite();
    ColumnSamples c = column;
    if (c != null) {
      if (c.tryAdd(time, value)) {
        size++;
        stored++;
        return;
      }
      toArrays();
    } else if (size == 0 && columns != null && times[0] == null && ColumnSamples.starts(time)) {
      c = new ColumnSamples(columns, time);
      c.tryAdd(time, value);
      column = c;
      size = 1;
      maxTime = time;
      stored++;
      return;
    }
    append(time, 1, value, value, value);
    stored++;
  }

  /**
   * Moves column samples into the series' own arrays, for a sample that is not the next minute's
   * single value; the series keeps its arrays from then on.
   */
  private void toArrays() {
    ColumnSamples c = column;
    if (c == null) return;
    column = null;
    int n = size;
    size = 0;
    maxTime = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      double v = c.value(i);
      append(c.time(i), 1, v, v, v);
    }
  }

  void addSet(long time, double count, double sum, double min, double max) {
    settleForWrite();
    toArrays();
    if (min != sum || max != sum) ensureMinMax();
    if (count != 1) ensureCounts();
    append(time, count, sum, min, max);
    long c = (long) count; // saturates for a huge count
    stored = stored > Long.MAX_VALUE - c ? Long.MAX_VALUE : stored + c;
  }

  private void append(long time, double count, double sum, double min, double max) {
    ensureCapacity();
    if (time < maxTime) unsorted = true;
    else maxTime = time;
    set(size, time, sum, count, min, max);
    size++;
  }

  private void set(int i, long t, double sum, double count, double min, double max) {
    int b = i >>> SHIFT;
    int o = i & MASK;
    times[b][o] = t;
    sums[b][o] = sum;
    if (counts != null) counts[b][o] = count;
    if (mins != null && maxs != null) {
      mins[b][o] = min;
      maxs[b][o] = max;
    }
  }

  /** Sorts the samples by time, keeping the arrival order of equal timestamps (stable). */
  private void ensureSorted() {
    if (!unsorted) return;
    unsorted = false;
    int n = size;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(time(a), time(b))); // a stable merge sort
    long[] t = new long[n];
    double[] s = new double[n];
    double[] c = counts == null ? null : new double[n];
    double[] lo = mins == null ? null : new double[n];
    double[] hi = maxs == null ? null : new double[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      t[k] = time(i);
      s[k] = sum(i);
      if (c != null) c[k] = count(i);
      if (lo != null && hi != null) {
        lo[k] = min(i);
        hi[k] = max(i);
      }
    }
    for (int k = 0; k < n; k++) {
      int b = k >>> SHIFT;
      int o = k & MASK;
      times[b][o] = t[k];
      sums[b][o] = s[k];
      if (c != null && counts != null) counts[b][o] = c[k];
      if (lo != null && hi != null && mins != null && maxs != null) {
        mins[b][o] = lo[k];
        maxs[b][o] = hi[k];
      }
    }
  }

  private void ensureCapacity() {
    int b = size >>> SHIFT;
    if (b == times.length) {
      int n = times.length * 2;
      times = Arrays.copyOf(times, n);
      sums = Arrays.copyOf(sums, n);
      if (counts != null) counts = Arrays.copyOf(counts, n);
      if (mins != null && maxs != null) {
        mins = Arrays.copyOf(mins, n);
        maxs = Arrays.copyOf(maxs, n);
      }
    }
    if (times[b] == null) {
      // the first block starts small: most series hold a few samples
      int len = b == 0 ? FIRST : BLOCK;
      times[b] = new long[len];
      sums[b] = new double[len];
      if (counts != null) counts[b] = SeriesReads.ones(len);
      if (mins != null && maxs != null) {
        mins[b] = new double[len];
        maxs[b] = new double[len];
      }
    } else if (b == 0 && size == times[0].length) {
      // the first block grows by half up to a full block: a day of 5-minute samples fits in 406
      int len = Math.min(BLOCK, times[0].length + (times[0].length >> 1));
      times[0] = Arrays.copyOf(times[0], len);
      sums[0] = Arrays.copyOf(sums[0], len);
      if (counts != null) {
        int old = counts[0].length;
        counts[0] = Arrays.copyOf(counts[0], len);
        Arrays.fill(counts[0], old, len, 1.0);
      }
      if (mins != null && maxs != null) {
        mins[0] = Arrays.copyOf(mins[0], len);
        maxs[0] = Arrays.copyOf(maxs[0], len);
      }
    }
  }

  private void ensureCounts() {
    if (counts == null) {
      counts = new double[times.length][];
      for (int b = 0; b < times.length; b++) {
        if (times[b] != null) counts[b] = SeriesReads.ones(times[b].length);
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
    settle();
    ColumnSamples c = column;
    if (c != null) return c.lowerBound(t);
    ensureSorted();
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * {@link #lowerBound}{@code (t)} when every index at or above {@code hi} has a time at or after
   * {@code t} ({@code hi} is {@code size()} or the lower bound of a later time): walks down from
   * {@code hi} a few entries, then bisects below. The same index, found in a few steps for the
   * bounds of an evaluation range, which lie near the end of the series and below each other.
   */
  int lowerBoundAtMost(long t, int hi) {
    settle();
    ColumnSamples c = column;
    if (c != null) return c.lowerBound(t);
    ensureSorted();
    int i = hi;
    for (int steps = 0; steps < 8; steps++) {
      if (i == 0 || time(i - 1) < t) return i;
      i--;
    }
    int lo = 0;
    while (lo < i) {
      int mid = (lo + i) >>> 1;
      if (time(mid) < t) lo = mid + 1;
      else i = mid;
    }
    return lo;
  }

  /** The statistic over samples with {@code from <= time < to}, or NaN when there are none. */
  double statistic(long from, long to, Statistic stat) {
    return statisticBetween(lowerBound(from), lowerBound(to), stat);
  }

  /** The statistic over the samples at indexes {@code a <= i < b}, or NaN when there are none. */
  double statisticBetween(int a, int b, Statistic stat) {
    if (a >= b) {
      return Double.NaN;
    }
    if (stat.isPercentile()) {
      return SeriesReads.percentile(this, a, b, stat.percentile());
    }
    switch (stat.name()) {
      case "SampleCount":
        return sumCounts(a, b);
      case "Sum":
        return SeriesReads.sumSums(this, a, b);
      case "Average":
        return SeriesReads.sumSums(this, a, b) / sumCounts(a, b);
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
    return sampleCountBetween(lowerBound(from), lowerBound(to));
  }

  /** The number of samples at indexes {@code a <= i < b}. */
  double sampleCountBetween(int a, int b) {
    return a >= b ? 0 : sumCounts(a, b);
  }

  private double sumCounts(int a, int b) {
    if (counts == null) return b - a;
    double s = 0;
    for (int i = a; i < b; i++) s += count(i);
    return s;
  }
}
