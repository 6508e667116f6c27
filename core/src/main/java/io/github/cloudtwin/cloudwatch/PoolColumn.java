package io.github.cloudtwin.cloudwatch;

import static io.github.cloudtwin.cloudwatch.SharedColumns.MASK;
import static io.github.cloudtwin.cloudwatch.SharedColumns.SHIFT;
import static io.github.cloudtwin.cloudwatch.SharedColumns.STEP;

import io.github.cloudtwin.internal.PooledMinutes;
import io.github.cloudtwin.internal.kernel.Require;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One pool's 1-minute values ({@link PooledMinutes.Column}): blocks of {@link SharedColumns#BLOCK}
 * minutes that only the pool writes, each minute once and in minute order, and that never change;
 * the series that follow the pool bind to them ({@link ColumnFollowing}). Simulation thread only.
 */
final class PoolColumn implements PooledMinutes.Column {

  /** The blocks from {@link #firstBlock} on (null where the pool wrote nothing). */
  private final List<SharedColumns.@Nullable Block> blocks = new ArrayList<>();

  private long firstBlock;

  /** The minute (since the epoch) after the last one written; {@code Long.MIN_VALUE} when none. */
  long end = Long.MIN_VALUE;

  @Override
  public void put(long minuteStartMillis, double value) {
    Require.finite("value", value);
    long minute = minuteStartMillis / STEP;
    if (minuteStartMillis < 0 || minuteStartMillis % STEP != 0 || minute < end) {
      throw new IllegalStateException(
          "a pool's minutes are written once each, in order: minute "
              + minute
              + " after "
              + (end - 1));
    }
    long number = minute >> SHIFT;
    if (blocks.isEmpty()) firstBlock = number;
    int k = (int) (number - firstBlock);
    while (blocks.size() <= k) blocks.add(null);
    SharedColumns.Block b = blocks.get(k);
    if (b == null) {
      b = new SharedColumns.Block(true);
      blocks.set(k, b);
    }
    b.write((int) (minute & MASK), value);
    end = minute + 1;
  }

  /** The block numbered {@code number} (minute / {@link SharedColumns#BLOCK}), which it wrote. */
  SharedColumns.Block block(long number) {
    SharedColumns.Block b = blocks.get((int) (number - firstBlock));
    if (b == null) throw new IllegalStateException("the pool wrote nothing in block " + number);
    return b;
  }
}
