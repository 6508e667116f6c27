package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.kernel.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECS service scheduler: keeps each service at its desired count, runs rolling deployments
 * within minimumHealthyPercent / maximumPercent, trips the circuit breaker, and writes service
 * events in AWS's words. Runs at once after every relevant change and every {@link
 * Ecs#SCHEDULER_PERIOD}. Guarded by the kernel lock.
 */
final class ServiceScheduler {

  /** Consecutive start failures that start the throttle (a fake choice; AWS says "repeatedly"). */
  static final int THROTTLE_AFTER = 3;
  /** The longest wait between start attempts while throttled (AWS: "a maximum of 27 minutes"). */
  static final java.time.Duration THROTTLE_MAX = java.time.Duration.ofMinutes(27);

  private final Ecs ecs;
  private final Set<EcsService> requested = new LinkedHashSet<>();
  private Scheduler.Task flush;

  ServiceScheduler(Ecs ecs) {
    this.ecs = ecs;
  }

  void request(EcsService s) {
    requested.add(s);
    if (flush == null || !flush.isPending()) {
      flush = ecs.kernel.scheduler().after(java.time.Duration.ZERO, this::flush);
    }
  }

  void requestAll(Cluster c) {
    if (c == null) return;
    for (EcsService s : c.services.values()) request(s);
    ecs.capacityProviders.requestRetry(c);
  }

  private void flush() {
    while (!requested.isEmpty()) {
      EcsService s = requested.iterator().next();
      requested.remove(s);
      reconcile(s, false);
    }
  }

  void tick() {
    for (Cluster c : List.copyOf(ecs.clusters.values())) {
      ecs.capacityProviders.retryWaiting(c);
      for (EcsService s : List.copyOf(c.services.values())) {
        if (!s.steady) reconcile(s, true); // a steady service has nothing to retry; changes clear steady
        else ecs.events.repeatSteadyState(s);
        prune(s);
      }
      prune(c);
    }
    ecs.inProcess.prune(ecs.kernel.clock().now().toEpochMilli() - 5 * 60_000L);
  }

  private void prune(EcsService s) {
    long limit = ecs.kernel.clock().now().minus(Ecs.STOPPED_TASK_RETENTION).toEpochMilli();
    synchronized (s.tasks) {
      s.tasks.removeIf(t -> dropIfOld(t, limit));
    }
  }

  private void prune(Cluster c) {
    long limit = ecs.kernel.clock().now().minus(Ecs.STOPPED_TASK_RETENTION).toEpochMilli();
    synchronized (c.standaloneTasks) {
      c.standaloneTasks.removeIf(t -> dropIfOld(t, limit));
    }
    for (ContainerInstance ci : c.containerInstances.values()) {
      long recent = ecs.kernel.clock().now().toEpochMilli() - 5 * 60_000L;
      synchronized (ci.tasks) {
        ci.tasks.removeIf(t -> t.lastStatus() == TaskStatus.STOPPED && t.stoppedAt().toEpochMilli() < recent);
      }
    }
  }

