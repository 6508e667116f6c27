package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * What an instance refresh does with instances in {@code Standby}, as {@code RefreshPreferences}'
 * {@code StandbyInstances} names it (default {@code Wait} through the API and the SDKs,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/understand-instance-refresh-default-values.html).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum StandbyInstances {
  /** Terminate: Standby instances are terminated (they hold no capacity, so none replaces them). */
  TERMINATE("Terminate"),
  /** Ignore: Standby instances are left as they are; the refresh replaces the InService ones. */
  IGNORE("Ignore"),
  /**
   * Wait: the refresh waits one hour for them to return to service (then replaces them), else it
   * fails.
   */
  WAIT("Wait");

  private final String awsName;

  StandbyInstances(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the value as the API writes it, such as {@code Wait}} */
  public String awsName() {
    return awsName;
  }

  /**
   * {@return the value named {@code name} as the API writes it, or a ValidationException}
   *
   * @param name {@code Terminate}, {@code Ignore} or {@code Wait}
   */
  public static StandbyInstances fromAwsName(String name) {
    for (StandbyInstances s : values()) if (s.awsName.equals(name)) return s;
    throw new io.github.cloudtwin.kernel.ValidationException(
        "StandbyInstances", name, "one of Terminate, Ignore, Wait");
  }

  @Override
  public String toString() {
    return awsName;
  }
}
