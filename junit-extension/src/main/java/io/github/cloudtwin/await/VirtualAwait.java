package io.github.cloudtwin.await;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.core.ThrowingRunnable;

/**
 * A wait on a twin's virtual time, in Awaitility's words. Immutable: each setting returns a copy,
 * so a configured wait can be shared. The condition is checked now and after every poll interval
 * of virtual time until it holds or {@link #atMost(Duration)} has passed; then a {@link
 * VirtualTimeoutError} explains why, with the timeline.
 *
 * <p>Must be called from the test, not from inside the simulation (a listener or an event).
 */
public final class VirtualAwait {

  /** The default limit of virtual time. */
  public static final Duration DEFAULT_AT_MOST = Duration.ofMinutes(10);
  /** The default step of virtual time between checks. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  private final CloudTwin twin;
  private final Duration atMost;
  private final Duration pollInterval;
  private final String alias;

  private VirtualAwait(CloudTwin twin, Duration atMost, Duration pollInterval, String alias) {
    this.twin = twin;
    this.atMost = atMost;
    this.pollInterval = pollInterval;
    this.alias = alias;
  }

  static VirtualAwait on(CloudTwin twin) {
    return new VirtualAwait(twin, DEFAULT_AT_MOST, DEFAULT_POLL_INTERVAL, null);
  }

  /**
   * Gives up after {@code timeout} of virtual time.
   *
   * @param timeout the timeout
   * @return this await
   */
  public VirtualAwait atMost(Duration timeout) {
    Require.positive("atMost", timeout);
    return new VirtualAwait(twin, timeout, pollInterval, alias);
  }

  /**
   * Advances virtual time by {@code interval} between checks.
   *
   * @param interval the interval
   * @return this await
   */
  public VirtualAwait pollInterval(Duration interval) {
    Require.positive("pollInterval", interval);
    return new VirtualAwait(twin, atMost, interval, alias);
  }

  /**
   * Names the condition in the timeout message.
   *
   * @param alias the alias
   * @return this await
   */
  public VirtualAwait alias(String alias) {
    return new VirtualAwait(twin, atMost, pollInterval, Require.notNull("alias", alias));
  }

  /** {@return the limit of virtual time} */
  public Duration atMost() {
    return atMost;
  }

  /** {@return the poll interval of virtual time} */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * Advances until {@code condition} returns true. Exceptions from the condition end the wait at
   * once, as in Awaitility.
   *
   * @param condition the condition
   */
  public void until(Callable<Boolean> condition) {
    Require.notNull("condition", condition);
    until(condition, v -> Boolean.TRUE.equals(v));
  }

  /**
   * Advances until {@code predicate} accepts the value of {@code supplier}; returns that value.
   *
   * @param <T> the type of the value
   * @param supplier the supplier
   * @param predicate the predicate
   * @return that value
   */
  public <T> T until(Callable<T> supplier, Predicate<? super T> predicate) {
    Require.notNull("supplier", supplier);
    Require.notNull("predicate", predicate);
    Object[] last = new Object[1];
    Poll poll =
        () -> {
          T v = supplier.call();
          last[0] = v;
          return predicate.test(v) ? null : "the last value was " + v;
        };
    run(poll);
    @SuppressWarnings("unchecked")
    T result = (T) last[0];
    return result;
  }

  /**
   * Advances until {@code assertion} passes: an AssertionError means "not yet"; the last one is
   * quoted if the wait times out.
   *
   * @param assertion the assertion
   */
  public void untilAsserted(ThrowingRunnable assertion) {
    Require.notNull("assertion", assertion);
    Poll poll =
        () -> {
          try {
            assertion.run();
            return null;
          } catch (AssertionError e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
          }
        };
    run(poll);
  }

  @FunctionalInterface
  private interface Poll {
    /** Null when the condition holds, else why not. */
    String check() throws Throwable;
  }

  private void run(Poll poll) {
    if (twin.kernel().isAdvancing()) {
      throw new IllegalStateException(
          "await(twin) was called from inside the simulation (an event or listener); call it from the test.");
    }
    Instant start = twin.now();
    Instant deadline = start.plus(atMost);
    String lastFailure;
    while (true) {
      try {
        lastFailure = poll.check();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("The awaited condition threw " + t, t);
      }
      if (lastFailure == null) {
        return;
      }
      Instant now = twin.now();
      if (!now.isBefore(deadline)) {
        break;
      }
      Duration step = Duration.between(now, deadline);
      if (step.compareTo(pollInterval) > 0) step = pollInterval;
      twin.advance(step);
    }
    throw new VirtualTimeoutError(
        AwaitTimeoutMessage.create(twin, alias, atMost, pollInterval, start, lastFailure));
  }

  @Override
  public String toString() {
    return "VirtualAwait[atMost " + atMost + ", pollInterval " + pollInterval + (alias == null ? "" : ", alias " + alias) + "]";
  }

}
