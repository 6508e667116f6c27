package io.github.cloudtwin.ecs;

import io.github.cloudtwin.kernel.Arns;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one ECS service: desired, running and pending counts, deployments, events and
 * tasks. Read again to see current values; collections are immutable snapshots.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class EcsService {

  private final String name;
  private final String arn;
  private final String clusterName;
  private final Instant createdAt;
  volatile ServiceSpec spec;
  private volatile int desiredCount;
  private volatile String status = "ACTIVE";
  final List<Deployment> deployments = new ArrayList<>();
  final List<ServiceEvent> events = new ArrayList<>();
  final List<Task> tasks = new ArrayList<>();
  boolean steady;
  @Nullable Deployment lastCompleted;
  boolean stalledReported;
  long lastUnableToPlace = Long.MIN_VALUE;
  @Nullable Instant lastSteadyEvent;

  /**
   * Tasks of this service that stopped without reaching RUNNING since one last did (the throttle).
   */
  int startFailures;

  /** While throttled, no task is started before this instant (epoch millis). */
  long startThrottledUntil = Long.MIN_VALUE;

  private final Timeline timeline;

  EcsService(ServiceSpec spec, Arns arns, Instant createdAt, Timeline timeline) {
    this.timeline = timeline;
    this.spec = spec;
    this.name = spec.serviceName();
    this.clusterName = spec.cluster();
    this.arn = arns.of("ecs", "service/" + clusterName + "/" + name);
    this.createdAt = createdAt;
    this.desiredCount = spec.desiredCount();
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code service/<name>}) are
   * recorded}
   */
  public Timeline timeline() {
    return timeline;
  }

  /** {@return the service name} */
  public String serviceName() {
    return name;
  }

  /** {@return the ARN} */
  public String serviceArn() {
    return arn;
  }

  /** {@return the cluster} */
  public String clusterName() {
    return clusterName;
  }

  /** {@return when it was created} */
  public Instant createdAt() {
    return createdAt;
  }

  /** {@return ACTIVE, DRAINING (being deleted) or INACTIVE} */
  public String status() {
    return status;
  }

  /** {@return the current configuration (updated by UpdateService)} */
  public ServiceSpec spec() {
    return spec;
  }

  /** {@return the desired count (for DAEMON: the number of instances it should run on)} */
  public int desiredCount() {
    return desiredCount;
  }

  /** {@return tasks whose last status is RUNNING} */
  public int runningCount() {
    return count(null, TaskStatus.RUNNING);
  }

  /** {@return tasks created but not yet RUNNING (PROVISIONING to ACTIVATING)} */
  public int pendingCount() {
    return pendingCount(null);
  }

  /** {@return the task definition of the PRIMARY deployment} */
  public TaskDefinition taskDefinition() {
    synchronized (deployments) {
      return deployments.get(0).taskDefinition();
    }
  }

  /** {@return deployments, PRIMARY first} */
  public List<Deployment> deployments() {
    synchronized (deployments) {
      return List.copyOf(deployments);
    }
  }

  /** {@return the PRIMARY deployment} */
  public Deployment primaryDeployment() {
    synchronized (deployments) {
      return deployments.get(0);
    }
  }

  /** {@return service events as {@code DescribeServices} lists them: newest first, at most 100} */
  public List<ServiceEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** {@return the messages of the service events, newest first} */
  public List<String> eventMessages() {
    List<String> out = new ArrayList<>();
    for (ServiceEvent e : events()) out.add(e.message());
    return Collections.unmodifiableList(out);
  }

  /** {@return tasks that have not stopped, in creation order} */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>();
    synchronized (tasks) {
      for (Task t : tasks) if (t.lastStatus() != TaskStatus.STOPPED) out.add(t);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Tasks whose last status is {@code status}, including recently STOPPED ones (kept 1 hour).
   *
   * @param status the status
   * @return tasks whose last status is {@code status}, including recently STOPPED ones (kept 1
   *     hour)
   */
  public List<Task> tasks(TaskStatus status) {
    List<Task> out = new ArrayList<>();
    synchronized (tasks) {
      for (Task t : tasks) if (t.lastStatus() == status) out.add(t);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@return whether the service has reached a steady state (its last steady-state event still
   * holds)}
   */
  public boolean isSteady() {
    return steady;
  }

  void desiredCount(int n) {
    desiredCount = n;
  }

  void status(String s) {
    status = s;
  }

  /**
   * {@return a copy of every task of the service, recently STOPPED ones included, in creation
   * order}
   */
  List<Task> allTasks() {
    synchronized (tasks) {
      return new ArrayList<>(tasks);
    }
  }

  int count(@Nullable Deployment d, TaskStatus s) {
    int n = 0;
    synchronized (tasks) {
      for (Task t : tasks) if (t.lastStatus() == s && (d == null || t.deployment == d)) n++;
    }
    return n;
  }

  int pendingCount(@Nullable Deployment d) {
    int n = 0;
    synchronized (tasks) {
      for (Task t : tasks) {
        if (t.lastStatus().compareTo(TaskStatus.RUNNING) < 0 && (d == null || t.deployment == d))
          n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return name
        + " (desired "
        + desiredCount
        + ", running "
        + runningCount()
        + ", pending "
        + pendingCount()
        + ")";
  }
}
