package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/**
 * Why a composite alarm's actions are suppressed, as {@code CompositeAlarm.ActionsSuppressedBy}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ActionsSuppressedBy {
  /** The composite alarm waits for the suppressor to go into ALARM ({@code WaitPeriod}). */
  WAIT_PERIOD("WaitPeriod"),
  /** The suppressor left ALARM less than the extension period ago ({@code ExtensionPeriod}). */
  EXTENSION_PERIOD("ExtensionPeriod"),
  /** The suppressor is in ALARM ({@code Alarm}). */
  ALARM("Alarm");

  private final String awsName;

  ActionsSuppressedBy(String awsName) {
    this.awsName = awsName;
  }

  /** {@return AWS's name: {@code WaitPeriod}, {@code ExtensionPeriod} or {@code Alarm}} */
  public String awsName() {
    return awsName;
  }

  /**
   * {@return AWS's {@code ActionsSuppressedReason}, such as {@code Actions suppressed by
   * WaitPeriod}}
   */
  public String reason() {
    return "Actions suppressed by " + awsName;
  }
}
