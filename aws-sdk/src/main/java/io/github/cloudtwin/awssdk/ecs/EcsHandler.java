package io.github.cloudtwin.awssdk.ecs;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.operations.EcsOperations;
import io.github.cloudtwin.awssdk.operations.EcsOperations.Described;
import io.github.cloudtwin.awssdk.operations.ElbArns;
import io.github.cloudtwin.awssdk.operations.Page;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.DeploymentConfiguration;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.PlacementConstraint;
import io.github.cloudtwin.ecs.PlacementStrategy;
import io.github.cloudtwin.ecs.SchedulingStrategy;
import io.github.cloudtwin.ecs.ServiceLoadBalancer;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
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
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * The {@code EcsClient} operations over {@link EcsOperations}: SDK requests to twin specs and twin
 * views to SDK responses, with the service events the twin records in AWS's words.
 */
public final class EcsHandler {

  /** ECS's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS = new SdkErrors("Ecs", "InvalidParameterException", EcsException::builder,
      Map.<String, Supplier<AwsServiceException.Builder>>of(
          "ClusterNotFoundException", ClusterNotFoundException::builder,
          "ServiceNotFoundException", ServiceNotFoundException::builder,
          "ServiceNotActiveException", ServiceNotActiveException::builder,
          "InvalidParameterException", InvalidParameterException::builder,
          "ClientException", ClientException::builder,
          "ClusterContainsContainerInstancesException", ClusterContainsContainerInstancesException::builder,
          "ClusterContainsServicesException", ClusterContainsServicesException::builder,
          "ClusterContainsTasksException", ClusterContainsTasksException::builder));

  private final CloudTwin twin;
  private final EcsOperations ops;
  private final ElbArns elbArns;
  private software.amazon.awssdk.services.ecs.EcsClient sync;

  /** A handler over {@code ops}. */
  public EcsHandler(CloudTwin twin, EcsOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.elbArns = new ElbArns(twin);
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.ecs.EcsClient client) {
    this.sync = client;
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.ecs.waiters.EcsWaiter waiter() {
    return new EcsWaiters.Sync(twin, sync);
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.ecs.waiters.EcsAsyncWaiter asyncWaiter() {
    return new EcsWaiters.Async(new EcsWaiters.Sync(twin, sync));
  }

  // ------------------------------------------------------------------ clusters

  /** CreateCluster. */
  public CreateClusterResponse createCluster(CreateClusterRequest r) {
    io.github.cloudtwin.ecs.Cluster c = ops.createCluster(r.clusterName());
    if (r.hasCapacityProviders() && !r.capacityProviders().isEmpty()) {
      ops.putClusterCapacityProviders(c.clusterName(), r.capacityProviders(),
          r.hasDefaultCapacityProviderStrategy() ? strategy(r.defaultCapacityProviderStrategy()) : List.of());
    }
    return CreateClusterResponse.builder().cluster(cluster(c)).build();
  }

  /** DescribeClusters. */
  public DescribeClustersResponse describeClusters(DescribeClustersRequest r) {
    Described<io.github.cloudtwin.ecs.Cluster> d = ops.describeClusters(r.hasClusters() ? r.clusters() : null);
    return DescribeClustersResponse.builder().clusters(d.found().stream().map(EcsHandler::cluster).toList())
        .failures(failures(d)).build();
  }

  /** DeleteCluster: ClusterContains...Exception while it has container instances, services or tasks. */
  public DeleteClusterResponse deleteCluster(DeleteClusterRequest r) {
    return DeleteClusterResponse.builder().cluster(cluster(ops.deleteCluster(r.cluster()))).build();
  }

  /** ListClusters. */
  public ListClustersResponse listClusters(ListClustersRequest r) {
    Page<String> p = ops.listClusters(r.nextToken(), r.maxResults());
    return ListClustersResponse.builder().clusterArns(p.items()).nextToken(p.nextToken()).build();
  }

  /** PutClusterCapacityProviders. */
  public PutClusterCapacityProvidersResponse putClusterCapacityProviders(PutClusterCapacityProvidersRequest r) {
    io.github.cloudtwin.ecs.Cluster c = ops.putClusterCapacityProviders(r.cluster(),
        r.hasCapacityProviders() ? r.capacityProviders() : List.of(),
        r.hasDefaultCapacityProviderStrategy() ? strategy(r.defaultCapacityProviderStrategy()) : List.of());
    return PutClusterCapacityProvidersResponse.builder().cluster(cluster(c)).build();
  }

  private static Cluster cluster(io.github.cloudtwin.ecs.Cluster c) {
    return Cluster.builder()
        .clusterArn(c.clusterArn())
        .clusterName(c.clusterName())
        .status(c.status())
        .registeredContainerInstancesCount(c.registeredContainerInstancesCount())
        .runningTasksCount(c.runningTasksCount())
        .pendingTasksCount(c.pendingTasksCount())
        .activeServicesCount((int) c.services().stream().filter(s -> s.status().equals("ACTIVE")).count())
        .statistics(List.of())
        .tags(List.of())
        .settings(List.of())
        .capacityProviders(c.capacityProviders())
        .defaultCapacityProviderStrategy(c.defaultCapacityProviderStrategy().stream().map(EcsHandler::strategyItem)
            .toList())
        .build();
  }

  private static List<io.github.cloudtwin.ecs.CapacityProviderStrategyItem> strategy(
      List<CapacityProviderStrategyItem> items) {
    List<io.github.cloudtwin.ecs.CapacityProviderStrategyItem> out = new ArrayList<>();
    for (CapacityProviderStrategyItem i : items) {
      out.add(new io.github.cloudtwin.ecs.CapacityProviderStrategyItem(i.capacityProvider(),
          i.base() == null ? 0 : i.base(), i.weight() == null ? 0 : i.weight()));
    }
    return out;
  }

  private static CapacityProviderStrategyItem strategyItem(io.github.cloudtwin.ecs.CapacityProviderStrategyItem i) {
    return CapacityProviderStrategyItem.builder().capacityProvider(i.capacityProvider()).base(i.base()).weight(i.weight())
        .build();
  }

  // ------------------------------------------------------------------ capacity providers

  /** CreateCapacityProvider. */
  public CreateCapacityProviderResponse createCapacityProvider(CreateCapacityProviderRequest r) {
    AutoScalingGroupProvider p = r.autoScalingGroupProvider();
    if (p == null || p.autoScalingGroupArn() == null) {
      throw AwsErrorException.badRequest("InvalidParameterException",
          "autoScalingGroupProvider.autoScalingGroupArn is required.");
    }
    String group = p.autoScalingGroupArn();
    group = group.contains(":autoScalingGroupName/") ? group.substring(group.indexOf(":autoScalingGroupName/") + 22)
        : group;
    ManagedScaling ms = ManagedScaling.DEFAULT;
    if (p.managedScaling() != null) {
      var m = p.managedScaling();
      boolean enabled = m.status() == null || "ENABLED".equals(m.statusAsString());
      ms = new ManagedScaling(enabled, m.targetCapacity() == null ? 100 : m.targetCapacity(),
          m.minimumScalingStepSize() == null ? 1 : m.minimumScalingStepSize(),
          m.maximumScalingStepSize() == null ? 10_000 : m.maximumScalingStepSize(),
          Duration.ofSeconds(m.instanceWarmupPeriod() == null ? 300 : m.instanceWarmupPeriod()));
    }
    boolean protection = "ENABLED".equals(p.managedTerminationProtectionAsString());
    io.github.cloudtwin.ecs.CapacityProvider cp = ops.createCapacityProvider(
        new CapacityProviderSpec(r.name(), group, ms, protection));
    return CreateCapacityProviderResponse.builder().capacityProvider(capacityProvider(cp)).build();
  }

  /** DescribeCapacityProviders. */
  public DescribeCapacityProvidersResponse describeCapacityProviders(DescribeCapacityProvidersRequest r) {
    Described<io.github.cloudtwin.ecs.CapacityProvider> d = ops.describeCapacityProviders(
        r.hasCapacityProviders() ? r.capacityProviders() : null);
    return DescribeCapacityProvidersResponse.builder()
        .capacityProviders(d.found().stream().map(this::capacityProvider).toList()).failures(failures(d)).build();
  }

  private CapacityProvider capacityProvider(io.github.cloudtwin.ecs.CapacityProvider cp) {
    CapacityProviderSpec s = cp.spec();
    ManagedScaling m = s.managedScaling();
    return CapacityProvider.builder()
        .capacityProviderArn(ops.capacityProviderArn(cp.name()))
        .name(cp.name())
        .status("ACTIVE")
        .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
            .autoScalingGroupArn(io.github.cloudtwin.awssdk.operations.Ids.autoScalingGroupArn(twin.arns(),
                s.autoScalingGroupName()))
            .managedScaling(ms -> ms.status(m.enabled() ? "ENABLED" : "DISABLED").targetCapacity(m.targetCapacity())
                .minimumScalingStepSize(m.minimumScalingStepSize()).maximumScalingStepSize(m.maximumScalingStepSize())
                .instanceWarmupPeriod((int) m.instanceWarmupPeriod().getSeconds()))
            .managedTerminationProtection(s.managedTerminationProtection() ? "ENABLED" : "DISABLED")
            .build())
        .tags(List.of())
        .build();
  }

  // ------------------------------------------------------------------ task definitions

  /** RegisterTaskDefinition. */
  public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest r) {
    if (r.family() == null) throw invalid("Family can not be blank.");
    if (!r.hasContainerDefinitions() || r.containerDefinitions().isEmpty()) {
      throw AwsErrorException.badRequest("ClientException", "Container list cannot be empty.");
    }
    List<ContainerDefinition> containers = new ArrayList<>();
    for (software.amazon.awssdk.services.ecs.model.ContainerDefinition c : r.containerDefinitions()) {
      if (c.name() == null || c.image() == null) {
        throw AwsErrorException.badRequest("ClientException", "Container.name and Container.image should not be null"
            + " or empty.");
      }
      ContainerDefinition.Builder b = ContainerDefinition.builder(c.name(), c.image());
      if (c.cpu() != null) b.cpu(c.cpu());
      if (c.memory() != null) b.memory(c.memory());
      if (c.memoryReservation() != null) b.memoryReservation(c.memoryReservation());
      if (c.essential() != null) b.essential(c.essential());
      if (c.hasPortMappings()) {
        for (PortMapping p : c.portMappings()) {
          if (p.hostPort() == null) b.portMapping(p.containerPort());
          else b.portMapping(p.containerPort(), p.hostPort());
        }
      }
      if (c.hasEnvironment()) for (KeyValuePair kv : c.environment()) b.environment(kv.name(), kv.value());
      if (c.hasCommand() && !c.command().isEmpty()) b.command(c.command().toArray(String[]::new));
      if (c.healthCheck() != null) {
        var h = c.healthCheck();
        b.healthCheck(new io.github.cloudtwin.ecs.HealthCheck(h.command(),
            Duration.ofSeconds(h.interval() == null ? 30 : h.interval()),
            Duration.ofSeconds(h.timeout() == null ? 5 : h.timeout()), h.retries() == null ? 3 : h.retries(),
            Duration.ofSeconds(h.startPeriod() == null ? 0 : h.startPeriod())));
      }
      containers.add(b.build());
    }
    NetworkMode mode = NetworkMode.BRIDGE;
    if (r.networkModeAsString() != null) {
      mode = null;
      for (NetworkMode m : NetworkMode.values()) if (m.awsName().equals(r.networkModeAsString())) mode = m;
      if (mode == null) throw invalid("Invalid networkMode " + r.networkModeAsString());
    }
    Set<LaunchType> compat = EnumSet.noneOf(LaunchType.class);
    if (r.hasRequiresCompatibilities()) {
      for (String c : r.requiresCompatibilitiesAsStrings()) {
        try {
          compat.add(LaunchType.valueOf(c));
        } catch (IllegalArgumentException e) {
          throw new UnsupportedOperationException("RegisterTaskDefinition with requiresCompatibilities " + c
              + " is not simulated by CloudTwin (EC2 and FARGATE are)");
        }
      }
    }
    io.github.cloudtwin.ecs.TaskDefinition td = ops.registerTaskDefinition(new TaskDefinitionSpec(r.family(),
        units("cpu", r.cpu()), units("memory", r.memory()), mode, compat, containers, Duration.ofSeconds(30)));
    return RegisterTaskDefinitionResponse.builder().taskDefinition(taskDefinition(td)).build();
  }

