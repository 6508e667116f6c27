package io.github.cloudtwin.internal.kernel;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.Arns;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TwinClosedException;
import io.github.cloudtwin.spi.Simulation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Internal, not API: the simulation kernel of one twin: virtual clock, scheduler, periodic ticks,
 * timeline and seeded randomness, behind one lock. It knows no AWS service.
 *
 * <p>The simulation is single-threaded: every public method of the services runs under {@link
 * #call(Supplier)} or {@link #run(Runnable)}, so callers on any thread (tests, HTTP handlers, a
 * real-time driver) are serialised safely.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Kernel implements Simulation {

  private final VirtualClock clock;
  private final Scheduler scheduler;
  private final Timeline timeline;
  private final Randomness randomness;
  private final Ticker ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private long currentCause;
  private boolean advancing;
  private final java.util.List<Runnable> settleHooks =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile @Nullable Instant closedAt;
  private volatile @Nullable Thread closingThread;

  private final Arns arns;

  /**
   * Creates a kernel whose clock starts at {@code start} and whose randomness uses {@code seed}.
   *
   * @param start the start
   * @param seed the seed
   */
  public Kernel(Instant start, long seed) {
    this(start, seed, new Arns("us-east-1", Arns.DEFAULT_ACCOUNT_ID));
  }

  /**
   * Creates a kernel whose clock starts at {@code start}, whose randomness uses {@code seed} and
   * whose resources get their ARNs from {@code arns}.
   *
   * @param start the start
   * @param seed the seed
   * @param arns the region and account of every ARN
   */
  public Kernel(Instant start, long seed, Arns arns) {
    this.arns = Require.notNull("arns", arns);
    this.clock = new VirtualClock(start);
    this.scheduler = new Scheduler(this);
    this.timeline = newTimeline(clock, this);
    this.randomness = new Randomness(seed);
    this.ticker = new Ticker(this);
  }

  /** {@return the region and account of every ARN this twin hands out} */
  public Arns arns() {
    return arns;
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
   * @throws TwinClosedException once the twin is closed (the one guard every service call passes)
   */
  @Override
  public <T> T call(Supplier<T> work) {
    lock.lock();
    try {
      checkOpen();
      T result = work.get();
      if (lock.getHoldCount() == 1) settle();
      return result;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} under the simulation lock.
   *
   * @param work the work
   * @throws TwinClosedException once the twin is closed
   */
  @Override
  public void run(Runnable work) {
    lock.lock();
    try {
      checkOpen();
      work.run();
      if (lock.getHoldCount() == 1) settle();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the kernel: waits for the simulation work in progress, then refuses every later call
   * with a {@link TwinClosedException}, except calls made by {@code release} on this thread (it
   * releases what the twin owns: listeners, drivers, containers). Idempotent.
   *
   * @param release closes what the twin owns
   */
  public void close(Runnable release) {
    lock.lock();
    try {
      if (closedAt != null) {
        return;
      }
      closedAt = clock.now();
      closingThread = Thread.currentThread();
    } finally {
      lock.unlock();
    }
    try {
      release.run();
    } finally {
      closingThread = null;
    }
  }

  /**
   * Registers work that runs whenever the simulation settles: after the events of each instant
   * (before the clock moves on) and at the end of every outermost call. Services use it to fold
   * many changes of one instant into one piece of derived state (a load balancer's routing snapshot
   * is rebuilt once per instant, not once per target change).
   *
   * @param hook the work; it runs under the simulation lock
   */
  public void onSettle(Runnable hook) {
    settleHooks.add(Require.notNull("hook", hook));
  }

  private void settle() {
    for (Runnable h : settleHooks) h.run();
  }

  /** {@return whether {@link #close(Runnable)} was called} */
  public boolean isClosed() {
    return closedAt != null;
  }

  /** Throws a {@link TwinClosedException} when the twin is closed (not on the closing thread). */
  public void checkOpen() {
    Instant at = closedAt;
    if (at != null && Thread.currentThread() != closingThread) {
      throw new TwinClosedException(at);
    }
  }

  /**
   * Advances virtual time by {@code duration}, running every event due on the way.
   *
   * @param duration the duration
   */
  public void advance(Duration duration) {
    Require.notNegative("duration", duration);
    run(() -> advanceTo(clock.later("duration", duration)));
  }

  /**
   * Advances virtual time to {@code target}, running every event due on the way in time order.
   *
   * @param target the target
   * @throws IllegalArgumentException if {@code target} is before now, naming both instants
   */
  public void advanceTo(Instant target) {
    VirtualClock.requireInRange("instant", target);
    run(
        () -> {
          if (target.isBefore(clock.now())) {
            clock.moveTo(target); // throws the message naming both instants
          }
          enter();
          try {
            long limit = target.toEpochMilli();
            while (true) {
              Instant next = scheduler.nextAt();
              if (next == null || next.toEpochMilli() > limit) break;
              long at = next.toEpochMilli();
              while (scheduler.runNext(at)) {
                // run every event of this instant
              }
              settle();
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
          Instant deadline = clock.later("limit", limit);
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
              settle();
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
  @Override
  public boolean isAdvancing() {
    return advancing;
  }

  /**
   * {@return the kernel behind {@code twin}, for core's own packages and tests; extensions use
   * {@link CloudTwin#simulation()}}
   *
   * @param twin the twin
   */
  public static Kernel of(CloudTwin twin) {
    return (Kernel) Require.notNull("twin", twin).simulation();
  }

  @Override
  public void after(Duration delay, Runnable work) {
    scheduler.after(delay, work);
  }

  /**
   * The timeline's constructor is package-private (users read a twin's timeline, they never create
   * one): reached by reflection within core's own module, as {@code ServiceAssembly} reaches the
   * services'.
   */
  private static Timeline newTimeline(VirtualClock clock, Kernel kernel) {
    try {
      Constructor<Timeline> c =
          Timeline.class.getDeclaredConstructor(VirtualClock.class, Kernel.class);
      c.setAccessible(true);
      return c.newInstance(clock, kernel);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException("creating the timeline failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the timeline", e);
    }
  }
}
