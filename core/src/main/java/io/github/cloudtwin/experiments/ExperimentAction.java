package io.github.cloudtwin.experiments;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One action of an experiment: its name, what it does, when it starts (an offset from the
 * experiment's start, as FIS's {@code startAfter} chains amount to) and how long it lasts (none for
 * instant actions such as terminating instances).
 *
 * @param name unique within the experiment
 * @param action what it does
 * @param startOffset when it starts, from the experiment's start; zero or more
 * @param duration how long it lasts: more than zero, or null for an instant action
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ExperimentAction(
    String name, FaultAction action, Duration startOffset, @Nullable Duration duration) {

  /**
   * Validates: a duration for every action that lasts, none for instant ones.
   *
   * @param name unique within the experiment
   * @param action what it does
   * @param startOffset when it starts
   * @param duration how long it lasts, or null for an instant action
   */
  public ExperimentAction {
    Require.name("actions.name", name);
    Require.notNull("actions[" + name + "].action", action);
    Require.notNegative("actions[" + name + "].startAfter", startOffset);
    if (action.instant()) {
      if (duration != null) {
        throw new ValidationException(
            "actions[" + name + "].duration",
            duration,
            "none: " + action.actionId() + " happens at one instant");
      }
    } else {
      if (duration == null)
        throw new ValidationException(
            "actions[" + name + "].duration", null, "a duration for " + action.actionId());
      if (duration.isZero() || duration.isNegative()) {
        throw new ValidationException("actions[" + name + "].duration", duration, "more than zero");
      }
    }
  }

  /** {@return when it ends, from the experiment's start (its start for an instant action)} */
  public Duration endOffset() {
    return duration == null ? startOffset : startOffset.plus(duration);
  }

  /**
   * Whether this action's window overlaps {@code other}'s (instant actions never overlap).
   *
   * @param other another action
   * @return whether both last and their windows share an instant
   */
  boolean overlaps(ExperimentAction other) {
    if (duration == null || other.duration == null) return false;
    return startOffset.compareTo(other.endOffset()) < 0
        && other.startOffset.compareTo(endOffset()) < 0;
  }
}
