package io.github.cloudtwin.await;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Runs one wait: evaluates the condition after the poll delay, then after every poll interval of
 * virtual time (and once more at the limit), until it is fulfilled (held for {@code during}, if
 * set), too early ({@code atLeast}) or out of time.
 */
final class ConditionPoller {

  /** What one evaluation produced. */
  record Outcome(boolean satisfied, @Nullable Object value, String description) {}

  /** The condition, in one shape for every {@code until...} method. */
  @FunctionalInterface
  interface Condition {
    Outcome evaluate() throws Throwable;
  }

  private final CloudTwin twin;
  private final AwaitSettings settings;
  private final Instant start;
  private final Instant deadline;

  /** Since when the condition has held without a break; null while it does not. */
  private @Nullable Instant heldSince;

  /** The longest unbroken hold so far; null before the condition first held. */
  private @Nullable Hold longest;

  /** The newest evaluation that was not fulfilled; null before the first. */
  private @Nullable Outcome lastFailure;

  /** The exception ignored at the newest unfulfilled evaluation, if it threw one. */
  private @Nullable Throwable lastIgnored;

  /** An unbroken hold of the condition, from its first to its newest fulfilled evaluation. */
  record Hold(Instant from, Instant to) {
    Duration length() {
      return Duration.between(from, to);
    }
  }

  private ConditionPoller(CloudTwin twin, AwaitSettings settings) {
    this.twin = twin;
    this.settings = settings;
    this.start = twin.now();
    this.deadline = start.plus(settings.atMost());
  }

  /** Runs the wait; returns the last outcome's value once the condition is fulfilled. */
  static @Nullable Object await(CloudTwin twin, AwaitSettings settings, Condition condition) {
    settings.checkTogether();
    if (twin.simulation().isAdvancing()) {
      throw new IllegalStateException(
          "await(twin) was called from inside the simulation (an event or listener); call it from the test.");
    }
    return new ConditionPoller(twin, settings).run(condition);
  }

  private @Nullable Object run(Condition condition) {
    if (!settings.pollDelay().isZero()) {
      twin.advance(settings.pollDelay());
    }
    while (true) {
      Instant now = twin.now();
      Outcome outcome = evaluate(condition);
      Duration held = hold(outcome.satisfied(), now);
      Duration during = settings.during() == null ? Duration.ZERO : settings.during();
      for (ConditionEvaluationListener l : settings.listeners()) {
        l.conditionEvaluated(
            new EvaluatedCondition(
                settings.alias(),
                outcome.value(),
                outcome.satisfied(),
                outcome.description(),
                now,
                Duration.between(start, now),
                Duration.between(now, deadline),
                held,
                settings.pollInterval(),
                outcome.satisfied() ? null : lastIgnored));
      }
      if (outcome.satisfied() && held.compareTo(during) >= 0) {
        Duration elapsed = Duration.between(start, now);
        if (settings.atLeast() != null && elapsed.compareTo(settings.atLeast()) < 0) {
          throw new VirtualTimeoutError(
              AwaitTimeoutMessage.tooEarly(twin, settings, start, outcome.description()), null);
        }
        return outcome.value();
      }
      if (!now.isBefore(deadline)) {
        String failure = lastFailure == null ? null : lastFailure.description();
        throw new VirtualTimeoutError(
            AwaitTimeoutMessage.timedOut(twin, settings, start, failure, longest), lastIgnored);
      }
      Duration step = Duration.between(now, deadline);
      if (step.compareTo(settings.pollInterval()) > 0) step = settings.pollInterval();
      if (heldSince != null) {
        Duration toGo = during.minus(held); // end the wait the moment the hold is long enough
        if (step.compareTo(toGo) > 0) step = toGo;
      }
      twin.advance(step);
    }
  }

  private Outcome evaluate(Condition condition) {
    try {
      Outcome o = condition.evaluate();
      if (!o.satisfied()) {
        lastFailure = o;
        lastIgnored = null;
      }
      return o;
    } catch (Throwable t) {
      if (!settings.ignores(t)) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException("The awaited condition threw " + t, t);
      }
      lastIgnored = t;
      lastFailure = new Outcome(false, null, "threw " + t + " (ignored)");
      return lastFailure;
    }
  }

  /** Tracks the unbroken hold; returns how long it has lasted at {@code now}. */
  private Duration hold(boolean satisfied, Instant now) {
    if (!satisfied) {
      heldSince = null;
      return Duration.ZERO;
    }
    Instant since = heldSince == null ? now : heldSince;
    heldSince = since;
    Hold current = new Hold(since, now);
    if (longest == null || current.length().compareTo(longest.length()) > 0) {
      longest = current;
    }
    return current.length();
  }
}
