package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.kernel.Timeline;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An alarm is in another state than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldBeInState extends CloudTwinErrorMessage {

  private ShouldBeInState(String text) {
    super(text);
  }

  /**
   * The failure message of {@code shouldBeInState}.
   *
   * @param timeline the twin's timeline, or null when the assertion has none
   * @param alarm the alarm
   * @param expected the expected value
   * @return the failure message
   */
  public static ShouldBeInState shouldBeInState(
      MetricAlarm alarm, AlarmState expected, @Nullable Timeline timeline) {
    StringBuilder sb =
        AlarmFacts.expectingState(
            "alarm",
            alarm.alarmName(),
            expected,
            alarm.state(),
            alarm.stateUpdatedTimestamp(),
            alarm.stateReason(),
            timeline);
    String last = AlarmFacts.lastTimeIn(alarm, expected, timeline);
    if (last != null) {
      sb.append(last).append('\n');
    } else {
      String newest = AlarmFacts.newestEvaluation(alarm, timeline);
      if (newest != null) sb.append(newest).append('\n');
    }
    return new ShouldBeInState(sb.toString().stripTrailing());
  }
}
