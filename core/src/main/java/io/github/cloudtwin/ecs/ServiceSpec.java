package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What {@code CreateService} takes.
 *
 * @param cluster the cluster name
 * @param serviceName unique among the cluster's active services
 * @param taskDefinition {@code family} (latest ACTIVE revision) or {@code family:revision}
 * @param desiredCount tasks to keep (REPLICA), default 1; ignored for DAEMON
 * @param schedulingStrategy REPLICA (default) or DAEMON
 * @param launchType EC2 or FARGATE; null when a capacity provider strategy (the service's or the
 *     cluster's default) is used, EC2 when neither is given
 * @param capacityProviderStrategy items, or empty
 * @param placementStrategy in order; empty means AWS's service default for EC2:
 *     spread(attribute:ecs.availability-zone), spread(instanceId)
 * @param placementConstraints binding constraints
 * @param deploymentConfiguration limits and circuit breaker; null for the scheduling strategy's
 *     defaults (REPLICA 100 %/200 %, DAEMON 0 %/100 %)
 * @param loadBalancers target groups the tasks register in
 * @param healthCheckGracePeriod ignore ELB and container health failures this long after RUNNING
 *     (default 0)
 * @param networkConfiguration awsvpc only: the zones of the service's subnets and AssignPublicIp;
 *     null places tasks in every zone
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ServiceSpec(
    String cluster,
    String serviceName,
    String taskDefinition,
    int desiredCount,
    SchedulingStrategy schedulingStrategy,
    @Nullable LaunchType launchType,
    List<CapacityProviderStrategyItem> capacityProviderStrategy,
    List<PlacementStrategy> placementStrategy,
    List<PlacementConstraint> placementConstraints,
    DeploymentConfiguration deploymentConfiguration,
    List<ServiceLoadBalancer> loadBalancers,
    Duration healthCheckGracePeriod,
    @Nullable AwsvpcConfiguration networkConfiguration) {

  /**
   * Validates the way CreateService does (references are checked by {@link Ecs#createService}).
   *
   * @param cluster the cluster name
   * @param serviceName unique among the cluster's active services
   * @param taskDefinition {@code family} (latest ACTIVE revision) or {@code family:revision}
   * @param desiredCount tasks to keep (REPLICA), default 1; ignored for DAEMON
   * @param schedulingStrategy REPLICA (default) or DAEMON
   * @param launchType EC2 or FARGATE; null when a capacity provider strategy (the service's or the
   *     cluster's default) is used, EC2 when neither is given
   * @param capacityProviderStrategy items, or empty
   * @param placementStrategy in order; empty means AWS's service default for EC2:
   *     spread(attribute:ecs.availability-zone), spread(instanceId)
   * @param placementConstraints binding constraints
   * @param deploymentConfiguration limits and circuit breaker; null for the scheduling strategy's
   *     defaults (REPLICA 100 %/200 %, DAEMON 0 %/100 %)
   * @param loadBalancers target groups the tasks register in
   * @param healthCheckGracePeriod ignore ELB and container health failures this long after RUNNING
   *     (default 0)
   * @param networkConfiguration awsvpc only: the zones of the service's subnets and AssignPublicIp;
   *     null places tasks in every zone
   */
  public ServiceSpec {
    Require.name("cluster", cluster);
    Require.name("serviceName", serviceName);
    if (!serviceName.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new ValidationException(
          "serviceName", serviceName, "up to 255 letters, numbers, hyphens and underscores");
    }
    Require.name("taskDefinition", taskDefinition);
    if (desiredCount < 0) {
      throw new ValidationException(
          "desiredCount",
          desiredCount,
          "0 or greater",
          "Invalid desiredCount value. The desiredCount value must be 0 or greater.");
    }
    Require.notNull("schedulingStrategy", schedulingStrategy);
    capacityProviderStrategy =
        List.copyOf(Require.notNull("capacityProviderStrategy", capacityProviderStrategy));
    placementStrategy = List.copyOf(Require.notNull("placementStrategy", placementStrategy));
    placementConstraints =
        List.copyOf(Require.notNull("placementConstraints", placementConstraints));
    loadBalancers = List.copyOf(Require.notNull("loadBalancers", loadBalancers));
    Require.seconds(
        "healthCheckGracePeriodSeconds", healthCheckGracePeriod, 0, Require.INTEGER_SECONDS);
    if (placementStrategy.size() > 5) {
      throw new ValidationException(
          "placementStrategy", placementStrategy.size(), "at most 5 strategies");
    }
    if (placementConstraints.size() > 10) {
      throw new ValidationException(
          "placementConstraints", placementConstraints.size(), "at most 10 constraints");
    }
    if (launchType != null && !capacityProviderStrategy.isEmpty()) {
      throw new ValidationException(
          "launchType",
          launchType,
          "either a launch type or a capacity provider strategy, not both");
    }
    validateStrategy(capacityProviderStrategy);
    if (launchType == LaunchType.FARGATE) {
      if (!placementStrategy.isEmpty() || !placementConstraints.isEmpty()) {
        throw new ValidationException(
            "placementStrategy",
            placementStrategy,
            "no placement strategies or constraints on Fargate");
      }
      if (schedulingStrategy == SchedulingStrategy.DAEMON) {
        throw new ValidationException(
            "schedulingStrategy", "DAEMON", "REPLICA: Fargate does not support DAEMON");
      }
    }
    if (deploymentConfiguration == null) {
      deploymentConfiguration = defaultDeployment(schedulingStrategy);
    }
    if (schedulingStrategy == SchedulingStrategy.DAEMON) {
      if (deploymentConfiguration.maximumPercent() != 100) {
        throw new ValidationException(
            "deploymentConfiguration.maximumPercent",
            deploymentConfiguration.maximumPercent(),
            "100 for DAEMON services");
      }
      if (!placementStrategy.isEmpty()) {
        throw new ValidationException(
            "placementStrategy", placementStrategy, "no placement strategies for DAEMON services");
      }
    }
  }

  static void validateStrategy(List<CapacityProviderStrategyItem> items) {
    if (items.isEmpty()) return;
    int withBase = 0;
    int weighted = 0;
    List<String> names = new ArrayList<>();
    for (CapacityProviderStrategyItem i : items) {
      if (i.base() > 0) withBase++;
      if (i.weight() > 0) weighted++;
      if (names.contains(i.capacityProvider())) {
        throw new ValidationException(
            "capacityProviderStrategy.capacityProvider",
            i.capacityProvider(),
            "each provider at most once");
      }
      names.add(i.capacityProvider());
    }
    long fargate = items.stream().filter(CapacityProviderStrategyItem::isFargate).count();
    if (fargate > 0 && fargate < items.size()) {
      throw new ValidationException(
          "capacityProviderStrategy.capacityProvider",
          names,
          "either Fargate providers (FARGATE, FARGATE_SPOT) or Auto Scaling group providers, not both");
    }
    if (withBase > 1) {
      throw new ValidationException(
          "capacityProviderStrategy.base",
          withBase + " items with a base",
          "only one item may set a base");
    }
    if (weighted == 0) {
      throw new ValidationException(
          "capacityProviderStrategy.weight", 0, "at least one provider with a weight above 0");
    }
  }

  /** The deployment configuration of a service that names none: the scheduling strategy's. */
  static DeploymentConfiguration defaultDeployment(@Nullable SchedulingStrategy strategy) {
    return strategy == SchedulingStrategy.DAEMON
        ? DeploymentConfiguration.DAEMON_DEFAULT
        : DeploymentConfiguration.REPLICA_DEFAULT;
  }

  /**
   * A builder for a service of {@code taskDefinition} in {@code cluster}.
   *
   * @param cluster the cluster
   * @param serviceName the service name
   * @param taskDefinition the task definition
   * @return a builder for a service of {@code taskDefinition} in {@code cluster}
   */
  public static Builder builder(String cluster, String serviceName, String taskDefinition) {
    return new Builder(cluster, serviceName, taskDefinition);
  }

  /** Builds {@link ServiceSpec}s. Not thread-safe. */
  public static final class Builder {
    private final String cluster;
    private final String serviceName;
    private final String taskDefinition;
    private int desiredCount = 1;
    private SchedulingStrategy schedulingStrategy = SchedulingStrategy.REPLICA;
    private @Nullable LaunchType launchType;
    private final List<CapacityProviderStrategyItem> capacityProviderStrategy = new ArrayList<>();
    private final List<PlacementStrategy> placementStrategy = new ArrayList<>();
    private final List<PlacementConstraint> placementConstraints = new ArrayList<>();
    private @Nullable DeploymentConfiguration deploymentConfiguration;
    private final List<ServiceLoadBalancer> loadBalancers = new ArrayList<>();
    private Duration healthCheckGracePeriod = Duration.ZERO;
    private @Nullable AwsvpcConfiguration networkConfiguration;

    private Builder(String cluster, String serviceName, String taskDefinition) {
      this.cluster = cluster;
      this.serviceName = serviceName;
      this.taskDefinition = taskDefinition;
    }

    /**
     * Tasks to keep (default 1).
     *
     * @param desiredCount tasks to keep (default 1)
     * @return this builder
     */
    public Builder desiredCount(int desiredCount) {
      this.desiredCount = desiredCount;
      return this;
    }

    /**
     * REPLICA or DAEMON.
     *
     * @param s REPLICA or DAEMON
     * @return this builder
     */
    public Builder schedulingStrategy(SchedulingStrategy s) {
      this.schedulingStrategy = s;
      return this;
    }

    /**
     * EC2 or FARGATE.
     *
     * @param launchType EC2 or FARGATE
     * @return this builder
     */
    public Builder launchType(@Nullable LaunchType launchType) {
      this.launchType = launchType;
      return this;
    }

    /**
     * Adds a capacity provider strategy item.
     *
     * @param provider the provider
     * @param base the base
     * @param weight the weight
     * @return this builder
     */
    public Builder capacityProviderStrategy(String provider, int base, int weight) {
      capacityProviderStrategy.add(new CapacityProviderStrategyItem(provider, base, weight));
      return this;
    }

    /**
     * Adds placement strategies, applied in order.
     *
     * @param strategies adds placement strategies, applied in order
     * @return this builder
     */
    public Builder placementStrategy(PlacementStrategy... strategies) {
      placementStrategy.addAll(Require.elements("placementStrategy", strategies));
      return this;
    }

    /**
     * Adds placement constraints.
     *
     * @param constraints adds placement constraints
     * @return this builder
     */
    public Builder placementConstraints(PlacementConstraint... constraints) {
      placementConstraints.addAll(Require.elements("placementConstraints", constraints));
      return this;
    }

    /**
     * Deployment limits and circuit breaker.
     *
     * @param c deployment limits and circuit breaker
     * @return this builder
     */
    public Builder deploymentConfiguration(@Nullable DeploymentConfiguration c) {
      this.deploymentConfiguration = c;
      return this;
    }

    /**
     * Deployment limits in percent.
     *
     * @param minimumHealthyPercent the minimum healthy percent
     * @param maximumPercent the maximum percent
     * @return this builder
     */
    public Builder deploymentConfiguration(int minimumHealthyPercent, int maximumPercent) {
      this.deploymentConfiguration =
          DeploymentConfiguration.of(minimumHealthyPercent, maximumPercent);
      return this;
    }

    /**
     * Adds a load balancer entry.
     *
     * @param targetGroupName the target group name
     * @param containerName the container name
     * @param containerPort the container port
     * @return this builder
     */
    public Builder loadBalancer(String targetGroupName, String containerName, int containerPort) {
      loadBalancers.add(new ServiceLoadBalancer(targetGroupName, containerName, containerPort));
      return this;
    }

    /**
     * The health check grace period.
     *
     * @param d the health check grace period
     * @return this builder
     */
    public Builder healthCheckGracePeriod(Duration d) {
      this.healthCheckGracePeriod = d;
      return this;
    }

    /**
     * The awsvpc network configuration: the service's tasks go only to the zones of its subnets.
     *
     * @param configuration the configuration, or null for every zone
     * @return this builder
     */
    public Builder networkConfiguration(@Nullable AwsvpcConfiguration configuration) {
      this.networkConfiguration = configuration;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public ServiceSpec build() {
      DeploymentConfiguration dc = deploymentConfiguration;
      return new ServiceSpec(
          cluster,
          serviceName,
          taskDefinition,
          desiredCount,
          schedulingStrategy,
          launchType,
          capacityProviderStrategy,
          placementStrategy,
          placementConstraints,
          dc != null ? dc : defaultDeployment(schedulingStrategy),
          loadBalancers,
          healthCheckGracePeriod,
          networkConfiguration);
    }
  }
}
