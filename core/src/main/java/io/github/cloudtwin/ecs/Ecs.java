package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Phase;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Amazon ECS of one twin: clusters and their container instances (the agent on each EC2 instance),
 * task definitions, tasks and their lifecycle, services with placement, rolling deployments and
 * the circuit breaker, load-balancer registration, ECS metrics, and capacity providers with
 * managed scaling.
 *
 * <p>Obtain it from {@code twin.ecs()}. Thread-safe: every method runs under the simulation lock.
 */
public final class Ecs {

  /** PENDING to RUNNING: image pull and container start (a fake choice). */
  public static final Duration TASK_START_TIME = Duration.ofSeconds(10);
  /** awsvpc ENI attach (PROVISIONING) and detach (DEPROVISIONING) (a fake choice). */
  public static final Duration ENI_TIME = Duration.ofSeconds(5);
  /** Without a load balancer or container health check, a task counts healthy this long after RUNNING [doc]. */
  public static final Duration HEALTHY_AFTER = Duration.ofSeconds(40);
  /** The service scheduler retries placement this often (a fake choice); changes trigger it at once. */
  public static final Duration SCHEDULER_PERIOD = Duration.ofMinutes(1);
  /** Stopped tasks stay visible this long. */
  public static final Duration STOPPED_TASK_RETENTION = Duration.ofHours(1);

  final Kernel kernel;
  final Ec2 ec2;
  final CloudWatch cloudWatch;
  final String region;
  final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, List<TaskDefinition>> taskDefinitions = new LinkedHashMap<>();
  final Map<String, Task> tasks = new LinkedHashMap<>();
  private final SplittableRandom ids;
  final Placement placement;
  final InProcessTaskRuntime inProcess;
  TaskRuntime runtime;
  TargetRegistration targets;
  Function<String, CapacityProviderGroup> groups;
  final ServiceScheduler scheduler;
  final TaskLifecycle lifecycle;
  private final List<TaskStateListener> taskStateListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  final CapacityProviders capacityProviders;
  private final TaskRuntime.Agent agent;
  final ServiceEventLog events;

  /**
   * Creates the service; the twin does this, tests use {@code twin.ecs()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param cloudWatch the cloud watch
   * @param region the region
   */
  public Ecs(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, String region) {
    this.kernel = Require.notNull("kernel", kernel);
    this.ec2 = Require.notNull("ec2", ec2);
    this.cloudWatch = Require.notNull("cloudWatch", cloudWatch);
    this.region = Require.name("region", region);
    this.ids = kernel.randomness().stream("ecs.ids");
    this.events = new ServiceEventLog(kernel);
    this.placement = new Placement(kernel.randomness().stream("ecs.placement"));
    this.inProcess = new InProcessTaskRuntime(kernel);
    this.inProcess.bind(this);
    this.runtime = inProcess;
    this.lifecycle = new TaskLifecycle(this);
    this.scheduler = new ServiceScheduler(this);
    this.capacityProviders = new CapacityProviders(this);
    this.agent = (task, container, code) -> kernel.run(() -> lifecycle.containerExited(task, container, code));
    ec2.addListener(new AgentListener());
    ec2.addCpuLoadModel(this::instanceCpu);
    kernel.every(SCHEDULER_PERIOD, Phase.ACT, scheduler::tick);
    new EcsMetrics(this);
  }

  TaskRuntime.Agent agent() {
    return agent;
  }

  // ------------------------------------------------------------------ clusters

  /**
   * Creates a cluster, as {@code CreateCluster}; creating an existing one returns it.
   *
   * @param clusterName the cluster name
   * @return it
   */
  public Cluster createCluster(String clusterName) {
    Require.name("clusterName", clusterName);
    if (!clusterName.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new ValidationException("clusterName", clusterName, "up to 255 letters, numbers, hyphens and underscores");
    }
    return kernel.call(
        () -> {
          Cluster c = clusters.get(clusterName);
          if (c == null || c.inactive) {
            c = new Cluster(clusterName, kernel.arns());
            clusters.put(clusterName, c);
            kernel.timeline().record(new EcsFact.ClusterCreated(clusterName));
          }
          return c;
        });
  }

  /**
   * The cluster, or a ValidationException ({@code ClusterNotFoundException}).
   *
   * @param clusterName the cluster name
   * @return the cluster, or a ValidationException ({@code ClusterNotFoundException})
   */
  public Cluster cluster(String clusterName) {
    Require.name("cluster", clusterName);
    return kernel.call(
        () -> {
          Cluster c = clusters.get(clusterName);
          if (c == null || c.inactive) {
            throw new ValidationException("cluster", clusterName, "an existing cluster " + activeClusterNames(), "Cluster not found.");
          }
          return c;
        });
  }

  /** {@return every active cluster, in creation order} */
  public List<Cluster> clusters() {
    return kernel.call(() -> clusters.values().stream().filter(c -> !c.inactive).toList());
  }

  private List<String> activeClusterNames() {
    return clusters.values().stream().filter(c -> !c.inactive).map(Cluster::clusterName).toList();
  }

  /**
   * The cluster named {@code clusterName} whether active or deleted ({@link Cluster#status()}
   * {@code INACTIVE}, as {@code DescribeClusters} still shows a deleted cluster), if it was ever
   * created.
   *
   * @param clusterName the cluster name
   * @return the cluster, or empty if no cluster of that name was created
   */
  public java.util.Optional<Cluster> findCluster(String clusterName) {
    Require.name("cluster", clusterName);
    return kernel.call(() -> java.util.Optional.ofNullable(clusters.get(clusterName)));
  }

