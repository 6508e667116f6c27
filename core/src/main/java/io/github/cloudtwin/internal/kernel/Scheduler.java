package io.github.cloudtwin.internal.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The event queue of one twin: actions ordered by virtual time, then by the order they were
 * scheduled, so that same-instant events run the same way on every run.
 *
 * <p>An action scheduled while another runs inherits that action's cause (see {@link
 * Kernel#currentCause()}), so consequences chain on the timeline. Not thread-safe on its own: the
 * kernel lock guards it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Scheduler {

  private final Kernel kernel;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long sequence;

  Scheduler(Kernel kernel) {
    this.kernel = kernel;
  }

  /** A scheduled action that can be cancelled before it runs. */
  public static final class Task implements Comparable<Task> {
    private final long atMillis;
    private final long seq;
    private final long causeId;
    private final Runnable action;
    private boolean cancelled;
    private boolean done;

    Task(long atMillis, long seq, long causeId, Runnable action) {
      this.atMillis = atMillis;
      this.seq = seq;
      this.causeId = causeId;
      this.action = action;
    }

    /** {@return when the action runs} */
    public Instant at() {
      return Instant.ofEpochMilli(atMillis);
    }

    /** Prevents the action from running; harmless if it already ran. */
    public void cancel() {
      cancelled = true;
    }

    /** {@return whether the action is still waiting to run} */
    public boolean isPending() {
      return !cancelled && !done;
    }

    @Override
    public int compareTo(Task o) {
      int c = Long.compare(atMillis, o.atMillis);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /**
   * Runs {@code action} at {@code at}, which must not be in the past, with the current cause.
   *
   * @param at the instant of virtual time
   * @param action the action
   * @return the scheduled task, which can be cancelled
   */
  public Task at(Instant at, Runnable action) {
    return at(at, kernel.currentCause(), action);
  }

  /**
   * Runs {@code action} at {@code at} with an explicit cause (0 for none).
   *
   * @param at the instant of virtual time
   * @param causeId the cause id
   * @param action the action
   * @return the scheduled task, which can be cancelled
   */
  public Task at(Instant at, long causeId, Runnable action) {
    Require.notNull("at", at);
    Require.notNull("action", action);
    Instant now = kernel.clock().now();
    if (at.isBefore(now)) {
      throw new IllegalArgumentException(
          "Cannot schedule an action at " + at + ": the virtual clock is already at " + now);
    }
    Task t = new Task(at.toEpochMilli(), sequence++, causeId, action);
    queue.add(t);
    return t;
  }

  /**
   * Runs {@code action} after {@code delay} of virtual time, with the current cause.
   *
   * @param delay the delay
   * @param action the action
   * @return the scheduled task, which can be cancelled
   */
  public Task after(Duration delay, Runnable action) {
    Require.notNegative("delay", delay);
    return at(kernel.clock().now().plus(delay), action);
  }

  /**
   * {@return the number of pending actions (cancelled ones may still be counted until they
   * surface)}
   */
  public int size() {
    return queue.size();
  }

  /** The instant of the next pending action, or null when there is none. */
  @Nullable Instant nextAt() {
    Task t = peekLive();
    return t == null ? null : t.at();
  }

  /**
   * Runs every action due at or before {@code limitMillis}, next-first; false when none was due.
   */
  boolean runNext(long limitMillis) {
    Task t = peekLive();
    if (t == null || t.atMillis > limitMillis) {
      return false;
    }
    queue.poll();
    t.done = true;
    kernel.clock().moveTo(Instant.ofEpochMilli(t.atMillis));
    kernel.runWithCause(t.causeId, t.action);
    return true;
  }

  private Task peekLive() {
    Task t = queue.peek();
    while (t != null && t.cancelled) {
      queue.poll();
      t = queue.peek();
    }
    return t;
  }

  void clear() {
    queue.clear();
  }
}
