package io.github.cloudtwin.autoscaling;

/**
 * AWS's {@code ScalingActivityInProgress} error: a call that honours the cooldown while a scaling
 * activity or cooldown is in progress.
 */
public class ScalingActivityInProgressException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error with AWS's message for {@code group}.
   *
   * @param group the group
   * @param detail the detail
   */
  public ScalingActivityInProgressException(String group, String detail) {
    super(
        "ScalingActivityInProgress: Scaling activity or cooldown is in progress for Auto Scaling group "
            + group
            + " and blocks this action ("
            + detail
            + ")");
  }
}
