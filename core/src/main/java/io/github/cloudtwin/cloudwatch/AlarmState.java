package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/** The state of a metric alarm, with AWS's names. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum AlarmState {
  /** The metric is within the threshold. */
  OK,
  /** The metric breached the threshold for M of N periods. */
  ALARM,
  /** Not enough data to decide; every new alarm starts here. */
  INSUFFICIENT_DATA
}
