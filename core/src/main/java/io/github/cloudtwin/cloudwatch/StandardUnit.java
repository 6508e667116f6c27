package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/** CloudWatch's units, with AWS's spelling available from {@link #awsName()}. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum StandardUnit {
  /** {@code Seconds}. */
  SECONDS("Seconds"),
  /** {@code Microseconds}. */
  MICROSECONDS("Microseconds"),
  /** {@code Milliseconds}. */
  MILLISECONDS("Milliseconds"),
  /** {@code Bytes}. */
  BYTES("Bytes"),
  /** {@code Kilobytes}. */
  KILOBYTES("Kilobytes"),
  /** {@code Megabytes}. */
  MEGABYTES("Megabytes"),
  /** {@code Gigabytes}. */
  GIGABYTES("Gigabytes"),
  /** {@code Bits}. */
  BITS("Bits"),
  /** {@code Percent}. */
  PERCENT("Percent"),
  /** {@code Count}. */
  COUNT("Count"),
  /** {@code Bytes/Second}. */
  BYTES_PER_SECOND("Bytes/Second"),
  /** {@code Bits/Second}. */
  BITS_PER_SECOND("Bits/Second"),
  /** {@code Count/Second}. */
  COUNT_PER_SECOND("Count/Second"),
  /** {@code None}. */
  NONE("None");

  private final String awsName;

  StandardUnit(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the unit as AWS writes it, such as {@code Percent}} */
  public String awsName() {
    return awsName;
  }
}
