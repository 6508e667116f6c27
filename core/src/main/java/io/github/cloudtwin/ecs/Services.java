package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The service API: {@code CreateService}, {@code DescribeServices}, {@code UpdateService}, desired
 * count changes and {@code DeleteService}, and the validation of a service against its cluster,
 * task definition, subnets, capacity providers and target groups. The scheduler then does the work.
 */
final class Services {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final ClusterRegistry clusters;
  private final TaskDefinitions taskDefinitions;
  private final TaskTargets targets;
  private final ServiceScheduler scheduler;
  private final Deployments deployments;

  Services(
      Kernel kernel,
      Ec2 ec2,
      ClusterRegistry clusters,
      TaskDefinitions taskDefinitions,
      TaskTargets targets,
      ServiceScheduler scheduler,
      Deployments deployments) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.clusters = clusters;
    this.taskDefinitions = taskDefinitions;
    this.targets = targets;
    this.scheduler = scheduler;
    this.deployments = deployments;
  }

  /** Creates a service and its first deployment; see {@link Ecs#createService}. */
  EcsService create(ServiceSpec spec) {
    Require.notNull("service", spec);
    return kernel.call(
        () -> {
          Cluster c = clusters.active(spec.cluster());
          EcsService existing = c.services.get(spec.serviceName());
          if (existing != null && !"INACTIVE".equals(existing.status())) {
            throw new ValidationException(
                "serviceName",
                spec.serviceName(),
                "a name not used by an active service",
                "Creation of service was not idempotent.");
          }
          TaskDefinition td = taskDefinitions.resolve(spec.taskDefinition());
          validateAgainst(c, spec, td);
          EcsService s =
              new EcsService(spec, kernel.arns(), kernel.clock().now(), kernel.timeline());
          if (spec.schedulingStrategy() == SchedulingStrategy.DAEMON) s.desiredCount(0);
          synchronized (c.services) {
            c.services.put(spec.serviceName(), s);
          }
          long ev =
              kernel
                  .timeline()
                  .record(
                      new EcsFact.ServiceCreated(
                          spec.serviceName(), td.familyRevision(), s.desiredCount()));
          kernel.runWithCause(ev, () -> deployments.newDeployment(s, td));
          return s;
        });
  }

  private void validateAgainst(Cluster c, ServiceSpec spec, TaskDefinition td) {
    LaunchType lt = effectiveLaunchType(c, spec);
    List<CapacityProviderStrategyItem> strategy = strategyOf(c, spec);
    if (lt == null && strategy.get(0).isFargate()) lt = LaunchType.FARGATE; // FARGATE(_SPOT)
    if (lt != null && !td.spec().requiresCompatibilities().contains(lt)) {
      throw new ValidationException(
          "launchType",
          lt,
          "a launch type the task definition is compatible with "
              + td.spec().requiresCompatibilities(),
          "Task definition does not support launch_type " + lt + ".");
    }
    if (lt == LaunchType.FARGATE && td.networkMode() != NetworkMode.AWSVPC) {
      throw new ValidationException("networkMode", td.networkMode().awsName(), "awsvpc on Fargate");
    }
    AwsvpcConfiguration net = spec.networkConfiguration();
    if (net != null) {
      if (td.networkMode() != NetworkMode.AWSVPC) {
        throw new ValidationException(
            "networkConfiguration",
            net.availabilityZones(),
            "no network configuration for network mode " + td.networkMode().awsName(),
            "Network Configuration is not valid for the given networkMode of this task definition.");
      }
      for (String z : net.availabilityZones()) ec2.zone(z);
      if (net.assignPublicIp() && lt != LaunchType.FARGATE) {
        throw new ValidationException(
            "networkConfiguration.awsvpcConfiguration.assignPublicIp",
            "ENABLED",
            "DISABLED outside Fargate",
            "Assign public IP is not supported for this launch type.");
      }
    }
    for (CapacityProviderStrategyItem item : strategyOf(c, spec)) {
      if (!c.capacityProviders.contains(item.capacityProvider())) {
        throw new ValidationException(
            "capacityProviderStrategy.capacityProvider",
            item.capacityProvider(),
            "a capacity provider associated with cluster "
                + c.clusterName()
                + " "
                + c.capacityProviders);
      }
    }
    for (ServiceLoadBalancer lb : spec.loadBalancers()) {
      ContainerDefinition cd = td.container(lb.containerName());
      if (cd == null) {
        throw new ValidationException(
            "loadBalancers.containerName",
            lb.containerName(),
            "a container of " + td.familyRevision());
      }
      boolean mapped = false;
      for (PortMapping p : cd.portMappings()) mapped |= p.containerPort() == lb.containerPort();
      if (!mapped) {
        throw new ValidationException(
            "loadBalancers.containerPort",
            lb.containerPort(),
            "a port mapped by container " + lb.containerName());
      }
      if (!targets.wired()) {
        throw new ValidationException(
            "loadBalancers",
            lb.targetGroupName(),
            "a twin with load balancing wired in (setTargetRegistration)");
      }
      String type = targets.targetType(lb.targetGroupName());
      String needed = td.networkMode() == NetworkMode.AWSVPC ? "ip" : "instance";
      if (!needed.equals(type)) {
        throw new ValidationException(
            "loadBalancers.targetGroupArn",
            lb.targetGroupName(),
            "a target group of type "
                + needed
                + " for network mode "
                + td.networkMode()
                + " (it is "
                + type
                + ")");
      }
    }
  }

  /**
   * {@return the service's launch type: its own, EC2 by default, or null when capacity providers
   * place it}
   */
  static @Nullable LaunchType effectiveLaunchType(Cluster c, ServiceSpec spec) {
    if (spec.launchType() != null) return spec.launchType();
    if (!strategyOf(c, spec).isEmpty()) return null;
    return LaunchType.EC2;
  }

  /**
   * {@return the service's capacity provider strategy, or the cluster's default; empty with a
   * launch type}
   */
  static List<CapacityProviderStrategyItem> strategyOf(Cluster c, ServiceSpec spec) {
    if (spec.launchType() != null) return List.of();
    if (!spec.capacityProviderStrategy().isEmpty()) return spec.capacityProviderStrategy();
    return c.defaultCapacityProviderStrategy();
  }

  /** The service, or a ValidationException ({@code ServiceNotFoundException}). */
  EcsService service(String cluster, String serviceName) {
    Cluster c = clusters.active(cluster);
    Require.name("service", serviceName);
    return kernel.call(
        () -> {
          EcsService s = c.services.get(serviceName);
          if (s == null) {
            throw new ValidationException(
                "service",
                serviceName,
                "a service of cluster " + cluster + " " + c.services.keySet(),
                "Service not found.");
          }
          return s;
        });
  }

  /** Changes a service; see {@link Ecs#updateService}. */
  EcsService update(ServiceUpdate update) {
    Require.notNull("update", update);
    return kernel.call(
        () -> {
          EcsService s = service(update.cluster(), update.service());
          if (!"ACTIVE".equals(s.status())) {
            throw new ValidationException(
                "service",
                update.service(),
                "an ACTIVE service (it is " + s.status() + ")",
                "Service was not ACTIVE.");
          }
          TaskDefinition td =
              update.taskDefinition() == null
                  ? null
                  : taskDefinitions.resolve(update.taskDefinition());
          Cluster c = clusters.active(update.cluster());
          ServiceSpec spec = s.spec();
          if (update.deploymentConfiguration() != null) {
            spec =
                new ServiceSpec(
                    spec.cluster(),
                    spec.serviceName(),
                    spec.taskDefinition(),
                    spec.desiredCount(),
                    spec.schedulingStrategy(),
                    spec.launchType(),
                    spec.capacityProviderStrategy(),
                    spec.placementStrategy(),
                    spec.placementConstraints(),
                    update.deploymentConfiguration(),
                    spec.loadBalancers(),
                    spec.healthCheckGracePeriod(),
                    spec.networkConfiguration());
          }
          if (td != null) validateAgainst(c, spec, td);
          if (update.desiredCount() != null
              && spec.schedulingStrategy() == SchedulingStrategy.DAEMON) {
            throw new ValidationException(
                "desiredCount", update.desiredCount(), "no desired count for DAEMON services");
          }
          s.spec = spec;
          if (update.desiredCount() != null && update.desiredCount() != s.desiredCount()) {
            setDesiredCount(
                s,
                update.desiredCount(),
                "service "
                    + s.serviceName()
                    + " desired count "
                    + s.desiredCount()
                    + " -> "
                    + update.desiredCount());
          }
          if (td != null && td != s.taskDefinition() || update.forceNewDeployment()) {
            TaskDefinition next = td != null ? td : s.taskDefinition();
            long ev =
                kernel
                    .timeline()
                    .record(new EcsFact.ServiceUpdated(s.serviceName(), next.familyRevision()));
            kernel.runWithCause(ev, () -> deployments.newDeployment(s, next));
          } else {
            scheduler.request(s);
          }
          return s;
        });
  }

  /** Sets a service's desired count; see {@link Ecs#setDesiredCount}. */
  void setDesiredCount(String cluster, String service, int desiredCount, String message) {
    EcsService s = service(cluster, service);
    if (desiredCount < 0) {
      throw new ValidationException(
          "desiredCount",
          desiredCount,
          "0 or greater",
          "Invalid desiredCount value. The desiredCount value must be 0 or greater.");
    }
    kernel.run(() -> setDesiredCount(s, desiredCount, message));
  }

  private void setDesiredCount(EcsService s, int n, String message) {
    int from = s.desiredCount();
    if (n == from) return;
    s.desiredCount(n);
    s.steady = false;
    long ev =
        kernel
            .timeline()
            .record(new EcsFact.ServiceDesiredCountChanged(s.serviceName(), from, n, message));
    kernel.runWithCause(ev, () -> scheduler.request(s));
  }

  /** Deletes a service; see {@link Ecs#deleteService}. */
  void delete(String cluster, String serviceName, boolean force) {
    EcsService s = service(cluster, serviceName);
    kernel.run(
        () -> {
          if (!"ACTIVE".equals(s.status())) return;
          if (s.desiredCount() > 0
              && !force
              && s.spec().schedulingStrategy() == SchedulingStrategy.REPLICA) {
            throw new ValidationException(
                "force",
                false,
                "true, or scale the service to 0 first",
                "The service cannot be stopped while it is scaled above 0.");
          }
          s.desiredCount(0);
          s.status("DRAINING");
          long ev =
              kernel
                  .timeline()
                  .record(new EcsFact.ServiceStatusChanged(serviceName, "ACTIVE", "DRAINING"));
          kernel.runWithCause(ev, () -> scheduler.request(s));
        });
  }
}
