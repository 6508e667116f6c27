package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes service events as {@code DescribeServices} keeps them: newest first, at most {@link
 * #KEPT}, each with a UUID id (from a seeded stream, so a run is reproducible). Tasks started or
 * stopped and targets registered at one instant are reported in one event, as AWS does ("has
 * started 2 tasks: (task a) (task b)."). Guarded by the kernel lock.
 */
final class ServiceEventLog {

  /** AWS shows the 100 most recent events of a service. */
  static final int KEPT = 100;

  /** A steady service repeats its steady-state event about this often. */
  static final Duration STEADY_REPEAT = Duration.ofHours(6);

  private enum Kind {
    STARTED,
    STOPPED,
    REGISTERED,
    DEREGISTERED
  }

  private record Batch(EcsService service, Kind kind, @Nullable String targetGroupArn) {}

  /** The target group of a registration or deregistration batch (the others have none). */
  private static String arn(Batch b) {
    return Objects.requireNonNull(
        b.targetGroupArn(), "a registration batch names its target group");
  }

  private final Kernel kernel;
  private final SplittableRandom ids;
  private final Map<Batch, List<String>> pending = new LinkedHashMap<>();

  ServiceEventLog(Kernel kernel) {
    this.kernel = kernel;
    this.ids = kernel.randomness().stream("ecs.events");
  }

  /** Adds one event now, after the batches of this instant (what happened first reads first). */
  void add(EcsService s, String message) {
    flush();
    append(s, message);
  }

  /**
   * Adds one event now, before the batches of this instant: a task's health failure reads before
   * the one "has stopped N running tasks" event of the tasks stopped for it.
   */
  void addBeforeBatches(EcsService s, String message) {
    append(s, message);
  }

  private void append(EcsService s, String message) {
    long msb = (ids.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    ServiceEvent e = new ServiceEvent(new UUID(msb, lsb).toString(), kernel.clock().now(), message);
    synchronized (s.events) {
      s.events.add(0, e);
      if (s.events.size() > KEPT) s.events.remove(s.events.size() - 1);
    }
    if (message.equals(ServiceEventMessages.steadyState(s.serviceName())))
      s.lastSteadyEvent = e.createdAt();
    kernel.timeline().record(new EcsFact.ServiceEventPublished(s.serviceName(), message));
  }

  void started(EcsService s, String taskId) {
    batch(new Batch(s, Kind.STARTED, null), taskId);
  }

  void stoppedRunning(EcsService s, String taskId) {
    batch(new Batch(s, Kind.STOPPED, null), taskId);
  }

  void registered(EcsService s, String targetGroupArn, String targetId) {
    batch(new Batch(s, Kind.REGISTERED, targetGroupArn), targetId);
  }

  void deregistered(EcsService s, String targetGroupArn, String targetId) {
    batch(new Batch(s, Kind.DEREGISTERED, targetGroupArn), targetId);
  }

  /**
   * Repeats the steady-state event of a service that has stayed steady for {@link #STEADY_REPEAT}.
   */
  void repeatSteadyState(EcsService s) {
    if (!s.steady || s.lastSteadyEvent == null) return;
    if (!kernel.clock().now().isBefore(s.lastSteadyEvent.plus(STEADY_REPEAT)))
      add(s, ServiceEventMessages.steadyState(s.serviceName()));
  }

  private void batch(Batch b, String id) {
    if (pending.isEmpty()) kernel.scheduler().after(Duration.ZERO, this::flush);
    pending.computeIfAbsent(b, k -> new ArrayList<>()).add(id);
  }

  private void flush() {
    if (pending.isEmpty()) return;
    List<Map.Entry<Batch, List<String>>> due = new ArrayList<>(pending.entrySet());
    pending.clear();
    for (Map.Entry<Batch, List<String>> e : due) {
      Batch b = e.getKey();
      String name = b.service().serviceName();
      List<String> ids = e.getValue();
      append(
          b.service(),
          switch (b.kind()) {
            case STARTED -> ServiceEventMessages.startedTasks(name, ids);
            case STOPPED -> ServiceEventMessages.stoppedRunningTasks(name, ids);
            case REGISTERED -> ServiceEventMessages.registeredTargets(name, ids.size(), arn(b));
            case DEREGISTERED -> ServiceEventMessages.deregisteredTargets(name, ids.size(), arn(b));
          });
    }
  }
}
