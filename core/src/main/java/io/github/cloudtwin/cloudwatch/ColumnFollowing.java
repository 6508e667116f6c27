package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.PooledMinutes;

/**
 * A series following a pool's column ({@link PooledMinutes.Following}): its samples from minute
 * {@link #next} on are the column's, up to the column's last minute or the following's end,
 * whichever comes first. The series takes them into its own samples (binding the column's blocks,
 * not copying minutes) only when it is next read or written, or when the following ends. Simulation
 * thread only.
 */
final class ColumnFollowing implements PooledMinutes.Following {

  final PoolColumn column;

  /** The series the minutes belong to. */
  private final MetricSeries series;

  /** The first minute (since the epoch) not yet in the series' samples. */
  long next;

  /** The first minute not followed; {@code Long.MAX_VALUE} while following. */
  long end = Long.MAX_VALUE;

  ColumnFollowing(PoolColumn column, MetricSeries series, long first) {
    this.column = column;
    this.series = series;
    this.next = first;
  }

  @Override
  public void end(long minuteStartMillis) {
    end = Math.min(end, Math.floorDiv(minuteStartMillis, SharedColumns.STEP));
    series.settle();
  }

  @Override
  public boolean isOpen() {
    return end == Long.MAX_VALUE;
  }

  /** The first minute the series can hold from the column now. */
  long upTo() {
    return Math.max(next, Math.min(column.end, end));
  }
}
