package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.internal.scaling.Capacity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Auto Scaling group at run time: its configuration in force (spec, suspended processes,
 * policies, scheduled actions), its desired capacity with the cooldown, Standby (which changes
 * desired capacity), and the reconciliation that moves actual capacity toward desired through its
 * collaborators: {@link InstanceLauncher}, {@link TerminationSelection}, {@link InstanceLifecycle}
 * with its {@link LifecycleHooks}, {@link HealthChecks}, {@link ZoneRebalancing} and {@link
 * CapacityRebalancing}, over the shared {@link GroupState}. Single-threaded under the kernel lock.
 */
final class GroupRuntime implements GroupContext {

  private final Kernel kernel;
  private final Ec2 ec2;
  final String name;
  AutoScalingGroupSpec spec;

  /** When the group was created (CreatedTime). */
  final Instant createdTime;

  boolean deleted;
  Instant cooldownEnd = Instant.MIN;
  final Set<ScalingProcess> suspended = EnumSet.noneOf(ScalingProcess.class);

  /** The SuspensionReason of each suspended process. */
  final Map<ScalingProcess, String> suspensionReasons = new EnumMap<>(ScalingProcess.class);

  final Map<String, PolicyRuntime> policies = new LinkedHashMap<>();

  /** Each ForecastAndScale policy's capacity for the forecast hour it last acted on. */
  final Map<String, ForecastFloor> forecastFloors = new LinkedHashMap<>();

  final Map<String, Scheduler.Task> scheduled = new LinkedHashMap<>();
  final Map<String, ScheduledActionSpec> scheduledSpecs = new LinkedHashMap<>();

  /** The members, in launch order ({@link GroupState#members}). */
  final Map<String, Member> members;

  final GroupState state;
  final ActivityLog log;
  final TrafficSources traffic;
  final LifecycleHooks hooks;
  private final HealthChecks health;
  private final InstanceLifecycle lifecycle;
  private final InstanceLauncher launcher;
  private final TerminationSelection terminations;
  private final ZoneRebalancing zoneRebalancing;
  private final CapacityRebalancing capacityRebalancing;
  final WarmPoolRuntime warmPool;
  final InstanceRefreshRuntime refresh;
  private boolean reconciling;
  private boolean again;

