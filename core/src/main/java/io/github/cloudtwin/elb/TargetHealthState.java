package io.github.cloudtwin.elb;

import org.apiguardian.api.API;

/** The state of a target in {@code DescribeTargetHealth}. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TargetHealthState {
  /** Registration or the first health checks are in progress. */
  INITIAL("initial"),
  /** Passing its health checks; receives traffic. */
  HEALTHY("healthy"),
  /** Failing its health checks. */
  UNHEALTHY("unhealthy"),
  /** Not used: the target group serves no listener, or the target is in a disabled zone. */
  UNUSED("unused"),
  /** Deregistering; in-flight requests may finish within the deregistration delay. */
  DRAINING("draining"),
  /** Health checks are disabled. */
  UNAVAILABLE("unavailable");

  private final String awsName;

  TargetHealthState(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the state as AWS writes it, such as {@code draining}} */
  public String awsName() {
    return awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
