package io.github.cloudtwin.cloudwatch;

/** CloudWatch's units, with AWS's spelling available from {@link #awsName()}. */
public enum StandardUnit {
  SECONDS("Seconds"),
  MICROSECONDS("Microseconds"),
  MILLISECONDS("Milliseconds"),
  BYTES("Bytes"),
  KILOBYTES("Kilobytes"),
  MEGABYTES("Megabytes"),
  GIGABYTES("Gigabytes"),
  BITS("Bits"),
  PERCENT("Percent"),
  COUNT("Count"),
  BYTES_PER_SECOND("Bytes/Second"),
  BITS_PER_SECOND("Bits/Second"),
  COUNT_PER_SECOND("Count/Second"),
  NONE("None");

  private final String awsName;

  StandardUnit(String awsName) {
    this.awsName = awsName;
  }

  /** The unit as AWS writes it, such as {@code Percent}. */
  public String awsName() {
    return awsName;
  }
}
