package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ECS service scheduler: keeps each service at its desired count (replica and daemon), stops
 * old tasks of a rolling deployment within minimumHealthyPercent / maximumPercent, completes
 * deployments, reports placement failures, stalls and the steady state in AWS's words, and prunes
 * stopped tasks. {@link Deployments} starts deployments and trips the circuit breaker; {@link
 * ServiceTaskPlacer} places new tasks. Runs at once after every relevant change and every {@link
 * Ecs#SCHEDULER_PERIOD}. Guarded by the kernel lock.
 */
final class ServiceScheduler {

  private final Kernel kernel;
  private final ClusterRegistry clusters;
  private final TaskRegistry taskRegistry;
  private final TaskLifecycle lifecycle;
  private final ServiceTaskPlacer placer;
  private final Placement placement;
  private final ServiceEventLog events;
  private final CapacityProviders capacityProviders;
  private final InProcessTaskRuntime inProcess;
  private final Set<EcsService> requested = new LinkedHashSet<>();
  private Scheduler.@Nullable Task flush;

  ServiceScheduler(
      Kernel kernel,
      ClusterRegistry clusters,
      TaskRegistry taskRegistry,
      TaskLifecycle lifecycle,
      ServiceTaskPlacer placer,
      Placement placement,
      ServiceEventLog events,
      CapacityProviders capacityProviders,
      InProcessTaskRuntime inProcess) {
    this.kernel = kernel;
    this.clusters = clusters;
    this.taskRegistry = taskRegistry;
    this.lifecycle = lifecycle;
    this.placer = placer;
    this.placement = placement;
    this.events = events;
    this.capacityProviders = capacityProviders;
    this.inProcess = inProcess;
  }

  /** Reconciles {@code s} soon: at the current instant, after the work in progress. */
  void request(EcsService s) {
    requested.add(s);
    if (flush == null || !flush.isPending()) {
      flush = kernel.scheduler().after(java.time.Duration.ZERO, this::flush);
    }
  }

  /**
   * Reconciles every service of {@code c} soon, and retries its waiting capacity-provider tasks.
   */
  void requestAll(Cluster c) {
    if (c == null) return;
    for (EcsService s : c.services.values()) request(s);
    capacityProviders.requestRetry(c);
  }

  private void flush() {
    while (!requested.isEmpty()) {
      EcsService s = requested.iterator().next();
      requested.remove(s);
      reconcile(s, false);
    }
  }

  /** The periodic pass: retries, repeats steady-state events, prunes stopped tasks. */
  void tick() {
    for (Cluster c : List.copyOf(clusters.all())) {
      capacityProviders.retryWaiting(c);
      for (EcsService s : List.copyOf(c.services.values())) {
        if (!s.steady)
          reconcile(s, true); // a steady service has nothing to retry; changes clear steady
        else events.repeatSteadyState(s);
        prune(s);
      }
      prune(c);
    }
    inProcess.prune(kernel.clock().now().toEpochMilli() - 5 * 60_000L);
  }

  private void prune(EcsService s) {
    long limit = kernel.clock().now().minus(Ecs.STOPPED_TASK_RETENTION).toEpochMilli();
    synchronized (s.tasks) {
      s.tasks.removeIf(t -> dropIfOld(t, limit));
    }
  }

  private void prune(Cluster c) {
    long limit = kernel.clock().now().minus(Ecs.STOPPED_TASK_RETENTION).toEpochMilli();
    synchronized (c.standaloneTasks) {
      c.standaloneTasks.removeIf(t -> dropIfOld(t, limit));
    }
    for (ContainerInstance ci : c.containerInstances.values()) {
      long recent = kernel.clock().now().toEpochMilli() - 5 * 60_000L;
      synchronized (ci.tasks) {
        ci.tasks.removeIf(t -> t.stoppedBefore(recent));
      }
    }
  }

  private boolean dropIfOld(Task t, long limit) {
    if (t.stoppedBefore(limit)) {
      taskRegistry.remove(t);
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ reconcile

  private boolean onDraining(Task t) {
    ContainerInstance ci = t.containerInstance();
    return ci != null && ci.status() != ContainerInstanceStatus.ACTIVE;
  }

  void reconcile(EcsService s, boolean periodic) {
    if ("INACTIVE".equals(s.status())) return;
    if (s.spec().schedulingStrategy() == SchedulingStrategy.DAEMON) {
      reconcileDaemon(s, periodic);
      return;
    }
    Deployment primary = s.primaryDeployment();
    int desired = s.desiredCount();
    DeploymentConfiguration dc = s.spec().deploymentConfiguration();
    List<Task> all = s.allTasks();
    List<Task> live = new ArrayList<>();
    int stoppingCount = 0;
    for (Task t : all) {
      if (t.lastStatus() == TaskStatus.STOPPED) continue;
      if (t.desiredStatus() == TaskStatus.RUNNING) live.add(t);
      else stoppingCount++;
    }
    List<Task> primaryLive = new ArrayList<>();
    List<Task> old = new ArrayList<>();
    for (Task t : live) {
      if (t.deployment == primary && !onDraining(t)) primaryLive.add(t);
      else old.add(t);
    }
    boolean changed = false;
    // scale-in: primary tasks above the desired count
    while (primaryLive.size() > desired) {
      Task victim = placement.chooseToStop(primaryLive, ServiceTaskPlacer.strategies(s), live);
      primaryLive.remove(victim);
      live.remove(victim);
      lifecycle.stop(
          victim,
          StopCode.ServiceSchedulerInitiated,
          "Scaling activity initiated by (deployment " + primary.id() + ")");
      stoppingCount++;
      changed = true;
    }
    // start
    String placeFailure = null;
    int counted = live.size() + stoppingCount;
    boolean throttled = kernel.clock().now().toEpochMilli() < s.startThrottledUntil;
    if (primary.rolloutState() != RolloutState.FAILED
        && "ACTIVE".equals(s.status())
        && !throttled) {
      int want = desired - primaryLive.size();
      int room = dc.ceiling(desired) - counted;
      int n = Math.min(want, room);
      for (int i = 0; i < n; i++) {
        String failure = placer.placeOne(s, primary, all);
        if (failure != null) {
          placeFailure = failure;
          break;
        }
        Task created = all.get(all.size() - 1);
        events.started(s, created.taskId());
        primaryLive.add(created);
        live.add(created);
        changed = true;
      }
    }
    // stop old tasks within the healthy floor
    int floor = dc.floor(desired);
    int healthy = 0;
    for (Task t : live) if (lifecycle.isHealthy(t)) healthy++;
    List<Task> oldHealthy = new ArrayList<>();
    for (Task t : old) {
      if (!lifecycle.isHealthy(t)) {
        lifecycle.stop(t, StopCode.ServiceSchedulerInitiated, stopReason(t, primary));
        changed = true;
      } else {
        oldHealthy.add(t);
      }
    }
    while (!oldHealthy.isEmpty() && healthy - 1 >= floor) {
      Task victim = placement.chooseToStop(oldHealthy, ServiceTaskPlacer.strategies(s), live);
      oldHealthy.remove(victim);
      live.remove(victim);
      healthy--;
      lifecycle.stop(victim, StopCode.ServiceSchedulerInitiated, stopReason(victim, primary));
      changed = true;
    }
    if (placeFailure != null) {
      long now = kernel.clock().now().toEpochMilli();
      if (periodic
          || s.lastUnableToPlace == Long.MIN_VALUE
          || now - s.lastUnableToPlace >= Ecs.SCHEDULER_PERIOD.toMillis()) {
        s.lastUnableToPlace = now;
        events.add(s, ServiceEventMessages.unableToPlace(s.serviceName(), placeFailure));
      }
    }
    // stall: neither a start nor a stop is possible and nothing is in flight
    if (!changed && placeFailure == null && !throttled && !oldHealthy.isEmpty()) {
      boolean inFlight = stoppingCount > 0;
      for (Task t : live)
        if (!lifecycle.isHealthy(t) && t.lastStatus() != TaskStatus.PROVISIONING) inFlight = true;
      if (!inFlight && !s.stalledReported) {
        s.stalledReported = true;
        events.add(s, ServiceEventMessages.deploymentConfigurationStall(s.serviceName()));
      }
    }
    settle(s, primary, live, stoppingCount, desired);
  }

  private String stopReason(Task t, Deployment primary) {
    if (onDraining(t)) return "Container instance is draining";
    return "Scaling activity initiated by (deployment " + primary.id() + ")";
  }

  /** Completes the deployment and records the steady state when everything matches. */
  private void settle(
      EcsService s, Deployment primary, List<Task> live, int stoppingCount, int desired) {
    int primaryHealthy = 0;
    boolean others = false;
    for (Task t : live) {
      if (t.deployment == primary && lifecycle.isHealthy(t)) primaryHealthy++;
      else others = true;
    }
    boolean matches = !others && primaryHealthy == desired && stoppingCount == 0;
    // old deployments without tasks become INACTIVE
    synchronized (s.deployments) {
      for (Deployment d : List.copyOf(s.deployments)) {
        if (d == primary) continue;
        boolean hasTasks = false;
        for (Task t : s.allTasks())
          if (t.deployment == d && t.lastStatus() != TaskStatus.STOPPED) hasTasks = true;
        if (!hasTasks) {
          d.status("INACTIVE");
          s.deployments.remove(d);
        }
      }
    }
    if (!matches) {
      return;
    }
    if (primary.rolloutState() == RolloutState.IN_PROGRESS) {
      primary.rollout(RolloutState.COMPLETED, "ECS deployment " + primary.id() + " completed.");
      s.lastCompleted = primary;
      events.add(s, ServiceEventMessages.deploymentCompleted(s.serviceName(), primary.id()));
    }
    if (!s.steady) {
      s.steady = true;
      s.stalledReported = false;
      if ("DRAINING".equals(s.status()) && desired == 0) {
        s.status("INACTIVE");
        kernel
            .timeline()
            .record(new EcsFact.ServiceStatusChanged(s.serviceName(), "DRAINING", "INACTIVE"));
        return;
      }
      events.add(s, ServiceEventMessages.steadyState(s.serviceName()));
    }
  }

  /** Places a waiting capacity-provider task if it fits now (the capacity providers call this). */
  boolean placeWaiting(Task t) {
    return placer.placeWaiting(t);
  }

  // ------------------------------------------------------------------ daemon

  private void reconcileDaemon(EcsService s, boolean periodic) {
    Deployment primary = s.primaryDeployment();
    Cluster c = clusters.get(s.clusterName());
    List<Task> all = s.allTasks();
    int matching = 0;
    List<Task> live = new ArrayList<>();
    int stoppingCount = 0;
    for (Task t : all) {
      if (t.lastStatus() == TaskStatus.STOPPED) continue;
      if (t.desiredStatus() == TaskStatus.RUNNING) live.add(t);
      else stoppingCount++;
    }
    String failure = null;
    for (ContainerInstance ci : List.copyOf(c.containerInstances.values())) {
      List<Task> here = new ArrayList<>();
      for (Task t : live) if (t.containerInstance() == ci) here.add(t);
      boolean eligible =
          ci.status() == ContainerInstanceStatus.ACTIVE && "ACTIVE".equals(s.status());
      for (PlacementConstraint pc : s.spec().placementConstraints()) {
        if (pc.type().equals("memberOf") && !placement.satisfies(ci, pc, List.of()))
          eligible = false;
      }
      if (!eligible) {
        for (Task t : here)
          lifecycle.stop(t, StopCode.ServiceSchedulerInitiated, "Container instance is draining");
        continue;
      }
      matching++;
      Task current = null;
      for (Task t : here) {
        if (t.deployment == primary) current = t;
        else
          lifecycle.stop(
              t,
              StopCode.ServiceSchedulerInitiated,
              "Scaling activity initiated by (deployment " + primary.id() + ")");
      }
      if (current == null
          && primary.rolloutState() != RolloutState.FAILED
          && Placement.usable(ci)) {
        String misfit = Placement.misfit(ci, primary.taskDefinition());
        if (misfit == null) {
          Task t =
              taskRegistry.create(
                  c,
                  primary.taskDefinition(),
                  "service:" + s.serviceName(),
                  LaunchType.EC2,
                  s,
                  primary,
                  null);
          events.started(s, t.taskId());
          live.add(t);
          lifecycle.launchOn(t, ci);
        } else if (here.isEmpty() && stoppingCount == 0) {
          failure =
              "The closest matching (container-instance "
                  + ci.containerInstanceId()
                  + ") "
                  + misfit;
        }
      }
    }
    if (s.desiredCount() != matching && "ACTIVE".equals(s.status())) s.desiredCount(matching);
    if (failure != null && periodic) {
      events.add(s, ServiceEventMessages.unableToPlace(s.serviceName(), failure));
    }
    List<Task> stillLive = new ArrayList<>();
    for (Task t : s.allTasks())
      if (t.lastStatus() != TaskStatus.STOPPED && t.desiredStatus() == TaskStatus.RUNNING)
        stillLive.add(t);
    int stopping = 0;
    for (Task t : s.allTasks())
      if (t.lastStatus() != TaskStatus.STOPPED && t.desiredStatus() == TaskStatus.STOPPED)
        stopping++;
    settle(s, primary, stillLive, stopping, s.desiredCount());
  }
}
