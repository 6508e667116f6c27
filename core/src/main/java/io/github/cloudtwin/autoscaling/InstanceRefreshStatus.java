package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * The status of an instance refresh, with AWS's names
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstanceRefresh.html).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum InstanceRefreshStatus {
  /** The request was created, but the instance refresh has not started. */
  PENDING("Pending"),
  /** The instance refresh is replacing instances. */
  IN_PROGRESS("InProgress"),
  /** The instance refresh completed successfully. */
  SUCCESSFUL("Successful"),
  /** The instance refresh failed; its status reason says why. */
  FAILED("Failed"),
  /** A cancel was asked for; in-flight launches and terminations are finishing. */
  CANCELLING("Cancelling"),
  /** The instance refresh is cancelled (replacements made so far stay). */
  CANCELLED("Cancelled"),
  /** The instance refresh is being rolled back to the configuration before it. */
  ROLLBACK_IN_PROGRESS("RollbackInProgress"),
  /** The rollback failed to complete. */
  ROLLBACK_FAILED("RollbackFailed"),
  /** The rollback completed successfully. */
  ROLLBACK_SUCCESSFUL("RollbackSuccessful"),
  /** Every instance is updated; waiting the bake time before the refresh counts as successful. */
  BAKING("Baking");

  private final String awsName;

  InstanceRefreshStatus(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the status as the API writes it, such as {@code InProgress}} */
  public String awsName() {
    return awsName;
  }

  /**
   * {@return whether the refresh is still active: Pending, InProgress, Baking, Cancelling or
   * RollbackInProgress (a new one cannot start meanwhile)}
   */
  public boolean isActive() {
    return switch (this) {
      case PENDING, IN_PROGRESS, BAKING, CANCELLING, ROLLBACK_IN_PROGRESS -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return awsName;
  }
}
