package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** The lifecycle state of an instance in an Auto Scaling group, with AWS's names. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LifecycleState {
  /** Launched, booting. */
  PENDING("Pending"),
  /** Waiting for a launch lifecycle hook to complete. */
  PENDING_WAIT("Pending:Wait"),
  /** The launch hook completed; about to go in service. */
  PENDING_PROCEED("Pending:Proceed"),
  /** In service: counts as capacity, registered with the group's target groups. */
  IN_SERVICE("InService"),
  /** Leaving service for Standby (deregistering). */
  ENTERING_STANDBY("EnteringStandby"),
  /** In Standby: part of the group, not in service, not health-checked. */
  STANDBY("Standby"),
  /** Being terminated (draining from the load balancer first, if any). */
  TERMINATING("Terminating"),
  /** Waiting for a termination lifecycle hook to complete. */
  TERMINATING_WAIT("Terminating:Wait"),
  /** The termination hook completed; the EC2 instance is being terminated. */
  TERMINATING_PROCEED("Terminating:Proceed"),
  /** Gone from the group. */
  TERMINATED("Terminated");

  private final String awsName;

  LifecycleState(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the state as the Auto Scaling API writes it, such as {@code Pending:Wait}} */
  public String awsName() {
    return awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
