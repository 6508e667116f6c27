package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The part of a timeline that explains a failure: the events of the resources in question and the
 * events that caused them, newest last, at most {@link #MAX_LINES} lines. Stateless.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TimelineSlice {

  /** The most event lines a failure message shows. */
  public static final int MAX_LINES = 12;

  private TimelineSlice() {}

  /**
   * The slice about {@code resource} (exact), with causes.
   *
   * @param timeline the timeline
   * @param resource the resource
   * @return the slice about {@code resource} (exact), with causes
   */
  public static String about(Timeline timeline, String resource) {
    return of(timeline, e -> e.resource().equals(resource));
  }

  /**
   * The slice of the events that match {@code relevant}, with their causes.
   *
   * @param timeline the timeline
   * @param relevant the relevant
   * @return the slice of the events that match {@code relevant}, with their causes
   */
  public static String of(Timeline timeline, Predicate<TimelineEvent> relevant) {
    List<TimelineEvent> all = timeline.events();
    TreeMap<Long, TimelineEvent> chosen = new TreeMap<>();
    for (TimelineEvent e : all) {
      if (relevant.test(e)) {
        chosen.put(e.id(), e);
        long cause = e.causeId();
        while (cause != 0 && !chosen.containsKey(cause)) {
          TimelineEvent c = all.get((int) cause - 1);
          chosen.put(cause, c);
          cause = c.causeId();
        }
      }
    }
    if (chosen.isEmpty()) {
      return format(all, timeline.t0()); // nothing about it: the newest events say what did happen
    }
    return format(new ArrayList<>(chosen.values()), timeline.t0());
  }

  /**
   * The newest events of the whole timeline, for failures about no resource in particular.
   *
   * @param timeline the timeline
   * @return the newest events of the whole timeline, for failures about no resource in particular
   */
  public static String last(Timeline timeline) {
    return format(timeline.events(), timeline.t0());
  }

  static String format(List<TimelineEvent> events, Instant t0) {
    int total = events.size();
    List<TimelineEvent> shown = events.subList(Math.max(0, total - MAX_LINES), total);
    String count =
        shown.size() == total
            ? total + (total == 1 ? " event" : " events")
            : "last " + shown.size() + " of " + total + " events";
    return TimelineFormat.format("Timeline (" + count + ", t0 = " + t0 + "):", shown, t0);
  }

  /**
   * {@code +HH:MM:SS} of {@code time} from {@code t0}.
   *
   * @param t0 the instant offsets are measured from
   * @param time the time
   * @return {@code +HH:MM:SS} of {@code time} from {@code t0}
   */
  public static String offset(Instant t0, Instant time) {
    return TimelineFormat.offset(Duration.between(t0, time));
  }

  /**
   * A short duration text: {@code 1m}, {@code 1m30s}, {@code 2h}, {@code 500ms}.
   *
   * @param d the duration
   * @return a short duration text: {@code 1m}, {@code 1m30s}, {@code 2h}, {@code 500ms}
   */
  public static String shortText(Duration d) {
    Duration a = d.abs();
    StringBuilder sb = new StringBuilder();
    if (a.toDays() > 0) sb.append(a.toDays()).append('d');
    if (a.toHoursPart() > 0) sb.append(a.toHoursPart()).append('h');
    if (a.toMinutesPart() > 0) sb.append(a.toMinutesPart()).append('m');
    if (a.toSecondsPart() > 0) sb.append(a.toSecondsPart()).append('s');
    if (a.toMillisPart() > 0) sb.append(a.toMillisPart()).append("ms");
    return sb.length() == 0 ? "0s" : sb.toString();
  }

  /**
   * "1m later", "30s earlier" or "at the same time".
   *
   * @param fromExpectedToActual the from expected to actual
   * @return "1m later", "30s earlier" or "at the same time"
   */
  public static String relative(Duration fromExpectedToActual) {
    if (fromExpectedToActual.isZero()) return "at the same time";
    return shortText(fromExpectedToActual)
        + (fromExpectedToActual.isNegative() ? " earlier" : " later");
  }
}
