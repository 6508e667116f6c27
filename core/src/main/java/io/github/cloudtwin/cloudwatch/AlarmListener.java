package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/**
 * Told about every alarm state change, on the simulation thread, after the alarm's state and
 * history are updated and before its actions run. Tests can register a Mockito mock.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface AlarmListener {

  /**
   * {@code alarm} moved from {@code from} to {@code to} for {@code reason}.
   *
   * @param alarm the alarm
   * @param from the state the alarm left
   * @param to the state the alarm entered
   * @param reason the reason
   */
  void stateChanged(MetricAlarm alarm, AlarmState from, AlarmState to, String reason);
}
