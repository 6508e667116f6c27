package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * AWS's {@code ScalingActivityInProgress} error: a call that honours the cooldown while a scaling
 * activity or cooldown is in progress.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
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
