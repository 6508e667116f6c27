package io.github.cloudtwin.await;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one wait; each option is validated where it is set, the options that depend on
 * each other ({@link #checkTogether()}) when the wait starts, because they may be set in any order.
 *
 * @param atMost the limit of virtual time
 * @param atLeast the earliest the condition may be fulfilled, or null
 * @param during how long the condition must hold without a break, or null (once is enough)
 * @param pollDelay the virtual time before the first evaluation
 * @param pollInterval the virtual time between evaluations
 * @param alias the name in messages, or null
 * @param ignored the exceptions that mean "not yet", or null for none
 * @param listeners called after every evaluation
 */
record AwaitSettings(
    Duration atMost,
    @Nullable Duration atLeast,
    @Nullable Duration during,
    Duration pollDelay,
    Duration pollInterval,
    @Nullable String alias,
    @Nullable Predicate<? super Throwable> ignored,
    List<ConditionEvaluationListener> listeners) {

  AwaitSettings {
    listeners = List.copyOf(listeners);
  }

  static AwaitSettings defaults() {
    return new AwaitSettings(
        VirtualAwait.DEFAULT_AT_MOST,
        null,
        null,
        Duration.ZERO,
        VirtualAwait.DEFAULT_POLL_INTERVAL,
        null,
        null,
        List.of());
  }

  AwaitSettings withAtMost(Duration v) {
    return new AwaitSettings(
        v, atLeast, during, pollDelay, pollInterval, alias, ignored, listeners);
  }

  AwaitSettings withAtLeast(Duration v) {
    return new AwaitSettings(atMost, v, during, pollDelay, pollInterval, alias, ignored, listeners);
  }

  AwaitSettings withDuring(Duration v) {
    return new AwaitSettings(
        atMost, atLeast, v, pollDelay, pollInterval, alias, ignored, listeners);
  }

  AwaitSettings withPollDelay(Duration v) {
    return new AwaitSettings(atMost, atLeast, during, v, pollInterval, alias, ignored, listeners);
  }

  AwaitSettings withPollInterval(Duration v) {
    return new AwaitSettings(atMost, atLeast, during, pollDelay, v, alias, ignored, listeners);
  }

  AwaitSettings withAlias(String v) {
    return new AwaitSettings(
        atMost, atLeast, during, pollDelay, pollInterval, v, ignored, listeners);
  }

  /** Ignores {@code more} as well as what is ignored already. */
  AwaitSettings ignoring(Predicate<? super Throwable> more) {
    Predicate<? super Throwable> before = ignored;
    Predicate<Throwable> both = before == null ? more::test : t -> before.test(t) || more.test(t);
    return new AwaitSettings(
        atMost, atLeast, during, pollDelay, pollInterval, alias, both, listeners);
  }

  AwaitSettings listening(ConditionEvaluationListener listener) {
    List<ConditionEvaluationListener> all = new ArrayList<>(listeners);
    all.add(listener);
    return new AwaitSettings(atMost, atLeast, during, pollDelay, pollInterval, alias, ignored, all);
  }

  boolean ignores(Throwable t) {
    return ignored != null && ignored.test(t);
  }

  /** The checks between options; nothing has happened yet when one fails. */
  void checkTogether() {
    if (atLeast != null && atLeast.compareTo(atMost) > 0) {
      throw new ValidationException("atLeast", atLeast, "must not exceed atMost (" + atMost + ")");
    }
    if (during != null && during.compareTo(atMost) > 0) {
      throw new ValidationException("during", during, "must not exceed atMost (" + atMost + ")");
    }
    if (pollDelay.compareTo(atMost) > 0) {
      throw new ValidationException(
          "pollDelay", pollDelay, "must not exceed atMost (" + atMost + ")");
    }
    if (during != null && pollDelay.plus(during).compareTo(atMost) > 0) {
      throw new ValidationException(
          "during",
          during,
          "plus pollDelay ("
              + pollDelay
              + ") must not exceed atMost ("
              + atMost
              + "): the condition could not hold that long before the limit");
    }
  }
}
