package io.github.cloudtwin.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a wait's condition, as a {@link ConditionEvaluationListener} sees it (the
 * counterpart of Awaitility's {@code EvaluatedCondition}, with virtual durations instead of
 * milliseconds of wall time). Immutable.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class EvaluatedCondition {

  private final @Nullable String alias;
  private final @Nullable Object value;
  private final boolean satisfied;
  private final String description;
  private final Instant at;
  private final Duration elapsed;
  private final Duration remaining;
  private final Duration heldFor;
  private final Duration pollInterval;
  private final @Nullable Throwable ignoredException;

  EvaluatedCondition(
      @Nullable String alias,
      @Nullable Object value,
      boolean satisfied,
      String description,
      Instant at,
      Duration elapsed,
      Duration remaining,
      Duration heldFor,
      Duration pollInterval,
      @Nullable Throwable ignoredException) {
    this.alias = alias;
    this.value = value;
    this.satisfied = satisfied;
    this.description = description;
    this.at = at;
    this.elapsed = elapsed;
    this.remaining = remaining;
    this.heldFor = heldFor;
    this.pollInterval = pollInterval;
    this.ignoredException = ignoredException;
  }

  /** {@return the wait's alias, if it has one} */
  public Optional<String> alias() {
    return Optional.ofNullable(alias);
  }

  /**
   * The value the condition produced: the {@code Boolean} of {@code until(Callable<Boolean>)}, the
   * supplier's value of {@code until(supplier, predicate)}; null for {@code untilAsserted} and when
   * the evaluation threw.
   *
   * @return the value, or null
   */
  public @Nullable Object value() {
    return value;
  }

  /** {@return whether the condition held at this evaluation (Awaitility's {@code isSatisfied})} */
  public boolean satisfied() {
    return satisfied;
  }

  /**
   * What came out, as the failure message would quote it: {@code the value was 4}, the assertion
   * error's message, {@code the assertion passed}, or the ignored exception.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /** {@return the virtual instant of this evaluation} */
  public Instant at() {
    return at;
  }

  /** {@return the virtual time since the wait began (poll delay included)} */
  public Duration elapsed() {
    return elapsed;
  }

  /** {@return the virtual time left until {@code atMost}} */
  public Duration remaining() {
    return remaining;
  }

  /**
   * How long the condition has held without a break, up to this evaluation: zero when it does not
   * hold or has just begun to; the wait ends when it reaches {@code during}.
   *
   * @return the unbroken hold so far
   */
  public Duration heldFor() {
    return heldFor;
  }

  /** {@return the wait's poll interval of virtual time} */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** {@return the exception this evaluation threw and the wait ignored, if it did} */
  public Optional<Throwable> ignoredException() {
    return Optional.ofNullable(ignoredException);
  }

  @Override
  public String toString() {
    return "EvaluatedCondition["
        + (alias == null ? "" : "alias " + alias + ", ")
        + "elapsed "
        + elapsed
        + ", remaining "
        + remaining
        + ", "
        + (satisfied ? "satisfied" : "not satisfied")
        + ": "
        + description
        + "]";
  }
}
