package io.github.cloudtwin.report;

import io.github.cloudtwin.facts.ExperimentFact;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A window in which an action of a resilience experiment ran, read from the timeline's facts
 * ({@link ExperimentFact.ActionStarted} and {@link ExperimentFact.ActionEnded}) and shaded on every
 * chart with its name, like a zone outage. An instant action (terminate, stop tasks) is a window of
 * no length.
 *
 * @param experiment the experiment's name
 * @param action the action's name in the experiment
 * @param actionId the FIS action it is named after, such as {@code aws:ec2:terminate-instances}
 * @param from offset of the action's start
 * @param to offset of its end, or of "now" when it was still running
 * @param ongoing whether it was still running when the report was made
 * @param stoppedEarly whether a stop condition ended it before its duration
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ExperimentWindow(
    String experiment,
    String action,
    String actionId,
    Duration from,
    Duration to,
    boolean ongoing,
    boolean stoppedEarly) {

  /**
   * Validates.
   *
   * @param experiment the experiment's name
   * @param action the action's name in the experiment
   * @param actionId the FIS action id
   * @param from offset of the action's start
   * @param to offset of its end, or of "now" when it was still running
   * @param ongoing whether it was still running when the report was made
   * @param stoppedEarly whether a stop condition ended it before its duration
   */
  public ExperimentWindow {
    Require.notNull("experiment", experiment);
    Require.notNull("action", action);
    Require.notNull("actionId", actionId);
    Require.notNull("from", from);
    Require.notNull("to", to);
  }

  /** {@return the label shaded windows carry: the experiment's and the action's names} */
  public String label() {
    return experiment + " / " + action;
  }

  /**
   * The action windows in {@code events}, in order of start.
   *
   * @param events the events
   * @param t0 the instant offsets are measured from
   * @param now the instant of the report (the end of windows still open)
   * @return the windows in order of start
   */
  public static List<ExperimentWindow> from(List<TimelineEvent> events, Instant t0, Instant now) {
    Map<List<String>, ExperimentWindow> open = new LinkedHashMap<>();
    List<ExperimentWindow> out = new ArrayList<>();
    Duration end = Duration.between(t0, now);
    for (TimelineEvent e : events) {
      Duration at = Duration.between(t0, e.time());
      if (e.fact() instanceof ExperimentFact.ActionStarted s) {
        open.put(
            List.of(s.experiment(), s.action()),
            new ExperimentWindow(s.experiment(), s.action(), s.actionId(), at, end, true, false));
      } else if (e.fact() instanceof ExperimentFact.ActionEnded x) {
        ExperimentWindow w = open.remove(List.of(x.experiment(), x.action()));
        if (w != null)
          out.add(
              new ExperimentWindow(
                  w.experiment, w.action, w.actionId, w.from, at, false, x.stoppedEarly()));
      }
    }
    out.addAll(open.values());
    out.sort((a, b) -> a.from().compareTo(b.from()));
    return List.copyOf(out);
  }
}
