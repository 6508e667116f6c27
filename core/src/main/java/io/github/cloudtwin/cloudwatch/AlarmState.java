package io.github.cloudtwin.cloudwatch;

/** The state of a metric alarm, with AWS's names. */
public enum AlarmState {
  /** The metric is within the threshold. */
  OK,
  /** The metric breached the threshold for M of N periods. */
  ALARM,
  /** Not enough data to decide; every new alarm starts here. */
  INSUFFICIENT_DATA
}
