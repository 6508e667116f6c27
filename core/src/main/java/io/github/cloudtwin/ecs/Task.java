package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.Arns;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one ECS task: its lifecycle ({@code lastStatus}, {@code desiredStatus}), where it
 * runs, its host ports or IP, its health and, once stopped, its {@code stopCode} and {@code
 * stoppedReason} in AWS's words. Read again to see current values.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Task {

  private final String id;
  private final String arn;
  private final String clusterName;
  private final TaskDefinition taskDefinition;
  private final String group;
  private final LaunchType launchType;
  private final Instant createdAt;
  final @Nullable EcsService service;
  final @Nullable Deployment deployment;
  final @Nullable String capacityProviderName;
  private volatile @Nullable ContainerInstance containerInstance;
  private volatile @Nullable String availabilityZone;
  private volatile @Nullable String privateIpv4Address;
  private volatile TaskStatus lastStatus = TaskStatus.PROVISIONING;
  private volatile TaskStatus desiredStatus = TaskStatus.RUNNING;
  private volatile HealthStatus healthStatus = HealthStatus.UNKNOWN;
  private volatile @Nullable StopCode stopCode;
  private volatile @Nullable String stoppedReason;
  private volatile @Nullable Instant startedAt;
  private volatile @Nullable Instant stoppingAt;
  private volatile @Nullable Instant stoppedAt;
  private final Map<String, Integer> hostPorts = new LinkedHashMap<>();
  // machinery
  boolean paused;
  boolean elbUnhealthy;
  final Map<String, int[]> containerHealth =
      new LinkedHashMap<>(); // name -> {consecutiveFailures, healthy(1)/unhealthy(0)/unknown(-1)}
  final List<Scheduler.Task> timers = new ArrayList<>();
  final List<TaskTargets.Registration> registrations = new ArrayList<>();
  boolean healthFailure;
  private final Timeline timeline;

  Task(
      String id,
      Arns arns,
      String clusterName,
      TaskDefinition taskDefinition,
      String group,
      LaunchType launchType,
      @Nullable EcsService service,
      @Nullable Deployment deployment,
      @Nullable String capacityProviderName,
      Instant createdAt,
      Timeline timeline) {
    this.timeline = timeline;
    this.id = id;
    this.arn = arns.of("ecs", "task/" + clusterName + "/" + id);
    this.clusterName = clusterName;
    this.taskDefinition = taskDefinition;
    this.group = group;
    this.launchType = launchType;
    this.service = service;
    this.deployment = deployment;
    this.capacityProviderName = capacityProviderName;
    this.createdAt = createdAt;
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code task/<id>}) are recorded}
   */
  public Timeline timeline() {
    return timeline;
  }

  /** {@return the task id (32 hex digits)} */
  public String taskId() {
    return id;
  }

  /** {@return the ARN} */
  public String taskArn() {
    return arn;
  }

  /** {@return the cluster} */
  public String clusterName() {
    return clusterName;
  }

  /** {@return the task definition it runs} */
  public TaskDefinition taskDefinition() {
    return taskDefinition;
  }

  /** {@return {@code service:<name>} for service tasks, {@code family:<family>} for others} */
  public String group() {
    return group;
  }

  /** {@return the service's name, or null for a standalone task} */
  public @Nullable String serviceName() {
    return service == null ? null : service.serviceName();
  }

  /** {@return the deployment id that started it ({@code ecs-svc/...}), or null} */
  public @Nullable String startedBy() {
    return deployment == null ? null : deployment.id();
  }

  /** {@return EC2 or FARGATE} */
  public LaunchType launchType() {
    return launchType;
  }

  /** {@return the capacity provider it was placed with, or null} */
  public @Nullable String capacityProviderName() {
    return capacityProviderName;
  }

  /** {@return the container instance, or null (Fargate, or still PROVISIONING)} */
  public @Nullable ContainerInstance containerInstance() {
    return containerInstance;
  }

  /** {@return the EC2 instance id it runs on, or null} */
  public @Nullable String ec2InstanceId() {
    ContainerInstance ci = containerInstance;
    return ci == null ? null : ci.ec2InstanceId();
  }

  /** {@return its zone, or null while PROVISIONING without a placement} */
  public @Nullable String availabilityZone() {
    return availabilityZone;
  }

  /** {@return the ENI's private IP in awsvpc mode, otherwise null} */
  public @Nullable String privateIpv4Address() {
    return privateIpv4Address;
  }

  /** {@return host port per {@code container:containerPort} (bridge and host modes)} */
  public Map<String, Integer> hostPorts() {
    synchronized (hostPorts) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(hostPorts));
    }
  }

  /**
   * The host port of {@code container}'s {@code containerPort}, or 0.
   *
   * @param container the container
   * @param containerPort the container port
   * @return the host port of {@code container}'s {@code containerPort}, or 0
   */
  public int hostPort(String container, int containerPort) {
    synchronized (hostPorts) {
      Integer p = hostPorts.get(container + ":" + containerPort);
      return p == null ? 0 : p;
    }
  }

  /** {@return the last status the agent reported} */
  public TaskStatus lastStatus() {
    return lastStatus;
  }

  /** {@return RUNNING until something decides to stop it, then STOPPED} */
  public TaskStatus desiredStatus() {
    return desiredStatus;
  }

  /** {@return from its containers' health checks} */
  public HealthStatus healthStatus() {
    return healthStatus;
  }

  /** {@return why it stopped, or null} */
  public @Nullable StopCode stopCode() {
    return stopCode;
  }

  /**
   * {@return AWS's text for why it stopped, such as {@code Essential container in task exited}; or
   * null}
   */
  public @Nullable String stoppedReason() {
    return stoppedReason;
  }

  /** {@return when it was created} */
  public Instant createdAt() {
    return createdAt;
  }

  /** {@return when it reached RUNNING, or null} */
  public @Nullable Instant startedAt() {
    return startedAt;
  }

  /** {@return when stopping began, or null} */
  public @Nullable Instant stoppingAt() {
    return stoppingAt;
  }

  /** {@return when it stopped, or null} */
  public @Nullable Instant stoppedAt() {
    return stoppedAt;
  }

  /**
   * {@return whether it is paused (its instance is unreachable; the runtime was told to pause it)}
   */
  public boolean isPaused() {
    return paused;
  }

  // ----------------------------------------------------------------- machinery

  void lastStatus(TaskStatus s) {
    lastStatus = s;
  }

  void desiredStatus(TaskStatus s) {
    desiredStatus = s;
  }

  void healthStatus(HealthStatus s) {
    healthStatus = s;
  }

  void stopped(StopCode code, @Nullable String reason) {
    if (stopCode == null) {
      stopCode = code;
      stoppedReason = reason;
    }
  }

  void startedAt(Instant t) {
    startedAt = t;
  }

  void stoppingAt(Instant t) {
    if (stoppingAt == null) stoppingAt = t;
  }

  void stoppedAt(Instant t) {
    stoppedAt = t;
  }

  void placeOn(@Nullable ContainerInstance ci, String zone, @Nullable String ip) {
    containerInstance = ci;
    availabilityZone = zone;
    privateIpv4Address = ip;
  }

  void putHostPort(String key, int port) {
    synchronized (hostPorts) {
      hostPorts.put(key, port);
    }
  }

  List<Integer> hostPortsInternal() {
    synchronized (hostPorts) {
      return new ArrayList<>(hostPorts.values());
    }
  }

  /** {@return whether it is STOPPED and stopped before {@code epochMillis}} */
  boolean stoppedBefore(long epochMillis) {
    Instant at = stoppedAt;
    return lastStatus == TaskStatus.STOPPED && at != null && at.toEpochMilli() < epochMillis;
  }

  void cancelTimers() {
    for (Scheduler.Task t : timers) t.cancel();
    timers.clear();
  }

  @Override
  public String toString() {
    return id
        + " ("
        + taskDefinition.familyRevision()
        + ", "
        + lastStatus
        + (availabilityZone == null ? "" : ", " + availabilityZone)
        + ")";
  }
}
