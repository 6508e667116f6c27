package io.github.cloudtwin.experiments;

import io.github.cloudtwin.elb.ResponseTimes;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a run of an experiment did and what the users saw: when each action ran, whether a stop
 * condition ended it, and one {@link MinuteSample} per minute (requests, errors, mean response time
 * and the response times' distribution, InService instances, healthy targets, running tasks), plus
 * the ECS tasks it stopped and how many were replaced. Read the verdicts here or with {@code
 * assertThat(result)} of the JUnit module. Immutable, except that the timeline it quotes keeps
 * growing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ExperimentResult {

  private final Experiment experiment;
  private final Instant start;
  private final @Nullable String stoppedBy;
  private final @Nullable Duration stopOffset;
  private final List<ActionWindow> windows;
  private final List<MinuteSample> samples;
  private final int tasksLost;
  private final int tasksReplaced;
  private final Timeline timeline;
  private final long firstEventId;

  ExperimentResult(
      Experiment experiment,
      Instant start,
      @Nullable String stoppedBy,
      @Nullable Duration stopOffset,
      List<ActionWindow> windows,
      List<MinuteSample> samples,
      int tasksLost,
      int tasksReplaced,
      Timeline timeline,
      long firstEventId) {
    this.experiment = experiment;
    this.start = start;
    this.stoppedBy = stoppedBy;
    this.stopOffset = stopOffset;
    this.windows = List.copyOf(windows);
    this.samples = List.copyOf(samples);
    this.tasksLost = tasksLost;
    this.tasksReplaced = tasksReplaced;
    this.timeline = timeline;
    this.firstEventId = firstEventId;
  }

  /** {@return the experiment that ran} */
  public Experiment experiment() {
    return experiment;
  }

  /** {@return when it started, in virtual time} */
  public Instant start() {
    return start;
  }

  /**
   * {@return {@code completed}, or {@code stopped} when a stop condition ended it, as FIS reports
   * it}
   */
  public String state() {
    return stoppedBy == null ? "completed" : "stopped";
  }

  /** {@return the stop condition's alarm that ended it, if one did} */
  public Optional<String> stoppedBy() {
    return Optional.ofNullable(stoppedBy);
  }

  /** {@return when the stop condition ended it, as an offset from the start, if one did} */
  public Optional<Duration> stoppedAt() {
    return Optional.ofNullable(stopOffset);
  }

  /**
   * {@return the actions that ran, with their actual windows; those a stop condition kept from
   * starting are absent}
   */
  public List<ActionWindow> actions() {
    return windows;
  }

  /**
   * The window of one action.
   *
   * @param name the action's name
   * @return its window
   * @throws ValidationException when no action of that name ran
   */
  public ActionWindow action(String name) {
    for (ActionWindow w : windows) if (w.name().equals(name)) return w;
    throw new ValidationException(
        "action", name, "an action that ran " + windows.stream().map(ActionWindow::name).toList());
  }

  /** {@return one sample per minute of the run, oldest first} */
  public List<MinuteSample> samples() {
    return samples;
  }

  /** {@return the ECS tasks the experiment stopped} */
  public int tasksLost() {
    return tasksLost;
  }

  /** {@return of those, how many the services replaced with a running task by the end} */
  public int tasksReplaced() {
    return tasksReplaced;
  }

  /** {@return the twin's timeline (for slices in failure messages)} */
  public Timeline timeline() {
    return timeline;
  }

  /** {@return the error rate over the whole run: failed requests / requests} */
  public double errorRate() {
    return errorRate(Duration.ZERO, experiment.runFor());
  }

  /**
   * The error rate over the minutes that overlap {@code (from, to)}.
   *
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return failed requests / requests, 0 without requests
   */
  public double errorRate(Duration from, Duration to) {
    double[] t = totals(from, to);
    return t[0] <= 0 ? 0 : t[1] / t[0];
  }

  /**
   * The error rate while an action ran (for an instant action: the five minutes after it).
   *
   * @param action the action's name
   * @return the error rate
   */
  public double errorRateDuring(String action) {
    ActionWindow w = action(action);
    Duration end = w.end().equals(w.start()) ? w.start().plusMinutes(5) : w.end();
    return errorRate(w.start(), end);
  }

  /**
   * The error rate from an action's end to the end of the run.
   *
   * @param action the action's name
   * @return the error rate
   */
  public double errorRateAfter(String action) {
    return errorRate(action(action).end(), experiment.runFor());
  }

  /**
   * The requests the load balancers counted in the minutes that overlap {@code (from, to)}.
   *
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return the requests
   */
  public double requests(Duration from, Duration to) {
    return totals(from, to)[0];
  }

  /**
   * Of those, the failed ones (5XX from the load balancer or the targets).
   *
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return the failed requests
   */
  public double errors(Duration from, Duration to) {
    return totals(from, to)[1];
  }

  /** {@return requests and failed requests over the minutes that overlap (from, to)} */
  double[] totals(Duration from, Duration to) {
    double requests = 0;
    double errors = 0;
    for (MinuteSample s : samples) {
      if (overlaps(s, from, to)) {
        requests += s.requests();
        errors += s.errors();
      }
    }
    return new double[] {requests, errors};
  }

  private static boolean overlaps(MinuteSample s, Duration from, Duration to) {
    return s.end().compareTo(from) > 0 && s.end().minusSeconds(60).compareTo(to) < 0;
  }

  /**
   * The target response times of the minutes that overlap {@code (from, to)}, with their
   * percentiles ({@code responseTimes(from, to).percentile(99)}).
   *
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return the distribution, {@link ResponseTimes#NONE} when no target answered
   */
  public ResponseTimes responseTimes(Duration from, Duration to) {
    ResponseTimes out = ResponseTimes.NONE;
    for (MinuteSample s : samples) if (overlaps(s, from, to)) out = out.plus(s.responseTimes());
    return out;
  }

  /** {@return the target response times of the whole run} */
  public ResponseTimes responseTimes() {
    return responseTimes(Duration.ZERO, experiment.runFor());
  }

  /**
   * The minute with the highest {@code percentile} response time among those that overlap {@code
   * (from, to)} (the first of equals).
   *
   * @param percentile more than 0 and at most 100
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return the minute, empty when no target answered in the window
   */
  public Optional<MinuteSample> slowestMinute(double percentile, Duration from, Duration to) {
    @Nullable MinuteSample worst = null;
    @Nullable Duration worstLatency = null;
    for (MinuteSample s : samples) {
      if (!overlaps(s, from, to)) continue;
      Optional<Duration> p = s.responseTime(percentile);
      if (p.isPresent() && (worstLatency == null || p.get().compareTo(worstLatency) > 0)) {
        worst = s;
        worstLatency = p.get();
      }
    }
    return Optional.ofNullable(worst);
  }

  /**
   * {@return the sample with the highest error rate (the first of equals), if any minute had
   * requests}
   */
  public Optional<MinuteSample> worstMinute() {
    @Nullable MinuteSample worst = null;
    for (MinuteSample s : samples)
      if (s.requests() > 0 && (worst == null || s.errorRate() > worst.errorRate())) worst = s;
    return Optional.ofNullable(worst);
  }

  /** {@return the sample with the highest mean response time, if any minute had answers} */
  public Optional<MinuteSample> slowestMinute() {
    return slowestMinute(Duration.ZERO, experiment.runFor());
  }

  /**
   * The minute with the highest mean response time among those that overlap {@code (from, to)} (the
   * first of equals).
   *
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return the minute, empty when no target answered in the window
   */
  public Optional<MinuteSample> slowestMinute(Duration from, Duration to) {
    @Nullable MinuteSample worst = null;
    for (MinuteSample s : samples) {
      if (overlaps(s, from, to)
          && !Double.isNaN(s.meanResponseSeconds())
          && (worst == null || s.meanResponseSeconds() > worst.meanResponseSeconds())) worst = s;
    }
    return Optional.ofNullable(worst);
  }

  /**
   * {@return the mean response time over the run, weighted by answered requests; NaN without any}
   */
  public double meanResponseSeconds() {
    return meanResponseSeconds(Duration.ZERO, experiment.runFor());
  }

  /**
   * The mean response time of the minutes that overlap {@code (from, to)}, weighted by answered
   * requests.
   *
   * @param from the window's start, from the experiment's start
   * @param to its end
   * @return the mean in seconds; NaN when no target answered in the window
   */
  public double meanResponseSeconds(Duration from, Duration to) {
    double sum = 0;
    double n = 0;
    for (MinuteSample s : samples) {
      if (!overlaps(s, from, to) || Double.isNaN(s.meanResponseSeconds())) continue;
      double answered = s.requests() - s.errors();
      sum += s.meanResponseSeconds() * answered;
      n += answered;
    }
    return n > 0 ? sum / n : Double.NaN;
  }

  /**
   * The lowest count a resource had during any minute of the run: InService instances of a group,
   * healthy targets of a target group, running tasks of a service ({@code cluster/service}).
   *
   * @param resource {@code group/NAME}, {@code target-group/NAME} or {@code service/CLUSTER/NAME}
   * @return the lowest count
   * @throws ValidationException when the run does not count that resource ({@link
   *     #countedResources()})
   */
  public int lowest(String resource) {
    requireCounted(resource);
    int min = Integer.MAX_VALUE;
    for (MinuteSample s : samples) min = Math.min(min, s.count(resource));
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  /**
   * How long after the first action started a resource's count was back at {@code level} after its
   * first dip below it: the end of the first whole minute at the level again, at minute resolution;
   * zero when it never dipped; empty when it was not back by the end of the run (below the level in
   * the run's last minute, whatever happened before).
   *
   * @param resource {@code group/NAME}, {@code target-group/NAME} or {@code service/CLUSTER/NAME}
   * @param level the count it must be back at
   * @return the time to recover, from the first action's start
   * @throws ValidationException when the run does not count that resource ({@link
   *     #countedResources()})
   */
  public Optional<Duration> recoveryTime(String resource, int level) {
    requireCounted(resource);
    Duration first =
        windows.isEmpty()
            ? Duration.ZERO
            : windows.stream().map(ActionWindow::start).min(Duration::compareTo).orElseThrow();
    if (samples.isEmpty() || samples.get(samples.size() - 1).count(resource) < level)
      return Optional.empty();
    boolean dipped = false;
    for (MinuteSample s : samples) {
      if (s.end().compareTo(first) <= 0) continue;
      boolean at = s.count(resource) >= level;
      if (!at) dipped = true;
      else if (dipped) return Optional.of(s.end().minus(first));
    }
    return Optional.of(Duration.ZERO);
  }

  private void requireCounted(String resource) {
    io.github.cloudtwin.internal.kernel.Require.notBlank("resource", resource);
    List<String> counted = countedResources();
    if (!counted.contains(resource))
      throw new ValidationException("resource", resource, "a resource the run counts " + counted);
  }

  /**
   * {@return the resources the samples count: groups, target groups and services as {@code
   * type/name}}
   */
  public List<String> countedResources() {
    List<String> out = new ArrayList<>();
    if (samples.isEmpty()) return out;
    MinuteSample s = samples.get(samples.size() - 1);
    for (String g : s.inService().keySet()) out.add("group/" + g);
    for (String g : s.healthyTargets().keySet()) out.add("target-group/" + g);
    for (String g : s.runningTasks().keySet()) out.add("service/" + g);
    return out;
  }

  /**
   * The timeline events of one minute of the run (the minute ending at {@code end}), for people.
   *
   * @param end the minute's end, as an offset from the experiment's start
   * @return the events, oldest first
   */
  public List<TimelineEvent> eventsOfMinute(Duration end) {
    Instant to = start.plus(end);
    Instant from = to.minusSeconds(60);
    List<TimelineEvent> out = new ArrayList<>();
    for (TimelineEvent e : timeline.events()) {
      if (e.id() < firstEventId) continue;
      if (!e.time().isBefore(from) && !e.time().isAfter(to)) out.add(e);
    }
    return out;
  }

  @Override
  public String toString() {
    return "ExperimentResult["
        + experiment.name()
        + ", "
        + state()
        + ", "
        + samples.size()
        + " minutes, error rate "
        + errorRate()
        + "]";
  }
}
