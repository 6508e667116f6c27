package io.github.cloudtwin.ecs;

import io.github.cloudtwin.kernel.Arns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A live view of an ECS cluster: its container instances, services, tasks, capacity providers and
 * the Auto Scaling groups whose instances register automatically. Collections are immutable
 * snapshots.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Cluster {

  private final String name;
  private final String arn;
  final Map<String, ContainerInstance> containerInstances = new LinkedHashMap<>();
  final Map<String, ContainerInstance> byEc2Id = new LinkedHashMap<>();
  final Map<String, EcsService> services = new LinkedHashMap<>();
  final List<Task> standaloneTasks = new ArrayList<>();
  final Set<String> linkedGroups = new LinkedHashSet<>();
  final List<String> capacityProviders = new ArrayList<>();
  final List<CapacityProviderStrategyItem> defaultStrategy = new ArrayList<>();

  /** Set by DeleteCluster. */
  volatile boolean inactive;

  Cluster(String name, Arns arns) {
    this.name = name;
    this.arn = arns.of("ecs", "cluster/" + name);
  }

  /** {@return the name} */
  public String clusterName() {
    return name;
  }

  /** {@return the ARN} */
  public String clusterArn() {
    return arn;
  }

  /** {@return {@code ACTIVE}, or {@code INACTIVE} once deleted} */
  public String status() {
    return inactive ? "INACTIVE" : "ACTIVE";
  }

  /** {@return container instances that are ACTIVE or DRAINING, in registration order} */
  public List<ContainerInstance> containerInstances() {
    List<ContainerInstance> out = new ArrayList<>();
    synchronized (containerInstances) {
      for (ContainerInstance ci : containerInstances.values()) {
        if (ci.status() != ContainerInstanceStatus.INACTIVE) out.add(ci);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@return active services, in creation order} */
  public List<EcsService> services() {
    List<EcsService> out = new ArrayList<>();
    synchronized (services) {
      for (EcsService s : services.values()) if (!"INACTIVE".equals(s.status())) out.add(s);
    }
    return Collections.unmodifiableList(out);
  }

  /** {@return tasks that have not stopped: every service's and the standalone ones} */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>();
    for (EcsService s : services()) out.addAll(s.tasks());
    synchronized (standaloneTasks) {
      for (Task t : standaloneTasks) if (t.lastStatus() != TaskStatus.STOPPED) out.add(t);
    }
    return Collections.unmodifiableList(out);
  }

  /** {@return registered container instances (ACTIVE or DRAINING)} */
  public int registeredContainerInstancesCount() {
    return containerInstances().size();
  }

  /** {@return tasks whose last status is RUNNING} */
  public int runningTasksCount() {
    int n = 0;
    for (Task t : tasks()) if (t.lastStatus() == TaskStatus.RUNNING) n++;
    return n;
  }

  /** {@return tasks not yet RUNNING} */
  public int pendingTasksCount() {
    int n = 0;
    for (Task t : tasks()) if (t.lastStatus().compareTo(TaskStatus.RUNNING) < 0) n++;
    return n;
  }

  /** {@return the capacity providers associated with the cluster} */
  public List<String> capacityProviders() {
    synchronized (capacityProviders) {
      return List.copyOf(capacityProviders);
    }
  }

  /** {@return the default capacity provider strategy} */
  public List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy() {
    synchronized (defaultStrategy) {
      return List.copyOf(defaultStrategy);
    }
  }

  /** {@return auto Scaling group names whose instances' agents register with this cluster} */
  public Set<String> autoScalingGroups() {
    synchronized (linkedGroups) {
      return Set.copyOf(linkedGroups);
    }
  }

  @Override
  public String toString() {
    return name
        + " ("
        + registeredContainerInstancesCount()
        + " instances, "
        + runningTasksCount()
        + " running)";
  }
}
