package io.github.cloudtwin.internal;

import io.github.cloudtwin.cloudwatch.MetricWriter;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Internal, not API: CloudWatch's pooled 1-minute values, offered to the metric publishers (EC2's
 * CPUUtilization). A publisher whose instances carry the same value in a minute (a pool) writes it
 * once into the pool's column, and each instance's series follows that column: it holds the
 * column's value for every minute from the one it started following at until the publisher ends the
 * following, stored nowhere else and read back exactly (the same doubles as writing each instance's
 * value). Simulation thread only.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface PooledMinutes {

  /** One pool's values, one per minute, written in minute order and never changed. */
  interface Column {

    /**
     * Writes the pool's value of the minute starting at {@code minuteStartMillis}: the minute after
     * the last one written (or the first), once, after every follower of that minute has started
     * following or gone on following.
     *
     * @param minuteStartMillis the minute's start
     * @param value the value, finite
     */
    void put(long minuteStartMillis, double value);
  }

  /** A series following a column: its samples from the start minute on are the column's. */
  interface Following {

    /**
     * Ends the following: the series keeps the column's values of the minutes before {@code
     * minuteStartMillis} (those the column holds) and is written through its writer from then on.
     *
     * @param minuteStartMillis the first minute the series does not take from the column
     */
    void end(long minuteStartMillis);

    /**
     * {@return whether the series still follows: false once ended, or once anything else wrote to
     * the series (the publisher then writes its values itself)}
     */
    boolean isOpen();
  }

  /** {@return a new, empty column} */
  Column column();

  /**
   * Makes the writer's series follow {@code column} from the minute starting at {@code
   * minuteStartMillis}, which the column is about to be given; refused (null) unless the series
   * holds single values one minute apart whose next minute that is (or nothing yet).
   *
   * @param writer the series' writer
   * @param column the column
   * @param minuteStartMillis the first minute taken from the column
   * @return the following, or null when the series cannot follow (the publisher writes the value)
   */
  @Nullable Following follow(MetricWriter writer, Column column, long minuteStartMillis);
}
