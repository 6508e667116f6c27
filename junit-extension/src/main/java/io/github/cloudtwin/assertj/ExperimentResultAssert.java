package io.github.cloudtwin.assertj;

import io.github.cloudtwin.assertj.error.ExperimentFailure;
import io.github.cloudtwin.assertj.error.TimelineSlice;
import io.github.cloudtwin.experiments.ActionWindow;
import io.github.cloudtwin.experiments.ExperimentResult;
import io.github.cloudtwin.experiments.MinuteSample;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Verdicts on a resilience experiment's run, as sentences: {@code
 * assertThat(result).errorRateBelow(0.001).recoveredTo(6).within(ofMinutes(10))}. A failure shows
 * the numbers and the worst minute of the run with its slice of the timeline.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class ExperimentResultAssert
    extends AbstractObjectAssert<ExperimentResultAssert, ExperimentResult> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the result under test
   */
  public ExperimentResultAssert(@Nullable ExperimentResult actual) {
    super(actual, ExperimentResultAssert.class);
  }

  /** What {@code recoveredTo(..)} named, until {@code within(..)} reads it; null otherwise. */
  private @Nullable Recovery recovery;

  /**
   * Verifies that fewer than {@code limit} of the requests failed over the whole run.
   *
   * @param limit the error rate to stay below, such as 0.001
   * @return this assertion
   */
  public ExperimentResultAssert errorRateBelow(double limit) {
    isNotNull();
    return errorRate("", Duration.ZERO, actual.experiment().runFor(), limit);
  }

  /**
   * Verifies the error rate while an action ran (an instant action: its five minutes after).
   *
   * @param action the action's name
   * @param limit the error rate to stay below
   * @return this assertion
   */
  public ExperimentResultAssert errorRateDuringBelow(String action, double limit) {
    isNotNull();
    ActionWindow w = actual.action(action);
    return errorRate(" during action " + action, w.start(), during(w), limit);
  }

  /**
   * Verifies the error rate from an action's end to the end of the run.
   *
   * @param action the action's name
   * @param limit the error rate to stay below
   * @return this assertion
   */
  public ExperimentResultAssert errorRateAfterBelow(String action, double limit) {
    isNotNull();
    return errorRate(
        " after action " + action,
        actual.action(action).end(),
        actual.experiment().runFor(),
        limit);
  }

  private ExperimentResultAssert errorRate(String scope, Duration from, Duration to, double limit) {
    double rate = actual.errorRate(from, to);
    if (!(rate < limit)) {
      throw assertionError(
          ExperimentFailure.errorRate(
              actual, scope, limit, rate, actual.requests(from, to), actual.errors(from, to)));
    }
    return myself;
  }

  /**
   * Verifies the mean target response time over the run.
   *
   * @param limit the mean to stay below
   * @return this assertion
   */
  public ExperimentResultAssert meanResponseTimeBelow(Duration limit) {
    isNotNull();
    return mean("", Duration.ZERO, actual.experiment().runFor(), limit);
  }

  /**
   * Verifies the mean target response time while an action ran (an instant action: its five minutes
   * after).
   *
   * @param action the action's name
   * @param limit the mean to stay below
   * @return this assertion
   */
  public ExperimentResultAssert meanResponseTimeDuringBelow(String action, Duration limit) {
    isNotNull();
    ActionWindow w = actual.action(action);
    return mean(" during action " + action, w.start(), during(w), limit);
  }

  /**
   * Verifies the mean target response time from an action's end to the end of the run.
   *
   * @param action the action's name
   * @param limit the mean to stay below
   * @return this assertion
   */
  public ExperimentResultAssert meanResponseTimeAfterBelow(String action, Duration limit) {
    isNotNull();
    Duration end = actual.action(action).end();
    return mean(" after action " + action, end, actual.experiment().runFor(), limit);
  }

  private ExperimentResultAssert mean(String scope, Duration from, Duration to, Duration limit) {
    Require.positive("limit", limit);
    double mean = actual.meanResponseSeconds(from, to);
    if (!(mean < limit.toNanos() / 1e9)) {
      throw assertionError(
          ExperimentFailure.responseTime(
              actual, scope, limit, mean, actual.slowestMinute(from, to)));
    }
    return myself;
  }

  /**
   * Verifies the median target response time over the run ({@link
   * #responseTimePercentileBelow(double, Duration)} at 50).
   *
   * @param limit the latency the p50 must stay below
   * @return this assertion
   */
  public ExperimentResultAssert p50ResponseTimeBelow(Duration limit) {
    return responseTimePercentileBelow(50, limit);
  }

  /**
   * Verifies the p99 target response time over the run ({@link #responseTimePercentileBelow(double,
   * Duration)} at 99).
   *
   * @param limit the latency the p99 must stay below
   * @return this assertion
   */
  public ExperimentResultAssert p99ResponseTimeBelow(Duration limit) {
    return responseTimePercentileBelow(99, limit);
  }

  /**
   * Verifies a percentile of the target response times over the run: the nearest-rank percentile of
   * the answered requests, weighted by how many each latency answered. A run in which no target
   * answered fails it.
   *
   * @param percentile more than 0 and at most 100, such as 99
   * @param limit the latency to stay below
   * @return this assertion
   */
  public ExperimentResultAssert responseTimePercentileBelow(double percentile, Duration limit) {
    isNotNull();
    return percentile("", Duration.ZERO, actual.experiment().runFor(), percentile, limit);
  }

  /**
   * Verifies a percentile of the target response times while an action ran (an instant action: its
   * five minutes after).
   *
   * @param action the action's name
   * @param percentile more than 0 and at most 100
   * @param limit the latency to stay below
   * @return this assertion
   */
  public ExperimentResultAssert responseTimePercentileDuringBelow(
      String action, double percentile, Duration limit) {
    isNotNull();
    ActionWindow w = actual.action(action);
    return percentile(" during action " + action, w.start(), during(w), percentile, limit);
  }

  /**
   * Verifies a percentile of the target response times from an action's end to the end of the run.
   *
   * @param action the action's name
   * @param percentile more than 0 and at most 100
   * @param limit the latency to stay below
   * @return this assertion
   */
  public ExperimentResultAssert responseTimePercentileAfterBelow(
      String action, double percentile, Duration limit) {
    isNotNull();
    return percentile(
        " after action " + action,
        actual.action(action).end(),
        actual.experiment().runFor(),
        percentile,
        limit);
  }

  private ExperimentResultAssert percentile(
      String scope, Duration from, Duration to, double percentile, Duration limit) {
    Require.positive("limit", limit);
    Optional<Duration> measured = actual.responseTimes(from, to).percentile(percentile);
    if (measured.isEmpty() || measured.get().compareTo(limit) >= 0) {
      throw assertionError(
          ExperimentFailure.responseTimePercentile(
              actual,
              scope,
              percentile,
              limit,
              measured,
              actual.slowestMinute(percentile, from, to)));
    }
    return myself;
  }

  /** The end of an action's window for the "during" verdicts: an instant action's five minutes. */
  private static Duration during(ActionWindow w) {
    return w.end().equals(w.start()) ? w.start().plusMinutes(5) : w.end();
  }

  /**
   * Verifies that a count never dipped below {@code level} at any minute's end.
   *
   * @param resource {@code group/NAME} (InService), {@code target-group/NAME} (healthy) or {@code
   *     service/CLUSTER/NAME} (running tasks)
   * @param level the lowest count allowed
   * @return this assertion
   */
  public ExperimentResultAssert neverBelow(String resource, int level) {
    isNotNull();
    int lowest = actual.lowest(resource);
    if (lowest < level) {
      throw assertionError(
          ExperimentFailure.capacity(
              actual,
              resource + " never below " + level,
              "it fell to " + lowest,
              lowestMinute(resource)));
    }
    return myself;
  }

  /**
   * Verifies that the run's one Auto Scaling group (InService instances) and, when there is exactly
   * one, its target group (healthy targets) were back at {@code level} by the end of the run (at
   * the level in its last minute; {@link ExperimentResult#recoveryTime}); follow it with {@link
   * #within(Duration)} to also bound how long that took.
   *
   * @param level the count both must be back at
   * @return this assertion
   */
  public ExperimentResultAssert recoveredTo(int level) {
    isNotNull();
    List<String> groups = new ArrayList<>();
    List<String> targetGroups = new ArrayList<>();
    for (String r : actual.countedResources()) {
      if (r.startsWith("group/")) groups.add(r);
      if (r.startsWith("target-group/")) targetGroups.add(r);
    }
    if (groups.size() != 1) {
      throw new ValidationException(
          "recoveredTo",
          level,
          "a run with one Auto Scaling group (it has "
              + groups
              + "): name it with recoveredTo(resource, level)");
    }
    List<String> resources = new ArrayList<>(groups);
    if (targetGroups.size() == 1) resources.addAll(targetGroups);
    return recovered(resources, level);
  }

  /**
   * Verifies that one resource's count was back at {@code level} by the end of the run; follow it
   * with {@link #within(Duration)} to also bound how long that took.
   *
   * @param resource {@code group/NAME}, {@code target-group/NAME} or {@code service/CLUSTER/NAME}
   * @param level the count it must be back at
   * @return this assertion
   */
  public ExperimentResultAssert recoveredTo(String resource, int level) {
    isNotNull();
    return recovered(List.of(resource), level);
  }

  private ExperimentResultAssert recovered(List<String> resources, int level) {
    Require.notNegative("level", level);
    for (String r : resources) actual.lowest(r); // a resource the run does not count is refused
    recovery = null;
    for (String r : resources) {
      if (actual.recoveryTime(r, level).isEmpty()) {
        throw assertionError(
            ExperimentFailure.capacity(
                actual,
                r + " back at " + level + " by the end of the run",
                notBack(r, level),
                lowestMinute(r)));
      }
    }
    recovery = new Recovery(List.copyOf(resources), level);
    return myself;
  }

  /**
   * Verifies that what the preceding {@code recoveredTo(..)} named was back at its level within
   * {@code limit} of the first action's start (its first return after its first dip; it must also
   * be at the level at the end): {@code recoveredTo(6).within(ofMinutes(10))}.
   *
   * @param limit the time allowed
   * @return this assertion
   * @throws ValidationException when no {@code recoveredTo(..)} precedes it
   */
  public ExperimentResultAssert within(Duration limit) {
    isNotNull();
    Require.positive("limit", limit);
    Recovery pending = recovery;
    if (pending == null) {
      throw new ValidationException(
          "within",
          limit,
          "a recoveredTo(..) verdict before it, such as recoveredTo(6).within(..)");
    }
    recovery = null;
    for (String r : pending.resources()) {
      Optional<Duration> t = actual.recoveryTime(r, pending.level());
      if (t.isEmpty() || t.get().compareTo(limit) > 0) {
        String happened =
            t.map(
                    d ->
                        r
                            + " was back at "
                            + pending.level()
                            + " only after "
                            + TimelineSlice.shortText(d))
                .orElse(notBack(r, pending.level()));
        throw assertionError(
            ExperimentFailure.capacity(
                actual,
                r
                    + " back at "
                    + pending.level()
                    + " within "
                    + TimelineSlice.shortText(limit)
                    + " of the first action's start",
                happened,
                lowestMinute(r)));
      }
    }
    return myself;
  }

  private String notBack(String resource, int level) {
    return resource
        + " was not back at "
        + level
        + " by the end of the run (lowest "
        + actual.lowest(resource)
        + ")";
  }

  /**
   * Verifies that the experiment stopped {@code n} ECS tasks and the services replaced them all.
   *
   * @param n the tasks it stopped
   * @return this assertion
   */
  public ExperimentResultAssert replacedAllLostTasks(int n) {
    isNotNull();
    if (actual.tasksLost() != n || actual.tasksReplaced() != n) {
      throw assertionError(
          ExperimentFailure.other(
              actual,
              "lose " + n + " tasks and replace them all",
              "it stopped "
                  + actual.tasksLost()
                  + " and "
                  + actual.tasksReplaced()
                  + " were replaced"));
    }
    return myself;
  }

  /**
   * Verifies that no stop condition ended the experiment.
   *
   * @return this assertion
   */
  public ExperimentResultAssert completed() {
    isNotNull();
    if (actual.stoppedBy().isPresent()) {
      throw assertionError(
          ExperimentFailure.other(
              actual,
              "complete",
              "stop condition "
                  + actual.stoppedBy().get()
                  + " stopped it at "
                  + TimelineSlice.shortText(actual.stoppedAt().orElseThrow())));
    }
    return myself;
  }

  /**
   * Verifies that a stop condition's alarm ended the experiment.
   *
   * @param alarmName the alarm
   * @return this assertion
   */
  public ExperimentResultAssert wasStoppedBy(String alarmName) {
    isNotNull();
    if (!actual.stoppedBy().equals(Optional.of(alarmName))) {
      throw assertionError(
          ExperimentFailure.other(
              actual,
              "be stopped by " + alarmName,
              actual
                  .stoppedBy()
                  .map(a -> "stop condition " + a + " stopped it")
                  .orElse("it completed")));
    }
    return myself;
  }

  Optional<MinuteSample> lowestMinute(String resource) {
    MinuteSample low = null;
    int min = Integer.MAX_VALUE;
    for (MinuteSample s : actual.samples()) {
      int c = s.count(resource);
      if (c < min) {
        min = c;
        low = s;
      }
    }
    return Optional.ofNullable(low);
  }

  /** What the last {@code recoveredTo(..)} verified, for a following {@code within(..)}. */
  private record Recovery(List<String> resources, int level) {}
}
