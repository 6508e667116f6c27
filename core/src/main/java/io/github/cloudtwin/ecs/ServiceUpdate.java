package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What {@code UpdateService} takes: only the fields given change.
 *
 * @param cluster the cluster
 * @param service the service
 * @param desiredCount the new desired count, or null
 * @param taskDefinition a new task definition (starts a deployment), or null
 * @param deploymentConfiguration new limits / circuit breaker, or null
 * @param forceNewDeployment start a deployment even with the same task definition
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ServiceUpdate(
    String cluster,
    String service,
    @Nullable Integer desiredCount,
    @Nullable String taskDefinition,
    @Nullable DeploymentConfiguration deploymentConfiguration,
    boolean forceNewDeployment) {

  /**
   * Validates.
   *
   * @param cluster the cluster
   * @param service the service
   * @param desiredCount the new desired count, or null
   * @param taskDefinition a new task definition (starts a deployment), or null
   * @param deploymentConfiguration new limits / circuit breaker, or null
   * @param forceNewDeployment start a deployment even with the same task definition
   */
  public ServiceUpdate {
    Require.name("cluster", cluster);
    Require.name("service", service);
    if (desiredCount != null && desiredCount < 0) {
      throw new ValidationException(
          "desiredCount",
          desiredCount,
          "0 or greater",
          "Invalid desiredCount value. The desiredCount value must be 0 or greater.");
    }
  }

  /**
   * A builder for {@code service} in {@code cluster}.
   *
   * @param cluster the cluster
   * @param service the service
   * @return a builder for {@code service} in {@code cluster}
   */
  public static Builder builder(String cluster, String service) {
    return new Builder(cluster, service);
  }

  /** Builds {@link ServiceUpdate}s. Not thread-safe. */
  public static final class Builder {
    private final String cluster;
    private final String service;
    private @Nullable Integer desiredCount;
    private @Nullable String taskDefinition;
    private @Nullable DeploymentConfiguration deploymentConfiguration;
    private boolean forceNewDeployment;

    private Builder(String cluster, String service) {
      this.cluster = cluster;
      this.service = service;
    }

    /**
     * The new desired count.
     *
     * @param n the new desired count
     * @return this builder
     */
    public Builder desiredCount(int n) {
      this.desiredCount = n;
      return this;
    }

    /**
     * The new task definition.
     *
     * @param td the new task definition
     * @return this builder
     */
    public Builder taskDefinition(String td) {
      this.taskDefinition = td;
      return this;
    }

    /**
     * New deployment limits / breaker.
     *
     * @param c new deployment limits / breaker
     * @return this builder
     */
    public Builder deploymentConfiguration(DeploymentConfiguration c) {
      this.deploymentConfiguration = c;
      return this;
    }

    /**
     * Force a new deployment.
     *
     * @param force force a new deployment
     * @return this builder
     */
    public Builder forceNewDeployment(boolean force) {
      this.forceNewDeployment = force;
      return this;
    }

    /** {@return the update; throws a ValidationException naming the first invalid field} */
    public ServiceUpdate build() {
      return new ServiceUpdate(
          cluster,
          service,
          desiredCount,
          taskDefinition,
          deploymentConfiguration,
          forceNewDeployment);
    }
  }
}
