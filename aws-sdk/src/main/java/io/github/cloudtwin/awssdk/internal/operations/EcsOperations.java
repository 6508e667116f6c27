package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.client;
import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.invalid;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.ContainerInstance;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.RunTaskResult;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinition;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Amazon ECS API operations over the twin, independent of any SDK: clusters, capacity providers,
 * task definitions, services and deployments, tasks and container instances. References are names
 * or ARNs as ECS accepts them; describe operations answer {@code failures} with reason {@code
 * MISSING} for what does not exist; errors carry ECS's codes ({@code ClusterNotFoundException},
 * {@code ServiceNotFoundException}, {@code ServiceNotActiveException}, {@code
 * InvalidParameterException}, {@code ClientException}).
 *
 * <p>A facade: clusters, capacity providers and task definitions here; services, tasks, container
 * instances and the lookups by reference have their own classes.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EcsOperations {

  private static final Pagination PAGES = new Pagination("ecs", "InvalidParameterException");

  private final CloudTwin twin;
  private final Ecs ecs;
  private final EcsLookup lookup;
  private final EcsServiceOperations services;
  private final EcsTaskOperations tasks;
  private final ContainerInstanceOperations containerInstances;
  private final CapacityProviderOperations capacityProviders;

  /** Operations on {@code twin}. */
  public EcsOperations(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.ecs = twin.ecs();
    this.lookup = new EcsLookup(ecs);
    this.services = new EcsServiceOperations(twin, lookup, PAGES);
    this.tasks = new EcsTaskOperations(twin, lookup, PAGES);
    this.containerInstances = new ContainerInstanceOperations(ecs, lookup, PAGES);
    this.capacityProviders = new CapacityProviderOperations(ecs);
  }

  /**
   * A describe answer: what was found, and a failure for each reference that was not.
   *
   * @param found the resources found, in the order asked
   * @param failures ARN and reason ({@code MISSING}) of each one not found
   * @param <T> the resource type
   */
  public record Described<T>(List<T> found, List<Failure> failures) {}

  /**
   * A failure entry of a describe or run answer.
   *
   * @param arn the ARN asked for
   * @param reason such as {@code MISSING}
   * @param detail more, or null
   */
  public record Failure(String arn, String reason, @Nullable String detail) {}

  // ------------------------------------------------------------------ clusters

  /** {@code CreateCluster} (default name {@code default}); an existing name answers the cluster. */
  public Cluster createCluster(String name) {
    String n = name == null ? "default" : name;
    try {
      return ecs.createCluster(n);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** The cluster by name or ARN (null: {@code default}), or ClusterNotFoundException. */
  public Cluster cluster(String ref) {
    return lookup.cluster(ref);
  }

  /** {@code DescribeClusters} (none named: {@code default}). */
  public Described<Cluster> describeClusters(@Nullable List<String> refs) {
    List<Cluster> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs == null || refs.isEmpty() ? List.of("default") : refs) {
      String name = EcsLookup.lastSegment(ref);
      Cluster c = ecs.findCluster(name).orElse(null); // a deleted cluster shows INACTIVE
      if (c != null) found.add(c);
      else
        failures.add(new Failure(ref.startsWith("arn:") ? ref : clusterArn(name), "MISSING", null));
    }
    return new Described<>(found, failures);
  }

  /**
   * {@code DeleteCluster}: refused while it has container instances, services or tasks; answers it
   * INACTIVE.
   */
  public Cluster deleteCluster(String ref) {
    if (ref == null) throw invalid("cluster can not be blank.");
    Cluster c = lookup.cluster(ref);
    try {
      return ecs.deleteCluster(c.clusterName());
    } catch (ValidationException e) {
      String m = e.getMessage();
      for (String code :
          List.of(
              "ClusterContainsContainerInstancesException",
              "ClusterContainsServicesException",
              "ClusterContainsTasksException")) {
        if (m.startsWith(code + ": ")) {
          throw AwsErrorException.badRequest(
              code, m.substring(code.length() + 2, m.indexOf(" [Invalid value")));
        }
      }
      throw invalid(m);
    }
  }

  /** {@code ListClusters}: cluster ARNs. */
  public Page<String> listClusters(@Nullable String nextToken, @Nullable Integer maxResults) {
    List<String> arns = ecs.clusters().stream().map(Cluster::clusterArn).toList();
    return PAGES.page("ListClusters", arns, nextToken, maxResults, 100, 100, "maxResults");
  }

  private String clusterArn(String name) {
    return twin.arns().of("ecs", "cluster/" + name);
  }

  /** {@code PutClusterCapacityProviders}. */
  public Cluster putClusterCapacityProviders(
      String cluster, List<String> providers, List<CapacityProviderStrategyItem> defaultStrategy) {
    Cluster c = lookup.cluster(cluster);
    try {
      ecs.putClusterCapacityProviders(c.clusterName(), providers, defaultStrategy);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    return c;
  }

  // ------------------------------------------------------------------ capacity providers

  /** {@code CreateCapacityProvider} over the group of {@code autoScalingGroupArn} (or name). */
  public CapacityProvider createCapacityProvider(CapacityProviderSpec spec) {
    try {
      return ecs.createCapacityProvider(spec);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** {@code DescribeCapacityProviders}: the named ones, or every one the twin has. */
  public Described<CapacityProvider> describeCapacityProviders(@Nullable List<String> names) {
    List<CapacityProvider> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    List<String> wanted = names == null || names.isEmpty() ? allCapacityProviders() : names;
    for (String ref : wanted) {
      try {
        found.add(ecs.capacityProvider(EcsLookup.lastSegment(ref)));
      } catch (ValidationException e) {
        failures.add(new Failure(capacityProviderArn(EcsLookup.lastSegment(ref)), "MISSING", null));
      }
    }
    return new Described<>(found, failures);
  }

  private List<String> allCapacityProviders() {
    List<String> out = new ArrayList<>();
    for (Cluster c : ecs.clusters())
      for (String p : c.capacityProviders()) if (!out.contains(p)) out.add(p);
    return out;
  }

  /**
   * {@code UpdateCapacityProviderRequest}'s managed scaling: each value given replaces the
   * provider's, each null keeps it.
   *
   * @param status {@code ENABLED}, {@code DISABLED} or null
   * @param targetCapacity 1 to 100, or null
   * @param minimumScalingStepSize 1 to 10,000, or null
   * @param maximumScalingStepSize 1 to 10,000, or null
   * @param instanceWarmupPeriod seconds, 0 to 10,000, or null
   */
  public record ManagedScalingUpdate(
      String status,
      Integer targetCapacity,
      Integer minimumScalingStepSize,
      Integer maximumScalingStepSize,
      Integer instanceWarmupPeriod) {}

  /**
   * {@code UpdateCapacityProvider}: the provider's managed scaling, each value not given kept; a
   * change of managed termination protection is not simulated.
   *
   * @param name the provider's name
   * @param managedScaling the values given, or null
   * @param managedTerminationProtection {@code ENABLED}, {@code DISABLED} or null
   * @return the provider, updated
   */
  public CapacityProvider updateCapacityProvider(
      String name,
      @Nullable ManagedScalingUpdate managedScaling,
      String managedTerminationProtection) {
    return capacityProviders.update(name, managedScaling, managedTerminationProtection);
  }

  /**
   * {@code DeleteCapacityProvider} of a provider no cluster uses ({@code ClientException}
   * otherwise).
   *
   * @param ref the provider's name or ARN
   * @return the provider as it was before its deletion
   */
  public CapacityProvider deleteCapacityProvider(String ref) {
    return capacityProviders.delete(ref);
  }

  /** The ARN of a capacity provider. */
  public String capacityProviderArn(String name) {
    return twin.arns().of("ecs", "capacity-provider/" + name);
  }

  // ------------------------------------------------------------------ task definitions

  /** {@code RegisterTaskDefinition}. */
  public TaskDefinition registerTaskDefinition(TaskDefinitionSpec spec) {
    try {
      return ecs.registerTaskDefinition(spec);
    } catch (ValidationException e) {
      throw client(e.getMessage());
    }
  }

  /** The task definition by {@code family}, {@code family:revision} or ARN, or ClientException. */
  public TaskDefinition taskDefinition(String ref) {
    return lookup.taskDefinition(ref);
  }

  /** {@code DeregisterTaskDefinition}. */
  public TaskDefinition deregisterTaskDefinition(String ref) {
    TaskDefinition td = lookup.taskDefinition(ref);
    try {
      ecs.deregisterTaskDefinition(td.familyRevision());
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    return td;
  }

  // ------------------------------------------------------------------ services

  /** {@code CreateService}. */
  public EcsService createService(ServiceSpec spec) {
    return services.createService(spec);
  }

  /** The service by name or ARN, or ServiceNotFoundException. */
  public EcsService service(String cluster, String ref) {
    return lookup.service(cluster, ref);
  }

  /** {@code DescribeServices}: 1 to 10 services; the missing ones are failures. */
  public Described<EcsService> describeServices(String cluster, @Nullable List<String> refs) {
    return services.describeServices(cluster, refs);
  }

  /** {@code ListServices}: ARNs of the cluster's active services. */
  public Page<String> listServices(
      String cluster, @Nullable String nextToken, @Nullable Integer maxResults) {
    return services.listServices(cluster, nextToken, maxResults);
  }

  /** {@code UpdateService}. */
  public EcsService updateService(ServiceUpdate update) {
    return services.updateService(update);
  }

  /** {@code DeleteService}. */
  public EcsService deleteService(String cluster, String ref, boolean force) {
    return services.deleteService(cluster, ref, force);
  }

  // ------------------------------------------------------------------ tasks

  /** {@code RunTask}: 1 to 10 tasks. */
  public RunTaskResult runTask(
      String cluster, String taskDefinition, Integer count, @Nullable LaunchType launchType) {
    return tasks.runTask(cluster, taskDefinition, count, launchType);
  }

  /**
   * {@code StartTask}: one task on each of 1 to 10 container instances (ids or ARNs) of the
   * cluster.
   */
  public io.github.cloudtwin.ecs.StartTaskResult startTask(
      String cluster,
      String taskDefinition,
      @Nullable List<String> containerInstances,
      String group) {
    return tasks.startTask(cluster, taskDefinition, containerInstances, group);
  }

  /** The task by id or ARN in the cluster, or InvalidParameterException. */
  public Task task(String cluster, String ref) {
    return tasks.task(cluster, ref);
  }

  /** {@code StopTask}. */
  public Task stopTask(String cluster, String ref, String reason) {
    return tasks.stopTask(cluster, ref, reason);
  }

  /** {@code DescribeTasks}: up to 100 tasks; unknown ones are failures. */
  public Described<Task> describeTasks(String cluster, @Nullable List<String> refs) {
    return tasks.describeTasks(cluster, refs);
  }

  /**
   * {@code ListTasks}: task ARNs, filtered by service, family, container instance, started-by and
   * desired status.
   */
  public Page<String> listTasks(
      String cluster,
      String serviceName,
      String family,
      String containerInstance,
      String startedBy,
      String desiredStatus,
      @Nullable String nextToken,
      @Nullable Integer maxResults) {
    return tasks.listTasks(
        cluster,
        serviceName,
        family,
        containerInstance,
        startedBy,
        desiredStatus,
        nextToken,
        maxResults);
  }

  // ------------------------------------------------------------------ container instances

  /** The container instance by id or ARN, or InvalidParameterException. */
  public ContainerInstance containerInstance(String cluster, String ref) {
    return lookup.containerInstance(cluster, ref);
  }

  /** {@code DescribeContainerInstances}: unknown ones are failures. */
  public Described<ContainerInstance> describeContainerInstances(
      String cluster, @Nullable List<String> refs) {
    return containerInstances.describeContainerInstances(cluster, refs);
  }

  /** {@code ListContainerInstances}: ARNs, optionally of one status. */
  public Page<String> listContainerInstances(
      String cluster, String status, @Nullable String nextToken, @Nullable Integer maxResults) {
    return containerInstances.listContainerInstances(cluster, status, nextToken, maxResults);
  }

  /** {@code UpdateContainerInstancesState}: {@code ACTIVE} or {@code DRAINING}. */
  public List<ContainerInstance> updateContainerInstancesState(
      String cluster, List<String> refs, String status) {
    return containerInstances.updateContainerInstancesState(cluster, refs, status);
  }

  /** {@code DeregisterContainerInstance}. */
  public ContainerInstance deregisterContainerInstance(String cluster, String ref, boolean force) {
    return containerInstances.deregisterContainerInstance(cluster, ref, force);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The name or id at the end of an ARN ({@code .../name}), or the reference itself.
   *
   * @param ref a name, id or ARN
   * @return the name or id
   */
  public static String lastSegment(String ref) {
    return EcsLookup.lastSegment(ref);
  }
}
