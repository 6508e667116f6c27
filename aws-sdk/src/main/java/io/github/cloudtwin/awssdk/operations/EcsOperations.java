package io.github.cloudtwin.awssdk.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.ContainerInstance;
import io.github.cloudtwin.ecs.ContainerInstanceStatus;
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

/**
 * Amazon ECS API operations over the twin, independent of any SDK: clusters, capacity providers,
 * task definitions, services and deployments, tasks and container instances. References are
 * names or ARNs as ECS accepts them; describe operations answer {@code failures} with reason
 * {@code MISSING} for what does not exist; errors carry ECS's codes ({@code
 * ClusterNotFoundException}, {@code ServiceNotFoundException}, {@code ServiceNotActiveException},
 * {@code InvalidParameterException}, {@code ClientException}).
 */
public final class EcsOperations {

  private static final Pagination PAGES = new Pagination("ecs", "InvalidParameterException");

  private final CloudTwin twin;
  private final Ecs ecs;

  /** Operations on {@code twin}. */
  public EcsOperations(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.ecs = twin.ecs();
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
  public record Failure(String arn, String reason, String detail) {}

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
    String name = ref == null ? "default" : lastSegment(ref);
    for (Cluster c : ecs.clusters()) if (c.clusterName().equals(name)) return c;
    throw AwsErrorException.badRequest("ClusterNotFoundException", "Cluster not found.");
  }

