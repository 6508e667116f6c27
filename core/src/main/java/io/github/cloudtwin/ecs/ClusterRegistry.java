package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The clusters of one twin, active and deleted, by name in creation order ({@code CreateCluster},
 * {@code DescribeClusters}, {@code DeleteCluster}). A deleted cluster stays until its name is
 * created again.
 */
final class ClusterRegistry {

  private final Kernel kernel;

  /** Every cluster by name; the facade hands this same map to the capacity providers. */
  final Map<String, Cluster> byName = new LinkedHashMap<>();

  ClusterRegistry(Kernel kernel) {
    this.kernel = kernel;
  }

  /** Creates a cluster, or returns the active one of that name; see {@link Ecs#createCluster}. */
  Cluster create(String clusterName) {
    Require.name("clusterName", clusterName);
    if (!clusterName.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new ValidationException(
          "clusterName", clusterName, "up to 255 letters, numbers, hyphens and underscores");
    }
    return kernel.call(
        () -> {
          Cluster c = byName.get(clusterName);
          if (c == null || c.inactive) {
            c = new Cluster(clusterName, kernel.arns());
            byName.put(clusterName, c);
            kernel.timeline().record(new EcsFact.ClusterCreated(clusterName));
          }
          return c;
        });
  }

  /** The active cluster, or a ValidationException ({@code ClusterNotFoundException}). */
  Cluster active(String clusterName) {
    Require.name("cluster", clusterName);
    return kernel.call(
        () -> {
          Cluster c = byName.get(clusterName);
          if (c == null || c.inactive) {
            throw new ValidationException(
                "cluster",
                clusterName,
                "an existing cluster " + activeNames(),
                "Cluster not found.");
          }
          return c;
        });
  }

  /** {@return every active cluster, in creation order} */
  List<Cluster> active() {
    return kernel.call(() -> byName.values().stream().filter(c -> !c.inactive).toList());
  }

  private List<String> activeNames() {
    return byName.values().stream().filter(c -> !c.inactive).map(Cluster::clusterName).toList();
  }

  /** The cluster of that name, active or deleted, if it was ever created. */
  Optional<Cluster> find(String clusterName) {
    Require.name("cluster", clusterName);
    return kernel.call(() -> Optional.ofNullable(byName.get(clusterName)));
  }

  /**
   * The cluster of a service, task or container instance, active or deleted (a deleted cluster is
   * kept, so it is always there); no lock, no validation.
   */
  Cluster get(String clusterName) {
    return Objects.requireNonNull(byName.get(clusterName), "clusters are never forgotten");
  }

  /** {@return every cluster, active or deleted, in creation order (the live collection)} */
  Collection<Cluster> all() {
    return byName.values();
  }

  /** Deletes a cluster that holds nothing; see {@link Ecs#deleteCluster}. */
  Cluster delete(String clusterName) {
    Cluster c = active(clusterName);
    return kernel.call(
        () -> {
          if (c.registeredContainerInstancesCount() > 0) {
            throw new ValidationException(
                "cluster",
                clusterName,
                "a cluster without registered container instances ("
                    + c.registeredContainerInstancesCount()
                    + " registered)",
                "ClusterContainsContainerInstancesException: The"
                    + " Cluster cannot be deleted while Container Instances are active or draining.");
          }
          if (!c.services().isEmpty()) {
            throw new ValidationException(
                "cluster",
                clusterName,
                "a cluster without active or draining services "
                    + c.services().stream().map(EcsService::serviceName).toList(),
                "ClusterContainsServicesException: The Cluster cannot be deleted while Services are active.");
          }
          if (!c.tasks().isEmpty()) {
            throw new ValidationException(
                "cluster",
                clusterName,
                "a cluster without tasks that have not stopped (" + c.tasks().size() + ")",
                "ClusterContainsTasksException: The Cluster cannot be deleted while Tasks are active.");
          }
          c.inactive = true;
          kernel.timeline().record(new EcsFact.ClusterDeleted(clusterName));
          return c;
        });
  }
}
