package io.github.cloudtwin.experiments;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A resilience experiment, as an AWS Fault Injection Service experiment template has it: actions
 * with targets, start offsets and durations, and stop conditions on CloudWatch alarms; plus how
 * long the twin runs it (the scenario, observation after the last action included). An immutable
 * value built with {@link #builder(String)}; run it with {@code twin.experiments().run(..)} on the
 * twin's clock and with the traffic the test applied.
 *
 * @param name the experiment's name
 * @param actions its actions, in the order given
 * @param stopConditions the names of the alarms (metric or composite) that stop it when they enter
 *     ALARM
 * @param runFor how long the experiment runs from its start, every action's end included
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Experiment(
    String name, List<ExperimentAction> actions, List<String> stopConditions, Duration runFor) {

  /** How long the twin keeps observing after the last action ends, unless {@code runFor} is set. */
  public static final Duration DEFAULT_OBSERVATION = Duration.ofMinutes(15);

  /**
   * Validates: at least one action, unique names, every action within {@code runFor}, and no two
   * lasting actions of the same kind on the same target at once (the second would undo the first
   * when it ends).
   *
   * @param name the experiment's name
   * @param actions its actions
   * @param stopConditions alarm names
   * @param runFor how long it runs
   */
  public Experiment {
    Require.name("experimentName", name);
    actions = List.copyOf(Require.notNull("actions", actions));
    stopConditions = List.copyOf(Require.notNull("stopConditions", stopConditions));
    if (actions.isEmpty()) throw new ValidationException("actions", "[]", "at least one action");
    Require.notNull("runFor", runFor);
    if (runFor.isZero() || runFor.isNegative())
      throw new ValidationException("runFor", runFor, "more than zero");
    if (runFor.compareTo(Duration.ofDays(7)) > 0)
      throw new ValidationException("runFor", runFor, "at most 7 days");
    Set<String> names = new HashSet<>();
    for (ExperimentAction a : actions) {
      if (!names.add(a.name()))
        throw new ValidationException("actions.name", a.name(), "each action name once");
      if (a.duration() == null && a.startOffset().compareTo(runFor) > 0) {
        throw new ValidationException(
            "actions[" + a.name() + "].startAfter",
            a.startOffset(),
            "an action that happens within the experiment's " + runFor);
      }
      if (a.endOffset().compareTo(runFor) > 0) {
        throw new ValidationException(
            "actions[" + a.name() + "].duration",
            a.startOffset() + " + " + a.duration(),
            "an action that ends within the experiment's " + runFor);
      }
    }
    for (int i = 0; i < actions.size(); i++) {
      for (int j = i + 1; j < actions.size(); j++) {
        ExperimentAction a = actions.get(i);
        ExperimentAction b = actions.get(j);
        if (a.action().getClass() == b.action().getClass()
            && a.action().target().equals(b.action().target())
            && a.overlaps(b)) {
          throw new ValidationException(
              "actions[" + b.name() + "]",
              b.action().target(),
              "no overlap with action "
                  + a.name()
                  + " of the same kind on the same target ("
                  + a.startOffset()
                  + " to "
                  + a.endOffset()
                  + ")");
        }
      }
    }
    for (String s : stopConditions) Require.name("stopConditions", s);
  }

  /**
   * A builder.
   *
   * @param name the experiment's name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** {@return when the last action ends, from the start} */
  public Duration lastActionEnd() {
    Duration end = Duration.ZERO;
    for (ExperimentAction a : actions) if (a.endOffset().compareTo(end) > 0) end = a.endOffset();
    return end;
  }

  /** Builds {@link Experiment}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ExperimentAction> actions = new ArrayList<>();
    private final List<String> stopConditions = new ArrayList<>();
    private @Nullable Duration runFor;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Adds an action that lasts.
     *
     * @param actionName unique within the experiment
     * @param action what it does
     * @param startOffset when it starts, from the experiment's start
     * @param duration how long it lasts
     * @return this builder
     */
    public Builder action(
        String actionName, FaultAction action, Duration startOffset, Duration duration) {
      actions.add(new ExperimentAction(actionName, action, startOffset, duration));
      return this;
    }

    /**
     * Adds an instant action (terminate instances, stop tasks).
     *
     * @param actionName unique within the experiment
     * @param action what it does
     * @param startOffset when it happens, from the experiment's start
     * @return this builder
     */
    public Builder action(String actionName, FaultAction action, Duration startOffset) {
      actions.add(new ExperimentAction(actionName, action, startOffset, null));
      return this;
    }

    /**
     * Adds a stop condition: when the alarm enters ALARM, running actions end and pending ones
     * never start (FIS's {@code aws:cloudwatch:alarm} stop condition).
     *
     * @param alarmName a metric alarm or a composite alarm of the twin
     * @return this builder
     */
    public Builder stopCondition(String alarmName) {
      stopConditions.add(alarmName);
      return this;
    }

    /**
     * How long the experiment runs from its start (default: the last action's end plus {@link
     * #DEFAULT_OBSERVATION}).
     *
     * @param runFor the length of the scenario
     * @return this builder
     */
    public Builder runFor(Duration runFor) {
      this.runFor = runFor;
      return this;
    }

    /** {@return the experiment; a ValidationException names the first invalid setting} */
    public Experiment build() {
      Duration length = runFor;
      if (length == null) {
        Duration end = Duration.ZERO;
        for (ExperimentAction a : actions)
          if (a.endOffset().compareTo(end) > 0) end = a.endOffset();
        length = end.plus(DEFAULT_OBSERVATION);
      }
      return new Experiment(name, actions, stopConditions, length);
    }
  }
}
