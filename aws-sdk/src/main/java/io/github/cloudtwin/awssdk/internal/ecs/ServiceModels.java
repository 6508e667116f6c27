package io.github.cloudtwin.awssdk.internal.ecs;

import static io.github.cloudtwin.awssdk.internal.ecs.EcsValues.invalid;
import static io.github.cloudtwin.awssdk.internal.ecs.EcsValues.launchType;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations;
import io.github.cloudtwin.awssdk.internal.operations.ElbArns;
import io.github.cloudtwin.ecs.DeploymentConfiguration;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.PlacementConstraint;
import io.github.cloudtwin.ecs.PlacementStrategy;
import io.github.cloudtwin.ecs.SchedulingStrategy;
import io.github.cloudtwin.ecs.ServiceLoadBalancer;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.ServiceUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * ECS services, both ways: CreateService and UpdateService requests as the twin's spec and update
 * (refusing what the twin does not simulate), and a service with its deployments, events and load
 * balancers as the SDK models it.
 */
final class ServiceModels {

  private final CloudTwin twin;
  private final EcsOperations ops;
  private final ElbArns elbArns;

  ServiceModels(CloudTwin twin, EcsOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.elbArns = new ElbArns(twin);
  }

  /**
   * CreateService's request as the twin's spec (its cluster, task definition and target groups must
   * exist).
   */
  ServiceSpec spec(CreateServiceRequest r) {
    if (r.serviceName() == null) throw invalid("Service name can not be blank.");
    if (r.taskDefinition() == null) throw invalid("TaskDefinition can not be blank.");
    io.github.cloudtwin.ecs.Cluster c = ops.cluster(r.cluster());
    io.github.cloudtwin.ecs.TaskDefinition td = ops.taskDefinition(r.taskDefinition());
    if (r.networkConfiguration() != null
        && r.networkConfiguration().awsvpcConfiguration() != null
        && td.networkMode() != NetworkMode.AWSVPC) {
      throw invalid(
          "Network Configuration is not valid for the given networkMode of this task definition.");
    }
    ServiceSpec.Builder b =
        ServiceSpec.builder(c.clusterName(), r.serviceName(), td.familyRevision());
    if (r.desiredCount() != null) b.desiredCount(r.desiredCount());
    if (r.schedulingStrategyAsString() != null)
      b.schedulingStrategy(SchedulingStrategy.valueOf(r.schedulingStrategyAsString()));
    if (r.launchTypeAsString() != null) b.launchType(launchType(r.launchTypeAsString()));
    if (r.hasCapacityProviderStrategy()) {
      for (CapacityProviderStrategyItem i : r.capacityProviderStrategy()) {
        b.capacityProviderStrategy(
            i.capacityProvider(),
            i.base() == null ? 0 : i.base(),
            i.weight() == null ? 0 : i.weight());
      }
    }
    if (r.hasPlacementStrategy()) {
      b.placementStrategy(
          r.placementStrategy().stream()
              .map(p -> new PlacementStrategy(p.typeAsString(), p.field()))
              .toArray(PlacementStrategy[]::new));
    }
    if (r.hasPlacementConstraints()) {
      b.placementConstraints(
          r.placementConstraints().stream()
              .map(p -> new PlacementConstraint(p.typeAsString(), p.expression()))
              .toArray(PlacementConstraint[]::new));
    }
    if (r.deploymentConfiguration() != null)
      b.deploymentConfiguration(deploymentConfiguration(r.deploymentConfiguration()));
    if (r.hasLoadBalancers()) {
      for (LoadBalancer lb : r.loadBalancers()) {
        var tg = elbArns.targetGroup(lb.targetGroupArn());
        if (tg == null) {
          throw invalid(
              "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS"
                  + " service role being passed has the proper permissions. (target group "
                  + lb.targetGroupArn()
                  + " not found)");
        }
        b.loadBalancer(
            tg.name(), lb.containerName(), lb.containerPort() == null ? 0 : lb.containerPort());
      }
    }
    if (r.healthCheckGracePeriodSeconds() != null)
      b.healthCheckGracePeriod(Duration.ofSeconds(r.healthCheckGracePeriodSeconds()));
    return b.build();
  }

  /** UpdateService's request as the twin's update. */
  ServiceUpdate update(UpdateServiceRequest r) {
    io.github.cloudtwin.ecs.EcsService s = ops.service(r.cluster(), r.service());
    if (r.hasCapacityProviderStrategy()
        || r.hasLoadBalancers()
        || r.networkConfiguration() != null
        || r.hasPlacementStrategy()
        || r.hasPlacementConstraints()
        || r.healthCheckGracePeriodSeconds() != null) {
      throw new UnsupportedOperationException(
          "UpdateService of the capacity provider strategy, load balancers,"
              + " network configuration, placement or grace period is not simulated by CloudTwin (desiredCount,"
              + " taskDefinition, deploymentConfiguration and forceNewDeployment are)");
    }
    ServiceUpdate.Builder b = ServiceUpdate.builder(s.clusterName(), s.serviceName());
    if (r.desiredCount() != null) b.desiredCount(r.desiredCount());
    if (r.taskDefinition() != null)
      b.taskDefinition(ops.taskDefinition(r.taskDefinition()).familyRevision());
    if (r.deploymentConfiguration() != null)
      b.deploymentConfiguration(deploymentConfiguration(r.deploymentConfiguration()));
    if (Boolean.TRUE.equals(r.forceNewDeployment())) b.forceNewDeployment(true);
    return b.build();
  }

