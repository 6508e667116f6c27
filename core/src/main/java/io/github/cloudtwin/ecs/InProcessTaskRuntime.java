package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.spi.TaskRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The default task runtime: tasks run in-process, answer requests through their family's {@link
 * TaskBehavior} handler and use CPU per request, like a load-balancer target. A service's offered
 * request rate ({@link #setRequestRate}) is spread evenly over its RUNNING, unpaused tasks; CPU is
 * piecewise constant between changes, so cost grows with changes, not with time.
 *
 * <p>Obtain it from {@code twin.ecs().inProcessRuntime()}. Thread-safe: methods take the simulation
 * lock.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class InProcessTaskRuntime implements TaskRuntime {

  private final Kernel kernel;
  private final Map<String, TaskBehavior> behaviors = new LinkedHashMap<>();
  private final Map<EcsService, Double> rates = new LinkedHashMap<>();
  private final Map<Task, Usage> usage = new HashMap<>();
  private final Set<String> failingHealth = new HashSet<>();
  private final Map<Task, Scheduler.Task> exits = new HashMap<>();
  private @Nullable ServiceLookup services;
  private ServedRequests served = (task, from, to) -> 0;

  /** Requests a load balancer sent to a task, for its CPU (the twin wires load balancing in). */
  @FunctionalInterface
  public interface ServedRequests {
    /**
     * Average requests per second {@code task} served over {@code [fromMillis, toMillis)}.
     *
     * @param task the task
     * @param fromMillis the from millis
     * @param toMillis the to millis
     * @return average requests per second {@code task} served over {@code [fromMillis, toMillis)}
     */
    double averageServed(Task task, long fromMillis, long toMillis);
  }

  private final Set<EcsService> dirty = new java.util.LinkedHashSet<>();
  private Scheduler.@Nullable Task flush;

  /** CPU use of one task: change points (time, units), pruned as they age. */
  private static final class Usage {
    final List<long[]> times = new ArrayList<>();
    final List<Double> values = new ArrayList<>();
    double handledUnitSeconds;
    long handledFrom;

    void set(long t, double v) {
      int n = times.size();
      if (n > 0 && times.get(n - 1)[0] == t) {
        values.set(n - 1, v);
        return;
      }
      if (n > 0 && values.get(n - 1) == v) return;
      times.add(new long[] {t});
      values.add(v);
    }

    double average(long from, long to) {
      if (to <= from) return 0;
      double sum = 0;
      for (int i = 0; i < times.size(); i++) {
        long s = Math.max(from, times.get(i)[0]);
        long e = Math.min(to, i + 1 < times.size() ? times.get(i + 1)[0] : Long.MAX_VALUE);
        if (e > s) sum += values.get(i) * (e - s);
      }
      return sum / (to - from);
    }

    void prune(long before) {
      while (times.size() > 1 && times.get(1)[0] <= before) {
        times.remove(0);
        values.remove(0);
      }
    }
  }

  InProcessTaskRuntime(Kernel kernel) {
    this.kernel = kernel;
  }

  /** How the runtime finds a service by cluster and name (the service registry, bound once). */
  @FunctionalInterface
  interface ServiceLookup {
    EcsService service(String cluster, String service);
  }

  private ServiceLookup services() {
    return Objects.requireNonNull(services, "ECS binds its services when it is built");
  }

  void bind(ServiceLookup services) {
    this.services = services;
  }

  /**
   * Sets how tasks of {@code family} (or of one revision, {@code family:revision}) behave: tasks
   * started later, and CPU from now on.
   *
   * @param family the family
   * @param behavior the behavior
   */
  public void behavior(String family, TaskBehavior behavior) {
    Require.name("family", family);
    Require.notNull("behavior", behavior);
    kernel.run(
        () -> {
          behaviors.put(family, behavior);
          for (EcsService s : List.copyOf(rates.keySet())) recompute(s);
        });
  }

  /**
   * The behaviour of {@code family}'s tasks.
   *
   * @param family the family
   * @return the behaviour of {@code family}'s tasks
   */
  public TaskBehavior behavior(String family) {
    return kernel.call(() -> behaviors.getOrDefault(family, TaskBehavior.DEFAULT));
  }

  /**
   * Offers {@code requestsPerSecond} to a service, spread evenly over its RUNNING, reachable tasks
   * (the way a round-robin load balancer would).
   *
   * @param cluster the cluster
   * @param service the service
   * @param requestsPerSecond the requests per second
   */
  public void setRequestRate(String cluster, String service, double requestsPerSecond) {
    Require.finite("requestsPerSecond", requestsPerSecond);
    if (requestsPerSecond < 0)
      throw new ValidationException("requestsPerSecond", requestsPerSecond, "0 or more");
    EcsService s = services().service(cluster, service);
    kernel.run(
        () -> {
          rates.put(s, requestsPerSecond);
          recompute(s);
        });
  }

  /**
   * The request rate offered to a service.
   *
   * @param cluster the cluster
   * @param service the service
   * @return the request rate offered to a service
   */
  public double requestRate(String cluster, String service) {
    EcsService s = services().service(cluster, service);
    return kernel.call(() -> rates.getOrDefault(s, 0.0));
  }

  /**
   * One request to one task: answered by the family's handler, charged at the family's CPU cost.
   *
   * @param task the task
   * @param request the request
   * @return one request to one task: answered by the family's handler, charged at the family's CPU
   *     cost
   */
  public String handle(Task task, String request) {
    Require.notNull("task", task);
    return kernel.call(
        () -> {
          if (task.lastStatus() != TaskStatus.RUNNING || task.isPaused()) {
            throw new IllegalStateException(
                "Task "
                    + task.taskId()
                    + " is "
                    + task.lastStatus()
                    + (task.isPaused() ? " (paused)" : "")
                    + " and answers no requests");
          }
          TaskBehavior b = behavior(task);
          Usage u = usage.computeIfAbsent(task, t -> new Usage());
          long minute = Math.floorDiv(kernel.clock().now().toEpochMilli(), 60_000L) * 60_000L;
          if (u.handledFrom != minute) {
            u.handledFrom = minute;
            u.handledUnitSeconds = 0;
          }
          u.handledUnitSeconds += b.cpuUnitSecondsPerRequest();
          return b.handler().apply(request);
        });
  }

  /**
   * Sets where load-balancer traffic per task comes from: each request served costs the family's
   * CPU unit-seconds, on top of the rate offered with {@link #setRequestRate}.
   *
   * @param source the source
   */
  public void setServedRequests(ServedRequests source) {
    Require.notNull("source", source);
    kernel.run(() -> served = source);
  }

  /**
   * Makes the container health checks of a task fail (true) or pass again (false).
   *
   * @param taskId the task id
   * @param failing the failing
   */
  public void failHealthChecks(String taskId, boolean failing) {
    Require.name("taskId", taskId);
    kernel.run(
        () -> {
          if (failing) failingHealth.add(taskId);
          else failingHealth.remove(taskId);
        });
  }

  private TaskBehavior behavior(Task t) {
    TaskBehavior b = behaviors.get(t.taskDefinition().familyRevision());
    return b != null
        ? b
        : behaviors.getOrDefault(t.taskDefinition().family(), TaskBehavior.DEFAULT);
  }

  @Override
  public void start(Task task, Agent agent) {
    TaskBehavior b = behavior(task);
    if (b.exitAfter() != null) {
      ContainerDefinition essential = null;
      for (ContainerDefinition c : task.taskDefinition().containerDefinitions()) {
        if (c.essential()) {
          essential = c;
          break;
        }
      }
      String name =
          Objects.requireNonNull(essential, "a task definition has an essential container").name();
      int code = b.exitCode();
      exits.put(
          task,
          kernel.scheduler().after(b.exitAfter(), () -> agent.containerExited(task, name, code)));
    }
  }

  @Override
  public void running(Task task) {
    usage.computeIfAbsent(task, t -> new Usage());
    recomputeFor(task);
  }

  @Override
  public void stop(Task task) {
    Scheduler.Task exit = exits.remove(task);
    if (exit != null) exit.cancel();
    Usage u = usage.get(task);
    if (u != null) u.set(kernel.clock().now().toEpochMilli(), 0);
    recomputeFor(task);
  }

  @Override
  public void pause(Task task) {
    recomputeFor(task);
  }

  @Override
  public void resume(Task task) {
    recomputeFor(task);
  }

  @Override
  public boolean healthCheckPasses(Task task, ContainerDefinition container) {
    return behavior(task).healthy() && !failingHealth.contains(task.taskId());
  }

  @Override
  public double cpuUnitsUsed(Task task, long fromMillis, long toMillis) {
    Usage u = usage.get(task);
    if (u == null) return 0;
    double v = u.average(fromMillis, toMillis);
    double lb = served.averageServed(task, fromMillis, toMillis);
    if (lb > 0) v += lb * behavior(task).cpuUnitSecondsPerRequest();
    if (u.handledFrom >= fromMillis && u.handledFrom < toMillis && toMillis > fromMillis) {
      v += u.handledUnitSeconds / ((toMillis - fromMillis) / 1000.0);
    }
    return v;
  }

  @Override
  public double memoryUsed(Task task, long fromMillis, long toMillis) {
    return task.taskDefinition().reservedMemory() * behavior(task).memoryUsedPercent() / 100.0;
  }

  /** Drops usage history older than {@code beforeMillis} and forgets stopped tasks. */
  void prune(long beforeMillis) {
    usage
        .entrySet()
        .removeIf(
            e -> {
              Task t = e.getKey();
              if (t.lastStatus() == TaskStatus.STOPPED
                  && t.stoppedAt() != null
                  && t.stoppedAt().toEpochMilli() < beforeMillis) return true;
              e.getValue().prune(beforeMillis);
              return false;
            });
  }

  private void recomputeFor(Task task) {
    if (task.service != null) {
      // every change at one instant is folded into one recomputation at that instant
      if (dirty.add(task.service) && (flush == null || !flush.isPending())) {
        flush =
            kernel
                .scheduler()
                .after(
                    java.time.Duration.ZERO,
                    () -> {
                      List<EcsService> todo = new ArrayList<>(dirty);
                      dirty.clear();
                      for (EcsService s : todo) recompute(s);
                    });
      }
    } else {
      Usage u = usage.get(task);
      if (u != null)
        u.set(
            kernel.clock().now().toEpochMilli(), serving(task) ? behavior(task).idleCpuUnits() : 0);
    }
  }

  private static boolean serving(Task t) {
    return t.lastStatus() == TaskStatus.RUNNING
        && t.desiredStatus() == TaskStatus.RUNNING
        && !t.isPaused();
  }

  private void recompute(EcsService s) {
    long now = kernel.clock().now().toEpochMilli();
    List<Task> tasks;
    synchronized (s.tasks) {
      tasks = new ArrayList<>(s.tasks);
    }
    int n = 0;
    for (Task t : tasks) if (serving(t)) n++;
    double perTask = n == 0 ? 0 : rates.getOrDefault(s, 0.0) / n;
    for (Task t : tasks) {
      Usage u = usage.get(t);
      if (u == null) continue;
      TaskBehavior b = behavior(t);
      u.set(now, serving(t) ? b.idleCpuUnits() + perTask * b.cpuUnitSecondsPerRequest() : 0);
    }
  }
}
