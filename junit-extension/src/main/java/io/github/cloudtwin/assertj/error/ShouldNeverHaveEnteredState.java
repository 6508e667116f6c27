package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.kernel.Timeline;
import java.util.List;
import org.apiguardian.api.API;

/** An alarm entered a state it should never have entered. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldNeverHaveEnteredState extends CloudTwinErrorMessage {

  private ShouldNeverHaveEnteredState(String text) {
    super(text);
  }

  /**
   * The alarm never saw a datapoint: "never entered" would hold without evidence.
   *
   * @param alarm the alarm
   * @param state the state
   * @param timeline the timeline
   * @return the alarm never saw a datapoint: "never entered" would hold without evidence
   */
  public static ShouldNeverHaveEnteredState shouldHaveSeenData(
      MetricAlarm alarm, AlarmState state, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting alarm \"")
        .append(alarm.alarmName())
        .append("\" never to enter ")
        .append(state)
        .append('\n');
    sb.append("but no evaluation of it ever found a datapoint of ")
        .append(alarm.spec().isMetricMath() ? alarm.spec().watched() : alarm.spec().metric())
        .append(
            ", so that would prove nothing (check the metric's name and dimensions, and advance the twin).\n");
    if (timeline != null) sb.append(TimelineSlice.about(timeline, "alarm/" + alarm.alarmName()));
    return new ShouldNeverHaveEnteredState(sb.toString().stripTrailing());
  }

  /**
   * Creates the failure message for an alarm that entered a state it never should have.
   *
   * @param entries the transitions into {@code state}, oldest first (at least one)
   * @param alarm the alarm
   * @param state the state
   * @param timeline the timeline
   * @return the failure message
   */
  public static ShouldNeverHaveEnteredState shouldNeverHaveEntered(
      MetricAlarm alarm, AlarmState state, List<AlarmHistoryItem> entries, Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting alarm \"")
        .append(alarm.alarmName())
        .append("\" never to enter ")
        .append(state)
        .append('\n');
    AlarmHistoryItem first = entries.get(0);
    sb.append("but it did at ").append(AlarmFacts.when(timeline, first.timestamp()));
    if (entries.size() > 1) {
      sb.append(" (and ")
          .append(entries.size() - 1)
          .append(entries.size() == 2 ? " more time)" : " more times)");
    }
    sb.append(": ").append(first.reason()).append('\n');
    if (timeline != null) sb.append(TimelineSlice.about(timeline, "alarm/" + alarm.alarmName()));
    return new ShouldNeverHaveEnteredState(sb.toString().stripTrailing());
  }
}
