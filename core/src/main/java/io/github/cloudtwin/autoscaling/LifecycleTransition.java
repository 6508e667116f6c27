package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** When a lifecycle hook pauses an instance. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LifecycleTransition {
  /** {@code autoscaling:EC2_INSTANCE_LAUNCHING}: before InService (Pending:Wait). */
  LAUNCHING("autoscaling:EC2_INSTANCE_LAUNCHING"),
  /** {@code autoscaling:EC2_INSTANCE_TERMINATING}: before termination (Terminating:Wait). */
  TERMINATING("autoscaling:EC2_INSTANCE_TERMINATING");

  private final String awsName;

  LifecycleTransition(String awsName) {
    this.awsName = awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
