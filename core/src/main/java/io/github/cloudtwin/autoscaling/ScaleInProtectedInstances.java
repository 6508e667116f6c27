package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * What an instance refresh does with instances protected from scale-in, as {@code
 * RefreshPreferences}' {@code ScaleInProtectedInstances} names it (default {@code Wait} through the
 * API and the SDKs,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/understand-instance-refresh-default-values.html).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ScaleInProtectedInstances {
  /** Refresh: protected instances are replaced like the others. */
  REFRESH("Refresh"),
  /** Ignore: protected instances are left as they are; the others are replaced. */
  IGNORE("Ignore"),
  /** Wait: the refresh waits one hour for their protection to be removed, else it fails. */
  WAIT("Wait");

  private final String awsName;

  ScaleInProtectedInstances(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the value as the API writes it, such as {@code Refresh}} */
  public String awsName() {
    return awsName;
  }

  /**
   * {@return the value named {@code name} as the API writes it, or a ValidationException}
   *
   * @param name {@code Refresh}, {@code Ignore} or {@code Wait}
   */
  public static ScaleInProtectedInstances fromAwsName(String name) {
    for (ScaleInProtectedInstances s : values()) if (s.awsName.equals(name)) return s;
    throw new io.github.cloudtwin.kernel.ValidationException(
        "ScaleInProtectedInstances", name, "one of Refresh, Ignore, Wait");
  }

  @Override
  public String toString() {
    return awsName;
  }
}
