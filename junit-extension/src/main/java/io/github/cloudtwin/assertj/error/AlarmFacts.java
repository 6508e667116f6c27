package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmHistoryItem;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Facts about an alarm that failure messages share. */
final class AlarmFacts {

  private AlarmFacts() {}

  /** An instant as an offset when the timeline is known, else as the instant. */
  static String when(@Nullable Timeline timeline, Instant at) {
    return timeline == null ? at.toString() : TimelineSlice.offset(timeline.t0(), at);
  }

  /**
   * "Expecting &lt;kind&gt; "name" to be in state X / but it is Y (since +hh:mm:ss): reason", then
   * the alarm's timeline slice.
   */
  static StringBuilder expectingState(
      String kind,
      String name,
      AlarmState expected,
      AlarmState actual,
      java.time.Instant since,
      String reason,
      @Nullable Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ")
        .append(kind)
        .append(" \"")
        .append(name)
        .append("\" to be in state ")
        .append(expected)
        .append('\n');
    sb.append("but it is ")
        .append(actual)
        .append(" (since ")
        .append(when(timeline, since))
        .append("): ")
        .append(reason)
        .append('\n');
    if (timeline != null) sb.append(TimelineSlice.about(timeline, "alarm/" + name));
    return sb;
  }

  /** The newest evaluation against the rule, or null before the first one. */
  static @Nullable String newestEvaluation(MetricAlarm alarm, @Nullable Timeline timeline) {
    MetricAlarm.Evaluation e = alarm.lastEvaluation();
    if (e == null) return null;
    MetricAlarmSpec s = alarm.spec();
    StringBuilder sb =
        new StringBuilder("Newest evaluation at ")
            .append(when(timeline, e.evaluatedAt()))
            .append(": datapoints ");
    List<Double> points = e.datapoints();
    sb.append('[');
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) sb.append(", ");
      double v = points.get(i);
      sb.append(Double.isNaN(v) ? "missing" : Double.toString(v));
    }
    sb.append("], rule ")
        .append(s.watched())
        .append(' ')
        .append(s.comparisonOperator().symbol())
        .append(' ')
        .append(s.threshold())
        .append(" for ")
        .append(s.datapointsToAlarm())
        .append(" of ")
        .append(s.evaluationPeriods())
        .append(" x ")
        .append(s.period().getSeconds())
        .append(" s.");
    return sb.toString();
  }

  /** "It was last in ALARM from +00:02:00 to +00:04:00." or null when it never was. */
  static @Nullable String lastTimeIn(
      MetricAlarm alarm, AlarmState state, @Nullable Timeline timeline) {
    List<AlarmHistoryItem> h = alarm.stateHistory();
    for (int i = h.size() - 1; i >= 0; i--) {
      if (h.get(i).newState() == state) {
        StringBuilder sb =
            new StringBuilder("It was last in ")
                .append(state)
                .append(" from ")
                .append(when(timeline, h.get(i).timestamp()));
        if (i + 1 < h.size()) sb.append(" to ").append(when(timeline, h.get(i + 1).timestamp()));
        return sb.append('.').toString();
      }
    }
    return null;
  }
}
