package io.github.cloudtwin.cloudwatch;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shared 1-minute value columns of one metric name (namespace and name): the series of that
 * name that carry the same value in the same minute (the instances of a pool, each publishing the
 * same CPU) store it once here instead of once each. A column holds, per minute, the value its
 * first writer stored there; a series bound to a column for one block of minutes stores nothing of
 * its own while its values are the column's, bit for bit, and copies the block out on its first
 * different value ({@link ColumnSamples}). A column's value never changes once stored, so every
 * series reads back exactly what it stored. Simulation thread only.
 */
final class SharedColumns {

  /** Minutes per block: a series binds to a column, or stores its own values, per block. */
  static final int SHIFT = 8;

  static final int BLOCK = 1 << SHIFT;
  static final int MASK = BLOCK - 1;
  static final long STEP = 60_000L;

  /** At most this many columns per metric name (the pools that differ in one minute). */
  private static final int MAX_COLUMNS = 8;

  private final Column[] columns = new Column[MAX_COLUMNS];
  private int count;

  /** One block of a column: the values of {@link #BLOCK} minutes, and which of them are stored. */
  static final class Block {
    final double[] values = new double[BLOCK];
    private final long[] stored = new long[BLOCK / 64];

    /** Whether only its pool writes it ({@link PoolColumn}): a series never claims a minute. */
    private final boolean pooled;

    Block() {
      this(false);
    }

    Block(boolean pooled) {
      this.pooled = pooled;
    }

    /**
     * Whether the block's value at {@code o} is {@code v} bit for bit; if nothing is stored there
     * yet, stores {@code v} and answers true (false in a pool's block, which only its pool writes).
     */
    boolean matchOrClaim(int o, double v) {
      long bit = 1L << o;
      int w = o >>> 6;
      if ((stored[w] & bit) != 0) {
        return Double.doubleToRawLongBits(values[o]) == Double.doubleToRawLongBits(v);
      }
      if (pooled) return false;
      stored[w] |= bit;
      values[o] = v;
      return true;
    }

    /** Stores the pool's value at {@code o} (nothing is stored there yet). */
    void write(int o, double v) {
      stored[o >>> 6] |= 1L << o;
      values[o] = v;
    }

    private boolean holds(int o, double v) {
      return (stored[o >>> 6] & (1L << o)) != 0
          && Double.doubleToRawLongBits(values[o]) == Double.doubleToRawLongBits(v);
    }
  }

  /** One column: its blocks by absolute block number (minute since the epoch / {@link #BLOCK}). */
  private static final class Column {
    private final Map<Long, Block> blocks = new HashMap<>();
    private long lastNumber = Long.MIN_VALUE;
    private @Nullable Block last;

    @Nullable Block blockOrNull(long number) {
      if (number == lastNumber) return last;
      Block b = blocks.get(number);
      if (b != null) {
        lastNumber = number;
        last = b;
      }
      return b;
    }

    Block block(long number) {
      Block b = blockOrNull(number);
      if (b == null) {
        b = new Block();
        blocks.put(number, b);
        lastNumber = number;
        last = b;
      }
      return b;
    }
  }

  /**
   * The block, numbered {@code number}, of a column whose value at offset {@code o} is {@code v}:
   * one that holds it, else one with nothing stored there (which then holds it), else a new column
   * while there are fewer than the maximum; null when every column differs there.
   */
  @Nullable Block bind(long number, int o, double v) {
    for (int c = 0; c < count; c++) {
      Block b = columns[c].blockOrNull(number);
      if (b != null && b.holds(o, v)) return b;
    }
    for (int c = 0; c < count; c++) {
      Block b = columns[c].block(number);
      if (b.matchOrClaim(o, v)) return b;
    }
    if (count == MAX_COLUMNS) return null;
    Column column = new Column();
    columns[count++] = column;
    Block b = column.block(number);
    b.matchOrClaim(o, v);
    return b;
  }
}