  GroupRuntime(
      Kernel kernel,
      Ec2 ec2,
      AutoScalingGroupSpec spec,
      List<LoadBalancerTargets> targetGroups,
      Uuids ids,
      ActivityListeners listeners) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.name = spec.autoScalingGroupName();
    this.spec = spec;
    this.createdTime = kernel.clock().now();
    this.state = new GroupState(name, kernel);
    this.members = state.members;
    this.log = new ActivityLog(state, ids::next, listeners, end -> cooldownEnd = end);
    this.traffic = new TrafficSources(state, this, kernel, targetGroups);
    this.health = new HealthChecks(state, this, kernel.scheduler(), traffic);
    this.capacityRebalancing = new CapacityRebalancing(state, this);
    this.lifecycle =
        new InstanceLifecycle(state, this, kernel, ec2, log, traffic, health, capacityRebalancing);
    this.hooks = lifecycle.hooks;
    PurchaseOptions purchaseOptions = new PurchaseOptions(state, this, ec2);
    this.launcher =
        new InstanceLauncher(
            state,
            this,
            ec2,
            kernel.scheduler(),
            log,
            purchaseOptions,
            capacityRebalancing,
            lifecycle);
    this.terminations =
        new TerminationSelection(
            state,
            this,
            kernel,
            log,
            traffic,
            purchaseOptions,
            lifecycle,
            kernel.randomness().stream("autoscaling.group." + name));
    this.zoneRebalancing = new ZoneRebalancing(state, this, ec2, launcher);
    this.warmPool = new WarmPoolRuntime(state, this, ec2, log, hooks, lifecycle);
    lifecycle.warmPool = warmPool;
    terminations.reuseOnScaleIn = warmPool::reusesOnScaleIn;
    this.refresh = new InstanceRefreshRuntime(state, this, kernel, lifecycle);
  }

  @Override
  public Launch launch() {
    RefreshRun r = refresh.launching();
    return r == null
        ? resolve(spec.launchTemplateName(), spec.launchTemplateVersion())
        : resolve(r.phaseName(), r.phaseVersion());
  }

  @Override
  public AutoScalingGroupSpec launchSpec() {
    RefreshRun r = refresh.launching();
    return r == null ? spec : r.phaseSpec(spec);
  }

  /** Checks a desired configuration's version as {@link Launch#check} does. */
  void checkLaunchTemplate(String field, String launchTemplateName, String version) {
    Launch.check(ec2, spec, field, launchTemplateName, version);
  }

  @Override
  public Launch resolve(String launchTemplateName, String version) {
    return Launch.resolve(ec2, spec, launchTemplateName, version);
  }

  @Override
  public AutoScalingGroupSpec spec() {
    return spec;
  }

  @Override
  public boolean deleted() {
    return deleted;
  }

  Instant now() {
    return state.now();
  }

  String at() {
    return state.at();
  }

  @Override
  public boolean isSuspended(ScalingProcess p) {
    return suspended.contains(p);
  }

  long record(Fact fact) {
    return state.record(fact);
  }

  // ------------------------------------------------------------------ desired capacity

  /** Launches toward the initial desired capacity. */
  void start() {
    int d = spec.desiredCapacity();
    state.triggerClause =
        at()
            + "a user request created an AutoScalingGroup changing the desired capacity from 0 to "
            + d
            + ".";
    try {
      reconcile();
    } finally {
      state.triggerClause = null;
    }
  }

  /**
   * Sets desired capacity (already validated and clamped) and reconciles, with {@code clause}
   * explaining the change in AWS's words.
   */
  void changeDesired(
      int newDesired, String clause, boolean startsCooldown, @Nullable Duration cooldown) {
    changeDesired(spec.minSize(), spec.maxSize(), newDesired, clause, startsCooldown, cooldown);
  }

  void changeDesired(
      int min,
      int max,
      int newDesired,
      String clause,
      boolean startsCooldown,
      @Nullable Duration cooldown) {
    int old = spec.desiredCapacity();
    long id = record(new AutoScalingFact.DesiredCapacityChanged(name, old, newDesired, clause));
    spec = withCapacity(min, max, newDesired);
    kernel.runWithCause(
        id,
        () -> {
          state.triggerClause =
              at()
                  + clause
                  + " changing the desired capacity from "
                  + old
                  + " to "
                  + newDesired
                  + ".";
          log.collectCooldown(startsCooldown);
          try {
            reconcile();
          } finally {
            log.collectCooldown(false);
            state.triggerClause = null;
            if (startsCooldown) {
              Duration c =
                  Objects.requireNonNull(cooldown, "a change that starts a cooldown has one");
              if (!log.batchOpen()) {
                cooldownEnd = now().plus(c);
              } else {
                log.cooldownAfterBatch(c);
              }
            }
          }
        });
  }

  static AutoScalingGroupSpec withCapacity(AutoScalingGroupSpec s, int min, int max, int desired) {
    return s.toBuilder().minSize(min).maxSize(max).desiredCapacity(desired).build();
  }

  private AutoScalingGroupSpec withCapacity(int min, int max, int desired) {
    return withCapacity(spec, min, max, desired);
  }

  void setLimits(int min, int max, int desired, String clause) {
    int old = spec.desiredCapacity();
    if (old == desired) {
      spec = withCapacity(min, max, desired);
      record(new AutoScalingFact.GroupConstraintsUpdated(name, min, max, desired));
      reconcile();
    } else {
      changeDesired(min, max, desired, clause, false, null);
    }
  }

  int clamp(int v) {
    return Capacity.clamp(v, spec.minSize(), spec.maxSize());
  }

  boolean inCooldownOrActivity() {
    if (now().isBefore(cooldownEnd) || log.batchOpen()) {
      return true;
    }
    for (Member m : members.values()) {
      if (m.activity != null && !m.activity.status.isDone()) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ reconcile

  /** Moves actual capacity toward desired; re-entrant calls are folded into the running one. */
  @Override
  public void reconcile() {
    if (deleted) return;
    if (reconciling) {
      again = true;
      return;
    }
    reconciling = true;
    try {
      do {
        again = false;
        reconcileOnce();
      } while (again);
    } finally {
      reconciling = false;
    }
  }

  private void reconcileOnce() {
    terminations.replaceUnhealthy();
    refresh.step();
    int active = state.countingCount();
    int target = spec.desiredCapacity() + state.rebalanceSurplus + state.refreshSurplus;
    if (active < target) {
      if (!isSuspended(ScalingProcess.Launch)) {
        int fromPool = warmPool.warmStart(target - active, launchCause(active, target));
        if (active + fromPool < target) launcher.launch(target - active - fromPool, null);
      }
    } else {
      if (state.replacementsOwed > 0) state.replacementsOwed = 0;
      if (active > target && !isSuspended(ScalingProcess.Terminate)) {
        terminations.scaleIn(active - target);
      }
    }
    warmPool.maintain();
  }

  /** The cause of a launch toward desired capacity, in AWS's words, after the trigger's clause. */
  private String launchCause(int from, int to) {
    String clause =
        at()
            + "an instance was started in response to a difference between desired and actual"
            + " capacity, increasing the capacity from "
            + from
            + " to "
            + to
            + ".";
    return state.triggerClause == null ? clause : state.triggerClause + "  " + clause;
  }

  /** Ends the group: no more launches or scheduled actions; its instances are terminated. */
  void delete() {
    deleted = true;
    launcher.cancelRetry();
    warmPool.groupDeleted();
    refresh.groupDeleted();
    for (Scheduler.Task t : scheduled.values()) t.cancel();
    scheduled.clear();
    scheduledSpecs.clear();
    List<Member> gone = List.copyOf(members.values());
    for (Member m : gone) {
      hooks.cancelWaits(m);
      ec2.terminateInstance(m.instanceId);
    }
    state.clearMembers(gone);
  }

  // ------------------------------------------------------------------ EC2 events and the periodic
  // check

  void ec2StateChanged(Member m, InstanceState from) {
    if (warmPool.pool.get(m.instanceId) == m) warmPool.ec2StateChanged(m);
    else lifecycle.ec2StateChanged(m, from);
  }

  void reachabilityChanged(Member m, boolean reachable) {
    if (warmPool.pool.get(m.instanceId) == m) return; // pool health: EC2 states only
    health.reachabilityChanged(m, reachable);
  }

  /**
   * Capacity Rebalancing: EC2 sent the member a rebalance recommendation (see {@link
   * CapacityRebalancing}).
   */
  void rebalanceRecommended(Member m) {
    capacityRebalancing.rebalanceRecommended(m);
  }

  /**
   * The periodic ASG check (every 60 s, a fake choice): ELB health, instance lifetimes, zone
   * rebalancing.
   */
  void periodicCheck() {
    if (deleted) return;
    health.checkElbHealth();
    terminations.replaceExpired();
    zoneRebalancing.rebalance();
    warmPool.maintain();
    if (refresh.active != null) reconcile(); // alarms of the AlarmSpecification, waits
  }

  // ------------------------------------------------------------------ user actions

  void markUnhealthy(Member m, String cause, boolean limited) {
    health.markUnhealthy(m, cause, limited);
  }

  void startTermination(Member m, String cause, boolean holdCapacityWhileDraining) {
    lifecycle.startTermination(m, cause, holdCapacityWhileDraining);
  }

  void enterStandby(Member m, boolean decrement) {
    int old = spec.desiredCapacity();
    m.standbyDecremented = decrement;
    int less = Math.max(spec.minSize(), old - m.weight);
    if (decrement) spec = withCapacity(spec.minSize(), spec.maxSize(), less);
    String cause =
        at()
            + "an instance was moved to standby in response to a user request"
            + (decrement ? ", shrinking the capacity from " + old + " to " + less : "")
            + ".";
    Activity a =
        log.start(
            "Moving EC2 instance to Standby: " + m.instanceId,
            cause,
            m.instanceId,
            ActivityStatus.InProgress);
    m.activity = a;
    state.memberState(m, LifecycleState.ENTERING_STANDBY);
    if (traffic.registered(m)) {
      traffic.deregister(
          m,
          () -> {
            if (m.state == LifecycleState.ENTERING_STANDBY) {
              state.memberState(m, LifecycleState.STANDBY);
              log.end(a, ActivityStatus.Successful);
            }
          });
    } else {
      state.memberState(m, LifecycleState.STANDBY);
      log.end(a, ActivityStatus.Successful);
    }
    reconcile();
  }

  void exitStandby(Member m) {
    int old = spec.desiredCapacity();
    boolean increment = m.standbyDecremented;
    int more = Math.min(spec.maxSize(), old + m.weight);
    if (increment) spec = withCapacity(spec.minSize(), spec.maxSize(), more);
    String cause =
        at()
            + "an instance was moved out of standby in response to a user request"
            + (increment ? ", increasing the capacity from " + old + " to " + more : "")
            + ".";
    Activity a =
        log.start(
            "Moving EC2 instance out of Standby: " + m.instanceId,
            cause,
            m.instanceId,
            ActivityStatus.InProgress);
    m.activity = a;
    state.memberState(m, LifecycleState.PENDING);
    lifecycle.goInService(m);
  }
}
