package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An alarm did not move to a state at the expected virtual offset. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveTransitionedAt extends CloudTwinErrorMessage {

  private ShouldHaveTransitionedAt(String text) {
    super(text);
  }

  /**
   * The failure message of {@code shouldHaveTransitionedAt}.
   *
   * @param closest the transition to {@code state} nearest to {@code offset}, or null
   * @param alarm the alarm
   * @param state the state
   * @param offset the offset
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldHaveTransitionedAt shouldHaveTransitionedAt(
      MetricAlarm alarm,
      AlarmState state,
      Duration offset,
      @Nullable AlarmHistoryItem closest,
      Timeline timeline) {
    return build(
        alarm, state, "at " + TimelineFormat.offset(offset), offset, offset, closest, timeline);
  }

  /**
   * Creates the failure message for a transition expected within a window of time.
   *
   * @param closest the transition to {@code state} nearest to the window {@code [from, to]}, or
   *     null
   * @param alarm the alarm
   * @param state the state
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldHaveTransitionedAt shouldHaveTransitionedBetween(
      MetricAlarm alarm,
      AlarmState state,
      Duration from,
      Duration to,
      @Nullable AlarmHistoryItem closest,
      Timeline timeline) {
    return build(
        alarm,
        state,
        "between " + TimelineFormat.offset(from) + " and " + TimelineFormat.offset(to),
        from,
        to,
        closest,
        timeline);
  }

  private static ShouldHaveTransitionedAt build(
      MetricAlarm alarm,
      AlarmState state,
      String when,
      Duration from,
      Duration to,
      @Nullable AlarmHistoryItem closest,
      Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting alarm \"")
        .append(alarm.alarmName())
        .append("\" to go to ")
        .append(state)
        .append(' ')
        .append(when)
        .append(" (virtual time)\n");
    if (closest == null) {
      sb.append("but it never went to ")
          .append(state)
          .append(" (it is ")
          .append(alarm.state())
          .append(").\n");
    } else {
      Duration at = Duration.between(timeline.t0(), closest.timestamp());
      Duration off = at.compareTo(from) < 0 ? at.minus(from) : at.minus(to);
      sb.append("but it went to ")
          .append(state)
          .append(" at ")
          .append(TimelineFormat.offset(at))
          .append(" (")
          .append(TimelineSlice.relative(off))
          .append(").\n");
    }
    sb.append(TimelineSlice.about(timeline, "alarm/" + alarm.alarmName()));
    if (closest == null) {
      String newest = AlarmFacts.newestEvaluation(alarm, timeline);
      if (newest != null) sb.append(newest).append('\n');
    }
    return new ShouldHaveTransitionedAt(sb.toString().stripTrailing());
  }
}
