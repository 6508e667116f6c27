package io.github.cloudtwin.cloudwatch;

import static io.github.cloudtwin.cloudwatch.SharedColumns.BLOCK;
import static io.github.cloudtwin.cloudwatch.SharedColumns.MASK;
import static io.github.cloudtwin.cloudwatch.SharedColumns.SHIFT;
import static io.github.cloudtwin.cloudwatch.SharedColumns.STEP;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The samples of a series while they are single values one minute apart, starting on a minute: the
 * timestamps are implicit, and each block of minutes is either bound to a {@link SharedColumns}
 * column (while every value equals the column's, bit for bit) or the series' own array, copied from
 * the column on the first value that differs. Reads give back exactly the values stored.
 */
final class ColumnSamples {

  private final SharedColumns columns;

  /** The minute since the epoch of sample 0, and its block number. */
  private final long firstMinute;

  private final long firstBlock;

  /** Per block from {@link #firstBlock}: the series' own values or the bound column's. */
  private double[][] values = new double[2][];

  /** Per block: the bound column block, or null when the values are the series' own. */
  private SharedColumns.@Nullable Block[] bound = new SharedColumns.Block[2];

  /** Samples stored. */
  private int size;

  /** Starts the samples at {@code time}, a multiple of a minute (not negative). */
  ColumnSamples(SharedColumns columns, long time) {
    this.columns = columns;
    this.firstMinute = time / STEP;
    this.firstBlock = firstMinute >> SHIFT;
  }

  /** Whether a sample at {@code time} can start column samples. */
  static boolean starts(long time) {
    return time >= 0 && time % STEP == 0;
  }

  /** Adds the next sample if it is one minute after the last one (true), else changes nothing. */
  boolean tryAdd(long time, double value) {
    if (time != time(size)) return false;
    long minute = firstMinute + size;
    int k = (int) ((minute >> SHIFT) - firstBlock);
    int o = (int) (minute & MASK);
    if (k == values.length) {
      values = Arrays.copyOf(values, k * 2);
      bound = Arrays.copyOf(bound, k * 2);
    }
    double[] own = values[k];
    if (own == null) {
      SharedColumns.Block b = columns.bind(minute >> SHIFT, o, value);
      if (b == null) {
        own = new double[BLOCK];
        own[o] = value;
        values[k] = own;
      } else {
        values[k] = b.values;
        bound[k] = b;
      }
    } else {
      SharedColumns.Block b = bound[k];
      if (b == null) {
        own[o] = value;
      } else if (!b.matchOrClaim(o, value)) {
        // the earlier minutes of this block are the column's, bit for bit: copy them out
        own = Arrays.copyOf(own, BLOCK);
        own[o] = value;
        values[k] = own;
        bound[k] = null;
      }
    }
    size++;
    return true;
  }

  /**
   * Takes the minutes {@code [from, to)} (since the epoch; {@code from} is the next minute) from a
   * pool's column: a block the series has not started binds to the pool's block, a block bound to
   * it already needs nothing, and a block of the series' own (or another column's) gets the pool's
   * values copied in. O(blocks), not O(minutes), while the series follows one pool.
   */
  void take(PoolColumn pool, long from, long to) {
    long m = from;
    while (m < to) {
      long number = m >> SHIFT;
      int k = (int) (number - firstBlock);
      if (k >= values.length) {
        int n = Math.max(values.length * 2, k + 1);
        values = Arrays.copyOf(values, n);
        bound = Arrays.copyOf(bound, n);
      }
      long stop = Math.min(to, (number + 1) << SHIFT);
      SharedColumns.Block pb = pool.block(number);
      double[] own = values[k];
      if (own == null) {
        values[k] = pb.values;
        bound[k] = pb;
      } else if (bound[k] != pb) {
        if (bound[k] != null) {
          own = Arrays.copyOf(own, BLOCK);
          values[k] = own;
          bound[k] = null;
        }
        int o = (int) (m & MASK);
        System.arraycopy(pb.values, o, own, o, (int) (stop - m));
      }
      m = stop;
    }
    size += (int) (to - from);
  }

  int size() {
    return size;
  }

  long time(int i) {
    return (firstMinute + i) * STEP;
  }

  double value(int i) {
    long minute = firstMinute + i;
    return values[(int) ((minute >> SHIFT) - firstBlock)][(int) (minute & MASK)];
  }

  /** The first index with time >= {@code t}. */
  int lowerBound(long t) {
    long t0 = firstMinute * STEP;
    if (t <= t0) return 0;
    long d = t - t0;
    long i = d / STEP + (d % STEP != 0 ? 1 : 0);
    return (int) Math.min(i, size);
  }
}
