package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/**
 * EC2's {@code InstanceLimitExceeded} error: a launch beyond the twin's instance quota (the account
 * quota that stops a runaway group in AWS). Auto Scaling records it as a failed launch.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class InstanceLimitExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error for a launch of {@code instanceType} in {@code zone} beyond {@code quota}.
   *
   * @param instanceType the instance type
   * @param zone the zone
   * @param quota the quota
   */
  public InstanceLimitExceededException(String instanceType, String zone, int quota) {
    super(
        "InstanceLimitExceeded: You have requested more instances than your current instance limit of "
            + quota
            + " allows (a launch of "
            + instanceType
            + " in "
            + zone
            + ").");
  }
}