  private boolean dropIfOld(Task t, long limit) {
    if (t.lastStatus() == TaskStatus.STOPPED && t.stoppedAt().toEpochMilli() < limit) {
      ecs.tasks.remove(t.taskId());
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ deployments

  void newDeployment(EcsService s, TaskDefinition td) {
    Deployment d = new Deployment(ecs.deploymentId(), td, s, ecs.kernel.clock().now());
    synchronized (s.deployments) {
      for (Deployment old : s.deployments) {
        if (old.status().equals("PRIMARY")) old.status("ACTIVE");
      }
      s.deployments.add(0, d);
    }
    s.steady = false;
    s.stalledReported = false;
    startedRunning(s); // a new deployment ends the throttle at once
    ecs.kernel.timeline().record(new EcsFact.DeploymentStarted(s.serviceName(), d.id(), td.familyRevision(), s.desiredCount()));
    request(s);
  }

  void taskStopped(Task t) {
    EcsService s = t.service;
    s.steady = false;
    Deployment d = t.deployment;
    if (t.startedAt() == null && (t.stopCode() == StopCode.EssentialContainerExited || t.stopCode() == StopCode.TaskFailedToStart)) {
      failedToStart(s);
    }
    boolean failure =
        !d.anyTaskRan && t.startedAt() == null && (t.stopCode() == StopCode.EssentialContainerExited || t.stopCode() == StopCode.TaskFailedToStart)
            || d.anyTaskRan && t.healthFailure;
    if (failure && d.rolloutState() == RolloutState.IN_PROGRESS) {
      d.failedTask();
      DeploymentCircuitBreaker cb = s.spec().deploymentConfiguration().deploymentCircuitBreaker();
      int threshold = DeploymentCircuitBreaker.threshold(s.desiredCount());
      if (cb.enable() && d.failedTasks() >= threshold && d == s.primaryDeployment()) {
        trip(s, d, !d.anyTaskRan ? "tasks failed to start" : "health checks failed");
      }
    }
    request(s);
  }

  /**
   * The service throttle: from the {@link #THROTTLE_AFTER}th task in a row that stopped without
   * reaching RUNNING, starts wait 1, 2, 4, … minutes, at most {@link #THROTTLE_MAX}, and the
   * service reports that it is unable to consistently start tasks.
   */
  private void failedToStart(EcsService s) {
    s.startFailures++;
    if (s.startFailures < THROTTLE_AFTER) return;
    long delay = Math.min(THROTTLE_MAX.toMillis(), 60_000L << Math.min(20, s.startFailures - THROTTLE_AFTER));
    s.startThrottledUntil = ecs.kernel.clock().now().toEpochMilli() + delay;
    if (s.startFailures == THROTTLE_AFTER) ecs.serviceEvent(s, ServiceEventMessages.unableToConsistentlyStart(s.serviceName()));
  }

  /** A task of {@code s} reached RUNNING (or a new deployment began): the throttle ends. */
  static void startedRunning(EcsService s) {
    s.startFailures = 0;
    s.startThrottledUntil = Long.MIN_VALUE;
  }

  private void trip(EcsService s, Deployment d, String why) {
    d.rollout(RolloutState.FAILED, "ECS deployment circuit breaker: " + why + ".");
    ecs.serviceEvent(s, ServiceEventMessages.deploymentFailed(s.serviceName(), d.id(), why));
    if (!s.spec().deploymentConfiguration().deploymentCircuitBreaker().rollback()) return;
    Deployment lastCompleted = s.lastCompleted;
    if (lastCompleted == null || lastCompleted == d) return;
    ecs.serviceEvent(s, ServiceEventMessages.rollingBack(s.serviceName(), lastCompleted.id()));
    synchronized (s.deployments) {
      if (s.deployments.contains(lastCompleted)) {
        // the completed deployment still holds tasks: it becomes PRIMARY again and keeps them
        s.deployments.remove(lastCompleted);
        s.deployments.add(0, lastCompleted);
        d.status("ACTIVE");
        lastCompleted.status("PRIMARY");
        s.steady = false;
        ecs.kernel.timeline().record(new EcsFact.DeploymentRolledBack(s.serviceName(), lastCompleted.id(),
            lastCompleted.taskDefinition().familyRevision()));
        request(s);
        return;
      }
    }
    newDeployment(s, lastCompleted.taskDefinition());
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
    List<Task> all = ecs.serviceTasks(s);
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
      Task victim = ecs.placement.chooseToStop(primaryLive, strategies(s), live);
      primaryLive.remove(victim);
      live.remove(victim);
      ecs.lifecycle.stop(victim, StopCode.ServiceSchedulerInitiated, "Scaling activity initiated by (deployment " + primary.id() + ")");
      stoppingCount++;
      changed = true;
    }
    // start
    String placeFailure = null;
    int counted = live.size() + stoppingCount;
    boolean throttled = ecs.kernel.clock().now().toEpochMilli() < s.startThrottledUntil;
    if (primary.rolloutState() != RolloutState.FAILED && "ACTIVE".equals(s.status()) && !throttled) {
      int want = desired - primaryLive.size();
      int room = dc.ceiling(desired) - counted;
      int n = Math.min(want, room);
      for (int i = 0; i < n; i++) {
        String failure = placeOne(s, primary, all);
        if (failure != null) {
          placeFailure = failure;
          break;
        }
        Task created = all.get(all.size() - 1);
        ecs.events.started(s, created.taskId());
        primaryLive.add(created);
        live.add(created);
        changed = true;
      }
    }
    // stop old tasks within the healthy floor
    int floor = dc.floor(desired);
    int healthy = 0;
    for (Task t : live) if (ecs.lifecycle.isHealthy(t)) healthy++;
    List<Task> oldHealthy = new ArrayList<>();
    for (Task t : old) {
      if (!ecs.lifecycle.isHealthy(t)) {
        ecs.lifecycle.stop(t, StopCode.ServiceSchedulerInitiated, stopReason(t, primary));
        changed = true;
      } else {
        oldHealthy.add(t);
      }
    }
    while (!oldHealthy.isEmpty() && healthy - 1 >= floor) {
      Task victim = ecs.placement.chooseToStop(oldHealthy, strategies(s), live);
      oldHealthy.remove(victim);
      live.remove(victim);
      healthy--;
      ecs.lifecycle.stop(victim, StopCode.ServiceSchedulerInitiated, stopReason(victim, primary));
      changed = true;
    }
    if (placeFailure != null) {
      long now = ecs.kernel.clock().now().toEpochMilli();
      if (periodic || s.lastUnableToPlace == Long.MIN_VALUE || now - s.lastUnableToPlace >= Ecs.SCHEDULER_PERIOD.toMillis()) {
        s.lastUnableToPlace = now;
        ecs.serviceEvent(s, ServiceEventMessages.unableToPlace(s.serviceName(), placeFailure));
      }
    }
    // stall: neither a start nor a stop is possible and nothing is in flight
    if (!changed && placeFailure == null && !throttled && !oldHealthy.isEmpty()) {
      boolean inFlight = stoppingCount > 0;
      for (Task t : live) if (!ecs.lifecycle.isHealthy(t) && t.lastStatus() != TaskStatus.PROVISIONING) inFlight = true;
      if (!inFlight && !s.stalledReported) {
        s.stalledReported = true;
        ecs.serviceEvent(s, ServiceEventMessages.deploymentConfigurationStall(s.serviceName()));
      }
    }
    settle(s, primary, live, stoppingCount, desired);
  }

  private String stopReason(Task t, Deployment primary) {
    if (onDraining(t)) return "Container instance is draining";
    return "Scaling activity initiated by (deployment " + primary.id() + ")";
  }

  /** Completes the deployment and records the steady state when everything matches. */
  private void settle(EcsService s, Deployment primary, List<Task> live, int stoppingCount, int desired) {
    int primaryHealthy = 0;
    boolean others = false;
    for (Task t : live) {
      if (t.deployment == primary && ecs.lifecycle.isHealthy(t)) primaryHealthy++;
      else others = true;
    }
    boolean matches = !others && primaryHealthy == desired && stoppingCount == 0;
    // old deployments without tasks become INACTIVE
    synchronized (s.deployments) {
      for (Deployment d : List.copyOf(s.deployments)) {
        if (d == primary) continue;
        boolean hasTasks = false;
        for (Task t : ecs.serviceTasks(s)) if (t.deployment == d && t.lastStatus() != TaskStatus.STOPPED) hasTasks = true;
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
      ecs.serviceEvent(s, ServiceEventMessages.deploymentCompleted(s.serviceName(), primary.id()));
    }
    if (!s.steady) {
      s.steady = true;
      s.stalledReported = false;
      if ("DRAINING".equals(s.status()) && desired == 0) {
        s.status("INACTIVE");
        ecs.kernel.timeline().record(new EcsFact.ServiceStatusChanged(s.serviceName(), "DRAINING", "INACTIVE"));
        return;
      }
      ecs.serviceEvent(s, ServiceEventMessages.steadyState(s.serviceName()));
    }
  }

  List<PlacementStrategy> strategies(EcsService s) {
    if (!s.spec().placementStrategy().isEmpty()) return s.spec().placementStrategy();
    return Placement.SERVICE_DEFAULT;
  }

  /** The zones of the service's awsvpc subnets, or null (every zone). */
  static List<String> subnetZones(EcsService s) {
    AwsvpcConfiguration net = s.spec().networkConfiguration();
    return net == null ? null : net.availabilityZones();
  }

  private static boolean inSubnets(List<String> zones, ContainerInstance ci) {
    return zones == null || zones.contains(ci.availabilityZone());
  }

  /** Creates and places one task of {@code d}; null on success, else the placement failure. */
  private String placeOne(EcsService s, Deployment d, List<Task> all) {
    Cluster c = ecs.clusters.get(s.clusterName());
    LaunchType lt = ecs.effectiveLaunchType(c, s.spec());
    TaskDefinition td = d.taskDefinition();
    String group = "service:" + s.serviceName();
    List<String> subnetZones = subnetZones(s);
    if (lt == LaunchType.FARGATE) {
      if (!ecs.lifecycle.hasFargateZone(subnetZones)) {
        return "Reason: No Availability Zone of the service's subnets is available.";
      }
      Task t = ecs.newTask(c, td, group, LaunchType.FARGATE, s, d, null);
      all.add(t);
      ecs.lifecycle.launchFargate(t, all, subnetZones);
      return null;
    }
    if (lt == null) {
      String provider = ecs.capacityProviders.pick(c, s, ecs.strategyOf(c, s.spec()), all);
      List<ContainerInstance> pool = new ArrayList<>();
      for (ContainerInstance ci : c.containerInstances.values()) {
        if (provider.equals(ci.capacityProviderName()) && inSubnets(subnetZones, ci)) pool.add(ci);
      }
      Placement.Choice choice = ecs.placement.choose(pool, td, strategies(s), s.spec().placementConstraints(), all);
      Task t = ecs.newTask(c, td, group, LaunchType.EC2, s, d, provider);
      all.add(t);
      if (choice.instance() != null) {
        ecs.lifecycle.launchOn(t, choice.instance());
      } else {
        ecs.lifecycle.waitForCapacity(t);
        ecs.capacityProviders.addWaiting(c, t);
      }
      return null;
    }
    List<ContainerInstance> pool = new ArrayList<>();
    for (ContainerInstance ci : c.containerInstances.values()) if (inSubnets(subnetZones, ci)) pool.add(ci);
    Placement.Choice choice = ecs.placement.choose(pool, td, strategies(s), s.spec().placementConstraints(), all);
    if (choice.instance() == null) return choice.failure();
    Task t = ecs.newTask(c, td, group, LaunchType.EC2, s, d, null);
    all.add(t);
    ecs.lifecycle.launchOn(t, choice.instance());
    return null;
  }

  /** Places a waiting (PROVISIONING) capacity-provider task if an instance of its provider fits. */
  boolean placeWaiting(Task t) {
    EcsService s = t.service;
    Cluster c = ecs.clusters.get(t.clusterName());
    List<String> subnetZones = s == null ? null : subnetZones(s);
    List<ContainerInstance> pool = new ArrayList<>();
    for (ContainerInstance ci : c.containerInstances.values()) {
      if (t.capacityProviderName().equals(ci.capacityProviderName()) && inSubnets(subnetZones, ci)) pool.add(ci);
    }
    List<Task> group = s == null ? List.of() : ecs.serviceTasks(s);
    Placement.Choice choice =
        ecs.placement.choose(pool, t.taskDefinition(), s == null ? List.of() : strategies(s), s == null ? List.of() : s.spec().placementConstraints(), group);
    if (choice.instance() == null) return false;
    ecs.lifecycle.launchOn(t, choice.instance());
    return true;
  }

  // ------------------------------------------------------------------ daemon

  private void reconcileDaemon(EcsService s, boolean periodic) {
    Deployment primary = s.primaryDeployment();
    Cluster c = ecs.clusters.get(s.clusterName());
    List<Task> all = ecs.serviceTasks(s);
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
      boolean eligible = ci.status() == ContainerInstanceStatus.ACTIVE && "ACTIVE".equals(s.status());
      for (PlacementConstraint pc : s.spec().placementConstraints()) {
        if (pc.type().equals("memberOf") && !ecs.placement.satisfies(ci, pc, List.of())) eligible = false;
      }
      if (!eligible) {
        for (Task t : here) ecs.lifecycle.stop(t, StopCode.ServiceSchedulerInitiated, "Container instance is draining");
        continue;
      }
      matching++;
      Task current = null;
      for (Task t : here) {
        if (t.deployment == primary) current = t;
        else ecs.lifecycle.stop(t, StopCode.ServiceSchedulerInitiated, "Scaling activity initiated by (deployment " + primary.id() + ")");
      }
      if (current == null && primary.rolloutState() != RolloutState.FAILED && Placement.usable(ci)) {
        String misfit = Placement.misfit(ci, primary.taskDefinition());
        if (misfit == null) {
          Task t = ecs.newTask(c, primary.taskDefinition(), "service:" + s.serviceName(), LaunchType.EC2, s, primary, null);
          ecs.events.started(s, t.taskId());
          live.add(t);
          ecs.lifecycle.launchOn(t, ci);
        } else if (here.isEmpty() && stoppingCount == 0) {
          failure = "The closest matching (container-instance " + ci.containerInstanceId() + ") " + misfit;
        }
      }
    }
    if (s.desiredCount() != matching && "ACTIVE".equals(s.status())) s.desiredCount(matching);
    if (failure != null && periodic) {
      ecs.serviceEvent(s, ServiceEventMessages.unableToPlace(s.serviceName(), failure));
    }
    List<Task> stillLive = new ArrayList<>();
    for (Task t : ecs.serviceTasks(s)) if (t.lastStatus() != TaskStatus.STOPPED && t.desiredStatus() == TaskStatus.RUNNING) stillLive.add(t);
    int stopping = 0;
    for (Task t : ecs.serviceTasks(s)) if (t.lastStatus() != TaskStatus.STOPPED && t.desiredStatus() == TaskStatus.STOPPED) stopping++;
    settle(s, primary, stillLive, stopping, s.desiredCount());
  }
}
