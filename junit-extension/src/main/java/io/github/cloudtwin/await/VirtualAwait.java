package io.github.cloudtwin.await;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.await.ConditionPoller.Outcome;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A wait on a twin's virtual time, in Awaitility's words ({@code atMost}, {@code atLeast}, {@code
 * during}, {@code pollDelay}, {@code pollInterval}, {@code ignoreExceptions}, {@code alias}, {@code
 * conditionEvaluationListener}, {@code until...}), without Awaitility. Immutable: each setting
 * returns a copy, so a configured wait can be shared. The condition is evaluated after the poll
 * delay (default none: at once), then after every poll interval of virtual time, and once more at
 * {@code atMost}; between evaluations the twin advances instead of the thread sleeping. A failed
 * wait throws a {@link VirtualTimeoutError} that explains itself with the timeline.
 *
 * <p>Each option is validated when set; the ones that depend on each other ({@code atLeast}, {@code
 * during} and {@code pollDelay} against {@code atMost}) when the wait starts, before virtual time
 * moves. Must be called from the test, not from inside the simulation (a listener or an event).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class VirtualAwait {

  /** The default limit of virtual time. */
  public static final Duration DEFAULT_AT_MOST = Duration.ofMinutes(10);

  /** The default step of virtual time between checks. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  private final CloudTwin twin;
  private final AwaitSettings settings;

  private VirtualAwait(CloudTwin twin, AwaitSettings settings) {
    this.twin = twin;
    this.settings = settings;
  }

  static VirtualAwait on(CloudTwin twin) {
    return new VirtualAwait(twin, AwaitSettings.defaults());
  }

  /**
   * Gives up after {@code timeout} of virtual time (default 10 minutes).
   *
   * @param timeout the limit, positive
   * @return a copy with this limit
   */
  public VirtualAwait atMost(Duration timeout) {
    return new VirtualAwait(twin, settings.withAtMost(Require.positive("atMost", timeout)));
  }

  /**
   * Fails if the condition is fulfilled before {@code minimum} of virtual time has passed (the wait
   * ends, as Awaitility's, at the first evaluation that fulfils it): "not before". At most {@code
   * atMost}.
   *
   * @param minimum the earliest acceptable time, positive
   * @return a copy with this minimum
   */
  public VirtualAwait atLeast(Duration minimum) {
    return new VirtualAwait(twin, settings.withAtLeast(Require.positive("atLeast", minimum)));
  }

  /**
   * {@code atLeast(minimum).atMost(maximum)}, both checked at once.
   *
   * @param minimum the earliest acceptable time, positive
   * @param maximum the limit, positive and not below {@code minimum}
   * @return a copy with these limits
   */
  public VirtualAwait between(Duration minimum, Duration maximum) {
    Require.positive("atLeast", minimum);
    Require.positive("atMost", maximum);
    if (minimum.compareTo(maximum) > 0) {
      throw new ValidationException("atLeast", minimum, "must not exceed atMost (" + maximum + ")");
    }
    return new VirtualAwait(twin, settings.withAtLeast(minimum).withAtMost(maximum));
  }

  /**
   * The condition must hold at every evaluation for {@code duration} without a break ("stays at 5
   * for 30 minutes"): a failed evaluation starts the hold again, and the wait ends the moment the
   * hold reaches {@code duration}. Evaluations happen every poll interval, so a change that comes
   * and goes between two of them is not seen. At most {@code atMost} minus {@code pollDelay}.
   *
   * @param duration how long the condition must hold, positive
   * @return a copy with this hold
   */
  public VirtualAwait during(Duration duration) {
    return new VirtualAwait(twin, settings.withDuring(Require.positive("during", duration)));
  }

  /**
   * Advances virtual time by {@code delay} before the first evaluation (default zero: the condition
   * is evaluated at once).
   *
   * @param delay the delay, zero or positive, at most {@code atMost}
   * @return a copy with this delay
   */
  public VirtualAwait pollDelay(Duration delay) {
    return new VirtualAwait(twin, settings.withPollDelay(Require.notNegative("pollDelay", delay)));
  }

  /**
   * Advances virtual time by {@code interval} between evaluations (default 10 seconds).
   *
   * @param interval the interval, positive
   * @return a copy with this interval
   */
  public VirtualAwait pollInterval(Duration interval) {
    return new VirtualAwait(
        twin, settings.withPollInterval(Require.positive("pollInterval", interval)));
  }

  /**
   * Names the condition in failure messages and in {@link EvaluatedCondition#alias()}.
   *
   * @param alias the name, not blank
   * @return a copy with this alias
   */
  public VirtualAwait alias(String alias) {
    Require.notNull("alias", alias);
    if (alias.isBlank()) {
      throw new ValidationException("alias", alias, "must not be blank");
    }
    return new VirtualAwait(twin, settings.withAlias(alias));
  }

  /**
   * Treats every exception (and error) the condition throws as "not yet". Ignore rules add up.
   *
   * @return a copy that ignores all exceptions
   */
  public VirtualAwait ignoreExceptions() {
    return new VirtualAwait(twin, settings.ignoring(t -> true));
  }

  /**
   * Treats exceptions of exactly {@code type} (not its subclasses, as in Awaitility) as "not yet".
   *
   * @param type the exception class
   * @return a copy that also ignores it
   */
  public VirtualAwait ignoreException(Class<? extends Throwable> type) {
    Require.notNull("ignoreException", type);
    return new VirtualAwait(twin, settings.ignoring(t -> t.getClass() == type));
  }

  /**
   * Treats exceptions of {@code type} or its subclasses as "not yet".
   *
   * @param type the exception class
   * @return a copy that also ignores them
   */
  public VirtualAwait ignoreExceptionsInstanceOf(Class<? extends Throwable> type) {
    Require.notNull("ignoreExceptionsInstanceOf", type);
    return new VirtualAwait(twin, settings.ignoring(type::isInstance));
  }

  /**
   * Treats the exceptions {@code predicate} accepts as "not yet".
   *
   * @param predicate which exceptions to ignore
   * @return a copy that also ignores them
   */
  public VirtualAwait ignoreExceptionsMatching(Predicate<? super Throwable> predicate) {
    Require.notNull("ignoreExceptionsMatching", predicate);
    return new VirtualAwait(twin, settings.ignoring(predicate));
  }

  /**
   * Calls {@code listener} after every evaluation, with the virtual time elapsed and remaining and
   * the value. Listeners add up and are called in the order they were added.
   *
   * @param listener the listener
   * @return a copy that calls it
   */
  public VirtualAwait conditionEvaluationListener(ConditionEvaluationListener listener) {
    Require.notNull("conditionEvaluationListener", listener);
    return new VirtualAwait(twin, settings.listening(listener));
  }

  /** {@return the limit of virtual time} */
  public Duration atMost() {
    return settings.atMost();
  }

  /** {@return the earliest the condition may be fulfilled, if set} */
  public Optional<Duration> atLeast() {
    return Optional.ofNullable(settings.atLeast());
  }

  /** {@return how long the condition must hold, if set} */
  public Optional<Duration> during() {
    return Optional.ofNullable(settings.during());
  }

  /** {@return the virtual time before the first evaluation} */
  public Duration pollDelay() {
    return settings.pollDelay();
  }

  /** {@return the poll interval of virtual time} */
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** {@return the alias, if set} */
  public Optional<String> alias() {
    return Optional.ofNullable(settings.alias());
  }

  /**
   * Advances until {@code condition} returns true. An exception from the condition ends the wait at
   * once unless it is ignored.
   *
   * @param condition the condition
   */
  public void until(Callable<Boolean> condition) {
    Require.notNull("condition", condition);
    until(condition, Boolean.TRUE::equals);
  }

  /**
   * Advances until {@code predicate} accepts the value of {@code supplier}; returns that value (of
   * the last evaluation, with {@code during}).
   *
   * @param <T> the type of the value
   * @param supplier the supplier
   * @param predicate the predicate
   * @return the accepted value
   */
  public <T> T until(Callable<T> supplier, Predicate<? super T> predicate) {
    Require.notNull("supplier", supplier);
    Require.notNull("predicate", predicate);
    List<T> accepted = new ArrayList<>(1); // the value of the newest fulfilled evaluation
    ConditionPoller.await(
        twin,
        settings,
        () -> {
          T v = supplier.call();
          boolean ok = predicate.test(v);
          if (ok) {
            accepted.clear();
            accepted.add(v);
          }
          return new Outcome(ok, v, "the value was " + v);
        });
    return accepted.get(0); // the wait ends on a fulfilled evaluation, so it holds its value
  }

  /**
   * Advances until {@code flag} is true.
   *
   * @param flag the flag, typically set by a listener
   */
  public void untilTrue(AtomicBoolean flag) {
    Require.notNull("flag", flag);
    until(flag::get, Boolean.TRUE::equals);
  }

  /**
   * Advances until {@code flag} is false.
   *
   * @param flag the flag, typically cleared by a listener
   */
  public void untilFalse(AtomicBoolean flag) {
    Require.notNull("flag", flag);
    until(flag::get, Boolean.FALSE::equals);
  }

  /**
   * Advances until {@code assertion} passes: an AssertionError means "not yet"; the last one is
   * quoted if the wait fails. Any other exception ends the wait at once unless it is ignored.
   *
   * @param assertion the assertion
   */
  public void untilAsserted(ThrowingRunnable assertion) {
    Require.notNull("assertion", assertion);
    ConditionPoller.await(
        twin,
        settings,
        () -> {
          try {
            assertion.run();
            return new Outcome(true, null, "the assertion passed");
          } catch (AssertionError e) {
            return new Outcome(false, null, e.getMessage() == null ? e.toString() : e.getMessage());
          }
        });
  }

  @Override
  public String toString() {
    AwaitSettings s = settings;
    return "VirtualAwait[atMost "
        + s.atMost()
        + (s.atLeast() == null ? "" : ", atLeast " + s.atLeast())
        + (s.during() == null ? "" : ", during " + s.during())
        + ", pollDelay "
        + s.pollDelay()
        + ", pollInterval "
        + s.pollInterval()
        + (s.alias() == null ? "" : ", alias " + s.alias())
        + "]";
  }
}
