package io.github.cloudtwin.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Places a service's new tasks: on Fargate in the service's subnets' zones, through a capacity
 * provider (waiting in PROVISIONING when no instance of the provider fits), or on the cluster's
 * container instances by the service's placement strategies and constraints. Guarded by the kernel
 * lock.
 */
final class ServiceTaskPlacer {

  private final ClusterRegistry clusters;
  private final TaskRegistry tasks;
  private final Placement placement;
  private final TaskLifecycle lifecycle;
  private final CapacityProviders capacityProviders;

  ServiceTaskPlacer(
      ClusterRegistry clusters,
      TaskRegistry tasks,
      Placement placement,
      TaskLifecycle lifecycle,
      CapacityProviders capacityProviders) {
    this.clusters = clusters;
    this.tasks = tasks;
    this.placement = placement;
    this.lifecycle = lifecycle;
    this.capacityProviders = capacityProviders;
  }

  /** The service's placement strategies, or the service default. */
  static List<PlacementStrategy> strategies(EcsService s) {
    if (!s.spec().placementStrategy().isEmpty()) return s.spec().placementStrategy();
    return Placement.SERVICE_DEFAULT;
  }

  /** The zones of the service's awsvpc subnets, or null (every zone). */
  static @Nullable List<String> subnetZones(EcsService s) {
    AwsvpcConfiguration net = s.spec().networkConfiguration();
    return net == null ? null : net.availabilityZones();
  }

  private static boolean inSubnets(@Nullable List<String> zones, ContainerInstance ci) {
    return zones == null || zones.contains(ci.availabilityZone());
  }

  /**
   * Creates and places one task of {@code d}, appending it to {@code all}.
   *
   * @return null on success, else the placement failure (and no task was created)
   */
  @Nullable String placeOne(EcsService s, Deployment d, List<Task> all) {
    Cluster c = clusters.get(s.clusterName());
    LaunchType lt = Services.effectiveLaunchType(c, s.spec());
    TaskDefinition td = d.taskDefinition();
    String group = "service:" + s.serviceName();
    List<String> subnetZones = subnetZones(s);
    if (lt == LaunchType.FARGATE) return placeOnFargate(c, td, group, s, d, all, null);
    if (lt == null) {
      String provider = capacityProviders.pick(c, s, Services.strategyOf(c, s.spec()), all);
      if (CapacityProviderStrategyItem.isFargate(provider)) {
        return placeOnFargate(c, td, group, s, d, all, provider);
      }
      List<ContainerInstance> pool = new ArrayList<>();
      for (ContainerInstance ci : c.containerInstances.values()) {
        if (provider.equals(ci.capacityProviderName()) && inSubnets(subnetZones, ci)) pool.add(ci);
      }
      Placement.Choice choice =
          placement.choose(pool, td, strategies(s), s.spec().placementConstraints(), all);
      Task t = tasks.create(c, td, group, LaunchType.EC2, s, d, provider);
      all.add(t);
      if (choice.instance() != null) {
        lifecycle.launchOn(t, choice.instance());
      } else {
        lifecycle.waitForCapacity(t);
        capacityProviders.addWaiting(c, t);
      }
      return null;
    }
    List<ContainerInstance> pool = new ArrayList<>();
    for (ContainerInstance ci : c.containerInstances.values())
      if (inSubnets(subnetZones, ci)) pool.add(ci);
    Placement.Choice choice =
        placement.choose(pool, td, strategies(s), s.spec().placementConstraints(), all);
    if (choice.instance() == null) return choice.failure();
    Task t = tasks.create(c, td, group, LaunchType.EC2, s, d, null);
    all.add(t);
    lifecycle.launchOn(t, choice.instance());
    return null;
  }

  /** A Fargate task in the service's subnets' zones; {@code provider} FARGATE(_SPOT) or null. */
  private @Nullable String placeOnFargate(
      Cluster c,
      TaskDefinition td,
      String group,
      EcsService s,
      Deployment d,
      List<Task> all,
      @Nullable String provider) {
    List<String> subnetZones = subnetZones(s);
    if (!lifecycle.hasFargateZone(subnetZones)) {
      return "Reason: No Availability Zone of the service's subnets is available.";
    }
    Task t = tasks.create(c, td, group, LaunchType.FARGATE, s, d, provider);
    all.add(t);
    lifecycle.launchFargate(t, all, subnetZones);
    return null;
  }

  /** Places a waiting (PROVISIONING) capacity-provider task if an instance of its provider fits. */
  boolean placeWaiting(Task t) {
    EcsService s = t.service;
    Cluster c = clusters.get(t.clusterName());
    List<String> subnetZones = s == null ? null : subnetZones(s);
    List<ContainerInstance> pool = new ArrayList<>();
    String provider =
        Objects.requireNonNull(
            t.capacityProviderName(), "a task waits for its provider's capacity");
    for (ContainerInstance ci : c.containerInstances.values()) {
      if (provider.equals(ci.capacityProviderName()) && inSubnets(subnetZones, ci)) pool.add(ci);
    }
    List<Task> group = s == null ? List.of() : s.allTasks();
    Placement.Choice choice =
        placement.choose(
            pool,
            t.taskDefinition(),
            s == null ? List.of() : strategies(s),
            s == null ? List.of() : s.spec().placementConstraints(),
            group);
    if (choice.instance() == null) return false;
    lifecycle.launchOn(t, choice.instance());
    return true;
  }
}
