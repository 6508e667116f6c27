package io.github.cloudtwin.elb;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A piecewise-constant rate history, shared by the targets whose histories are equal: the targets
 * of one pool (launched together, served the same share at every recomputation) point at one
 * history, so it is extended, pruned and averaged once per pool instead of once per target. A
 * shared history is never changed for one of its targets: a target whose new rate differs moves to
 * a copy ({@link #with}); the targets that get the same rate from the same history in one
 * recomputation move to the same copy. Every target's history holds exactly the segments its own
 * would, so every average is the same double. Kernel lock only.
 */
final class RateHistory {

  /** The history of a target that never served: shared by all, never changed. */
  static RateHistory empty() {
    RateHistory h = new RateHistory(new long[0], new double[0], 0);
    h.permanent = true;
    return h;
  }

  private long[] times;
  private double[] rates;
  private int size;

  /** The targets pointing at this history (unused for a permanent one). */
  private int sharers;

  private boolean permanent;

  /** The copy made at {@link #memoEpoch} for rate {@link #memoRate} (its raw bits). */
  private int memoEpoch = -1;

  private long memoRate;
  private @Nullable RateHistory memoNext;

  /** The last average asked for, valid until the history changes. */
  private long avgFrom = Long.MIN_VALUE;

  private long avgTo = Long.MIN_VALUE;
  private double avg;

  private RateHistory(long[] times, double[] rates, int size) {
    this.times = times;
    this.rates = rates;
    this.size = size;
  }

  /**
   * The history a target holding this one has after setting {@code rate} at {@code t} in
   * recomputation {@code epoch}: this one changed in place when the target is its only holder, else
   * the copy another holder moved to with the same rate in this recomputation, else a new copy.
   * Moves the holder count.
   */
  RateHistory with(long t, double rate, int epoch) {
    long bits = Double.doubleToRawLongBits(rate);
    RateHistory next = memoNext;
    if (memoEpoch == epoch && memoRate == bits && next != null) {
      leave();
      next.sharers++;
      return next;
    }
    if (!permanent && sharers == 1) {
      set(t, rate);
      return this;
    }
    next =
        new RateHistory(
            Arrays.copyOf(times, Math.max(8, size + 1)),
            Arrays.copyOf(rates, Math.max(8, size + 1)),
            size);
    next.set(t, rate);
    next.sharers = 1;
    leave();
    memoEpoch = epoch;
    memoRate = bits;
    memoNext = next;
    return next;
  }

  /** A holder lets go of this history (moved or dropped). */
  void leave() {
    if (!permanent) sharers--;
  }

  private void set(long t, double rate) {
    avgFrom = avgTo = Long.MIN_VALUE;
    if (size > 0 && times[size - 1] == t) {
      rates[size - 1] = rate;
      if (size > 1 && rates[size - 2] == rate) size--;
      return;
    }
    if (size > 0 && rates[size - 1] == rate) return;
    if (size == times.length) {
      times = Arrays.copyOf(times, Math.max(8, size * 2));
      rates = Arrays.copyOf(rates, Math.max(8, size * 2));
    }
    times[size] = t;
    rates[size] = rate;
    size++;
  }

  double current() {
    return size == 0 ? 0 : rates[size - 1];
  }

  /** The average rate over {@code [from, to)}: asked once per pool, answered from memory after. */
  double average(long from, long to) {
    if (from == avgFrom && to == avgTo) return avg;
    double a = compute(from, to);
    avgFrom = from;
    avgTo = to;
    avg = a;
    return a;
  }

  private double compute(long from, long to) {
    if (to <= from) return 0;
    double sum = 0;
    // segments that end before from add nothing: start at the one holding from (the last that
    // starts at or before it, else the first), found from the end, where the windows asked for
    // (the minute just ended) usually are
    int first = size - 1;
    while (first > 0 && times[first] > from) first--;
    if (first < 0) first = 0;
    for (int i = first; i < size; i++) {
      if (times[i] >= to) break; // this and later segments start after the window
      long s = Math.max(times[i], from);
      long e = Math.min(i + 1 < size ? times[i + 1] : Long.MAX_VALUE, to);
      if (e > s) sum += rates[i] * (e - s);
    }
    return sum / (to - from);
  }

  /**
   * Drops the segments that end at or before {@code before} (all holders prune at the same horizon:
   * pruning a shared history again is a no-op).
   */
  void prune(long before) {
    int keep = 0;
    while (keep + 1 < size && times[keep + 1] <= before) keep++;
    if (keep > 0) {
      System.arraycopy(times, keep, times, 0, size - keep);
      System.arraycopy(rates, keep, rates, 0, size - keep);
      size -= keep;
      avgFrom = avgTo = Long.MIN_VALUE;
    }
  }

  /**
   * Whether the history is one zero rate from {@code before} or earlier: every average it can still
   * be asked for (windows after the pruning horizon) is 0, as with no history at all.
   */
  boolean idleSince(long before) {
    return size == 1 && rates[0] == 0 && times[0] <= before;
  }
}