  /** {@code DescribeClusters} (none named: {@code default}). */
  public Described<Cluster> describeClusters(List<String> refs) {
    List<Cluster> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs == null || refs.isEmpty() ? List.of("default") : refs) {
      String name = lastSegment(ref);
      Cluster c = ecs.findCluster(name).orElse(null); // a deleted cluster shows INACTIVE
      if (c != null) found.add(c);
      else failures.add(new Failure(ref.startsWith("arn:") ? ref : clusterArn(name), "MISSING", null));
    }
    return new Described<>(found, failures);
  }

  /** {@code DeleteCluster}: refused while it has container instances, services or tasks; answers it INACTIVE. */
  public Cluster deleteCluster(String ref) {
    if (ref == null) throw invalid("cluster can not be blank.");
    Cluster c = cluster(ref);
    try {
      return ecs.deleteCluster(c.clusterName());
    } catch (ValidationException e) {
      String m = e.getMessage();
      for (String code : List.of("ClusterContainsContainerInstancesException", "ClusterContainsServicesException",
          "ClusterContainsTasksException")) {
        if (m.startsWith(code + ": ")) {
          throw AwsErrorException.badRequest(code, m.substring(code.length() + 2, m.indexOf(" [Invalid value")));
        }
      }
      throw invalid(m);
    }
  }

  /** {@code ListClusters}: cluster ARNs. */
  public Page<String> listClusters(String nextToken, Integer maxResults) {
    List<String> arns = ecs.clusters().stream().map(Cluster::clusterArn).toList();
    return PAGES.page("ListClusters", arns, nextToken, maxResults, 100, 100, "maxResults");
  }

  private String clusterArn(String name) {
    return twin.arns().of("ecs", "cluster/" + name);
  }

  /** {@code PutClusterCapacityProviders}. */
  public Cluster putClusterCapacityProviders(String cluster, List<String> providers,
      List<CapacityProviderStrategyItem> defaultStrategy) {
    Cluster c = cluster(cluster);
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
  public Described<CapacityProvider> describeCapacityProviders(List<String> names) {
    List<CapacityProvider> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    List<String> wanted = names == null || names.isEmpty() ? allCapacityProviders() : names;
    for (String ref : wanted) {
      try {
        found.add(ecs.capacityProvider(lastSegment(ref)));
      } catch (ValidationException e) {
        failures.add(new Failure(capacityProviderArn(lastSegment(ref)), "MISSING", null));
      }
    }
    return new Described<>(found, failures);
  }

  private List<String> allCapacityProviders() {
    List<String> out = new ArrayList<>();
    for (Cluster c : ecs.clusters()) for (String p : c.capacityProviders()) if (!out.contains(p)) out.add(p);
    return out;
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
    if (ref == null) throw invalid("taskDefinition can not be blank.");
    try {
      return ecs.taskDefinition(lastSegment(ref));
    } catch (ValidationException e) {
      throw client("Unable to describe task definition.");
    }
  }

  /** {@code DeregisterTaskDefinition}. */
  public TaskDefinition deregisterTaskDefinition(String ref) {
    TaskDefinition td = taskDefinition(ref);
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
    cluster(spec.cluster());
    taskDefinition(spec.taskDefinition());
    try {
      return ecs.createService(spec);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** The service by name or ARN, or ServiceNotFoundException. */
  public EcsService service(String cluster, String ref) {
    Cluster c = cluster(cluster);
    if (ref == null) throw invalid("service can not be blank.");
    EcsService s = findService(c, lastSegment(ref));
    if (s == null) throw AwsErrorException.badRequest("ServiceNotFoundException", "Service not found.");
    return s;
  }

  /** The service, INACTIVE ones included (ECS describes them for a while after deletion), or null. */
  private EcsService findService(Cluster c, String name) {
    try {
      return ecs.service(c.clusterName(), name);
    } catch (ValidationException e) {
      return null;
    }
  }

  /** The task of the cluster by id, stopped ones included, or null. */
  private Task findTask(Cluster c, String id) {
    try {
      Task t = ecs.task(id);
      return t.clusterName().equals(c.clusterName()) ? t : null;
    } catch (ValidationException e) {
      return null;
    }
  }

  /** {@code DescribeServices}: 1 to 10 services; the missing ones are failures. */
  public Described<EcsService> describeServices(String cluster, List<String> refs) {
    Cluster c = cluster(cluster);
    if (refs == null || refs.isEmpty()) throw invalid("Services cannot be empty.");
    if (refs.size() > 10) throw invalid("Services cannot contain more than 10 elements.");
    List<EcsService> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs) {
      String name = lastSegment(ref);
      EcsService s = findService(c, name);
      if (s != null) found.add(s);
      else failures.add(new Failure(ref.startsWith("arn:") ? ref : twin.arns().of("ecs",
          "service/" + c.clusterName() + "/" + name), "MISSING", null));
    }
    return new Described<>(found, failures);
  }

  /** {@code ListServices}: ARNs of the cluster's active services. */
  public Page<String> listServices(String cluster, String nextToken, Integer maxResults) {
    Cluster c = cluster(cluster);
    List<String> arns = c.services().stream().filter(s -> s.status().equals("ACTIVE")).map(EcsService::serviceArn)
        .toList();
    return PAGES.page("ListServices", arns, nextToken, maxResults, 10, 100, "maxResults");
  }

  /** {@code UpdateService}. */
  public EcsService updateService(ServiceUpdate update) {
    EcsService s = service(update.cluster(), update.service());
    if (!s.status().equals("ACTIVE")) {
      throw AwsErrorException.badRequest("ServiceNotActiveException", "Service was not ACTIVE.");
    }
    if (update.taskDefinition() != null) taskDefinition(update.taskDefinition());
    try {
      return ecs.updateService(update);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** {@code DeleteService}. */
  public EcsService deleteService(String cluster, String ref, boolean force) {
    EcsService s = service(cluster, ref);
    try {
      ecs.deleteService(s.clusterName(), s.serviceName(), force);
    } catch (ValidationException e) {
      throw invalid("The service cannot be stopped while it is scaled above 0.");
    }
    return s;
  }

  // ------------------------------------------------------------------ tasks

  /** {@code RunTask}: 1 to 10 tasks. */
  public RunTaskResult runTask(String cluster, String taskDefinition, Integer count, LaunchType launchType) {
    Cluster c = cluster(cluster);
    TaskDefinition td = taskDefinition(taskDefinition);
    int n = count == null ? 1 : count;
    if (n < 1 || n > 10) throw invalid("Count must be between 1 and 10.");
    try {
      return ecs.runTask(c.clusterName(), td.familyRevision(), n, launchType);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** {@code StartTask}: one task on each of 1 to 10 container instances (ids or ARNs) of the cluster. */
  public io.github.cloudtwin.ecs.StartTaskResult startTask(String cluster, String taskDefinition,
      List<String> containerInstances, String group) {
    Cluster c = cluster(cluster);
    TaskDefinition td = taskDefinition(taskDefinition);
    if (containerInstances == null || containerInstances.isEmpty()) throw invalid("Container instances can not be empty.");
    if (containerInstances.size() > 10) throw invalid("Container instances cannot contain more than 10 elements.");
    List<String> ids = new ArrayList<>();
    for (String ref : containerInstances) ids.add(containerInstance(c.clusterName(), ref).containerInstanceId());
    try {
      return ecs.startTask(c.clusterName(), td.familyRevision(), ids, group);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** The task by id or ARN in the cluster, or InvalidParameterException. */
  public Task task(String cluster, String ref) {
    Cluster c = cluster(cluster);
    if (ref == null) throw invalid("task can not be blank.");
    Task t = findTask(c, lastSegment(ref));
    if (t == null) throw invalid("The referenced task was not found.");
    return t;
  }

  /** {@code StopTask}. */
  public Task stopTask(String cluster, String ref, String reason) {
    Task t = task(cluster, ref);
    ecs.stopTask(t.clusterName(), t.taskId(), reason == null ? "Task stopped by user" : reason);
    return t;
  }

  /** {@code DescribeTasks}: up to 100 tasks; unknown ones are failures. */
  public Described<Task> describeTasks(String cluster, List<String> refs) {
    Cluster c = cluster(cluster);
    if (refs == null || refs.isEmpty()) throw invalid("Tasks cannot be empty.");
    if (refs.size() > 100) throw invalid("Tasks cannot contain more than 100 elements.");
    List<Task> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs) {
      String id = lastSegment(ref);
      Task t = findTask(c, id);
      if (t != null) found.add(t);
      else failures.add(new Failure(ref.startsWith("arn:") ? ref : twin.arns().of("ecs",
          "task/" + c.clusterName() + "/" + id), "MISSING", null));
    }
    return new Described<>(found, failures);
  }

  /** {@code ListTasks}: task ARNs, filtered by service, family, container instance, started-by and desired status. */
  public Page<String> listTasks(String cluster, String serviceName, String family, String containerInstance,
      String startedBy, String desiredStatus, String nextToken, Integer maxResults) {
    Cluster c = cluster(cluster);
    if (serviceName != null) service(c.clusterName(), serviceName);
    String wantedStatus = desiredStatus == null ? "RUNNING" : desiredStatus;
    if (!List.of("RUNNING", "PENDING", "STOPPED").contains(wantedStatus)) {
      throw invalid("desiredStatus must be RUNNING, PENDING or STOPPED.");
    }
    List<String> arns = new ArrayList<>();
    for (Task t : ecs.tasks(c.clusterName())) {
      if (serviceName != null && !lastSegment(serviceName).equals(t.serviceName())) continue;
      if (family != null && !t.taskDefinition().family().equals(family)) continue;
      if (containerInstance != null && (t.containerInstance() == null
          || !t.containerInstance().containerInstanceId().equals(lastSegment(containerInstance)))) {
        continue;
      }
      if (startedBy != null && !startedBy.equals(t.startedBy())) continue;
      String desired = t.desiredStatus().name();
      if (!(wantedStatus.equals("STOPPED") ? desired.equals("STOPPED") : !desired.equals("STOPPED"))) continue;
      arns.add(t.taskArn());
    }
    return PAGES.page("ListTasks", arns, nextToken, maxResults, 100, 100, "maxResults");
  }

  // ------------------------------------------------------------------ container instances

  /** The container instance by id or ARN, or InvalidParameterException. */
  public ContainerInstance containerInstance(String cluster, String ref) {
    Cluster c = cluster(cluster);
    String id = lastSegment(ref == null ? "" : ref);
    for (ContainerInstance ci : c.containerInstances()) if (ci.containerInstanceId().equals(id)) return ci;
    throw invalid("The referenced container instance " + ref + " was not found.");
  }

  /** {@code DescribeContainerInstances}: unknown ones are failures. */
  public Described<ContainerInstance> describeContainerInstances(String cluster, List<String> refs) {
    Cluster c = cluster(cluster);
    if (refs == null || refs.isEmpty()) throw invalid("ContainerInstances cannot be empty.");
    List<ContainerInstance> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs) {
      String id = lastSegment(ref);
      ContainerInstance ci = c.containerInstances().stream().filter(x -> x.containerInstanceId().equals(id))
          .findFirst().orElse(null);
      if (ci != null) found.add(ci);
      else failures.add(new Failure(ref, "MISSING", null));
    }
    return new Described<>(found, failures);
  }

  /** {@code ListContainerInstances}: ARNs, optionally of one status. */
  public Page<String> listContainerInstances(String cluster, String status, String nextToken, Integer maxResults) {
    Cluster c = cluster(cluster);
    List<String> arns = new ArrayList<>();
    for (ContainerInstance ci : c.containerInstances()) {
      if (status != null && !ci.status().name().equals(status)) continue;
      arns.add(ci.containerInstanceArn());
    }
    return PAGES.page("ListContainerInstances", arns, nextToken, maxResults, 100, 100, "maxResults");
  }

  /** {@code UpdateContainerInstancesState}: {@code ACTIVE} or {@code DRAINING}. */
  public List<ContainerInstance> updateContainerInstancesState(String cluster, List<String> refs, String status) {
    ContainerInstanceStatus s;
    try {
      s = ContainerInstanceStatus.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid("Container instance status must be ACTIVE or DRAINING.");
    }
    List<ContainerInstance> out = new ArrayList<>();
    for (String ref : refs) out.add(containerInstance(cluster, ref));
    for (ContainerInstance ci : out) {
      ecs.updateContainerInstancesState(ci.clusterName(), ci.containerInstanceId(), s);
    }
    return out;
  }

  /** {@code DeregisterContainerInstance}. */
  public ContainerInstance deregisterContainerInstance(String cluster, String ref, boolean force) {
    ContainerInstance ci = containerInstance(cluster, ref);
    try {
      ecs.deregisterContainerInstance(ci.clusterName(), ci.containerInstanceId(), force);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
    return ci;
  }

  // ------------------------------------------------------------------ helpers

  /** The name or id at the end of an ARN ({@code .../name}), or the reference itself. */
  public static String lastSegment(String ref) {
    if (!ref.startsWith("arn:")) return ref;
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static AwsErrorException invalid(String message) {
    return AwsErrorException.badRequest("InvalidParameterException", message);
  }

  private static AwsErrorException client(String message) {
    return AwsErrorException.badRequest("ClientException", message);
  }
}
