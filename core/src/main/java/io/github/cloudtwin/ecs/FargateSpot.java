package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fargate Spot interruptions, as AWS describes them: a two-minute warning (a task state change and
 * SIGTERM; in the twin the task's graceful stop with stop code {@code SpotInterruption}, which
 * deregisters it and lets the service scheduler start its replacement), then the capacity is
 * reclaimed: a task still not STOPPED two minutes after the warning is stopped at once.
 */
final class FargateSpot {

  /** The warning before AWS reclaims Fargate Spot capacity. */
  static final Duration WARNING = Duration.ofMinutes(2);

  /** The stopped reason AWS gives an interrupted Fargate Spot task. */
  static final String REASON = "Your Spot Task was interrupted.";

  private final Kernel kernel;
  private final ClusterRegistry clusters;
  private final TaskRegistry tasks;
  private final TaskLifecycle lifecycle;

  FargateSpot(
      Kernel kernel, ClusterRegistry clusters, TaskRegistry tasks, TaskLifecycle lifecycle) {
    this.kernel = kernel;
    this.clusters = clusters;
    this.tasks = tasks;
    this.lifecycle = lifecycle;
  }

  /** Interrupts the tasks now; every one is checked before any is interrupted. */
  void interrupt(String cluster, List<String> taskIds) {
    Cluster c = clusters.active(cluster);
    Require.notNull("taskIds", taskIds);
    if (taskIds.isEmpty()) throw new ValidationException("taskIds", "[]", "at least one task");
    kernel.run(
        () -> {
          List<Task> chosen = new ArrayList<>();
          for (String id : taskIds) {
            Task t = tasks.task(id);
            if (!t.clusterName().equals(c.clusterName())) {
              throw new ValidationException("taskIds", id, "a task of cluster " + cluster);
            }
            if (!CapacityProviderStrategyItem.FARGATE_SPOT.equals(t.capacityProviderName())) {
              throw new ValidationException(
                  "taskIds",
                  id,
                  "a task on the FARGATE_SPOT capacity provider (it is on "
                      + (t.capacityProviderName() == null
                          ? t.launchType()
                          : t.capacityProviderName())
                      + ")");
            }
            if (t.desiredStatus() == TaskStatus.STOPPED || chosen.contains(t)) {
              throw new ValidationException(
                  "taskIds", id, "a task that is not stopping or stopped, named once");
            }
            chosen.add(t);
          }
          for (Task t : chosen) {
            lifecycle.stop(t, StopCode.SpotInterruption, REASON);
            kernel
                .scheduler()
                .after(
                    WARNING,
                    () -> {
                      if (t.lastStatus() != TaskStatus.STOPPED) {
                        lifecycle.lose(t, StopCode.SpotInterruption, REASON);
                      }
                    });
          }
        });
  }
}
