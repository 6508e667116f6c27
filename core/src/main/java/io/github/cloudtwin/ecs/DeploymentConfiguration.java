package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * How a rolling deployment may proceed: at least {@code ceil(desired x minimumHealthyPercent /
 * 100)} healthy tasks, at most {@code floor(desired x maximumPercent / 100)} tasks RUNNING, PENDING
 * or STOPPING.
 *
 * @param minimumHealthyPercent 0-100, default 100 (REPLICA) or 0 (DAEMON)
 * @param maximumPercent 100-200... default 200 (REPLICA) or 100 (DAEMON)
 * @param deploymentCircuitBreaker the circuit breaker, default disabled
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record DeploymentConfiguration(
    int minimumHealthyPercent,
    int maximumPercent,
    DeploymentCircuitBreaker deploymentCircuitBreaker) {

  /** REPLICA defaults: 100 %, 200 %, breaker off. */
  public static final DeploymentConfiguration REPLICA_DEFAULT =
      new DeploymentConfiguration(100, 200, DeploymentCircuitBreaker.DISABLED);

  /** DAEMON defaults (API): 0 %, 100 %. */
  public static final DeploymentConfiguration DAEMON_DEFAULT =
      new DeploymentConfiguration(0, 100, DeploymentCircuitBreaker.DISABLED);

  /**
   * Validates.
   *
   * @param minimumHealthyPercent 0-100, default 100 (REPLICA) or 0 (DAEMON)
   * @param maximumPercent 100-200... default 200 (REPLICA) or 100 (DAEMON)
   * @param deploymentCircuitBreaker the circuit breaker, default disabled
   */
  public DeploymentConfiguration {
    Require.between("deploymentConfiguration.minimumHealthyPercent", minimumHealthyPercent, 0, 100);
    Require.between("deploymentConfiguration.maximumPercent", maximumPercent, 100, 10_000);
    Require.notNull("deploymentConfiguration.deploymentCircuitBreaker", deploymentCircuitBreaker);
    if (maximumPercent < minimumHealthyPercent) {
      throw new ValidationException(
          "deploymentConfiguration.maximumPercent",
          maximumPercent,
          "at least minimumHealthyPercent");
    }
  }

  /**
   * A configuration with these limits and no circuit breaker.
   *
   * @param minimumHealthyPercent the minimum healthy percent
   * @param maximumPercent the maximum percent
   * @return a configuration with these limits and no circuit breaker
   */
  public static DeploymentConfiguration of(int minimumHealthyPercent, int maximumPercent) {
    return new DeploymentConfiguration(
        minimumHealthyPercent, maximumPercent, DeploymentCircuitBreaker.DISABLED);
  }

  /**
   * This configuration with a circuit breaker.
   *
   * @param enable the enable
   * @param rollback the rollback
   * @return this configuration with a circuit breaker
   */
  public DeploymentConfiguration withCircuitBreaker(boolean enable, boolean rollback) {
    return new DeploymentConfiguration(
        minimumHealthyPercent, maximumPercent, new DeploymentCircuitBreaker(enable, rollback));
  }

  /**
   * The fewest healthy tasks during a deployment: ceil(desired x min / 100).
   *
   * @param desired the desired
   * @return the fewest healthy tasks during a deployment: ceil(desired x min / 100)
   */
  public int floor(int desired) {
    return (int) Math.ceil(desired * minimumHealthyPercent / 100.0);
  }

  /**
   * The most tasks RUNNING, PENDING or STOPPING: floor(desired x max / 100).
   *
   * @param desired the desired
   * @return the most tasks RUNNING, PENDING or STOPPING: floor(desired x max / 100)
   */
  public int ceiling(int desired) {
    return (int) Math.floor(desired * maximumPercent / 100.0);
  }
}
