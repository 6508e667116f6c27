package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.kernel.Timeline;

/** A composite alarm is in another state than expected. */
public final class ShouldBeInCompositeState extends CloudTwinErrorMessage {

  private ShouldBeInCompositeState(String text) {
    super(text);
  }

  /**
   * The failure message of {@code isInState} on a composite alarm: the state and its reason, the
   * alarm's timeline slice and its rule.
   *
   * @param alarm the alarm
   * @param expected the expected state
   * @param timeline the twin's timeline, or null when the assertion has none
   * @return the failure message
   */
  public static ShouldBeInCompositeState shouldBeInState(CompositeAlarm alarm, AlarmState expected, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting composite alarm \"").append(alarm.alarmName()).append("\" to be in state ").append(expected).append('\n');
    sb.append("but it is ").append(alarm.state()).append(" (since ")
        .append(AlarmFacts.when(timeline, alarm.stateUpdatedTimestamp())).append("): ")
        .append(alarm.stateReason()).append('\n');
    if (timeline != null) sb.append(TimelineSlice.about(timeline, "alarm/" + alarm.alarmName()));
    sb.append("Rule: ").append(alarm.spec().alarmRule()).append('\n');
    return new ShouldBeInCompositeState(sb.toString().stripTrailing());
  }
}
