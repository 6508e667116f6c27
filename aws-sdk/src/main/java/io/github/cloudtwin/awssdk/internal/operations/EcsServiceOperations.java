package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.lastSegment;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Described;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Failure;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECS's service operations: CreateService, DescribeServices, ListServices, UpdateService and
 * DeleteService.
 */
final class EcsServiceOperations {

  private final CloudTwin twin;
  private final Ecs ecs;
  private final EcsLookup lookup;
  private final Pagination pages;

  EcsServiceOperations(CloudTwin twin, EcsLookup lookup, Pagination pages) {
    this.twin = twin;
    this.ecs = twin.ecs();
    this.lookup = lookup;
    this.pages = pages;
  }

  EcsService createService(ServiceSpec spec) {
    lookup.cluster(spec.cluster());
    lookup.taskDefinition(spec.taskDefinition());
    try {
      return ecs.createService(spec);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  Described<EcsService> describeServices(String cluster, @Nullable List<String> refs) {
    Cluster c = lookup.cluster(cluster);
    if (refs == null || refs.isEmpty()) throw invalid("Services cannot be empty.");
    if (refs.size() > 10) throw invalid("Services cannot contain more than 10 elements.");
    List<EcsService> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs) {
      String name = lastSegment(ref);
      EcsService s = lookup.findService(c, name);
      if (s != null) found.add(s);
      else
        failures.add(
            new Failure(
                ref.startsWith("arn:")
                    ? ref
                    : twin.arns().of("ecs", "service/" + c.clusterName() + "/" + name),
                "MISSING",
                null));
    }
    return new Described<>(found, failures);
  }

  Page<String> listServices(
      String cluster, @Nullable String nextToken, @Nullable Integer maxResults) {
    Cluster c = lookup.cluster(cluster);
    List<String> arns =
        c.services().stream()
            .filter(s -> s.status().equals("ACTIVE"))
            .map(EcsService::serviceArn)
            .toList();
    return pages.page("ListServices", arns, nextToken, maxResults, 10, 100, "maxResults");
  }

  EcsService updateService(ServiceUpdate update) {
    EcsService s = lookup.service(update.cluster(), update.service());
    if (!s.status().equals("ACTIVE")) {
      throw AwsErrorException.badRequest("ServiceNotActiveException", "Service was not ACTIVE.");
    }
    if (update.taskDefinition() != null) lookup.taskDefinition(update.taskDefinition());
    try {
      return ecs.updateService(update);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  EcsService deleteService(String cluster, String ref, boolean force) {
    EcsService s = lookup.service(cluster, ref);
    try {
      ecs.deleteService(s.clusterName(), s.serviceName(), force);
    } catch (ValidationException e) {
      throw invalid("The service cannot be stopped while it is scaled above 0.");
    }
    return s;
  }
}
