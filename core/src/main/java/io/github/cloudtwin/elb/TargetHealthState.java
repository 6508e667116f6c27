package io.github.cloudtwin.elb;

/** The state of a target in {@code DescribeTargetHealth}. */
public enum TargetHealthState {
  INITIAL("initial"),
  HEALTHY("healthy"),
  UNHEALTHY("unhealthy"),
  UNUSED("unused"),
  DRAINING("draining"),
  UNAVAILABLE("unavailable");

  private final String awsName;

  TargetHealthState(String awsName) {
    this.awsName = awsName;
  }

  /** The state as AWS writes it, such as {@code draining}. */
  public String awsName() {
    return awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
