package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/** The lifecycle state of an EC2 instance, with AWS's names. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum InstanceState {
  /** Booting; becomes running after the boot time. */
  PENDING("pending"),
  /** Running. */
  RUNNING("running"),
  /** Being stopped. */
  STOPPING("stopping"),
  /** Stopped; can be started again. */
  STOPPED("stopped"),
  /** Being terminated. */
  SHUTTING_DOWN("shutting-down"),
  /** Gone. */
  TERMINATED("terminated");

  private final String awsName;

  InstanceState(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the state as the EC2 API writes it, such as {@code shutting-down}} */
  public String awsName() {
    return awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
