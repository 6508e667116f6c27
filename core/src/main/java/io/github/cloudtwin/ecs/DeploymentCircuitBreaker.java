package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/**
 * The deployment circuit breaker: with {@code enable}, a deployment whose tasks keep failing is
 * marked FAILED once the failures reach {@code min(200, max(3, ceil(0.5 x desired)))}; with {@code
 * rollback}, the last COMPLETED deployment is redeployed.
 *
 * @param enable whether the breaker watches deployments
 * @param rollback whether a failed deployment rolls back
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record DeploymentCircuitBreaker(boolean enable, boolean rollback) {

  /** Disabled (the default). */
  public static final DeploymentCircuitBreaker DISABLED =
      new DeploymentCircuitBreaker(false, false);

  /**
   * The failure threshold for {@code desiredCount}: min(200, max(3, ceil(desired / 2))).
   *
   * @param desiredCount the desired count
   * @return the failure threshold for {@code desiredCount}: min(200, max(3, ceil(desired / 2)))
   */
  public static int threshold(int desiredCount) {
    return Math.min(200, Math.max(3, (desiredCount + 1) / 2));
  }
}
