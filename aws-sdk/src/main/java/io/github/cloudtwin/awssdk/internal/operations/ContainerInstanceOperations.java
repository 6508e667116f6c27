package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.lastSegment;

import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Described;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Failure;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.ContainerInstance;
import io.github.cloudtwin.ecs.ContainerInstanceStatus;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECS's container instance operations: DescribeContainerInstances, ListContainerInstances,
 * UpdateContainerInstancesState and DeregisterContainerInstance.
 */
final class ContainerInstanceOperations {

  private final Ecs ecs;
  private final EcsLookup lookup;
  private final Pagination pages;

  ContainerInstanceOperations(Ecs ecs, EcsLookup lookup, Pagination pages) {
    this.ecs = ecs;
    this.lookup = lookup;
    this.pages = pages;
  }

  Described<ContainerInstance> describeContainerInstances(
      String cluster, @Nullable List<String> refs) {
    Cluster c = lookup.cluster(cluster);
    if (refs == null || refs.isEmpty()) throw invalid("ContainerInstances cannot be empty.");
    List<ContainerInstance> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs) {
      String id = lastSegment(ref);
      ContainerInstance ci =
          c.containerInstances().stream()
              .filter(x -> x.containerInstanceId().equals(id))
              .findFirst()
              .orElse(null);
      if (ci != null) found.add(ci);
      else failures.add(new Failure(ref, "MISSING", null));
    }
    return new Described<>(found, failures);
  }

  Page<String> listContainerInstances(
      String cluster, String status, @Nullable String nextToken, @Nullable Integer maxResults) {
    Cluster c = lookup.cluster(cluster);
    List<String> arns = new ArrayList<>();
    for (ContainerInstance ci : c.containerInstances()) {
      if (status != null && !ci.status().name().equals(status)) continue;
      arns.add(ci.containerInstanceArn());
    }
    return pages.page(
        "ListContainerInstances", arns, nextToken, maxResults, 100, 100, "maxResults");
  }

  List<ContainerInstance> updateContainerInstancesState(
      String cluster, List<String> refs, String status) {
    ContainerInstanceStatus s;
    try {
      s = ContainerInstanceStatus.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid("Container instance status must be ACTIVE or DRAINING.");
    }
    List<ContainerInstance> out = new ArrayList<>();
    for (String ref : refs) out.add(lookup.containerInstance(cluster, ref));
    for (ContainerInstance ci : out) {
      ecs.updateContainerInstancesState(ci.clusterName(), ci.containerInstanceId(), s);
    }
    return out;
  }

  ContainerInstance deregisterContainerInstance(String cluster, String ref, boolean force) {
    ContainerInstance ci = lookup.containerInstance(cluster, ref);
    try {
      ecs.deregisterContainerInstance(ci.clusterName(), ci.containerInstanceId(), force);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    return ci;
  }
}
