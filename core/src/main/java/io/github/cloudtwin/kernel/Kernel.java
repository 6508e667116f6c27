package io.github.cloudtwin.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The simulation kernel of one twin: virtual clock, scheduler, periodic ticks, timeline and seeded
 * randomness, behind one lock. It knows no AWS service.
 *
 * <p>The simulation is single-threaded: every public method of the services runs under {@link
 * #call(Supplier)} or {@link #run(Runnable)}, so callers on any thread (tests, HTTP handlers, a
 * real-time driver) are serialised safely.
 */
public final class Kernel {

  private final VirtualClock clock;
  private final Scheduler scheduler;
  private final Timeline timeline;
  private final Randomness randomness;
  private final Ticker ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private long currentCause;
  private boolean advancing;

  /**
   * Creates a kernel whose clock starts at {@code start} and whose randomness uses {@code seed}.
   *
   * @param start the start
   * @param seed the seed
   */
  public Kernel(Instant start, long seed) {
    this.clock = new VirtualClock(start);
    this.scheduler = new Scheduler(this);
    this.timeline = new Timeline(clock, this);
    this.randomness = new Randomness(seed);
    this.ticker = new Ticker(this);
  }

  /** {@return the virtual clock} */
  public VirtualClock clock() {
    return clock;
  }

  /** {@return the event queue} */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** {@return every state change so far} */
  public Timeline timeline() {
    return timeline;
  }

  /** {@return the seeded random streams} */
  public Randomness randomness() {
    return randomness;
  }

  /**
   * Runs {@code work} every {@code period} on period boundaries of virtual time, in {@code phase}
   * order with the other work due at the same instant.
   *
   * @param period the period
   * @param phase the phase
   * @param work the work
   * @return a handle that stops the periodic work
   */
  public Cancellable every(Duration period, Phase phase, Runnable work) {
    return call(() -> ticker.subscribe(period, phase, work));
  }

  /** {@return the id of the timeline event whose consequences are being simulated now, or 0} */
  public long currentCause() {
    return currentCause;
  }

  /**
   * Runs {@code action} with {@code causeId} as the current cause, then restores the previous.
   *
   * @param causeId the cause id
   * @param action the action
   */
  public void runWithCause(long causeId, Runnable action) {
    long previous = currentCause;
    currentCause = causeId;
    try {
      action.run();
    } finally {
      currentCause = previous;
    }
  }

  /**
   * Runs {@code work} under the simulation lock and returns its result.
   *
   * @param <T> the type of the result
   * @param work the work
   * @return its result
   */
  public <T> T call(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} under the simulation lock.
   *
   * @param work the work
   */
  public void run(Runnable work) {
    lock.lock();
    try {
      work.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Advances virtual time by {@code duration}, running every event due on the way.
   *
   * @param duration the duration
   */
  public void advance(Duration duration) {
    Require.notNegative("duration", duration);
    run(() -> advanceTo(clock.now().plus(duration)));
  }

  /**
   * Advances virtual time to {@code target}, running every event due on the way in time order.
   *
   *
   * @param target the target
   * @throws IllegalArgumentException if {@code target} is before now, naming both instants
   */
  public void advanceTo(Instant target) {
    Require.notNull("instant", target);
    run(
        () -> {
          if (target.isBefore(clock.now())) {
            clock.moveTo(target); // throws the message naming both instants
          }
          enter();
          try {
            long limit = target.toEpochMilli();
            while (scheduler.runNext(limit)) {
              // each call runs one event
            }
            clock.moveTo(target);
          } finally {
            advancing = false;
          }
        });
  }

  /**
   * Advances virtual time until {@code condition} holds (checked now and after every instant at
   * which events ran) or {@code limit} has passed.
   *
   *
   * @param condition the condition
   * @param limit the limit
   * @return true if the condition held; the clock then stands at the instant it first held
   */
  public boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    Require.notNull("condition", condition);
    Require.notNegative("limit", limit);
    return call(
        () -> {
          if (condition.getAsBoolean()) {
            return true;
          }
          Instant deadline = clock.now().plus(limit);
          enter();
          try {
            long deadlineMillis = deadline.toEpochMilli();
            while (true) {
              Instant next = scheduler.nextAt();
              if (next == null || next.isAfter(deadline)) {
                break;
              }
              long at = next.toEpochMilli();
              while (scheduler.runNext(at)) {
                // run every event of this instant
              }
              if (condition.getAsBoolean()) {
                return true;
              }
              if (at >= deadlineMillis) {
                break;
              }
            }
            clock.moveTo(deadline);
          } finally {
            advancing = false;
          }
          return condition.getAsBoolean();
        });
  }

  private void enter() {
    if (advancing) {
      throw new IllegalStateException(
          "Cannot advance virtual time from inside the simulation (an event, listener or handler"
              + " called advance); advance from the test instead.");
    }
    advancing = true;
  }

  /** {@return whether the caller is inside the simulation (an event, listener or handler)} */
  public boolean isAdvancing() {
    return advancing;
  }
}
