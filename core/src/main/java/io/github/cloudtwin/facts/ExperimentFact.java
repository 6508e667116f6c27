package io.github.cloudtwin.facts;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a resilience experiment records: its start, each action's start and end, a stop condition
 * that fired, and its end. The faults' consequences (terminations, impaired zones, target health)
 * are the services' own facts, caused by the action's start.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface ExperimentFact extends Fact {

  /**
   * An experiment started.
   *
   * @param experiment the experiment's name
   * @param actions the names of its actions, in start order
   * @param stopConditions the alarms that stop it
   */
  record ExperimentStarted(String experiment, List<String> actions, List<String> stopConditions)
      implements ExperimentFact {
    /**
     * Copies the lists.
     *
     * @param experiment the experiment's name
     * @param actions the names of its actions
     * @param stopConditions the alarms that stop it
     */
    public ExperimentStarted {
      actions = List.copyOf(actions);
      stopConditions = List.copyOf(stopConditions);
    }

    @Override
    public String resource() {
      return "experiment/" + experiment;
    }

    @Override
    public String kind() {
      return "experiment";
    }

    @Override
    public String message() {
      return "started with actions "
          + actions
          + (stopConditions.isEmpty() ? "" : ", stop conditions " + stopConditions);
    }
  }

  /**
   * An action of an experiment started on its targets.
   *
   * @param experiment the experiment's name
   * @param action the action's name in the experiment
   * @param actionId the FIS action it is named after, such as {@code aws:ec2:terminate-instances}
   * @param targets the resources it acts on, as {@code type/name}
   */
  record ActionStarted(String experiment, String action, String actionId, List<String> targets)
      implements ExperimentFact {
    /**
     * Copies the targets.
     *
     * @param experiment the experiment's name
     * @param action the action's name
     * @param actionId the FIS action id
     * @param targets the resources it acts on
     */
    public ActionStarted {
      targets = List.copyOf(targets);
    }

    @Override
    public String resource() {
      return "experiment/" + experiment;
    }

    @Override
    public String kind() {
      return "action";
    }

    @Override
    public String message() {
      return "action " + action + " (" + actionId + ") started on " + targets;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("action", action, "actionId", actionId);
    }
  }

  /**
   * An action ended: its duration passed, or a stop condition ended it early.
   *
   * @param experiment the experiment's name
   * @param action the action's name
   * @param actionId the FIS action id
   * @param stoppedEarly whether a stop condition ended it before its duration
   */
  record ActionEnded(String experiment, String action, String actionId, boolean stoppedEarly)
      implements ExperimentFact {
    @Override
    public String resource() {
      return "experiment/" + experiment;
    }

    @Override
    public String kind() {
      return "action";
    }

    @Override
    public String message() {
      return "action "
          + action
          + " ("
          + actionId
          + ") "
          + (stoppedEarly ? "stopped by a stop condition" : "completed");
    }
  }

  /**
   * A stop condition's alarm entered ALARM: the experiment's running actions end, pending ones
   * never start.
   *
   * @param experiment the experiment's name
   * @param alarmName the alarm
   */
  record StopConditionMet(String experiment, String alarmName) implements ExperimentFact {
    @Override
    public String resource() {
      return "experiment/" + experiment;
    }

    @Override
    public String kind() {
      return "stop-condition";
    }

    @Override
    public String message() {
      return "stop condition alarm " + alarmName + " is in ALARM: stopping the experiment";
    }
  }

  /**
   * The experiment ended (its observation window included).
   *
   * @param experiment the experiment's name
   * @param state {@code completed} or {@code stopped}, as FIS reports an experiment's state
   */
  record ExperimentEnded(String experiment, String state) implements ExperimentFact {
    @Override
    public String resource() {
      return "experiment/" + experiment;
    }

    @Override
    public String kind() {
      return "experiment";
    }

    @Override
    public String message() {
      return state;
    }
  }
}
