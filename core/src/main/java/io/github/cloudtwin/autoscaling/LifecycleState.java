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
  TERMINATED("Terminated"),
  /** Launching into the warm pool (or returning to it on scale-in), booting. */
  WARMED_PENDING("Warmed:Pending"),
  /** In the warm pool, waiting for a lifecycle hook to complete. */
  WARMED_PENDING_WAIT("Warmed:Pending:Wait"),
  /** In the warm pool, the hook completed; about to be stopped, hibernated or kept running. */
  WARMED_PENDING_PROCEED("Warmed:Pending:Proceed"),
  /** A warm pool instance being terminated. */
  WARMED_TERMINATING("Warmed:Terminating"),
  /** A warm pool instance waiting for a termination lifecycle hook to complete. */
  WARMED_TERMINATING_WAIT("Warmed:Terminating:Wait"),
  /** A warm pool instance whose termination hook completed; being terminated. */
  WARMED_TERMINATING_PROCEED("Warmed:Terminating:Proceed"),
  /** A warm pool instance that is gone. */
  WARMED_TERMINATED("Warmed:Terminated"),
  /** Ready in a warm pool whose pool state is Stopped. */
  WARMED_STOPPED("Warmed:Stopped"),
  /** Ready in a warm pool whose pool state is Running. */
  WARMED_RUNNING("Warmed:Running"),
  /** Ready in a warm pool whose pool state is Hibernated. */
  WARMED_HIBERNATED("Warmed:Hibernated");

  private final String awsName;

  LifecycleState(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the state as the Auto Scaling API writes it, such as {@code Pending:Wait}} */
  public String awsName() {
    return awsName;
  }

  /**
   * {@return whether this is a state of a warm pool instance ({@code Warmed:*}): such an instance
   * is not part of the group's capacity}
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public boolean isWarmed() {
    return ordinal() >= WARMED_PENDING.ordinal();
  }

  @Override
  public String toString() {
    return awsName;
  }
}
