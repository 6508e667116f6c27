package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.kernel.Timeline;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A composite alarm is in another state than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
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
  public static ShouldBeInCompositeState shouldBeInState(
      CompositeAlarm alarm, AlarmState expected, @Nullable Timeline timeline) {
    StringBuilder sb =
        AlarmFacts.expectingState(
            "composite alarm",
            alarm.alarmName(),
            expected,
            alarm.state(),
            alarm.stateUpdatedTimestamp(),
            alarm.stateReason(),
            timeline);
    sb.append("Rule: ").append(alarm.spec().alarmRule()).append('\n');
    return new ShouldBeInCompositeState(sb.toString().stripTrailing());
  }
}
