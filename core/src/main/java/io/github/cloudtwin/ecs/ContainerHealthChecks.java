package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Container health checks of running tasks: each container with a {@code healthCheck} is asked by
 * the task runtime every interval; {@code retries} consecutive failures after the start period make
 * it unhealthy, one pass healthy; the task's health follows its essential containers. Guarded by
 * the kernel lock.
 */
final class ContainerHealthChecks {

  private final Kernel kernel;
  private final TaskRuntimes runtimes;
  private final Predicate<Task> inGrace;
  private final Consumer<Task> unhealthy;
  private final Consumer<EcsService> reconcile;

  /**
   * @param kernel the kernel (scheduler, clock, timeline)
   * @param runtimes the task runtimes, which answer the checks
   * @param inGrace whether the service's health check grace period still covers a task
   * @param unhealthy stops a service task that became unhealthy outside its grace period
   * @param reconcile asks the scheduler to reconcile a service whose task's health changed
   */
  ContainerHealthChecks(
      Kernel kernel,
      TaskRuntimes runtimes,
      Predicate<Task> inGrace,
      Consumer<Task> unhealthy,
      Consumer<EcsService> reconcile) {
    this.kernel = kernel;
    this.runtimes = runtimes;
    this.inGrace = inGrace;
    this.unhealthy = unhealthy;
    this.reconcile = reconcile;
  }

  /** Starts the checks of {@code t}'s containers that define one (the task just ran). */
  void start(Task t) {
    boolean any = false;
    for (ContainerDefinition c : t.taskDefinition().containerDefinitions()) {
      if (c.healthCheck() != null) {
        any = true;
        t.containerHealth.put(c.name(), new int[] {0, -1});
        scheduleCheck(t, c);
      }
    }
    if (!any) t.healthStatus(HealthStatus.UNKNOWN);
  }

  /** The health check of a container that is checked (only those with one are). */
  private static HealthCheck check(ContainerDefinition c) {
    return Objects.requireNonNull(
        c.healthCheck(), "only a container with a health check is checked");
  }

  private void scheduleCheck(Task t, ContainerDefinition c) {
    t.timers.add(kernel.scheduler().after(check(c).interval(), () -> runCheck(t, c)));
  }

  private void runCheck(Task t, ContainerDefinition c) {
    if (t.lastStatus() != TaskStatus.RUNNING || t.desiredStatus() != TaskStatus.RUNNING) return;
    int[] h = Objects.requireNonNull(t.containerHealth.get(c.name()), "set when the task started");
    boolean pass = !t.isPaused() && runtimes.current().healthCheckPasses(t, c);
    boolean inStart =
        kernel
            .clock()
            .now()
            .isBefore(
                Objects.requireNonNull(t.startedAt(), "a RUNNING task has started")
                    .plus(check(c).startPeriod()));
    if (pass) {
      h[0] = 0;
      h[1] = 1;
    } else if (!inStart) {
      h[0]++;
      if (h[0] >= check(c).retries()) h[1] = 0;
    }
    HealthStatus before = t.healthStatus();
    HealthStatus after = aggregate(t);
    if (after != before) {
      t.healthStatus(after);
      kernel.timeline().record(new EcsFact.TaskHealthChanged(t.taskId(), before, after));
      if (after == HealthStatus.UNHEALTHY && t.service != null && !inGrace.test(t)) {
        unhealthy.accept(t);
        return;
      }
      if (t.service != null) reconcile.accept(t.service);
    }
    scheduleCheck(t, c);
  }

  /**
   * The task's health from its essential containers' checks: UNHEALTHY if any is unhealthy, HEALTHY
   * if all are healthy, UNKNOWN otherwise, and UNKNOWN when no essential container has a check (the
   * checks of non-essential containers never decide it).
   */
  static HealthStatus aggregate(Task t) {
    boolean anyChecked = false;
    boolean allHealthy = true;
    for (ContainerDefinition c : t.taskDefinition().containerDefinitions()) {
      int[] h = t.containerHealth.get(c.name());
      if (h == null || !c.essential()) continue;
      anyChecked = true;
      if (h[1] == 0) return HealthStatus.UNHEALTHY;
      if (h[1] != 1) allHealthy = false;
    }
    return anyChecked && allHealthy ? HealthStatus.HEALTHY : HealthStatus.UNKNOWN;
  }

  /**
   * {@return whether an essential container of {@code t} has a health check}, so decides its health
   */
  static boolean decidesHealth(Task t) {
    for (ContainerDefinition c : t.taskDefinition().containerDefinitions()) {
      if (c.essential() && c.healthCheck() != null) return true;
    }
    return false;
  }
}