  private static int units(String field, String value) {
    if (value == null) return 0;
    String v = value.trim().toUpperCase(Locale.ROOT);
    try {
      if (v.endsWith("VCPU")) return (int) Math.round(Double.parseDouble(v.replace("VCPU", "").trim()) * 1024);
      if (v.endsWith("GB")) return (int) Math.round(Double.parseDouble(v.replace("GB", "").trim()) * 1024);
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw AwsErrorException.badRequest("ClientException", "Invalid '" + field + "' setting for task: " + value);
    }
  }

  /** DescribeTaskDefinition. */
  public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest r) {
    return DescribeTaskDefinitionResponse.builder().taskDefinition(taskDefinition(ops.taskDefinition(r.taskDefinition())))
        .tags(List.of()).build();
  }

  /** DeregisterTaskDefinition. */
  public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest r) {
    io.github.cloudtwin.ecs.TaskDefinition td = ops.deregisterTaskDefinition(r.taskDefinition());
    return DeregisterTaskDefinitionResponse.builder().taskDefinition(taskDefinition(td)).build();
  }

  private static TaskDefinition taskDefinition(io.github.cloudtwin.ecs.TaskDefinition td) {
    TaskDefinitionSpec s = td.spec();
    List<software.amazon.awssdk.services.ecs.model.ContainerDefinition> cs = new ArrayList<>();
    for (ContainerDefinition c : s.containerDefinitions()) {
      software.amazon.awssdk.services.ecs.model.ContainerDefinition.Builder b =
          software.amazon.awssdk.services.ecs.model.ContainerDefinition.builder()
              .name(c.name()).image(c.image()).cpu(c.cpu()).essential(c.essential())
              .portMappings(c.portMappings().stream().map(p -> PortMapping.builder().containerPort(p.containerPort())
                  .hostPort(p.hostPort()).protocol("tcp").build()).toList())
              .environment(c.environment().entrySet().stream()
                  .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList())
              .command(c.command());
      if (c.memory() > 0) b.memory(c.memory());
      if (c.memoryReservation() > 0) b.memoryReservation(c.memoryReservation());
      cs.add(b.build());
    }
    List<String> compat = s.requiresCompatibilities().stream().map(Enum::name).sorted().toList();
    TaskDefinition.Builder b = TaskDefinition.builder()
        .taskDefinitionArn(td.taskDefinitionArn())
        .family(td.family())
        .revision(td.revision())
        .status(td.status())
        .networkMode(s.networkMode().awsName())
        .containerDefinitions(cs)
        .volumes(List.of())
        .placementConstraints(List.of())
        .compatibilitiesWithStrings(s.requiresCompatibilities().contains(LaunchType.FARGATE) ? List.of("EC2", "FARGATE")
            : List.of("EC2"))
        .requiresCompatibilitiesWithStrings(compat);
    if (s.cpu() > 0) b.cpu(Integer.toString(s.cpu()));
    if (s.memory() > 0) b.memory(Integer.toString(s.memory()));
    return b.build();
  }

  // ------------------------------------------------------------------ services

  /** CreateService. */
  public CreateServiceResponse createService(CreateServiceRequest r) {
    if (r.serviceName() == null) throw invalid("Service name can not be blank.");
    if (r.taskDefinition() == null) throw invalid("TaskDefinition can not be blank.");
    io.github.cloudtwin.ecs.Cluster c = ops.cluster(r.cluster());
    io.github.cloudtwin.ecs.TaskDefinition td = ops.taskDefinition(r.taskDefinition());
    if (r.networkConfiguration() != null && r.networkConfiguration().awsvpcConfiguration() != null
        && td.networkMode() != NetworkMode.AWSVPC) {
      throw invalid("Network Configuration is not valid for the given networkMode of this task definition.");
    }
    ServiceSpec.Builder b = ServiceSpec.builder(c.clusterName(), r.serviceName(), td.familyRevision());
    if (r.desiredCount() != null) b.desiredCount(r.desiredCount());
    if (r.schedulingStrategyAsString() != null) b.schedulingStrategy(SchedulingStrategy.valueOf(r.schedulingStrategyAsString()));
    if (r.launchTypeAsString() != null) b.launchType(launchType(r.launchTypeAsString()));
    if (r.hasCapacityProviderStrategy()) {
      for (CapacityProviderStrategyItem i : r.capacityProviderStrategy()) {
        b.capacityProviderStrategy(i.capacityProvider(), i.base() == null ? 0 : i.base(), i.weight() == null ? 0 : i.weight());
      }
    }
    if (r.hasPlacementStrategy()) {
      b.placementStrategy(r.placementStrategy().stream().map(p -> new PlacementStrategy(p.typeAsString(), p.field()))
          .toArray(PlacementStrategy[]::new));
    }
    if (r.hasPlacementConstraints()) {
      b.placementConstraints(r.placementConstraints().stream()
          .map(p -> new PlacementConstraint(p.typeAsString(), p.expression())).toArray(PlacementConstraint[]::new));
    }
    if (r.deploymentConfiguration() != null) b.deploymentConfiguration(deploymentConfiguration(r.deploymentConfiguration()));
    if (r.hasLoadBalancers()) {
      for (LoadBalancer lb : r.loadBalancers()) {
        var tg = elbArns.targetGroup(lb.targetGroupArn());
        if (tg == null) {
          throw invalid("Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS"
              + " service role being passed has the proper permissions. (target group " + lb.targetGroupArn()
              + " not found)");
        }
        b.loadBalancer(tg.name(), lb.containerName(), lb.containerPort() == null ? 0 : lb.containerPort());
      }
    }
    if (r.healthCheckGracePeriodSeconds() != null) b.healthCheckGracePeriod(Duration.ofSeconds(r.healthCheckGracePeriodSeconds()));
    return CreateServiceResponse.builder().service(service(ops.createService(b.build()))).build();
  }

  private static DeploymentConfiguration deploymentConfiguration(
      software.amazon.awssdk.services.ecs.model.DeploymentConfiguration d) {
    DeploymentConfiguration c = DeploymentConfiguration.of(
        d.minimumHealthyPercent() == null ? 100 : d.minimumHealthyPercent(),
        d.maximumPercent() == null ? 200 : d.maximumPercent());
    if (d.deploymentCircuitBreaker() != null) {
      c = c.withCircuitBreaker(Boolean.TRUE.equals(d.deploymentCircuitBreaker().enable()),
          Boolean.TRUE.equals(d.deploymentCircuitBreaker().rollback()));
    }
    return c;
  }

  /** DescribeServices, with deployments and service events (newest first). */
  public DescribeServicesResponse describeServices(DescribeServicesRequest r) {
    Described<io.github.cloudtwin.ecs.EcsService> d = ops.describeServices(r.cluster(), r.hasServices() ? r.services() : null);
    return DescribeServicesResponse.builder().services(d.found().stream().map(this::service).toList())
        .failures(failures(d)).build();
  }

  /** ListServices. */
  public ListServicesResponse listServices(ListServicesRequest r) {
    Page<String> p = ops.listServices(r.cluster(), r.nextToken(), r.maxResults());
    return ListServicesResponse.builder().serviceArns(p.items()).nextToken(p.nextToken()).build();
  }

  /** UpdateService. */
  public UpdateServiceResponse updateService(UpdateServiceRequest r) {
    io.github.cloudtwin.ecs.EcsService s = ops.service(r.cluster(), r.service());
    if (r.hasCapacityProviderStrategy() || r.hasLoadBalancers() || r.networkConfiguration() != null
        || r.hasPlacementStrategy() || r.hasPlacementConstraints() || r.healthCheckGracePeriodSeconds() != null) {
      throw new UnsupportedOperationException("UpdateService of the capacity provider strategy, load balancers,"
          + " network configuration, placement or grace period is not simulated by CloudTwin (desiredCount,"
          + " taskDefinition, deploymentConfiguration and forceNewDeployment are)");
    }
    ServiceUpdate.Builder b = ServiceUpdate.builder(s.clusterName(), s.serviceName());
    if (r.desiredCount() != null) b.desiredCount(r.desiredCount());
    if (r.taskDefinition() != null) b.taskDefinition(ops.taskDefinition(r.taskDefinition()).familyRevision());
    if (r.deploymentConfiguration() != null) b.deploymentConfiguration(deploymentConfiguration(r.deploymentConfiguration()));
    if (Boolean.TRUE.equals(r.forceNewDeployment())) b.forceNewDeployment(true);
    return UpdateServiceResponse.builder().service(service(ops.updateService(b.build()))).build();
  }

  /** DeleteService. */
  public DeleteServiceResponse deleteService(DeleteServiceRequest r) {
    io.github.cloudtwin.ecs.EcsService s = ops.deleteService(r.cluster(), r.service(), Boolean.TRUE.equals(r.force()));
    return DeleteServiceResponse.builder().service(service(s)).build();
  }

  private Service service(io.github.cloudtwin.ecs.EcsService s) {
    ServiceSpec spec = s.spec();
    DeploymentConfiguration dc = spec.deploymentConfiguration() != null ? spec.deploymentConfiguration()
        : spec.schedulingStrategy() == SchedulingStrategy.DAEMON ? DeploymentConfiguration.DAEMON_DEFAULT
        : DeploymentConfiguration.REPLICA_DEFAULT;
    List<Deployment> deployments = new ArrayList<>();
    for (io.github.cloudtwin.ecs.Deployment d : s.deployments()) {
      Deployment.Builder b = Deployment.builder()
          .id(d.id())
          .status(d.status())
          .taskDefinition(d.taskDefinition().taskDefinitionArn())
          .desiredCount(d.desiredCount())
          .pendingCount(d.pendingCount())
          .runningCount(d.runningCount())
          .failedTasks(d.failedTasks())
          .createdAt(d.createdAt())
          .updatedAt(d.createdAt())
          .rolloutState(d.rolloutState().name())
          .rolloutStateReason(d.rolloutStateReason());
      if (spec.launchType() != null) b.launchType(spec.launchType().name());
      deployments.add(b.build());
    }
    List<ServiceEvent> events = s.events().stream()
        .map(e -> ServiceEvent.builder().id(e.id()).createdAt(e.createdAt()).message(e.message()).build()).toList();
    List<LoadBalancer> lbs = new ArrayList<>();
    for (ServiceLoadBalancer lb : spec.loadBalancers()) {
      lbs.add(LoadBalancer.builder().targetGroupArn(elbArns.targetGroupArn(twin.loadBalancing()
          .targetGroup(lb.targetGroupName()))).containerName(lb.containerName()).containerPort(lb.containerPort()).build());
    }
    Service.Builder b = Service.builder()
        .serviceArn(s.serviceArn())
        .serviceName(s.serviceName())
        .clusterArn(ops.cluster(s.clusterName()).clusterArn())
        .loadBalancers(lbs)
        .serviceRegistries(List.of())
        .status(s.status())
        .desiredCount(s.desiredCount())
        .runningCount(s.runningCount())
        .pendingCount(s.pendingCount())
        .capacityProviderStrategy(spec.capacityProviderStrategy().stream().map(EcsHandler::strategyItem).toList())
        .taskDefinition(s.taskDefinition().taskDefinitionArn())
        .deploymentConfiguration(software.amazon.awssdk.services.ecs.model.DeploymentConfiguration.builder()
            .minimumHealthyPercent(dc.minimumHealthyPercent()).maximumPercent(dc.maximumPercent())
            .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(dc.deploymentCircuitBreaker().enable())
                .rollback(dc.deploymentCircuitBreaker().rollback()).build())
            .build())
        .deployments(deployments)
        .events(events)
        .createdAt(s.createdAt())
        .placementConstraints(spec.placementConstraints().stream().map(p -> software.amazon.awssdk.services.ecs.model
            .PlacementConstraint.builder().type(p.type()).expression(p.expression()).build()).toList())
        .placementStrategy(spec.placementStrategy().stream().map(p -> software.amazon.awssdk.services.ecs.model
            .PlacementStrategy.builder().type(p.type()).field(p.field()).build()).toList())
        .healthCheckGracePeriodSeconds((int) spec.healthCheckGracePeriod().getSeconds())
        .schedulingStrategy(spec.schedulingStrategy().name())
        .deploymentController(c -> c.type("ECS"))
        .enableECSManagedTags(false)
        .propagateTags("NONE")
        .enableExecuteCommand(false);
    if (spec.launchType() != null) b.launchType(spec.launchType().name());
    return b.build();
  }

  // ------------------------------------------------------------------ tasks

  /** RunTask. */
  public RunTaskResponse runTask(RunTaskRequest r) {
    if (r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty()) {
      throw new UnsupportedOperationException("RunTask with a capacityProviderStrategy is not simulated by CloudTwin:"
          + " pass launchType");
    }
    LaunchType lt = r.launchTypeAsString() == null ? null : launchType(r.launchTypeAsString());
    io.github.cloudtwin.ecs.RunTaskResult res = ops.runTask(r.cluster(), r.taskDefinition(), r.count(), lt);
    List<Failure> failures = new ArrayList<>();
    for (String f : res.failures()) failures.add(Failure.builder().reason(f).build());
    return RunTaskResponse.builder().tasks(res.tasks().stream().map(this::task).toList()).failures(failures).build();
  }

  /** StartTask: one task on each named container instance; the ones that cannot take it are failures. */
  public StartTaskResponse startTask(StartTaskRequest r) {
    io.github.cloudtwin.ecs.StartTaskResult res = ops.startTask(r.cluster(), r.taskDefinition(),
        r.hasContainerInstances() ? r.containerInstances() : null, r.group());
    List<Failure> failures = new ArrayList<>();
    res.failures().forEach((arn, reason) -> failures.add(Failure.builder().arn(arn).reason(reason).build()));
    return StartTaskResponse.builder().tasks(res.tasks().stream().map(this::task).toList()).failures(failures).build();
  }

  /** StopTask. */
  public StopTaskResponse stopTask(StopTaskRequest r) {
    return StopTaskResponse.builder().task(task(ops.stopTask(r.cluster(), r.task(), r.reason()))).build();
  }

  /** DescribeTasks. */
  public DescribeTasksResponse describeTasks(DescribeTasksRequest r) {
    Described<io.github.cloudtwin.ecs.Task> d = ops.describeTasks(r.cluster(), r.hasTasks() ? r.tasks() : null);
    return DescribeTasksResponse.builder().tasks(d.found().stream().map(this::task).toList()).failures(failures(d))
        .build();
  }

  /** ListTasks. */
  public ListTasksResponse listTasks(ListTasksRequest r) {
    Page<String> p = ops.listTasks(r.cluster(), r.serviceName(), r.family(), r.containerInstance(), r.startedBy(),
        r.desiredStatusAsString(), r.nextToken(), r.maxResults());
    return ListTasksResponse.builder().taskArns(p.items()).nextToken(p.nextToken()).build();
  }

  private Task task(io.github.cloudtwin.ecs.Task t) {
    io.github.cloudtwin.ecs.TaskDefinition td = t.taskDefinition();
    List<Container> containers = new ArrayList<>();
    for (ContainerDefinition c : td.containerDefinitions()) {
      List<NetworkBinding> bindings = new ArrayList<>();
      for (io.github.cloudtwin.ecs.PortMapping p : c.portMappings()) {
        int host = t.hostPorts().getOrDefault(c.name() + ":" + p.containerPort(), p.hostPort());
        bindings.add(NetworkBinding.builder().containerPort(p.containerPort()).hostPort(host).protocol("tcp").build());
      }
      containers.add(Container.builder()
          .containerArn(twin.arns().of("ecs", "container/" + t.clusterName() + "/" + t.taskId() + "/"
              + io.github.cloudtwin.awssdk.operations.Ids.uuid(t.taskId() + "/" + c.name())))
          .taskArn(t.taskArn())
          .name(c.name())
          .image(c.image())
          .lastStatus(t.lastStatus().name())
          .networkBindings(bindings)
          .healthStatus(t.healthStatus().name())
          .build());
    }
    Task.Builder b = Task.builder()
        .taskArn(t.taskArn())
        .clusterArn(ops.cluster(t.clusterName()).clusterArn())
        .taskDefinitionArn(td.taskDefinitionArn())
        .lastStatus(t.lastStatus().name())
        .desiredStatus(t.desiredStatus().name())
        .healthStatus(t.healthStatus().name())
        .launchType(t.launchType().name())
        .availabilityZone(t.availabilityZone())
        .createdAt(t.createdAt())
        .startedAt(t.startedAt())
        .stoppingAt(t.stoppingAt())
        .stoppedAt(t.stoppedAt())
        .stoppedReason(t.stoppedReason())
        .group(t.group())
        .startedBy(t.startedBy())
        .capacityProviderName(t.capacityProviderName())
        .containers(containers)
        .cpu(Integer.toString(td.reservedCpu()))
        .memory(Integer.toString(td.reservedMemory()))
        .attachments(List.of())
        .attributes(List.of())
        .tags(List.of())
        .version(1L);
    if (t.containerInstance() != null) b.containerInstanceArn(t.containerInstance().containerInstanceArn());
    if (t.stopCode() != null) b.stopCode(t.stopCode().name());
    return b.build();
  }

  // ------------------------------------------------------------------ container instances

  /** DescribeContainerInstances. */
  public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest r) {
    Described<io.github.cloudtwin.ecs.ContainerInstance> d = ops.describeContainerInstances(r.cluster(),
        r.hasContainerInstances() ? r.containerInstances() : null);
    return DescribeContainerInstancesResponse.builder()
        .containerInstances(d.found().stream().map(EcsHandler::containerInstance).toList()).failures(failures(d)).build();
  }

  /** ListContainerInstances. */
  public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest r) {
    if (r.filter() != null) {
      throw new UnsupportedOperationException("ListContainerInstances with a filter expression is not simulated by"
          + " CloudTwin (status is)");
    }
    Page<String> p = ops.listContainerInstances(r.cluster(), r.statusAsString(), r.nextToken(), r.maxResults());
    return ListContainerInstancesResponse.builder().containerInstanceArns(p.items()).nextToken(p.nextToken()).build();
  }

  /** UpdateContainerInstancesState. */
  public UpdateContainerInstancesStateResponse updateContainerInstancesState(UpdateContainerInstancesStateRequest r) {
    List<io.github.cloudtwin.ecs.ContainerInstance> cis = ops.updateContainerInstancesState(r.cluster(),
        r.hasContainerInstances() ? r.containerInstances() : List.of(), r.statusAsString());
    return UpdateContainerInstancesStateResponse.builder()
        .containerInstances(cis.stream().map(EcsHandler::containerInstance).toList()).failures(List.of()).build();
  }

  /** DeregisterContainerInstance. */
  public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest r) {
    io.github.cloudtwin.ecs.ContainerInstance ci = ops.deregisterContainerInstance(r.cluster(), r.containerInstance(),
        Boolean.TRUE.equals(r.force()));
    return DeregisterContainerInstanceResponse.builder().containerInstance(containerInstance(ci)).build();
  }

  private static ContainerInstance containerInstance(io.github.cloudtwin.ecs.ContainerInstance ci) {
    return ContainerInstance.builder()
        .containerInstanceArn(ci.containerInstanceArn())
        .ec2InstanceId(ci.ec2InstanceId())
        .capacityProviderName(ci.capacityProviderName())
        .version(1L)
        .status(ci.status().name())
        .agentConnected(ci.agentConnected())
        .runningTasksCount(ci.runningTasksCount())
        .pendingTasksCount(ci.pendingTasksCount())
        .registeredResources(resources(ci.registeredCpu(), ci.registeredMemory()))
        .remainingResources(resources(ci.remainingCpu(), ci.remainingMemory()))
        .attributes(ci.attributes().entrySet().stream().map(e -> software.amazon.awssdk.services.ecs.model.Attribute
            .builder().name(e.getKey()).value(e.getValue()).build()).toList())
        .registeredAt(ci.registeredAt())
        .attachments(List.of())
        .tags(List.of())
        .build();
  }

  private static List<Resource> resources(int cpu, int memory) {
    return List.of(Resource.builder().name("CPU").type("INTEGER").integerValue(cpu).build(),
        Resource.builder().name("MEMORY").type("INTEGER").integerValue(memory).build());
  }

  // ------------------------------------------------------------------ helpers

  private static List<Failure> failures(Described<?> d) {
    return d.failures().stream().map(f -> Failure.builder().arn(f.arn()).reason(f.reason()).detail(f.detail()).build())
        .toList();
  }

  private static LaunchType launchType(String s) {
    try {
      return LaunchType.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedOperationException("Launch type " + s + " is not simulated by CloudTwin (EC2 and FARGATE are)");
    }
  }

  private static AwsErrorException invalid(String message) {
    return AwsErrorException.badRequest("InvalidParameterException", message);
  }
}