  /**
   * Deletes a cluster, as {@code DeleteCluster}: refused while container instances are registered
   * ({@code ClusterContainsContainerInstancesException}), services are active or draining
   * ({@code ClusterContainsServicesException}) or tasks have not stopped
   * ({@code ClusterContainsTasksException}). The cluster then shows {@code INACTIVE}, takes no new
   * work, and its name may be created again.
   *
   * @param clusterName the cluster name
   * @return the deleted cluster (status {@code INACTIVE})
   */
  public Cluster deleteCluster(String clusterName) {
    Cluster c = cluster(clusterName);
    return kernel.call(() -> {
      if (c.registeredContainerInstancesCount() > 0) {
        throw new ValidationException("cluster", clusterName, "a cluster without registered container instances ("
            + c.registeredContainerInstancesCount() + " registered)", "ClusterContainsContainerInstancesException: The"
            + " Cluster cannot be deleted while Container Instances are active or draining.");
      }
      if (!c.services().isEmpty()) {
        throw new ValidationException("cluster", clusterName, "a cluster without active or draining services "
            + c.services().stream().map(EcsService::serviceName).toList(),
            "ClusterContainsServicesException: The Cluster cannot be deleted while Services are active.");
      }
      if (!c.tasks().isEmpty()) {
        throw new ValidationException("cluster", clusterName, "a cluster without tasks that have not stopped ("
            + c.tasks().size() + ")", "ClusterContainsTasksException: The Cluster cannot be deleted while Tasks are active.");
      }
      c.inactive = true;
      kernel.timeline().record(new EcsFact.ClusterDeleted(clusterName));
      return c;
    });
  }

  /**
   * Links an Auto Scaling group to a cluster: the agent on each of its instances (tag {@link
   * Ec2#GROUP_TAG}) registers with the cluster when the instance is running, as the user data of an
   * ECS-optimised launch template does. Instances already running register now.
   *
   * @param cluster the cluster
   * @param autoScalingGroupName the auto scaling group name
   */
  public void linkAutoScalingGroup(String cluster, String autoScalingGroupName) {
    Cluster c = cluster(cluster);
    Require.name("autoScalingGroupName", autoScalingGroupName);
    kernel.run(
        () -> {
          for (Cluster other : clusters.values()) {
            if (other != c && other.linkedGroups.contains(autoScalingGroupName)) {
              throw new ValidationException("autoScalingGroupName", autoScalingGroupName, "a group not linked to another cluster (" + other.clusterName() + ")");
            }
          }
          synchronized (c.linkedGroups) {
            c.linkedGroups.add(autoScalingGroupName);
          }
          for (Instance i : ec2.instances(InstanceState.RUNNING)) {
            if (autoScalingGroupName.equals(i.tags().get(Ec2.GROUP_TAG)) && findContainerInstance(i.instanceId()) == null) {
              register(c, i, Map.of());
            }
          }
        });
  }

  /**
   * Registers a running EC2 instance's agent with a cluster, as the agent does at start.
   *
   * @param cluster the cluster
   * @param instanceId the instance id
   * @return the registered container instance
   */
  public ContainerInstance registerContainerInstance(String cluster, String instanceId) {
    return registerContainerInstance(cluster, instanceId, Map.of());
  }

