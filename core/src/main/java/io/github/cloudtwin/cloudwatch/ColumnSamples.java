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
