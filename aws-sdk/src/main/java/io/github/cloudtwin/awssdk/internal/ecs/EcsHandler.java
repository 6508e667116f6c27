package io.github.cloudtwin.awssdk.internal.ecs;

import static io.github.cloudtwin.awssdk.internal.ecs.EcsValues.failures;
import static io.github.cloudtwin.awssdk.internal.ecs.EcsValues.launchType;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Described;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.ecs.LaunchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProviderUpdate;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * The {@code EcsClient} operations over {@link EcsOperations}: SDK requests to twin specs and twin
 * views to SDK responses, with the service events the twin records in AWS's words.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EcsHandler {

  /** ECS's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS =
      new SdkErrors(
          "Ecs",
          "InvalidParameterException",
          EcsException::builder,
          Map.<String, Supplier<AwsServiceException.Builder>>of(
              "ClusterNotFoundException", ClusterNotFoundException::builder,
              "ServiceNotFoundException", ServiceNotFoundException::builder,
              "ServiceNotActiveException", ServiceNotActiveException::builder,
              "InvalidParameterException", InvalidParameterException::builder,
              "ClientException", ClientException::builder,
              "ClusterContainsContainerInstancesException",
                  ClusterContainsContainerInstancesException::builder,
              "ClusterContainsServicesException", ClusterContainsServicesException::builder,
              "ClusterContainsTasksException", ClusterContainsTasksException::builder));

  private final CloudTwin twin;
  private final EcsOperations ops;
  private final ClusterModels clusters;
  private final ServiceModels services;
  private final TaskModels tasks;
  private software.amazon.awssdk.services.ecs.@Nullable EcsClient sync;

  /** A handler over {@code ops}. */
  public EcsHandler(CloudTwin twin, EcsOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.clusters = new ClusterModels(twin, ops);
    this.services = new ServiceModels(twin, ops);
    this.tasks = new TaskModels(twin, ops);
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.ecs.EcsClient client) {
    this.sync = client;
  }

  private software.amazon.awssdk.services.ecs.EcsClient client() {
    return Objects.requireNonNull(sync, "AwsSdkClients binds the client before handing it out");
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.ecs.waiters.EcsWaiter waiter() {
    return new EcsWaiters.Sync(twin, client());
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.ecs.waiters.EcsAsyncWaiter asyncWaiter() {
    return new EcsWaiters.Async(new EcsWaiters.Sync(twin, client()));
  }

  // ------------------------------------------------------------------ clusters

  /** CreateCluster. */
  public CreateClusterResponse createCluster(CreateClusterRequest r) {
    io.github.cloudtwin.ecs.Cluster c = ops.createCluster(r.clusterName());
    if (r.hasCapacityProviders() && !r.capacityProviders().isEmpty()) {
      ops.putClusterCapacityProviders(
          c.clusterName(),
          r.capacityProviders(),
          r.hasDefaultCapacityProviderStrategy()
              ? ClusterModels.strategy(r.defaultCapacityProviderStrategy())
              : List.of());
    }
    return CreateClusterResponse.builder().cluster(ClusterModels.cluster(c)).build();
  }

  /** DescribeClusters. */
  public DescribeClustersResponse describeClusters(DescribeClustersRequest r) {
    Described<io.github.cloudtwin.ecs.Cluster> d =
        ops.describeClusters(r.hasClusters() ? r.clusters() : null);
    return DescribeClustersResponse.builder()
        .clusters(d.found().stream().map(ClusterModels::cluster).toList())
        .failures(failures(d))
        .build();
  }

  /**
   * DeleteCluster: ClusterContains...Exception while it has container instances, services or tasks.
   */
  public DeleteClusterResponse deleteCluster(DeleteClusterRequest r) {
    return DeleteClusterResponse.builder()
        .cluster(ClusterModels.cluster(ops.deleteCluster(r.cluster())))
        .build();
  }

  /** ListClusters. */
  public ListClustersResponse listClusters(ListClustersRequest r) {
    Page<String> p = ops.listClusters(r.nextToken(), r.maxResults());
    return ListClustersResponse.builder().clusterArns(p.items()).nextToken(p.nextToken()).build();
  }

  /** PutClusterCapacityProviders. */
  public PutClusterCapacityProvidersResponse putClusterCapacityProviders(
      PutClusterCapacityProvidersRequest r) {
    io.github.cloudtwin.ecs.Cluster c =
        ops.putClusterCapacityProviders(
            r.cluster(),
            r.hasCapacityProviders() ? r.capacityProviders() : List.of(),
            r.hasDefaultCapacityProviderStrategy()
                ? ClusterModels.strategy(r.defaultCapacityProviderStrategy())
                : List.of());
    return PutClusterCapacityProvidersResponse.builder().cluster(ClusterModels.cluster(c)).build();
  }

  // ------------------------------------------------------------------ capacity providers

  /** CreateCapacityProvider. */
  public CreateCapacityProviderResponse createCapacityProvider(CreateCapacityProviderRequest r) {
    io.github.cloudtwin.ecs.CapacityProvider cp =
        ops.createCapacityProvider(ClusterModels.capacityProviderSpec(r));
    return CreateCapacityProviderResponse.builder()
        .capacityProvider(clusters.capacityProvider(cp))
        .build();
  }

  /** DescribeCapacityProviders. */
  public DescribeCapacityProvidersResponse describeCapacityProviders(
      DescribeCapacityProvidersRequest r) {
    Described<io.github.cloudtwin.ecs.CapacityProvider> d =
        ops.describeCapacityProviders(r.hasCapacityProviders() ? r.capacityProviders() : null);
    return DescribeCapacityProvidersResponse.builder()
        .capacityProviders(d.found().stream().map(clusters::capacityProvider).toList())
        .failures(failures(d))
        .build();
  }

  /** UpdateCapacityProvider: managed scaling (values not given are kept). */
  public UpdateCapacityProviderResponse updateCapacityProvider(UpdateCapacityProviderRequest r) {
    AutoScalingGroupProviderUpdate p = r.autoScalingGroupProvider();
    if (p == null) {
      throw AwsErrorException.badRequest(
          "InvalidParameterException", "autoScalingGroupProvider can not be null.");
    }
    io.github.cloudtwin.ecs.CapacityProvider cp =
        ops.updateCapacityProvider(
            r.name(),
            ClusterModels.managedScalingUpdate(p.managedScaling()),
            p.managedTerminationProtectionAsString());
    return UpdateCapacityProviderResponse.builder()
        .capacityProvider(
            clusters.capacityProvider(cp).toBuilder().updateStatus("UPDATE_COMPLETE").build())
        .build();
  }

  /**
   * DeleteCapacityProvider: gone at once, answered {@code INACTIVE} with {@code DELETE_COMPLETE}.
   */
  public DeleteCapacityProviderResponse deleteCapacityProvider(DeleteCapacityProviderRequest r) {
    io.github.cloudtwin.ecs.CapacityProvider cp = ops.deleteCapacityProvider(r.capacityProvider());
    return DeleteCapacityProviderResponse.builder()
        .capacityProvider(
            clusters.capacityProvider(cp).toBuilder()
                .status("INACTIVE")
                .updateStatus("DELETE_COMPLETE")
                .build())
        .build();
  }

  // ------------------------------------------------------------------ task definitions

  /** RegisterTaskDefinition. */
  public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest r) {
    io.github.cloudtwin.ecs.TaskDefinition td =
        ops.registerTaskDefinition(TaskDefinitionModels.spec(r));
    return RegisterTaskDefinitionResponse.builder()
        .taskDefinition(TaskDefinitionModels.taskDefinition(td))
        .build();
  }

  /** DescribeTaskDefinition. */
  public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest r) {
    return DescribeTaskDefinitionResponse.builder()
        .taskDefinition(TaskDefinitionModels.taskDefinition(ops.taskDefinition(r.taskDefinition())))
        .tags(List.of())
        .build();
  }

  /** DeregisterTaskDefinition. */
  public DeregisterTaskDefinitionResponse deregisterTaskDefinition(
      DeregisterTaskDefinitionRequest r) {
    io.github.cloudtwin.ecs.TaskDefinition td = ops.deregisterTaskDefinition(r.taskDefinition());
    return DeregisterTaskDefinitionResponse.builder()
        .taskDefinition(TaskDefinitionModels.taskDefinition(td))
        .build();
  }

  // ------------------------------------------------------------------ services

  /** CreateService. */
  public CreateServiceResponse createService(CreateServiceRequest r) {
    return CreateServiceResponse.builder()
        .service(services.service(ops.createService(services.spec(r))))
        .build();
  }

  /** DescribeServices, with deployments and service events (newest first). */
  public DescribeServicesResponse describeServices(DescribeServicesRequest r) {
    Described<io.github.cloudtwin.ecs.EcsService> d =
        ops.describeServices(r.cluster(), r.hasServices() ? r.services() : null);
    return DescribeServicesResponse.builder()
        .services(d.found().stream().map(services::service).toList())
        .failures(failures(d))
        .build();
  }

  /** ListServices. */
  public ListServicesResponse listServices(ListServicesRequest r) {
    Page<String> p = ops.listServices(r.cluster(), r.nextToken(), r.maxResults());
    return ListServicesResponse.builder().serviceArns(p.items()).nextToken(p.nextToken()).build();
  }

  /** UpdateService. */
  public UpdateServiceResponse updateService(UpdateServiceRequest r) {
    return UpdateServiceResponse.builder()
        .service(services.service(ops.updateService(services.update(r))))
        .build();
  }

  /** DeleteService. */
  public DeleteServiceResponse deleteService(DeleteServiceRequest r) {
    io.github.cloudtwin.ecs.EcsService s =
        ops.deleteService(r.cluster(), r.service(), Boolean.TRUE.equals(r.force()));
    return DeleteServiceResponse.builder().service(services.service(s)).build();
  }

  // ------------------------------------------------------------------ tasks

  /** RunTask. */
  public RunTaskResponse runTask(RunTaskRequest r) {
    if (r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty()) {
      throw new UnsupportedOperationException(
          "RunTask with a capacityProviderStrategy is not simulated by CloudTwin:"
              + " pass launchType");
    }
    LaunchType lt = r.launchTypeAsString() == null ? null : launchType(r.launchTypeAsString());
    io.github.cloudtwin.ecs.RunTaskResult res =
        ops.runTask(r.cluster(), r.taskDefinition(), r.count(), lt);
    List<Failure> failures = new ArrayList<>();
    for (String f : res.failures()) failures.add(Failure.builder().reason(f).build());
    return RunTaskResponse.builder()
        .tasks(res.tasks().stream().map(tasks::task).toList())
        .failures(failures)
        .build();
  }

  /**
   * StartTask: one task on each named container instance; the ones that cannot take it are
   * failures.
   */
  public StartTaskResponse startTask(StartTaskRequest r) {
    io.github.cloudtwin.ecs.StartTaskResult res =
        ops.startTask(
            r.cluster(),
            r.taskDefinition(),
            r.hasContainerInstances() ? r.containerInstances() : null,
            r.group());
    List<Failure> failures = new ArrayList<>();
    res.failures()
        .forEach((arn, reason) -> failures.add(Failure.builder().arn(arn).reason(reason).build()));
    return StartTaskResponse.builder()
        .tasks(res.tasks().stream().map(tasks::task).toList())
        .failures(failures)
        .build();
  }

  /** StopTask. */
  public StopTaskResponse stopTask(StopTaskRequest r) {
    return StopTaskResponse.builder()
        .task(tasks.task(ops.stopTask(r.cluster(), r.task(), r.reason())))
        .build();
  }

  /** DescribeTasks. */
  public DescribeTasksResponse describeTasks(DescribeTasksRequest r) {
    Described<io.github.cloudtwin.ecs.Task> d =
        ops.describeTasks(r.cluster(), r.hasTasks() ? r.tasks() : null);
    return DescribeTasksResponse.builder()
        .tasks(d.found().stream().map(tasks::task).toList())
        .failures(failures(d))
        .build();
  }

  /** ListTasks. */
  public ListTasksResponse listTasks(ListTasksRequest r) {
    Page<String> p =
        ops.listTasks(
            r.cluster(),
            r.serviceName(),
            r.family(),
            r.containerInstance(),
            r.startedBy(),
            r.desiredStatusAsString(),
            r.nextToken(),
            r.maxResults());
    return ListTasksResponse.builder().taskArns(p.items()).nextToken(p.nextToken()).build();
  }

  // ------------------------------------------------------------------ container instances

  /** DescribeContainerInstances. */
  public DescribeContainerInstancesResponse describeContainerInstances(
      DescribeContainerInstancesRequest r) {
    Described<io.github.cloudtwin.ecs.ContainerInstance> d =
        ops.describeContainerInstances(
            r.cluster(), r.hasContainerInstances() ? r.containerInstances() : null);
    return DescribeContainerInstancesResponse.builder()
        .containerInstances(d.found().stream().map(TaskModels::containerInstance).toList())
        .failures(failures(d))
        .build();
  }

  /** ListContainerInstances. */
  public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest r) {
    if (r.filter() != null) {
      throw new UnsupportedOperationException(
          "ListContainerInstances with a filter expression is not simulated by"
              + " CloudTwin (status is)");
    }
    Page<String> p =
        ops.listContainerInstances(r.cluster(), r.statusAsString(), r.nextToken(), r.maxResults());
    return ListContainerInstancesResponse.builder()
        .containerInstanceArns(p.items())
        .nextToken(p.nextToken())
        .build();
  }

  /** UpdateContainerInstancesState. */
  public UpdateContainerInstancesStateResponse updateContainerInstancesState(
      UpdateContainerInstancesStateRequest r) {
    List<io.github.cloudtwin.ecs.ContainerInstance> cis =
        ops.updateContainerInstancesState(
            r.cluster(),
            r.hasContainerInstances() ? r.containerInstances() : List.of(),
            r.statusAsString());
    return UpdateContainerInstancesStateResponse.builder()
        .containerInstances(cis.stream().map(TaskModels::containerInstance).toList())
        .failures(List.of())
        .build();
  }

  /** DeregisterContainerInstance. */
  public DeregisterContainerInstanceResponse deregisterContainerInstance(
      DeregisterContainerInstanceRequest r) {
    io.github.cloudtwin.ecs.ContainerInstance ci =
        ops.deregisterContainerInstance(
            r.cluster(), r.containerInstance(), Boolean.TRUE.equals(r.force()));
    return DeregisterContainerInstanceResponse.builder()
        .containerInstance(TaskModels.containerInstance(ci))
        .build();
  }

  // ------------------------------------------------------------------ helpers
}
