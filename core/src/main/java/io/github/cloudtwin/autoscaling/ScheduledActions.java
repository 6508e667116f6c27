package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Scheduled actions of one Auto Scaling service: PutScheduledUpdateGroupAction and
 * DeleteScheduledAction, each action's next run (once, or by its cron recurrence until its end
 * time) and what a run does (new min, max and desired; skipped while ScheduledActions is suspended,
 * failed when the sizes do not fit).
 */
final class ScheduledActions {

  private final Kernel kernel;
  private final GroupRegistry registry;

  ScheduledActions(Kernel kernel, GroupRegistry registry) {
    this.kernel = kernel;
    this.registry = registry;
  }

  List<ScheduledActionSpec> scheduledActions(String groupName) {
    return kernel.call(() -> List.copyOf(registry.runtime(groupName).scheduledSpecs.values()));
  }

  void putScheduledUpdateGroupAction(ScheduledActionSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(spec.autoScalingGroupName());
          Instant now = kernel.clock().now();
          Instant start = spec.startTime(); // a one-time action has one (the spec checks it)
          if (spec.recurrence() == null && start != null && start.isBefore(now)) {
            throw new ValidationException(
                "StartTime", spec.startTime(), "a time not in the past (now " + now + ")");
          }
          Scheduler.Task old = g.scheduled.remove(spec.scheduledActionName());
          if (old != null) old.cancel();
          g.scheduledSpecs.put(spec.scheduledActionName(), spec);
          g.record(
              new AutoScalingFact.ScheduledActionPut(
                  g.name, spec.scheduledActionName(), spec.recurrence(), spec.startTime()));
          scheduleNext(
              g,
              spec,
              spec.recurrence() == null
                  ? null
                  : (spec.startTime() != null && spec.startTime().isAfter(now)
                      ? spec.startTime().minusSeconds(60)
                      : now));
        });
  }

  void deleteScheduledAction(String groupName, String scheduledActionName) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          Scheduler.Task t = g.scheduled.remove(scheduledActionName);
          if (g.scheduledSpecs.remove(scheduledActionName) == null) {
            throw new ValidationException(
                "ScheduledActionName", scheduledActionName, "an existing scheduled action");
          }
          if (t != null) t.cancel();
        });
  }

  /**
   * Schedules the next run: a one-time action at its start, a recurring one after {@code after}.
   */
  private void scheduleNext(GroupRuntime g, ScheduledActionSpec spec, @Nullable Instant after) {
    String cron = spec.recurrence();
    Instant at =
        cron == null
            ? spec.startTime()
            : Cron.parse(cron)
                .next(Objects.requireNonNull(after, "a recurring action runs after an instant"));
    if (at == null || (spec.endTime() != null && at.isAfter(spec.endTime()))) {
      g.scheduled.remove(spec.scheduledActionName());
      return;
    }
    g.scheduled.put(
        spec.scheduledActionName(),
        kernel
            .scheduler()
            .at(
                at,
                0,
                () -> {
                  runScheduled(g, spec);
                  if (spec.recurrence() != null
                      && g.scheduledSpecs.get(spec.scheduledActionName()) == spec) {
                    scheduleNext(g, spec, at);
                  } else {
                    g.scheduled.remove(spec.scheduledActionName());
                  }
                }));
  }

  private void runScheduled(GroupRuntime g, ScheduledActionSpec spec) {
    if (g.deleted || g.scheduledSpecs.get(spec.scheduledActionName()) != spec) return;
    long id =
        g.record(new AutoScalingFact.ScheduledActionStarted(g.name, spec.scheduledActionName()));
    kernel.runWithCause(
        id,
        () -> {
          if (g.isSuspended(ScalingProcess.ScheduledActions)) {
            g.record(
                new AutoScalingFact.ScheduledActionSkipped(g.name, spec.scheduledActionName()));
            return;
          }
          int min = spec.minSize() == null ? g.spec.minSize() : spec.minSize();
          int max = spec.maxSize() == null ? g.spec.maxSize() : spec.maxSize();
          int desired =
              spec.desiredCapacity() == null
                  ? Math.min(max, Math.max(min, g.spec.desiredCapacity()))
                  : spec.desiredCapacity();
          try {
            GroupSpecValidation.checkCapacity(min, max, desired);
          } catch (ValidationException e) {
            g.record(
                new AutoScalingFact.ScheduledActionFailed(
                    g.name,
                    spec.scheduledActionName(),
                    Objects.requireNonNull(e.getMessage(), "a ValidationException has a message")));
            return;
          }
          if (spec.scheduledActionName() != null && spec.recurrence() == null)
            g.scheduledSpecs.remove(spec.scheduledActionName());
          g.setLimits(
              min,
              max,
              desired,
              "a scheduled action update of AutoScalingGroup constraints to min: "
                  + min
                  + ", max: "
                  + max
                  + ", desired: "
                  + desired);
        });
  }
}
