package io.github.cloudtwin.ecs;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.spi.TaskRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Amazon ECS of one twin: clusters and their container instances (the agent on each EC2 instance),
 * task definitions, tasks and their lifecycle, services with placement, rolling deployments and the
 * circuit breaker, load-balancer registration, ECS metrics, and capacity providers with managed
 * scaling.
 *
 * <p>Obtain it from {@code twin.ecs()}. Thread-safe: every method runs under the simulation lock.
 * It delegates to package-private collaborators, built by {@code EcsComponents}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Ecs {

  /** PENDING to RUNNING: image pull and container start (a fake choice). */
  public static final Duration TASK_START_TIME = Duration.ofSeconds(10);

  /** awsvpc ENI attach (PROVISIONING) and detach (DEPROVISIONING) (a fake choice). */
  public static final Duration ENI_TIME = Duration.ofSeconds(5);

  /**
   * Without a load balancer or container health check, a task counts healthy this long after
   * RUNNING [doc].
   */
  public static final Duration HEALTHY_AFTER = Duration.ofSeconds(40);

  /**
   * The service scheduler retries placement this often (a fake choice); changes trigger it at once.
   */
  public static final Duration SCHEDULER_PERIOD = Duration.ofMinutes(1);

  /** Stopped tasks stay visible this long. */
  public static final Duration STOPPED_TASK_RETENTION = Duration.ofHours(1);

  private final Kernel kernel;
  private final EcsComponents parts;

  /**
   * Creates the service; the twin does this, tests use {@code twin.ecs()}. Capacity providers name
   * groups of {@code autoScaling}; tasks join target groups through {@code wiring}.
   */
  Ecs(
      Kernel kernel,
      Ec2 ec2,
      CloudWatch cloudWatch,
      String region,
      AutoScaling autoScaling,
      Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    Require.name("region", region);
    this.parts = new EcsComponents(kernel, ec2, cloudWatch, autoScaling, wiring);
    wiring.taskRuntimeSlot(parts.runtimes);
  }

  /**
   * {@return a new cluster, as {@code CreateCluster}; creating an existing one returns it}
   *
   * @param clusterName the cluster name
   */
  public Cluster createCluster(String clusterName) {
    return parts.clusters.create(clusterName);
  }

  /**
   * {@return the cluster, or a ValidationException ({@code ClusterNotFoundException})}
   *
   * @param clusterName the cluster name
   */
  public Cluster cluster(String clusterName) {
    return parts.clusters.active(clusterName);
  }

  /** {@return every active cluster, in creation order} */
  public List<Cluster> clusters() {
    return parts.clusters.active();
  }

  /**
   * {@return the cluster, active or deleted ({@code INACTIVE}, as {@code DescribeClusters} still
   * shows it), or empty if no cluster of that name was created}
   *
   * @param clusterName the cluster name
   */
  public java.util.Optional<Cluster> findCluster(String clusterName) {
    return parts.clusters.find(clusterName);
  }

  /**
   * {@return the cluster, deleted as {@code DeleteCluster}}: refused while container instances are
   * registered ({@code ClusterContainsContainerInstancesException}), services are active or
   * draining ({@code ClusterContainsServicesException}) or tasks have not stopped ({@code
   * ClusterContainsTasksException}). The cluster then shows {@code INACTIVE}, takes no new work,
   * and its name may be created again.
   *
   * @param clusterName the cluster name
   */
  public Cluster deleteCluster(String clusterName) {
    return parts.clusters.delete(clusterName);
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
    parts.containerInstances.linkAutoScalingGroup(cluster, autoScalingGroupName);
  }

  /**
   * {@return the container instance of a running EC2 instance, registered as its agent does}
   *
   * @param cluster the cluster
   * @param instanceId the instance id
   */
  public ContainerInstance registerContainerInstance(String cluster, String instanceId) {
    return registerContainerInstance(cluster, instanceId, Map.of());
  }

  /**
   * {@return the container instance, registered with the agent's {@code ECS_INSTANCE_ATTRIBUTES}}
   *
   * @param cluster the cluster
   * @param instanceId the instance id
   * @param attributes the attributes
   */
  public ContainerInstance registerContainerInstance(
      String cluster, String instanceId, Map<String, String> attributes) {
    return parts.containerInstances.register(cluster, instanceId, attributes);
  }

  /**
   * {@return the container instance with that id (or EC2 instance id) in the cluster}
   *
   * @param cluster the cluster
   * @param id a container instance id or an EC2 instance id
   */
  public ContainerInstance containerInstance(String cluster, String id) {
    return parts.containerInstances.containerInstance(cluster, id);
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
    parts.containerInstances.putAttribute(cluster, containerInstance, name, value);
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
  public void updateContainerInstancesState(
      String cluster, String containerInstance, ContainerInstanceStatus status) {
    parts.containerInstances.updateState(cluster, containerInstance, status);
  }

  /**
   * Deregisters a container instance. With tasks still on it, {@code force} is required; its tasks
   * then stop with {@code Container instance deregistration forced by user}.
   *
   * @param cluster the cluster
   * @param containerInstance the container instance
   * @param force the force
   */
  public void deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
    parts.containerInstances.deregister(cluster, containerInstance, force);
  }

  /**
   * {@return a new revision of the family, registered as {@code RegisterTaskDefinition}}
   *
   * @param spec the spec
   */
  public TaskDefinition registerTaskDefinition(TaskDefinitionSpec spec) {
    return parts.taskDefinitions.register(spec);
  }

  /**
   * {@return the task definition {@code family:revision}, or the latest ACTIVE revision of {@code
   * family}; a ValidationException when there is none}
   *
   * @param familyOrFamilyRevision the family or family revision
   */
  public TaskDefinition taskDefinition(String familyOrFamilyRevision) {
    return parts.taskDefinitions.resolve(familyOrFamilyRevision);
  }

  /**
   * Marks {@code family:revision} INACTIVE: no new services; running tasks keep it.
   *
   * @param familyRevision the family revision
   */
  public void deregisterTaskDefinition(String familyRevision) {
    parts.taskDefinitions.deregister(familyRevision);
  }

  /**
   * {@return a new service (a live view), as {@code CreateService}; its tasks are being placed}
   *
   * @param spec the spec
   */
  public EcsService createService(ServiceSpec spec) {
    return parts.services.create(spec);
  }

  /**
   * {@return the service, or a ValidationException ({@code ServiceNotFoundException})}
   *
   * @param cluster the cluster
   * @param serviceName the service name
   */
  public EcsService service(String cluster, String serviceName) {
    return parts.services.service(cluster, serviceName);
  }

  /**
   * {@return the service (a live view), changed as {@code UpdateService}}: desired count, task
   * definition (a new deployment), deployment configuration, or a forced new deployment.
   *
   * @param update the update
   */
  public EcsService updateService(ServiceUpdate update) {
    return parts.services.update(update);
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
    parts.services.setDesiredCount(cluster, service, desiredCount, message);
  }

  /**
   * Deletes a service: with {@code force} even if its desired count is above 0; its tasks stop.
   *
   * @param cluster the cluster
   * @param serviceName the service name
   * @param force the force
   */
  public void deleteService(String cluster, String serviceName, boolean force) {
    parts.services.delete(cluster, serviceName, force);
  }

  /**
   * {@return the tasks placed and the failures, as {@code RunTask} answers}: standalone tasks are
   * placed now (default strategy: random, seeded); tasks that do not fit are not started and are
   * listed as failures ({@code RESOURCE:CPU}, ...).
   *
   * @param cluster the cluster
   * @param taskDefinition the task definition
   * @param count the count
   * @param launchType the launch type
   */
  public RunTaskResult runTask(
      String cluster, String taskDefinition, int count, LaunchType launchType) {
    return parts.standaloneTasks.runTask(cluster, taskDefinition, count, launchType);
  }

  /**
   * {@return the tasks started and the failures by container instance ARN}: one task on each named
   * container instance, as {@code StartTask} (no placement strategy: the caller chose the
   * instances). A container instance that cannot take the task is a failure with AWS's reason:
   * {@code RESOURCE:CPU}, {@code RESOURCE:MEMORY}, {@code RESOURCE:PORTS}, {@code RESOURCE:ENI},
   * {@code AGENT} (agent disconnected or instance not running) or {@code INACTIVE} (deregistered).
   *
   * @param cluster the cluster
   * @param taskDefinition the task definition (EC2-compatible)
   * @param containerInstances 1 to 10 container instance ids or EC2 instance ids of the cluster
   * @param group the task group ({@code null}: {@code family:<family>}, AWS's default)
   */
  public StartTaskResult startTask(
      String cluster, String taskDefinition, List<String> containerInstances, String group) {
    return parts.standaloneTasks.startTask(cluster, taskDefinition, containerInstances, group);
  }

  /**
   * Stops a task, as {@code StopTask}; {@code reason} becomes its stoppedReason.
   *
   * @param cluster the cluster
   * @param taskId the task id
   * @param reason the reason
   */
  public void stopTask(String cluster, String taskId, String reason) {
    parts.standaloneTasks.stopTask(cluster, taskId, reason);
  }

  /**
   * {@return the cluster's tasks as ListTasks and DescribeTasks see them, in launch order: running
   * and pending ones, and stopped ones for {@link #STOPPED_TASK_RETENTION} after they stopped}
   *
   * @param cluster the cluster name
   */
  public List<Task> tasks(String cluster) {
    return parts.tasks.inCluster(cluster(cluster));
  }

  /**
   * {@return the task with that id (or ARN); stopped tasks stay visible for an hour}
   *
   * @param taskId the task id
   */
  public Task task(String taskId) {
    return parts.tasks.task(taskId);
  }

  /** {@return the default in-process runtime (behaviours, request rates, health hooks)} */
  public InProcessTaskRuntime inProcessRuntime() {
    return parts.runtimes.inProcessChecked();
  }

  /**
   * {@return the runtime in use: the in-process one unless an extension put another in ({@link
   * io.github.cloudtwin.CloudTwin#taskRuntimeSlot()})}
   */
  public TaskRuntime taskRuntime() {
    return parts.runtimes.inUse();
  }

  /**
   * Calls {@code listener} on every task state change (see {@link TaskStateListener}).
   *
   * @param listener the listener
   */
  public void addTaskStateListener(TaskStateListener listener) {
    parts.runtimes.addListener(listener);
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeTaskStateListener(TaskStateListener listener) {
    parts.runtimes.removeListener(listener);
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
    return parts.capacityProviders.update(name, managedScaling);
  }

  /**
   * Deletes a capacity provider that no cluster uses, as {@code DeleteCapacityProvider}.
   *
   * @param name the capacity provider
   */
  public void deleteCapacityProvider(String name) {
    parts.capacityProviders.delete(name);
  }

  /**
   * {@return a new Auto Scaling group capacity provider, created as {@code CreateCapacityProvider}}
   *
   * @param spec the spec
   */
  public CapacityProvider createCapacityProvider(CapacityProviderSpec spec) {
    return parts.capacityProviders.create(spec);
  }

  /**
   * {@return the capacity provider named {@code name}}
   *
   * @param name the name
   */
  public CapacityProvider capacityProvider(String name) {
    return parts.capacityProviders.provider(name);
  }

  /**
   * Associates capacity providers with a cluster and sets its default strategy, as {@code
   * PutClusterCapacityProviders}. The providers' groups are linked to the cluster.
   *
   * @param cluster the cluster
   * @param providers the providers
   * @param defaultStrategy the default strategy
   */
  public void putClusterCapacityProviders(
      String cluster, List<String> providers, List<CapacityProviderStrategyItem> defaultStrategy) {
    parts.capacityProviders.associate(cluster, providers, defaultStrategy);
  }

  @Override
  public String toString() {
    return "Ecs[" + parts.clusters.byName.keySet() + "]";
  }

  /**
   * {@return whether the service scheduler counts {@code task} as healthy now (what deployments and
   * {@code runningCount} wait for)}: RUNNING and, behind a load balancer, healthy in every target
   * group; otherwise with a health check on an essential container, HEALTHY; otherwise {@link
   * #HEALTHY_AFTER} after RUNNING. {@code task.healthStatus()} stays UNKNOWN without a container
   * health check, as AWS reports it; this is the rule the scheduler applies instead.
   *
   * @param task a task of this twin
   */
  public boolean countsAsHealthy(Task task) {
    Require.notNull("task", task);
    return kernel.call(() -> parts.lifecycle.isHealthy(task));
  }
}
