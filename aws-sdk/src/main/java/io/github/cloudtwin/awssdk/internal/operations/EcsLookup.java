package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.ContainerInstance;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.TaskDefinition;
import io.github.cloudtwin.kernel.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Finds ECS resources by name, id or ARN as ECS accepts them, each with ECS's error: clusters, task
 * definitions, services and container instances; and ECS's two client error codes.
 */
final class EcsLookup {

  private final Ecs ecs;

  EcsLookup(Ecs ecs) {
    this.ecs = ecs;
  }

  /** The cluster by name or ARN (null: {@code default}), or ClusterNotFoundException. */
  Cluster cluster(String ref) {
    String name = ref == null ? "default" : lastSegment(ref);
    for (Cluster c : ecs.clusters()) if (c.clusterName().equals(name)) return c;
    throw AwsErrorException.badRequest("ClusterNotFoundException", "Cluster not found.");
  }

  /** The task definition by {@code family}, {@code family:revision} or ARN, or ClientException. */
  TaskDefinition taskDefinition(String ref) {
    if (ref == null) throw invalid("taskDefinition can not be blank.");
    try {
      return ecs.taskDefinition(lastSegment(ref));
    } catch (ValidationException e) {
      throw client("Unable to describe task definition.");
    }
  }

  /** The service by name or ARN, or ServiceNotFoundException. */
  EcsService service(String cluster, String ref) {
    Cluster c = cluster(cluster);
    if (ref == null) throw invalid("service can not be blank.");
    EcsService s = findService(c, lastSegment(ref));
    if (s == null)
      throw AwsErrorException.badRequest("ServiceNotFoundException", "Service not found.");
    return s;
  }

  /**
   * The service, INACTIVE ones included (ECS describes them for a while after deletion), or null.
   */
  @Nullable EcsService findService(Cluster c, String name) {
    try {
      return ecs.service(c.clusterName(), name);
    } catch (ValidationException e) {
      return null;
    }
  }

  /** The container instance by id or ARN, or InvalidParameterException. */
  ContainerInstance containerInstance(String cluster, String ref) {
    Cluster c = cluster(cluster);
    String id = lastSegment(ref == null ? "" : ref);
    for (ContainerInstance ci : c.containerInstances())
      if (ci.containerInstanceId().equals(id)) return ci;
    throw invalid("The referenced container instance " + ref + " was not found.");
  }

  /** The name or id at the end of an ARN ({@code .../name}), or the reference itself. */
  static String lastSegment(String ref) {
    if (!ref.startsWith("arn:")) return ref;
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static AwsErrorException invalid(String message) {
    return AwsErrorException.badRequest("InvalidParameterException", message);
  }

  static AwsErrorException client(String message) {
    return AwsErrorException.badRequest("ClientException", message);
  }
}
