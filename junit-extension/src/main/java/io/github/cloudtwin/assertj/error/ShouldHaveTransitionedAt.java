package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;

/** An alarm did not move to a state at the expected virtual offset. */
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
      MetricAlarm alarm, AlarmState state, Duration offset, AlarmHistoryItem closest, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting alarm \"").append(alarm.alarmName()).append("\" to go to ").append(state).append(" at ")
        .append(TimelineFormat.offset(offset)).append(" (virtual time)\n");
    if (closest == null) {
      sb.append("but it never went to ").append(state).append(" (it is ").append(alarm.state()).append(").\n");
    } else {
      Duration at = Duration.between(timeline.t0(), closest.timestamp());
      sb.append("but it went to ").append(state).append(" at ").append(TimelineFormat.offset(at)).append(" (")
          .append(TimelineSlice.relative(at.minus(offset))).append(").\n");
    }
    sb.append(TimelineSlice.about(timeline, "alarm/" + alarm.alarmName()));
    if (closest == null) {
      String newest = AlarmFacts.newestEvaluation(alarm, timeline);
      if (newest != null) sb.append(newest).append('\n');
    }
    return new ShouldHaveTransitionedAt(sb.toString().stripTrailing());
  }
}
