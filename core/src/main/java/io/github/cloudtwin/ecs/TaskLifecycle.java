package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.TargetRegistration;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.spi.TaskRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The ECS agent's side of a task: placement bookkeeping, the lifecycle {@code PROVISIONING ->
 * PENDING -> ACTIVATING -> RUNNING -> DEACTIVATING -> STOPPING -> DEPROVISIONING -> STOPPED},
 * target health, the stop of a task its container health checks ({@link ContainerHealthChecks})
 * find unhealthy, and stop reasons; {@link TaskTargets} does the registrations in target groups.
 * Guarded by the kernel lock.
 */
final class TaskLifecycle {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final TaskRuntimes runtimes;
  private final TaskTargets targets;
  private final ServiceEventLog events;
  private final CapacityProviders capacityProviders;
  private final TaskRuntime.Agent agent;
  private final ContainerHealthChecks healthChecks;
  private @Nullable Consumer<EcsService> reconcile;
  private @Nullable Consumer<Task> serviceTaskStopped;
  private int ipSeq;

  TaskLifecycle(
      Kernel kernel,
      Ec2 ec2,
      TaskRuntimes runtimes,
      TaskTargets targets,
      ServiceEventLog events,
      CapacityProviders capacityProviders) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.runtimes = runtimes;
    this.targets = targets;
    this.events = events;
    this.capacityProviders = capacityProviders;
    this.agent =
        (task, container, code) -> kernel.run(() -> containerExited(task, container, code));
    this.healthChecks =
        new ContainerHealthChecks(
            kernel, runtimes, this::inGrace, this::failContainerHealth, s -> reconcile().accept(s));
  }

  /**
   * Connects the service scheduler, which is built on this lifecycle: {@code reconcile} asks it to
   * reconcile a service soon, {@code serviceTaskStopped} tells it that a service task stopped.
   */
  void bind(Consumer<EcsService> reconcile, Consumer<Task> serviceTaskStopped) {
    this.reconcile = reconcile;
    this.serviceTaskStopped = serviceTaskStopped;
  }

  private TaskRuntime runtime() {
    return runtimes.current();
  }

  private Instant now() {
    return kernel.clock().now();
  }

  private long record(Fact fact) {
    return kernel.timeline().record(fact);
  }

  // ------------------------------------------------------------------ launch

  /** Places {@code t} on {@code ci} and starts its lifecycle. */
  void launchOn(Task t, ContainerInstance ci) {
    TaskDefinition td = t.taskDefinition();
    Set<Integer> taken = new HashSet<>();
    for (ContainerDefinition c : td.containerDefinitions()) {
      for (PortMapping p : c.portMappings()) {
        int port;
        if (td.networkMode() == NetworkMode.HOST) {
          port = p.containerPort();
        } else if (td.networkMode() == NetworkMode.BRIDGE) {
          port = p.hostPort() != 0 ? p.hostPort() : ci.freeEphemeralPort(taken);
        } else {
          continue;
        }
        taken.add(port);
        t.putHostPort(c.name() + ":" + p.containerPort(), port);
      }
    }
    String ip = td.networkMode() == NetworkMode.AWSVPC ? nextIp(ci.availabilityZone()) : null;
    t.placeOn(ci, ci.availabilityZone(), ip);
    ci.reserve(t);
    capacityProviders.taskPlaced(t);
    long ev =
        record(
            new EcsFact.TaskPlaced(
                t.taskId(),
                td.familyRevision(),
                ci.ec2InstanceId(),
                ci.availabilityZone(),
                t.serviceName()));
    kernel.runWithCause(ev, () -> afterPlacement(t));
  }

  /** Whether any zone can take a Fargate task (tasks land only in available zones). */
  boolean hasFargateZone() {
    return hasFargateZone(null);
  }

  /** Whether a zone of {@code zones} (null: any zone) is available for a Fargate task. */
  private Consumer<EcsService> reconcile() {
    return Objects.requireNonNull(reconcile, "the scheduler binds itself when ECS is built");
  }

  private Consumer<Task> serviceTaskStopped() {
    return Objects.requireNonNull(
        serviceTaskStopped, "the scheduler binds itself when ECS is built");
  }

  boolean hasFargateZone(java.util.@Nullable List<String> zones) {
    for (AvailabilityZone z : ec2.zones()) {
      if ((zones == null || zones.contains(z.name()))
          && ec2.zoneState(z.name()) == ZoneState.AVAILABLE) return true;
    }
    return false;
  }

  /** Starts {@code t} on Fargate in the zone with the fewest of its group's tasks. */
  void launchFargate(Task t, Collection<Task> group) {
    launchFargate(t, group, null);
  }

  /**
   * Starts {@code t} on Fargate in the zone of {@code zones} (null: any zone, the service's subnets
   * otherwise) with the fewest of its group's tasks.
   */
  void launchFargate(Task t, Collection<Task> group, java.util.@Nullable List<String> zones) {
    Map<String, Integer> counts = new HashMap<>();
    for (Task g : group) {
      if (g.lastStatus() != TaskStatus.STOPPED && g.availabilityZone() != null)
        counts.merge(g.availabilityZone(), 1, Integer::sum);
    }
    String best = null;
    for (AvailabilityZone z : ec2.zones()) {
      if (ec2.zoneState(z.name()) != ZoneState.AVAILABLE
          || (zones != null && !zones.contains(z.name()))) continue;
      if (best == null || counts.getOrDefault(z.name(), 0) < counts.getOrDefault(best, 0))
        best = z.name();
    }
    if (best == null) {
      throw new IllegalStateException(
          "no available zone for a Fargate task; check hasFargateZone() first");
    }
    t.placeOn(null, best, nextIp(best));
    long ev =
        record(
            new EcsFact.TaskPlaced(
                t.taskId(), t.taskDefinition().familyRevision(), null, best, t.serviceName()));
    kernel.runWithCause(ev, () -> afterPlacement(t));
  }

  /** A capacity-provider task that waits in PROVISIONING for an instance. */
  void waitForCapacity(Task t) {
    record(
        new EcsFact.TaskProvisioning(
            t.taskId(),
            Objects.requireNonNull(t.capacityProviderName(), "a waiting task has its provider")));
  }

  private void afterPlacement(Task t) {
    if (t.taskDefinition().networkMode() == NetworkMode.AWSVPC) {
      t.timers.add(kernel.scheduler().after(Ecs.ENI_TIME, () -> pending(t)));
    } else {
      pending(t);
    }
  }

  private String nextIp(String zone) {
    int zoneIndex = 0;
    List<AvailabilityZone> zones = ec2.zones();
    for (int i = 0; i < zones.size(); i++) if (zones.get(i).name().equals(zone)) zoneIndex = i;
    int n = ipSeq++;
    return "10.0." + (zoneIndex * 64 + (n / 250) % 64) + "." + (n % 250 + 4);
  }

  private void pending(Task t) {
    if (t.desiredStatus() != TaskStatus.RUNNING) return;
    transition(t, TaskStatus.PENDING);
    runtime().start(t, agent);
    if (t.desiredStatus() != TaskStatus.RUNNING) return; // the runtime reported an exit at once
    t.timers.add(kernel.scheduler().after(Ecs.TASK_START_TIME, () -> activate(t)));
  }

  private void activate(Task t) {
    if (t.desiredStatus() != TaskStatus.RUNNING) return;
    transition(t, TaskStatus.ACTIVATING);
    t.startedAt(now());
    transition(t, TaskStatus.RUNNING);
    if (t.deployment != null) t.deployment.anyTaskRan = true;
    if (t.service != null) Deployments.startedRunning(t.service);
    if (t.isPaused()) runtime().pause(t);
    runtime().running(t);
    targets.register(t);
    healthChecks.start(t);
    if (t.service != null) {
      EcsService s = t.service;
      Duration grace = s.spec().healthCheckGracePeriod();
      if (!t.registrations.isEmpty() && !grace.isZero()) {
        t.timers.add(kernel.scheduler().after(grace, () -> graceEnded(t)));
      }
      t.timers.add(kernel.scheduler().after(Ecs.HEALTHY_AFTER, () -> reconcile().accept(s)));
      reconcile().accept(s);
    }
  }

  private void transition(Task t, TaskStatus to) {
    TaskStatus from = t.lastStatus();
    if (from == to) return;
    t.lastStatus(to);
    record(new EcsFact.TaskStateChanged(t.taskId(), from, to));
    runtimes.stateChanged(t, from, to);
  }

  // ------------------------------------------------------------------ load balancer

  /** Whether the grace period since RUNNING still suppresses health failures. */
  private boolean inGrace(Task t) {
    if (t.service == null || t.startedAt() == null) return false;
    return now().isBefore(t.startedAt().plus(t.service.spec().healthCheckGracePeriod()));
  }

  /** Wires in load balancing: tasks register with it, and its target health comes back here. */
  void wireTargets(TargetRegistration registration) {
    targets.wire(registration);
    registration.setHealthListener(
        (tg, id, healthy) -> kernel.run(() -> targetHealthChanged(tg, id, healthy)));
  }

  /** The load balancer reports target {@code id} in {@code tg} healthy or not. */
  void targetHealthChanged(String tg, String id, boolean healthy) {
    List<Task> ts = targets.tasksAt(tg, id);
    if (ts == null) return;
    for (Task t : ts) targetHealthChanged(t, tg, healthy);
  }

  private void targetHealthChanged(Task t, String tg, boolean healthy) {
    t.elbUnhealthy = !healthy;
    if (healthy) {
      if (t.service != null) reconcile().accept(t.service);
      return;
    }
    if (t.desiredStatus() != TaskStatus.RUNNING
        || t.lastStatus() != TaskStatus.RUNNING
        || inGrace(t)) return;
    failElb(t, tg);
  }

  private void failElb(Task t, String tg) {
    t.healthFailure = true;
    TaskTargets.Registration r = registrationIn(t, tg);
    String reason = targets.unhealthyReason(tg, r.targetId());
    if (t.service != null && reason != null) {
      String instance =
          t.taskDefinition().networkMode() == NetworkMode.AWSVPC ? null : t.ec2InstanceId();
      events.addBeforeBatches(
          t.service,
          ServiceEventMessages.unhealthyInTargetGroup(
              t.service.serviceName(),
              t.taskId(),
              instance,
              r.port(),
              targets.targetGroupArn(tg),
              reason));
    }
    stop(
        t,
        StopCode.ServiceSchedulerInitiated,
        "Task failed ELB health checks in (target-group " + targets.targetGroupArn(tg) + ")");
  }

  private static TaskTargets.Registration registrationIn(Task t, String tg) {
    for (TaskTargets.Registration r : t.registrations) if (r.targetGroup().equals(tg)) return r;
    return t.registrations.get(0);
  }

  private void graceEnded(Task t) {
    if (t.desiredStatus() != TaskStatus.RUNNING || t.lastStatus() != TaskStatus.RUNNING) return;
    if (t.elbUnhealthy && !t.registrations.isEmpty()) {
      failElb(t, t.registrations.get(0).targetGroup());
      return;
    }
    if (t.healthStatus() == HealthStatus.UNHEALTHY) {
      failContainerHealth(t);
    }
  }

  // ------------------------------------------------------------------ container health

  private void failContainerHealth(Task t) {
    t.healthFailure = true;
    if (t.service != null)
      events.addBeforeBatches(
          t.service,
          ServiceEventMessages.failedContainerHealthChecks(t.service.serviceName(), t.taskId()));
    stop(t, StopCode.ServiceSchedulerInitiated, "Task failed container health checks");
  }

  /**
   * Whether a service task counts as healthy: RUNNING and, with a load balancer, healthy in every
   * target group; otherwise with container health checks, HEALTHY; otherwise 40 s after RUNNING.
   */
  boolean isHealthy(Task t) {
    if (t.lastStatus() != TaskStatus.RUNNING || t.desiredStatus() != TaskStatus.RUNNING)
      return false;
    if (!t.registrations.isEmpty()) {
      return targets.healthyInAll(t);
    }
    if (ContainerHealthChecks.decidesHealth(t)) return t.healthStatus() == HealthStatus.HEALTHY;
    Instant started = t.startedAt(); // set when it reached RUNNING
    return started != null && !now().isBefore(started.plus(Ecs.HEALTHY_AFTER));
  }

  // ------------------------------------------------------------------ stop

  /** A graceful stop: deregistration and draining, SIGTERM, ENI detach. */
  void stop(Task t, StopCode code, String reason) {
    if (t.desiredStatus() == TaskStatus.STOPPED) return;
    t.desiredStatus(TaskStatus.STOPPED);
    t.stopped(code, reason);
    t.stoppingAt(now());
    t.cancelTimers();
    long ev = record(new EcsFact.TaskStopRequested(t.taskId(), code, reason));
    if (t.service != null
        && code == StopCode.ServiceSchedulerInitiated
        && t.lastStatus() == TaskStatus.RUNNING) {
      events.stoppedRunning(t.service, t.taskId());
    }
    kernel.runWithCause(
        ev,
        () -> {
          if (t.lastStatus().compareTo(TaskStatus.RUNNING) < 0) {
            if (t.lastStatus() != TaskStatus.PROVISIONING) runtime().stop(t);
            deprovision(t);
            return;
          }
          transition(t, TaskStatus.DEACTIVATING);
          Duration drain = targets.deregisterToDrain(t);
          if (t.service != null) reconcile().accept(t.service);
          if (drain.isZero()) {
            stopping(t);
          } else {
            kernel.scheduler().after(drain, () -> stopping(t));
          }
        });
  }

  private void stopping(Task t) {
    if (t.lastStatus() == TaskStatus.STOPPED) return; // reclaimed while draining (Fargate Spot)
    transition(t, TaskStatus.STOPPING);
    runtime().stop(t);
    deprovision(t);
  }

  private void deprovision(Task t) {
    if (t.taskDefinition().networkMode() == NetworkMode.AWSVPC && t.availabilityZone() != null) {
      transition(t, TaskStatus.DEPROVISIONING);
      kernel.scheduler().after(Ecs.ENI_TIME, () -> finish(t));
    } else {
      finish(t);
    }
  }

  /** The host is gone: the task stops at once, without draining. */
  void lose(Task t, StopCode code, String reason) {
    boolean wasDesired = t.desiredStatus() == TaskStatus.RUNNING;
    t.desiredStatus(TaskStatus.STOPPED);
    t.stopped(code, reason);
    t.stoppingAt(now());
    t.cancelTimers();
    if (wasDesired) record(new EcsFact.TaskStopRequested(t.taskId(), code, reason));
    targets.deregisterLost(t);
    if (t.lastStatus() != TaskStatus.PROVISIONING) runtime().stop(t);
    finish(t);
  }

  private void finish(Task t) {
    if (t.lastStatus() == TaskStatus.STOPPED) return;
    targets.forget(t);
    TaskStatus from = t.lastStatus();
    t.lastStatus(TaskStatus.STOPPED);
    t.stoppedAt(now());
    ContainerInstance ci = t.containerInstance();
    if (ci != null) ci.release(t);
    long ev = record(new EcsFact.TaskStopped(t.taskId(), from, t.stopCode(), t.stoppedReason()));
    kernel.runWithCause(ev, () -> runtimes.stateChanged(t, from, TaskStatus.STOPPED));
    kernel.runWithCause(
        ev,
        () -> {
          capacityProviders.taskStopped(t);
          if (t.service != null) serviceTaskStopped().accept(t);
        });
  }

  // ------------------------------------------------------------------ runtime reports

  void containerExited(Task t, String container, int exitCode) {
    if (t.desiredStatus() == TaskStatus.STOPPED || t.lastStatus() == TaskStatus.STOPPED) return;
    ContainerDefinition c = t.taskDefinition().container(container);
    long ev = record(new EcsFact.ContainerExited(t.taskId(), container, exitCode));
    if (c != null && c.essential()) {
      kernel.runWithCause(
          ev,
          () -> stop(t, StopCode.EssentialContainerExited, "Essential container in task exited"));
    }
  }

  void setPaused(Task t, boolean paused) {
    if (t.paused == paused) return;
    t.paused = paused;
    if (t.lastStatus() == TaskStatus.RUNNING) {
      if (paused) runtime().pause(t);
      else runtime().resume(t);
    }
  }
}