  /**
   * Registers a running instance with custom attributes (the agent's {@code ECS_INSTANCE_ATTRIBUTES}).
   *
   * @param cluster the cluster
   * @param instanceId the instance id
   * @param attributes the attributes
   * @return the registered container instance
   */
  public ContainerInstance registerContainerInstance(String cluster, String instanceId, Map<String, String> attributes) {
    Cluster c = cluster(cluster);
    Instance i = ec2.instance(instanceId);
    Require.notNull("attributes", attributes);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      Require.name("attributes.name", e.getKey());
      Require.name("attributes.value", e.getValue());
      if (e.getKey().startsWith("ecs.")) {
        throw new ValidationException("attributes.name", e.getKey(), "a custom name (the ecs. prefix is reserved)");
      }
    }
    return kernel.call(
        () -> {
          if (i.state() != InstanceState.RUNNING) {
            throw new ValidationException("instanceId", instanceId, "a running instance (it is " + i.state() + ")");
          }
          ContainerInstance existing = findContainerInstance(instanceId);
          if (existing != null) {
            throw new ValidationException("instanceId", instanceId, "an instance not yet registered (it is " + existing.containerInstanceId() + " in " + existing.clusterName() + ")");
          }
          return register(c, i, attributes);
        });
  }

  private ContainerInstance register(Cluster c, Instance i, Map<String, String> attributes) {
    String id = hex32();
    ContainerInstance ci = new ContainerInstance(id, kernel.arns(), c.clusterName(), i, attributes, kernel.clock().now());
    ci.capacityProviderName = capacityProviders.providerOf(c, i);
    synchronized (c.containerInstances) {
      c.containerInstances.put(id, ci);
      c.byEc2Id.put(i.instanceId(), ci);
    }
    long ev =
        kernel.timeline().record(new EcsFact.ContainerInstanceRegistered(id, c.clusterName(), i.instanceId(),
            i.instanceType().name(), i.availabilityZone(), ci.registeredCpu(), ci.registeredMemory()));
    kernel.runWithCause(ev, () -> {
      capacityProviders.instanceRegistered(c, ci);
      scheduler.requestAll(c);
    });
    return ci;
  }

  ContainerInstance findContainerInstance(String ec2InstanceId) {
    for (Cluster c : clusters.values()) {
      ContainerInstance ci = c.byEc2Id.get(ec2InstanceId);
      if (ci != null && ci.status() != ContainerInstanceStatus.INACTIVE) return ci;
    }
    return null;
  }

  /**
   * The container instance with that id (or EC2 instance id) in the cluster.
   *
   * @param cluster the cluster
   * @param id a container instance id or an EC2 instance id
   * @return the container instance with that id (or EC2 instance id) in the cluster
   */
  public ContainerInstance containerInstance(String cluster, String id) {
    Cluster c = cluster(cluster);
    Require.name("containerInstance", id);
    return kernel.call(
        () -> {
          ContainerInstance ci = c.containerInstances.get(id);
          if (ci == null) ci = c.byEc2Id.get(id);
          if (ci == null) {
            throw new ValidationException("containerInstance", id, "a container instance of cluster " + cluster);
          }
          return ci;
        });
  }

  /**
   * Sets ({@code value} non-null) or deletes custom attributes, as {@code PutAttributes}.
   *
   * @param cluster the cluster
   * @param containerInstance the container instance
   * @param name the name
   * @param value the value
   */
  public void putAttribute(String cluster, String containerInstance, String name, String value) {
    ContainerInstance ci = containerInstance(cluster, containerInstance);
    Require.name("attributes.name", name);
    if (name.startsWith("ecs.")) {
      throw new ValidationException("attributes.name", name, "a custom name (the ecs. prefix is reserved)");
    }
    kernel.run(() -> {
      ci.putAttribute(name, value);
      scheduler.requestAll(cluster(cluster));
    });
  }

  /**
   * Sets a container instance ACTIVE or DRAINING, as {@code UpdateContainerInstancesState}. A
   * draining instance takes no new tasks; its PENDING service tasks stop at once and its RUNNING
   * ones are replaced within the deployment limits.
   *
   * @param cluster the cluster
   * @param containerInstance the container instance
   * @param status the status
   */
  public void updateContainerInstancesState(String cluster, String containerInstance, ContainerInstanceStatus status) {
    ContainerInstance ci = containerInstance(cluster, containerInstance);
    Require.notNull("status", status);
    if (status == ContainerInstanceStatus.INACTIVE) {
      throw new ValidationException("status", status, "ACTIVE or DRAINING");
    }
    kernel.run(
        () -> {
          if (ci.status() == status || ci.status() == ContainerInstanceStatus.INACTIVE) return;
          ContainerInstanceStatus from = ci.status();
          ci.status(status);
          long ev = kernel.timeline().record(new EcsFact.ContainerInstanceStatusChanged(ci.containerInstanceId(), from, status));
          kernel.runWithCause(ev, () -> {
            if (status == ContainerInstanceStatus.DRAINING) {
              for (Task t : ci.taskList()) {
                if (t.service != null && t.desiredStatus() == TaskStatus.RUNNING && t.lastStatus().compareTo(TaskStatus.RUNNING) < 0) {
                  lifecycle.stop(t, StopCode.ServiceSchedulerInitiated, "Container instance is draining");
                }
              }
            }
            scheduler.requestAll(cluster(cluster));
          });
        });
  }

  /**
   * Deregisters a container instance. With tasks still on it, {@code force} is required; its
   * tasks then stop with {@code Container instance deregistration forced by user}.
   *
   * @param cluster the cluster
   * @param containerInstance the container instance
   * @param force the force
   */
  public void deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
    ContainerInstance ci = containerInstance(cluster, containerInstance);
    kernel.run(
        () -> {
          if (!ci.tasks().isEmpty() && !force) {
            throw new ValidationException("force", false, "true: the container instance still has " + ci.tasks().size() + " tasks");
          }
          deregister(ci, "Container instance deregistration forced by user", StopCode.UserInitiated);
        });
  }

  void deregister(ContainerInstance ci, String reason, StopCode code) {
    if (ci.status() == ContainerInstanceStatus.INACTIVE) return;
    ContainerInstanceStatus from = ci.status();
    ci.status(ContainerInstanceStatus.INACTIVE);
    long ev = kernel.timeline().record(new EcsFact.ContainerInstanceStatusChanged(ci.containerInstanceId(), from,
        ContainerInstanceStatus.INACTIVE));
    kernel.runWithCause(ev, () -> {
      for (Task t : ci.taskList()) {
        if (t.lastStatus() != TaskStatus.STOPPED) lifecycle.lose(t, code, reason);
      }
      capacityProviders.instanceGone(ci);
      scheduler.requestAll(clusters.get(ci.clusterName()));
    });
  }

  /** Reacts to EC2: agents register, disconnect, reconnect, and instances are lost. */
  private final class AgentListener implements InstanceListener {
    @Override
    public void stateChanged(Instance i, InstanceState from) {
      ContainerInstance ci = findContainerInstance(i.instanceId());
      InstanceState s = i.state();
      if (ci == null) {
        if (s == InstanceState.RUNNING) {
          String group = i.tags().get(Ec2.GROUP_TAG);
          if (group != null) {
            for (Cluster c : clusters.values()) {
              if (c.linkedGroups.contains(group)) {
                register(c, i, Map.of());
                break;
              }
            }
          }
        }
        return;
      }
      String reason = "Host EC2 (instance " + i.instanceId() + ") stopped/terminated";
      switch (s) {
        case RUNNING:
          ci.agentConnected(true);
          kernel.timeline().record(new EcsFact.ContainerAgentChanged(ci.containerInstanceId(), true));
          scheduler.requestAll(clusters.get(ci.clusterName()));
          break;
        case SHUTTING_DOWN:
        case TERMINATED:
          // The agent is still connected while the instance shuts down: it deregisters itself.
          deregister(ci, reason, StopCode.TerminationNotice);
          break;
        case STOPPING:
        case STOPPED:
          if (ci.agentConnected()) {
            ci.agentConnected(false);
            kernel.timeline().record(new EcsFact.ContainerAgentChanged(ci.containerInstanceId(), false));
          }
          for (Task t : ci.taskList()) {
            if (t.lastStatus() != TaskStatus.STOPPED) lifecycle.lose(t, StopCode.TerminationNotice, reason);
          }
          scheduler.requestAll(clusters.get(ci.clusterName()));
          break;
        default:
          break;
      }
    }

    @Override
    public void reachabilityChanged(Instance i, boolean reachable) {
      ContainerInstance ci = findContainerInstance(i.instanceId());
      if (ci == null || i.state() != InstanceState.RUNNING) return;
      if (ci.agentConnected() != reachable) {
        ci.agentConnected(reachable);
        kernel.timeline().record(new EcsFact.ContainerAgentChanged(ci.containerInstanceId(), reachable));
      }
      for (Task t : ci.taskList()) {
        if (t.lastStatus() != TaskStatus.STOPPED) lifecycle.setPaused(t, !reachable);
      }
      scheduler.requestAll(clusters.get(ci.clusterName()));
    }
  }

  private double instanceCpu(Instance i, long from, long to) {
    ContainerInstance ci = findContainerInstance(i.instanceId());
    if (ci == null) return 0;
    double units = 0;
    for (Task t : ci.taskList()) {
      units += runtime.cpuUnitsUsed(t, from, to);
    }
    return 100.0 * units / ci.registeredCpu();
  }

  // ------------------------------------------------------------------ task definitions

  /**
   * Registers a new revision of the family, as {@code RegisterTaskDefinition}.
   *
   * @param spec the spec
   * @return the new revision
   */
  public TaskDefinition registerTaskDefinition(TaskDefinitionSpec spec) {
    Require.notNull("taskDefinition", spec);
    return kernel.call(
        () -> {
          List<TaskDefinition> revs = taskDefinitions.computeIfAbsent(spec.family(), f -> new ArrayList<>());
          TaskDefinition td = new TaskDefinition(spec, revs.size() + 1, kernel.arns());
          revs.add(td);
          kernel.timeline().record(new EcsFact.TaskDefinitionRegistered(td.familyRevision()));
          return td;
        });
  }

  /**
   * The task definition {@code family:revision}, or the latest ACTIVE revision of {@code family};
   * a ValidationException when there is none.
   *
   * @param familyOrFamilyRevision the family or family revision
   * @return the task definition {@code family:revision}, or the latest ACTIVE revision of {@code
   *     family}; a ValidationException when there is none
   */
  public TaskDefinition taskDefinition(String familyOrFamilyRevision) {
    Require.name("taskDefinition", familyOrFamilyRevision);
    return kernel.call(
        () -> {
          String ref = familyOrFamilyRevision;
          int slash = ref.lastIndexOf('/');
          if (ref.startsWith("arn:") && slash >= 0) ref = ref.substring(slash + 1);
          int colon = ref.lastIndexOf(':');
          List<TaskDefinition> revs = taskDefinitions.get(colon < 0 ? ref : ref.substring(0, colon));
          if (revs != null) {
            if (colon < 0) {
              for (int i = revs.size() - 1; i >= 0; i--) if (revs.get(i).status().equals("ACTIVE")) return revs.get(i);
            } else {
              try {
                int rev = Integer.parseInt(ref.substring(colon + 1));
                if (rev >= 1 && rev <= revs.size()) return revs.get(rev - 1);
              } catch (NumberFormatException e) {
                // fall through
              }
            }
          }
          throw new ValidationException(
              "taskDefinition", familyOrFamilyRevision, "a registered task definition (family or family:revision)",
              "Unable to describe task definition.");
        });
  }

  /**
   * Marks {@code family:revision} INACTIVE: no new services; running tasks keep it.
   *
   * @param familyRevision the family revision
   */
  public void deregisterTaskDefinition(String familyRevision) {
    TaskDefinition td = taskDefinition(familyRevision);
    if (!familyRevision.contains(":")) {
      throw new ValidationException("taskDefinition", familyRevision, "family:revision");
    }
    kernel.run(() -> {
      td.deactivate();
      kernel.timeline().record(new EcsFact.TaskDefinitionDeregistered(td.familyRevision()));
    });
  }

  // ------------------------------------------------------------------ services

  /**
   * Creates a service, as {@code CreateService}, and starts placing its tasks.
   *
   * @param spec the spec
   * @return the new service, a live view
   */
  public EcsService createService(ServiceSpec spec) {
    Require.notNull("service", spec);
    return kernel.call(
        () -> {
          Cluster c = cluster(spec.cluster());
          EcsService existing = c.services.get(spec.serviceName());
          if (existing != null && !"INACTIVE".equals(existing.status())) {
            throw new ValidationException("serviceName", spec.serviceName(), "a name not used by an active service", "Creation of service was not idempotent.");
          }
          TaskDefinition td = taskDefinition(spec.taskDefinition());
          validateServiceAgainst(c, spec, td);
          EcsService s = new EcsService(spec, kernel.arns(), kernel.clock().now(), kernel.timeline());
          if (spec.schedulingStrategy() == SchedulingStrategy.DAEMON) s.desiredCount(0);
          synchronized (c.services) {
            c.services.put(spec.serviceName(), s);
          }
          long ev =
              kernel.timeline().record(new EcsFact.ServiceCreated(spec.serviceName(), td.familyRevision(), s.desiredCount()));
          kernel.runWithCause(ev, () -> scheduler.newDeployment(s, td));
          return s;
        });
  }

  void validateServiceAgainst(Cluster c, ServiceSpec spec, TaskDefinition td) {
    LaunchType lt = effectiveLaunchType(c, spec);
    if (lt != null && !td.spec().requiresCompatibilities().contains(lt)) {
      throw new ValidationException(
          "launchType", lt, "a launch type the task definition is compatible with " + td.spec().requiresCompatibilities(),
          "Task definition does not support launch_type " + lt + ".");
    }
    if (lt == LaunchType.FARGATE && td.networkMode() != NetworkMode.AWSVPC) {
      throw new ValidationException("networkMode", td.networkMode().awsName(), "awsvpc on Fargate");
    }
    AwsvpcConfiguration net = spec.networkConfiguration();
    if (net != null) {
      if (td.networkMode() != NetworkMode.AWSVPC) {
        throw new ValidationException("networkConfiguration", net.availabilityZones(), "no network configuration for network mode "
            + td.networkMode().awsName(), "Network Configuration is not valid for the given networkMode of this task definition.");
      }
      for (String z : net.availabilityZones()) ec2.zone(z);
      if (net.assignPublicIp() && lt != LaunchType.FARGATE) {
        throw new ValidationException("networkConfiguration.awsvpcConfiguration.assignPublicIp", "ENABLED",
            "DISABLED outside Fargate", "Assign public IP is not supported for this launch type.");
      }
    }
    for (CapacityProviderStrategyItem item : strategyOf(c, spec)) {
      if (!c.capacityProviders.contains(item.capacityProvider())) {
        throw new ValidationException(
            "capacityProviderStrategy.capacityProvider", item.capacityProvider(),
            "a capacity provider associated with cluster " + c.clusterName() + " " + c.capacityProviders);
      }
    }
    for (ServiceLoadBalancer lb : spec.loadBalancers()) {
      ContainerDefinition cd = td.container(lb.containerName());
      if (cd == null) {
        throw new ValidationException("loadBalancers.containerName", lb.containerName(), "a container of " + td.familyRevision());
      }
      boolean mapped = false;
      for (PortMapping p : cd.portMappings()) mapped |= p.containerPort() == lb.containerPort();
      if (!mapped) {
        throw new ValidationException("loadBalancers.containerPort", lb.containerPort(), "a port mapped by container " + lb.containerName());
      }
      if (targets == null) {
        throw new ValidationException("loadBalancers", lb.targetGroupName(), "a twin with load balancing wired in (setTargetRegistration)");
      }
      String type = targets.targetType(lb.targetGroupName());
      String needed = td.networkMode() == NetworkMode.AWSVPC ? "ip" : "instance";
      if (!needed.equals(type)) {
        throw new ValidationException(
            "loadBalancers.targetGroupArn", lb.targetGroupName(),
            "a target group of type " + needed + " for network mode " + td.networkMode() + " (it is " + type + ")");
      }
    }
  }

  LaunchType effectiveLaunchType(Cluster c, ServiceSpec spec) {
    if (spec.launchType() != null) return spec.launchType();
    if (!strategyOf(c, spec).isEmpty()) return null;
    return LaunchType.EC2;
  }

  List<CapacityProviderStrategyItem> strategyOf(Cluster c, ServiceSpec spec) {
    if (spec.launchType() != null) return List.of();
    if (!spec.capacityProviderStrategy().isEmpty()) return spec.capacityProviderStrategy();
    return c.defaultCapacityProviderStrategy();
  }

  /**
   * The service, or a ValidationException ({@code ServiceNotFoundException}).
   *
   * @param cluster the cluster
   * @param serviceName the service name
   * @return the service, or a ValidationException ({@code ServiceNotFoundException})
   */
  public EcsService service(String cluster, String serviceName) {
    Cluster c = cluster(cluster);
    Require.name("service", serviceName);
    return kernel.call(
        () -> {
          EcsService s = c.services.get(serviceName);
          if (s == null) {
            throw new ValidationException("service", serviceName, "a service of cluster " + cluster + " " + c.services.keySet(), "Service not found.");
          }
          return s;
        });
  }

  /**
   * Changes a service, as {@code UpdateService}: desired count, task definition (a new deployment),
   * deployment configuration, or a forced new deployment.
   *
   * @param update the update
   * @return the service, a live view
   */
  public EcsService updateService(ServiceUpdate update) {
    Require.notNull("update", update);
    return kernel.call(
        () -> {
          EcsService s = service(update.cluster(), update.service());
          if (!"ACTIVE".equals(s.status())) {
            throw new ValidationException("service", update.service(), "an ACTIVE service (it is " + s.status() + ")", "Service was not ACTIVE.");
          }
          TaskDefinition td = update.taskDefinition() == null ? null : taskDefinition(update.taskDefinition());
          Cluster c = cluster(update.cluster());
          ServiceSpec spec = s.spec();
          if (update.deploymentConfiguration() != null) {
            spec = new ServiceSpec(spec.cluster(), spec.serviceName(), spec.taskDefinition(), spec.desiredCount(), spec.schedulingStrategy(),
                spec.launchType(), spec.capacityProviderStrategy(), spec.placementStrategy(), spec.placementConstraints(),
                update.deploymentConfiguration(), spec.loadBalancers(), spec.healthCheckGracePeriod(), spec.networkConfiguration());
          }
          if (td != null) validateServiceAgainst(c, spec, td);
          if (update.desiredCount() != null && spec.schedulingStrategy() == SchedulingStrategy.DAEMON) {
            throw new ValidationException("desiredCount", update.desiredCount(), "no desired count for DAEMON services");
          }
          s.spec = spec;
          if (update.desiredCount() != null && update.desiredCount() != s.desiredCount()) {
            setDesiredCount(s, update.desiredCount(), "service " + s.serviceName() + " desired count " + s.desiredCount() + " -> " + update.desiredCount());
          }
          if (td != null && td != s.taskDefinition() || update.forceNewDeployment()) {
            TaskDefinition next = td != null ? td : s.taskDefinition();
            long ev = kernel.timeline().record(new EcsFact.ServiceUpdated(s.serviceName(), next.familyRevision()));
            kernel.runWithCause(ev, () -> scheduler.newDeployment(s, next));
          } else {
            scheduler.request(s);
          }
          return s;
        });
  }

  /**
   * Sets a service's desired count (used by service auto scaling); recorded with {@code message}.
   *
   * @param cluster the cluster
   * @param service the service
   * @param desiredCount the desired count
   * @param message the message
   */
  public void setDesiredCount(String cluster, String service, int desiredCount, String message) {
    EcsService s = service(cluster, service);
    if (desiredCount < 0) {
      throw new ValidationException("desiredCount", desiredCount, "0 or greater", "Invalid desiredCount value. The desiredCount value must be 0 or greater.");
    }
    kernel.run(() -> setDesiredCount(s, desiredCount, message));
  }

  private void setDesiredCount(EcsService s, int n, String message) {
    int from = s.desiredCount();
    if (n == from) return;
    s.desiredCount(n);
    s.steady = false;
    long ev = kernel.timeline().record(new EcsFact.ServiceDesiredCountChanged(s.serviceName(), from, n, message));
    kernel.runWithCause(ev, () -> scheduler.request(s));
  }

  /**
   * Deletes a service: with {@code force} even if its desired count is above 0; its tasks stop.
   *
   * @param cluster the cluster
   * @param serviceName the service name
   * @param force the force
   */
  public void deleteService(String cluster, String serviceName, boolean force) {
    EcsService s = service(cluster, serviceName);
    kernel.run(
        () -> {
          if (!"ACTIVE".equals(s.status())) return;
          if (s.desiredCount() > 0 && !force && s.spec().schedulingStrategy() == SchedulingStrategy.REPLICA) {
            throw new ValidationException("force", false, "true, or scale the service to 0 first",
                "The service cannot be stopped while it is scaled above 0.");
          }
          s.desiredCount(0);
          s.status("DRAINING");
          long ev = kernel.timeline().record(new EcsFact.ServiceStatusChanged(serviceName, "ACTIVE", "DRAINING"));
          kernel.runWithCause(ev, () -> scheduler.request(s));
        });
  }

  // ------------------------------------------------------------------ tasks

  /**
   * Runs standalone tasks, as {@code RunTask}: placed now (default strategy: random, seeded); tasks
   * that do not fit are not started and are listed as failures ({@code RESOURCE:CPU}, ...).
   *
   * @param cluster the cluster
   * @param taskDefinition the task definition
   * @param count the count
   * @param launchType the launch type
   * @return the tasks placed and the failures, as RunTask answers
   */
  public RunTaskResult runTask(String cluster, String taskDefinition, int count, LaunchType launchType) {
    Cluster c = cluster(cluster);
    TaskDefinition td = taskDefinition(taskDefinition);
    Require.between("count", count, 1, 10);
    Require.notNull("launchType", launchType);
    return kernel.call(
        () -> {
          if (!td.spec().requiresCompatibilities().contains(launchType)) {
            throw new ValidationException("launchType", launchType, "a launch type the task definition is compatible with " + td.spec().requiresCompatibilities());
          }
          List<Task> started = new ArrayList<>();
          List<String> failures = new ArrayList<>();
          List<Task> group;
          synchronized (c.standaloneTasks) {
            group = new ArrayList<>(c.standaloneTasks);
          }
          for (int n = 0; n < count; n++) {
            if (launchType == LaunchType.FARGATE) {
              if (!lifecycle.hasFargateZone()) {
                failures.add("AvailabilityZone");
                continue;
              }
              Task t = newTask(c, td, "family:" + td.family(), launchType, null, null, null);
              lifecycle.launchFargate(t, group);
              synchronized (c.standaloneTasks) {
                c.standaloneTasks.add(t);
              }
              group.add(t);
              started.add(t);
              continue;
            }
            Placement.Choice choice = placement.choose(c.containerInstances.values(), td, List.of(PlacementStrategy.random()), List.of(), group);
            if (choice.instance() == null) {
              failures.add(failureReason(choice.failure()));
              continue;
            }
            Task t = newTask(c, td, "family:" + td.family(), launchType, null, null, null);
            synchronized (c.standaloneTasks) {
              c.standaloneTasks.add(t);
            }
            lifecycle.launchOn(t, choice.instance());
            group.add(t);
            started.add(t);
          }
          return new RunTaskResult(started, failures);
        });
  }

  /**
   * Starts one task on each named container instance, as {@code StartTask} (no placement
   * strategy: the caller chose the instances). A container instance that cannot take the task is a
   * failure with AWS's reason: {@code RESOURCE:CPU}, {@code RESOURCE:MEMORY}, {@code RESOURCE:PORTS},
   * {@code RESOURCE:ENI}, {@code AGENT} (agent disconnected or instance not running) or
   * {@code INACTIVE} (deregistered).
   *
   * @param cluster the cluster
   * @param taskDefinition the task definition (EC2-compatible)
   * @param containerInstances 1 to 10 container instance ids or EC2 instance ids of the cluster
   * @param group the task group ({@code null}: {@code family:<family>}, AWS's default)
   * @return the tasks started and the failures by container instance ARN
   */
  public StartTaskResult startTask(String cluster, String taskDefinition, List<String> containerInstances, String group) {
    Cluster c = cluster(cluster);
    TaskDefinition td = taskDefinition(taskDefinition);
    Require.notNull("containerInstances", containerInstances);
    Require.between("containerInstances", containerInstances.size(), 1, 10);
    List<ContainerInstance> targets = new ArrayList<>();
    for (String id : containerInstances) targets.add(containerInstance(c.clusterName(), id));
    return kernel.call(
        () -> {
          if (!td.spec().requiresCompatibilities().contains(LaunchType.EC2)) {
            throw new ValidationException("taskDefinition", td.familyRevision(), "a task definition compatible with EC2 "
                + "(it requires " + td.spec().requiresCompatibilities() + ")");
          }
          List<Task> started = new ArrayList<>();
          Map<String, String> failures = new java.util.LinkedHashMap<>();
          String taskGroup = group == null ? "family:" + td.family() : group;
          for (ContainerInstance ci : targets) {
            String reason = null;
            if (ci.status() == ContainerInstanceStatus.INACTIVE) {
              reason = "INACTIVE";
            } else if (!ci.agentConnected() || ci.instance().state() != InstanceState.RUNNING || !ci.instance().isReachable()) {
              reason = "AGENT";
            } else {
              String misfit = Placement.misfit(ci, td);
              if (misfit != null) reason = failureReason(misfit);
            }
            if (reason != null) {
              failures.put(ci.containerInstanceArn(), reason);
              continue;
            }
            Task t = newTask(c, td, taskGroup, LaunchType.EC2, null, null, null);
            synchronized (c.standaloneTasks) {
              c.standaloneTasks.add(t);
            }
            lifecycle.launchOn(t, ci);
            started.add(t);
          }
          return new StartTaskResult(started, failures);
        });
  }

  private static String failureReason(String placementFailure) {
    if (placementFailure.contains("CPU")) return "RESOURCE:CPU";
    if (placementFailure.contains("memory")) return "RESOURCE:MEMORY";
    if (placementFailure.contains("port")) return "RESOURCE:PORTS";
    if (placementFailure.contains("network interfaces")) return "RESOURCE:ENI";
    return "MISSING";
  }

  Task newTask(Cluster c, TaskDefinition td, String group, LaunchType lt, EcsService s, Deployment d, String provider) {
    Task t = new Task(hex32(), kernel.arns(), c.clusterName(), td, group, lt, s, d, provider, kernel.clock().now(), kernel.timeline());
    tasks.put(t.taskId(), t);
    if (s != null) {
      synchronized (s.tasks) {
        s.tasks.add(t);
      }
    }
    return t;
  }

  /**
   * Stops a task, as {@code StopTask}; {@code reason} becomes its stoppedReason.
   *
   * @param cluster the cluster
   * @param taskId the task id
   * @param reason the reason
   */
  public void stopTask(String cluster, String taskId, String reason) {
    Cluster c = cluster(cluster);
    Task t = task(taskId);
    if (!t.clusterName().equals(c.clusterName())) {
      throw new ValidationException("task", taskId, "a task of cluster " + c.clusterName() + " (it runs in " + t.clusterName() + ")",
          "The referenced task was not found.");
    }
    kernel.run(() -> {
      if (t.desiredStatus() == TaskStatus.STOPPED) return;
      lifecycle.stop(t, StopCode.UserInitiated, reason == null ? "Task stopped by user" : reason);
    });
  }

  /**
   * The cluster's tasks as ListTasks and DescribeTasks see them: running and pending ones, and
   * stopped ones for {@link #STOPPED_TASK_RETENTION} after they stopped, in launch order.
   *
   * @param cluster the cluster name
   * @return the cluster's tasks, in launch order
   */
  public List<Task> tasks(String cluster) {
    Cluster c = cluster(cluster);
    return kernel.call(() -> tasks.values().stream().filter(t -> t.clusterName().equals(c.clusterName())).toList());
  }

  /**
   * The task with that id (or ARN); stopped tasks stay visible for an hour.
   *
   * @param taskId the task id
   * @return the task with that id (or ARN); stopped tasks stay visible for an hour
   */
  public Task task(String taskId) {
    Require.name("task", taskId);
    return kernel.call(
        () -> {
          String id = taskId.substring(taskId.lastIndexOf('/') + 1);
          Task t = tasks.get(id);
          if (t == null) throw new ValidationException("task", taskId, "the id of a task of this twin");
          return t;
        });
  }

  // ------------------------------------------------------------------ runtime and load balancing

  /** {@return the default in-process runtime (behaviours, request rates, health hooks)} */
  public InProcessTaskRuntime inProcessRuntime() {
    kernel.checkOpen();
    return inProcess;
  }

  /**
   * {@return the task runtime in use: the in-process one unless {@link #setTaskRuntime} replaced
   * it}
   */
  public TaskRuntime taskRuntime() {
    return kernel.call(() -> runtime);
  }

  /**
   * Replaces the task runtime (for instance with real containers) for tasks started from now on.
   *
   * @param runtime the runtime
   */
  public void setTaskRuntime(TaskRuntime runtime) {
    Require.notNull("runtime", runtime);
    kernel.run(() -> this.runtime = runtime);
  }

  /**
   * Calls {@code listener} on every task state change (see {@link TaskStateListener}).
   *
   * @param listener the listener
   */
  public void addTaskStateListener(TaskStateListener listener) {
    Require.notNull("listener", listener);
    taskStateListeners.add(listener);
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeTaskStateListener(TaskStateListener listener) {
    kernel.checkOpen();
    taskStateListeners.remove(listener);
  }

  void taskStateChanged(Task t, TaskStatus from, TaskStatus to) {
    for (TaskStateListener l : taskStateListeners) l.stateChanged(t, from, to);
  }

  /**
   * Wires in the load-balancing service's target registration (the twin does this).
   *
   * @param registration the registration
   */
  public void setTargetRegistration(TargetRegistration registration) {
    Require.notNull("registration", registration);
    kernel.run(
        () -> {
          this.targets = registration;
          registration.setHealthListener((tg, id, healthy) -> kernel.run(() -> lifecycle.targetHealthChanged(tg, id, healthy)));
        });
  }

  // ------------------------------------------------------------------ capacity providers

  /**
   * Wires in the twin's EC2 Auto Scaling: capacity providers name its groups (the twin does this).
   *
   * @param autoScaling the auto scaling
   */
  public void useAutoScaling(AutoScaling autoScaling) {
    Require.notNull("autoScaling", autoScaling);
    setAutoScalingGroupResolver(name -> AutoScalingGroups.of(autoScaling, name));
  }

  /**
   * Resolves capacity providers' group names to groups (a fake in tests, Auto Scaling in the twin).
   *
   * @param resolver the resolver
   */
  public void setAutoScalingGroupResolver(Function<String, CapacityProviderGroup> resolver) {
    Require.notNull("resolver", resolver);
    kernel.run(() -> this.groups = resolver);
  }

  /**
   * Updates a capacity provider's managed scaling, as {@code UpdateCapacityProvider}: turning it
   * off deletes the target tracking policy managed scaling keeps on the group, with its alarms;
   * turning it on (or changing it) while a cluster uses the provider puts the policy anew.
   *
   * @param name the capacity provider
   * @param managedScaling the new managed scaling settings
   * @return the provider
   */
  public CapacityProvider updateCapacityProvider(String name, ManagedScaling managedScaling) {
    Require.notNull("managedScaling", managedScaling);
    return kernel.call(() -> capacityProviders.update(name, managedScaling));
  }

  /**
   * Deletes a capacity provider that no cluster uses, as {@code DeleteCapacityProvider}.
   *
   * @param name the capacity provider
   */
  public void deleteCapacityProvider(String name) {
    kernel.run(() -> capacityProviders.delete(name));
  }

  /**
   * Creates an Auto Scaling group capacity provider, as {@code CreateCapacityProvider}.
   *
   * @param spec the spec
   * @return the new capacity provider
   */
  public CapacityProvider createCapacityProvider(CapacityProviderSpec spec) {
    Require.notNull("capacityProvider", spec);
    return kernel.call(() -> capacityProviders.create(spec));
  }

  /**
   * The capacity provider named {@code name}.
   *
   * @param name the name
   * @return the capacity provider named {@code name}
   */
  public CapacityProvider capacityProvider(String name) {
    Require.name("capacityProvider", name);
    return kernel.call(() -> capacityProviders.get(name));
  }

  /**
   * Associates capacity providers with a cluster and sets its default strategy, as {@code
   * PutClusterCapacityProviders}. The providers' groups are linked to the cluster.
   *
   * @param cluster the cluster
   * @param providers the providers
   * @param defaultStrategy the default strategy
   */
  public void putClusterCapacityProviders(String cluster, List<String> providers, List<CapacityProviderStrategyItem> defaultStrategy) {
    Cluster c = cluster(cluster);
    Require.notNull("capacityProviders", providers);
    Require.notNull("defaultCapacityProviderStrategy", defaultStrategy);
    ServiceSpec.validateStrategy(defaultStrategy);
    kernel.run(() -> capacityProviders.associate(c, providers, defaultStrategy));
  }

  // ------------------------------------------------------------------ helpers

  String hex32() {
    return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
  }

  String deploymentId() {
    long v = ids.nextLong() & Long.MAX_VALUE;
    return "ecs-svc/" + String.format("%019d", v);
  }

  void serviceEvent(EcsService s, String message) {
    events.add(s, message);
  }

  List<Task> serviceTasks(EcsService s) {
    synchronized (s.tasks) {
      return new ArrayList<>(s.tasks);
    }
  }

  /** Every live service of every cluster. */
  List<EcsService> allServices() {
    List<EcsService> out = new ArrayList<>();
    for (Cluster c : clusters.values()) out.addAll(c.services.values());
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "Ecs[" + clusters.keySet() + "]";
  }

  /**
   * Whether the service scheduler counts {@code task} as healthy now (what deployments and
   * {@code runningCount} waits for): RUNNING and, behind a load balancer, healthy in every target
   * group; otherwise with container health checks, HEALTHY; otherwise {@link #HEALTHY_AFTER}
   * after RUNNING. {@code task.healthStatus()} stays UNKNOWN without a container health check, as
   * AWS reports it; this is the rule the scheduler applies instead.
   *
   * @param task a task of this twin
   * @return whether the service scheduler counts it as healthy
   */
  public boolean countsAsHealthy(Task task) {
    io.github.cloudtwin.kernel.Require.notNull("task", task);
    return kernel.call(() -> lifecycle.isHealthy(task));
  }
}
