package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** A composite alarm changed state or ran its actions at other times than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveTakenCompositeActions extends CloudTwinErrorMessage {

  private ShouldHaveTakenCompositeActions(String text) {
    super(text);
  }

  private static String offsets(List<Duration> offsets) {
    if (offsets.isEmpty()) return "never";
    StringBuilder sb = new StringBuilder("at ");
    for (int i = 0; i < offsets.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(TimelineFormat.offset(offsets.get(i)));
    }
    return sb.toString();
  }

  private static ShouldHaveTakenCompositeActions with(
      StringBuilder sb, CompositeAlarm alarm, Timeline timeline) {
    sb.append(TimelineSlice.about(timeline, "alarm/" + alarm.alarmName()));
    String suppressor = alarm.spec().actionsSuppressor();
    sb.append("Rule: ")
        .append(alarm.spec().alarmRule())
        .append(
            suppressor == null
                ? ""
                : "; actions suppressor "
                    + suppressor
                    + " (wait "
                    + Objects.requireNonNull(
                            alarm.spec().actionsSuppressorWaitPeriod(),
                            "CompositeAlarmSpec requires a wait period with a suppressor")
                        .getSeconds()
                    + " s, extension "
                    + Objects.requireNonNull(
                            alarm.spec().actionsSuppressorExtensionPeriod(),
                            "CompositeAlarmSpec requires an extension period with a suppressor")
                        .getSeconds()
                    + " s)")
        .append('\n');
    return new ShouldHaveTakenCompositeActions(sb.toString().stripTrailing());
  }

  /**
   * The failure message of {@code tookActionsAt}.
   *
   * @param alarm the alarm
   * @param offset the expected offset
   * @param actions when its actions ran, oldest first
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldHaveTakenCompositeActions shouldHaveTakenActionsAt(
      CompositeAlarm alarm, Duration offset, List<Duration> actions, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting composite alarm \"")
        .append(alarm.alarmName())
        .append("\" to take its actions at ")
        .append(TimelineFormat.offset(offset))
        .append(" (virtual time)\n");
    sb.append("but it took them ").append(offsets(actions)).append(".\n");
    return with(sb, alarm, timeline);
  }

  /**
   * The failure message of {@code neverTookActionsIn} when actions ran in the state.
   *
   * @param alarm the alarm
   * @param state the state
   * @param actions when actions ran in that state
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldHaveTakenCompositeActions shouldNeverHaveTakenActions(
      CompositeAlarm alarm, AlarmState state, List<Duration> actions, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting composite alarm \"")
        .append(alarm.alarmName())
        .append("\" never to take actions in ")
        .append(state)
        .append('\n');
    sb.append("but it took them ").append(offsets(actions)).append(".\n");
    return with(sb, alarm, timeline);
  }

  /**
   * The failure message of {@code neverTookActionsIn} when the alarm never entered the state.
   *
   * @param alarm the alarm
   * @param state the state
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldHaveTakenCompositeActions shouldHaveEntered(
      CompositeAlarm alarm, AlarmState state, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting composite alarm \"")
        .append(alarm.alarmName())
        .append("\" never to take actions in ")
        .append(state)
        .append('\n');
    sb.append("but it never entered ")
        .append(state)
        .append(" (it is ")
        .append(alarm.state())
        .append("), so that would prove nothing.\n");
    return with(sb, alarm, timeline);
  }

  /**
   * The failure message of {@code transitionedToStateAt} on a composite alarm.
   *
   * @param alarm the alarm
   * @param state the state
   * @param offset the expected offset
   * @param entries when it entered {@code state}, oldest first
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldHaveTakenCompositeActions shouldHaveTransitionedAt(
      CompositeAlarm alarm,
      AlarmState state,
      Duration offset,
      List<Duration> entries,
      Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting composite alarm \"")
        .append(alarm.alarmName())
        .append("\" to go to ")
        .append(state)
        .append(" at ")
        .append(TimelineFormat.offset(offset))
        .append(" (virtual time)\n");
    sb.append("but it went to ")
        .append(state)
        .append(' ')
        .append(offsets(entries))
        .append(" (it is ")
        .append(alarm.state())
        .append(").\n");
    return with(sb, alarm, timeline);
  }
}