  private static DeploymentConfiguration deploymentConfiguration(
      software.amazon.awssdk.services.ecs.model.DeploymentConfiguration d) {
    DeploymentConfiguration c =
        DeploymentConfiguration.of(
            d.minimumHealthyPercent() == null ? 100 : d.minimumHealthyPercent(),
            d.maximumPercent() == null ? 200 : d.maximumPercent());
    if (d.deploymentCircuitBreaker() != null) {
      c =
          c.withCircuitBreaker(
              Boolean.TRUE.equals(d.deploymentCircuitBreaker().enable()),
              Boolean.TRUE.equals(d.deploymentCircuitBreaker().rollback()));
    }
    return c;
  }

  /** The SDK model of a service. */
  Service service(io.github.cloudtwin.ecs.EcsService s) {
    ServiceSpec spec = s.spec();
    DeploymentConfiguration dc =
        spec.deploymentConfiguration() != null
            ? spec.deploymentConfiguration()
            : spec.schedulingStrategy() == SchedulingStrategy.DAEMON
                ? DeploymentConfiguration.DAEMON_DEFAULT
                : DeploymentConfiguration.REPLICA_DEFAULT;
    List<Deployment> deployments = new ArrayList<>();
    for (io.github.cloudtwin.ecs.Deployment d : s.deployments()) {
      Deployment.Builder b =
          Deployment.builder()
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
    List<ServiceEvent> events =
        s.events().stream()
            .map(
                e ->
                    ServiceEvent.builder()
                        .id(e.id())
                        .createdAt(e.createdAt())
                        .message(e.message())
                        .build())
            .toList();
    List<LoadBalancer> lbs = new ArrayList<>();
    for (ServiceLoadBalancer lb : spec.loadBalancers()) {
      lbs.add(
          LoadBalancer.builder()
              .targetGroupArn(
                  elbArns.targetGroupArn(twin.loadBalancing().targetGroup(lb.targetGroupName())))
              .containerName(lb.containerName())
              .containerPort(lb.containerPort())
              .build());
    }
    Service.Builder b =
        Service.builder()
            .serviceArn(s.serviceArn())
            .serviceName(s.serviceName())
            .clusterArn(ops.cluster(s.clusterName()).clusterArn())
            .loadBalancers(lbs)
            .serviceRegistries(List.of())
            .status(s.status())
            .desiredCount(s.desiredCount())
            .runningCount(s.runningCount())
            .pendingCount(s.pendingCount())
            .capacityProviderStrategy(
                spec.capacityProviderStrategy().stream().map(ClusterModels::strategyItem).toList())
            .taskDefinition(s.taskDefinition().taskDefinitionArn())
            .deploymentConfiguration(
                software.amazon.awssdk.services.ecs.model.DeploymentConfiguration.builder()
                    .minimumHealthyPercent(dc.minimumHealthyPercent())
                    .maximumPercent(dc.maximumPercent())
                    .deploymentCircuitBreaker(
                        DeploymentCircuitBreaker.builder()
                            .enable(dc.deploymentCircuitBreaker().enable())
                            .rollback(dc.deploymentCircuitBreaker().rollback())
                            .build())
                    .build())
            .deployments(deployments)
            .events(events)
            .createdAt(s.createdAt())
            .placementConstraints(
                spec.placementConstraints().stream()
                    .map(
                        p ->
                            software.amazon.awssdk.services.ecs.model.PlacementConstraint.builder()
                                .type(p.type())
                                .expression(p.expression())
                                .build())
                    .toList())
            .placementStrategy(
                spec.placementStrategy().stream()
                    .map(
                        p ->
                            software.amazon.awssdk.services.ecs.model.PlacementStrategy.builder()
                                .type(p.type())
                                .field(p.field())
                                .build())
                    .toList())
            .healthCheckGracePeriodSeconds((int) spec.healthCheckGracePeriod().getSeconds())
            .schedulingStrategy(spec.schedulingStrategy().name())
            .deploymentController(c -> c.type("ECS"))
            .enableECSManagedTags(false)
            .propagateTags("NONE")
            .enableExecuteCommand(false);
    if (spec.launchType() != null) b.launchType(spec.launchType().name());
    return b.build();
  }
}
