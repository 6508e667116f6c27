package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.InsufficientInstanceCapacityException;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The machinery of one Auto Scaling group: capacity reconciliation, zone spreading and
 * rebalancing, health replacement, termination selection, lifecycle hooks, Standby, cooldown and
 * activities. Single-threaded under the kernel lock.
 */
final class GroupRuntime {

  /** How long an impaired status check is tolerated (a fake choice; AWS says "a few minutes"). */
  static final Duration IMPAIRED_TOLERANCE = Duration.ofMinutes(3);
  /** How soon failed launches are retried (a fake choice). */
  static final Duration LAUNCH_RETRY = Duration.ofSeconds(60);

  final AutoScaling service;
  final Kernel kernel;
  final Ec2 ec2;
  final String name;
  AutoScalingGroupSpec spec;
  final Map<String, Member> members = new LinkedHashMap<>();
  /** Instances per zone that count towards the group's real size ({@link GroupSize}), and its history. */
  final java.util.TreeMap<String, Integer> sizeByZone = new java.util.TreeMap<>();
  final List<GroupSize> sizeHistory = new ArrayList<>();
  final List<Activity> activities = new ArrayList<>();
  final Set<ScalingProcess> suspended = EnumSet.noneOf(ScalingProcess.class);
  /** The SuspensionReason of each suspended process. */
  final Map<ScalingProcess, String> suspensionReasons = new EnumMap<>(ScalingProcess.class);
  final Map<String, LifecycleHookSpec> hooks = new LinkedHashMap<>();
  final Map<String, PolicyRuntime> policies = new LinkedHashMap<>();
  final Map<String, Scheduler.Task> scheduled = new LinkedHashMap<>();
  final Map<String, ScheduledActionSpec> scheduledSpecs = new LinkedHashMap<>();
  final List<LoadBalancerTargets> targetGroups;
  /** Target groups detached whose instances are still draining (AWS's Removing state): outstanding drains. */
  final Map<String, Integer> removingTargetGroups = new LinkedHashMap<>();
  final SplittableRandom random;
  /** When the group was created (CreatedTime). */
  final Instant createdTime;
  boolean deleted;

  private boolean reconciling;
  private boolean again;
  /** The sentence that explains the current desired change, prefixed to activities it causes. */
  private String triggerClause;
  private boolean collectingCooldown;
  private int cooldownBatchOpen;
  private Duration pendingCooldown;
  Instant cooldownEnd = Instant.MIN;
  /** Limited health replacements taken out and not yet relaunched. */
  private int replacementsOwed;
  /** Rebalance launches not yet matched by a termination. */
  private int rebalanceSurplus;
  private int rebalanceTerminationsOwed;
  /** Capacity Rebalancing: units of at-risk Spot members taken out of the capacity count, not yet terminated. */
  private int rebalanceOutUnits;
  private Scheduler.Task retry;
  private int protectedNoticeFor = -1;
  /** Members per lifecycle state (by ordinal), kept up to date by {@link #memberState}. */
  final int[] stateCounts = new int[LifecycleState.values().length];
  /** Capacity units of the members that count toward capacity, and those members per zone (see {@link #syncCount}). */
  private int capacityCount;
  private final Map<String, Integer> capacityByZone = new java.util.HashMap<>();
  /** Whether a member may be UNHEALTHY (replaceUnhealthy skips its scan otherwise). */
  private boolean mayHaveUnhealthy;
  /** Bumped on every member change; the periodic rebalance check skips an unchanged group. */
  private long version;
  private long checkedVersion = -1;
  private String checkedZones = "";
  private int checkedDesired = -1;

  GroupRuntime(AutoScaling service, AutoScalingGroupSpec spec, List<LoadBalancerTargets> targetGroups) {
    this.service = service;
    this.kernel = service.kernel;
    this.ec2 = service.ec2;
    this.name = spec.autoScalingGroupName();
    this.spec = spec;
    this.createdTime = service.kernel.clock().now();
    this.targetGroups = new ArrayList<>(targetGroups);
    this.random = kernel.randomness().stream("autoscaling.group." + name);
  }

  Instant now() {
    return kernel.clock().now();
  }

  String at() {
    return "At " + now().truncatedTo(ChronoUnit.SECONDS) + " ";
  }

  boolean isSuspended(ScalingProcess p) {
    return suspended.contains(p);
  }

  long record(Fact fact) {
    return kernel.timeline().record(fact);
  }

  // ------------------------------------------------------------------ desired capacity

  /** Launches toward the initial desired capacity. */
  void start() {
    int d = spec.desiredCapacity();
    triggerClause = at() + "a user request created an AutoScalingGroup changing the desired capacity from 0 to " + d + ".";
    try {
      reconcile();
    } finally {
      triggerClause = null;
    }
  }

  /**
   * Sets desired capacity (already validated and clamped) and reconciles, with {@code clause}
   * explaining the change in AWS's words.
   */
  void changeDesired(int newDesired, String clause, boolean startsCooldown, Duration cooldown) {
    changeDesired(spec.minSize(), spec.maxSize(), newDesired, clause, startsCooldown, cooldown);
  }

  void changeDesired(int min, int max, int newDesired, String clause, boolean startsCooldown, Duration cooldown) {
    int old = spec.desiredCapacity();
    long id = record(new AutoScalingFact.DesiredCapacityChanged(name, old, newDesired, clause));
    spec = withCapacity(min, max, newDesired);
    kernel.runWithCause(
        id,
        () -> {
          triggerClause = at() + clause + " changing the desired capacity from " + old + " to " + newDesired + ".";
          collectingCooldown = startsCooldown;
          try {
            reconcile();
          } finally {
            collectingCooldown = false;
            triggerClause = null;
            if (startsCooldown) {
              if (cooldownBatchOpen == 0) {
                cooldownEnd = now().plus(cooldown);
              } else {
                pendingCooldown = cooldown;
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
    return io.github.cloudtwin.internal.scaling.Capacity.clamp(v, spec.minSize(), spec.maxSize());
  }

  boolean inCooldownOrActivity() {
    if (now().isBefore(cooldownEnd) || cooldownBatchOpen > 0) {
      return true;
    }
    for (Member m : members.values()) {
      if (m.activity != null && !m.activity.status.isDone()) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ reconcile

  /**
   * Capacity units of the members that count toward capacity: one per instance, or the instances'
   * weights (kept incrementally: O(1), not a scan per change).
   */
  int countingCount() {
    assert members.size() > 2_000 || capacityCount == recount() : "capacity counter " + capacityCount + " != " + recount();
    return capacityCount;
  }

  private int recount() {
    int n = 0;
    for (Member m : members.values()) if (m.counts()) n += m.weight;
    return n;
  }

  /**
   * Brings the incremental capacity counters up to date with {@code m}; called after every change
   * of its lifecycle state, termination start, capacity hold or membership.
   */
  void syncCount(Member m) {
    boolean c = members.get(m.instanceId) == m && m.counts();
    if (c == m.inCapacityCount) return;
    m.inCapacityCount = c;
    int d = c ? 1 : -1;
    capacityCount += d * m.weight;
    capacityByZone.merge(m.zone, d, Integer::sum);
  }

  /** Moves actual capacity toward desired; re-entrant calls are folded into the running one. */
  void reconcile() {
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
    replaceUnhealthy();
    int active = countingCount();
    int target = spec.desiredCapacity() + rebalanceSurplus;
    if (active < target) {
      if (!isSuspended(ScalingProcess.Launch)) {
        launch(target - active, null);
      }
    } else {
      if (replacementsOwed > 0) replacementsOwed = 0;
      if (active > target && !isSuspended(ScalingProcess.Terminate)) {
        scaleIn(active - target);
      }
    }
  }

  private void replaceUnhealthy() {
    if (!mayHaveUnhealthy || isSuspended(ScalingProcess.ReplaceUnhealthy)) return;
    boolean anyUnhealthy = false;
    for (Member m : members.values()) {
      if (m.health == HealthStatus.UNHEALTHY) {
        anyUnhealthy = true;
        break;
      }
    }
    if (!anyUnhealthy) {
      mayHaveUnhealthy = false;
      return;
    }
    int batch = Math.max(1, spec.desiredCapacity() / 10);
    int inFlight = replacementsOwed;
    for (Member m : members.values()) {
      if (m.replacement || (m.terminationStarted && m.limitedUnhealthy && m.holdsCapacity)) inFlight++;
    }
    for (Member m : List.copyOf(members.values())) {
      if (m.health != HealthStatus.UNHEALTHY || m.terminationStarted || (!m.counts() && !m.rebalanceOut)) continue;
      if (m.limitedUnhealthy) {
        if (inFlight >= batch) continue;
        inFlight++;
        replacementsOwed++;
      }
      startTermination(m, at() + m.unhealthyCause + ".",
          m.limitedUnhealthy && !m.rebalanceOut && !targetGroups.isEmpty() && m.registered);
    }
  }

  // ------------------------------------------------------------------ launching

  private List<String> zonesByFewest() {
    Map<String, Integer> counts = zoneCounts();
    List<String> zones = new ArrayList<>(spec.availabilityZones());
    zones.sort((a, b) -> {
      int c = Integer.compare(counts.get(a), counts.get(b));
      return c != 0 ? c : a.compareTo(b);
    });
    return zones;
  }

  /** Counting instances per enabled zone, sorted by zone name (from the incremental counters). */
  TreeMap<String, Integer> zoneCounts() {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (String z : spec.availabilityZones()) counts.put(z, 0);
    capacityByZone.forEach((z, n) -> {
      if (n != 0) counts.merge(z, n, Integer::sum);
    });
    return counts;
  }

  /**
   * Launches instances until {@code n} capacity units are added (the last may overshoot, as with
   * weights AWS does); into {@code onlyZone} when given (rebalancing).
   */
  private void launch(int n, String onlyZone) {
    int from = countingCount();
    int to = from + n;
    // the units of this batch each zone takes, which a capacity-aware Spot strategy wants room for
    int zoneShare = onlyZone != null ? n : (n + spec.availabilityZones().size() - 1) / spec.availabilityZones().size();
    for (int added = 0; added < n; ) {
      List<String> order = onlyZone != null ? List.of(onlyZone) : zonesByFewest();
      if (onlyZone == null && spec.capacityDistributionStrategy() == CapacityDistributionStrategy.BALANCED_ONLY) {
        order = order.subList(0, 1);
      }
      Member awaiting = onlyZone == null ? awaitingReplacement() : null;
      String clause = onlyZone != null
          ? at() + "an instance was launched to aid in balancing the group's zones."
          : awaiting != null
              ? at() + "an instance was launched in response to an EC2 instance rebalance recommendation."
              : at() + "an instance was started in response to a difference between desired and actual capacity, increasing the capacity from "
                  + from + " to " + to + ".";
      String cause = triggerClause == null || awaiting != null ? clause : triggerClause + "  " + clause;
      int launched = 0;
      for (String zone : order) {
        launched = tryLaunch(zone, cause, onlyZone != null, zoneShare, awaiting);
        if (launched > 0) break;
      }
      added += launched;
      if (launched == 0) {
        if (onlyZone != null) {
          rebalanceSurplus--;
        }
        scheduleRetry();
        return;
      }
    }
  }

  /**
   * Launches one instance in {@code zone}: the group's instance types in priority order, the first
   * EC2 has capacity for (prioritized allocation); a failed activity when none launches.
   *
   * @return the capacity units launched, 0 when the launch failed
   */
  private int tryLaunch(String zone, String cause, boolean rebalance, int unitsToGo, Member awaiting) {
    Instance instance = null;
    RuntimeException failure = null;
    PurchaseOption option = nextPurchaseOption();
    List<String> types = option == PurchaseOption.SPOT
        ? SpotAllocation.spotOrder(spec.mixedInstancesPolicy(), zone, unitsToGo, ec2, spotHeld(zone))
        : SpotAllocation.onDemandOrder(spec, ec2);
    if (types.isEmpty()) failure = InsufficientInstanceCapacityException.noSpotCapacity(zone);
    for (String type : types) {
      InstanceSpec is = InstanceSpec.builder()
          .instanceType(type)
          .purchaseOption(option)
          .availabilityZone(zone)
          .bootTime(spec.bootTime())
          .detailedMonitoring(spec.detailedMonitoring())
          .launchTemplate(spec.launchTemplateName(), spec.launchTemplateVersion())
          .autoScalingGroupName(name)
          .build();
      try {
        instance = ec2.runInstance(is);
        break;
      } catch (InsufficientInstanceCapacityException e) {
        failure = e; // the next type may have capacity in this zone
      } catch (io.github.cloudtwin.ec2.InstanceLimitExceededException | io.github.cloudtwin.ec2.RequestLimitExceededException e) {
        failure = e;
        break;
      }
    }
    if (instance == null) {
      Activity a = startActivity("Launching a new EC2 instance.  Status Reason: " + failure.getMessage(), cause, null, zone,
          ActivityStatus.Failed);
      a.statusMessage = failure.getMessage();
      endActivity(a, ActivityStatus.Failed);
      return 0;
    }
    Member m = new Member(instance, spec.launchTemplateName(), spec.launchTemplateVersion(), now(),
        spec.newInstancesProtectedFromScaleIn(), spec.unitsOf(instance.instanceType().name()));
    m.rebalanceLaunch = rebalance;
    if (replacementsOwed > 0 && !rebalance) {
      replacementsOwed--;
      m.replacement = true;
    }
    members.put(m.instanceId, m);
    syncCount(m);
    m.activity = startActivity("Launching a new EC2 instance: " + m.instanceId, cause, m.instanceId,
        ActivityStatus.PreInService);
    if (awaiting != null) {
      awaiting.rebalanceReplacement = m;
      m.replacing = awaiting;
      record(new AutoScalingFact.RebalanceReplacementLaunched(name, awaiting.instanceId, m.instanceId));
    }
    memberState(m, LifecycleState.PENDING);
    if (instance.state() == InstanceState.RUNNING) {
      instanceRunning(m);
    }
    return m.weight;
  }

  /**
   * The On-Demand or Spot purchase option of the next launch: On-Demand while the On-Demand units
   * are below the policy's share of desired capacity, else Spot.
   */
  private PurchaseOption nextPurchaseOption() {
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    if (p == null || !p.usesSpot()) return PurchaseOption.ON_DEMAND;
    int onDemand = 0;
    for (Member m : members.values()) if (m.counts() && m.purchaseOption == PurchaseOption.ON_DEMAND) onDemand += m.weight;
    return onDemand < p.onDemandUnits(spec.desiredCapacity()) ? PurchaseOption.ON_DEMAND : PurchaseOption.SPOT;
  }

  /** The group's counting Spot Instances per instance type in {@code zone}. */
  private Map<String, Integer> spotHeld(String zone) {
    Map<String, Integer> held = new java.util.HashMap<>();
    for (Member m : members.values()) {
      if (m.counts() && m.purchaseOption == PurchaseOption.SPOT && m.zone.equals(zone)) held.merge(m.instanceType, 1, Integer::sum);
    }
    return held;
  }

  /** An at-risk Spot member taken out of the capacity count whose replacement is not under way, or null. */
  private Member awaitingReplacement() {
    if (rebalanceOutUnits == 0) return null;
    for (Member m : members.values()) {
      if (m.rebalanceOut && m.rebalanceReplacement == null && !m.terminationStarted) return m;
    }
    return null;
  }

  /**
   * Capacity Rebalancing: EC2 sent the member a rebalance recommendation. The group launches a
   * replacement first and terminates the member once the replacement is InService; meanwhile the
   * group may exceed MaxSize by up to 10 % of desired capacity (at least 1), more at-risk members
   * waiting their turn.
   */
  void rebalanceRecommended(Member m) {
    if (!spec.capacityRebalance() || m.purchaseOption != PurchaseOption.SPOT || m.atRisk || m.terminationStarted
        || !m.counts()) return;
    m.atRisk = true;
    takeOutAtRisk();
  }

  private void takeOutAtRisk() {
    if (deleted || isSuspended(ScalingProcess.Launch)) return;
    int limit = spec.maxSize() + Math.max(1, spec.desiredCapacity() / 10);
    boolean changed = false;
    for (Member m : List.copyOf(members.values())) {
      if (!m.atRisk || m.rebalanceOut || m.terminationStarted || !m.counts()) continue;
      if (spec.desiredCapacity() + rebalanceOutUnits + m.weight > limit) break;
      m.rebalanceOut = true;
      rebalanceOutUnits += m.weight;
      syncCount(m);
      version++;
      changed = true;
    }
    if (changed) reconcile();
  }

  /**
   * Replaces the oldest InService instance past the group's MaxInstanceLifetime, one at a time:
   * the next only once the previous one has left and the group is back at desired capacity with
   * every instance InService (checked every minute). Protected and Standby instances are skipped.
   */
  private void replaceExpired() {
    Duration life = spec.effectiveMaxInstanceLifetime();
    if (life == null || isSuspended(ScalingProcess.Terminate) || isSuspended(ScalingProcess.Launch)) return;
    for (Member m : members.values()) {
      if (m.lifetimeVictim || (m.counts() && m.state != LifecycleState.IN_SERVICE)) return;
    }
    if (countingCount() < spec.desiredCapacity()) return;
    Instant now = now();
    Member oldest = null;
    for (Member m : members.values()) {
      if (m.state != LifecycleState.IN_SERVICE || !m.counts() || m.terminationStarted || m.protectedFromScaleIn
          || m.health != HealthStatus.HEALTHY || m.launchTime.plus(life).isAfter(now)) continue;
      if (oldest == null || m.launchTime.isBefore(oldest.launchTime)) oldest = m;
    }
    if (oldest == null) return;
    Member victim = oldest;
    victim.lifetimeVictim = true;
    long id = record(new AutoScalingFact.MaxInstanceLifetimeReached(name, victim.instanceId, life));
    kernel.runWithCause(id, () -> {
      startTermination(victim, at() + "an instance was taken out of service in response to the maximum instance lifetime of "
          + life.getSeconds() + " seconds being reached.", false);
      reconcile();
    });
  }

  private void scheduleRetry() {
    if (retry != null && retry.isPending()) return;
    retry = kernel.scheduler().after(LAUNCH_RETRY, this::reconcile);
  }

  void instanceRunning(Member m) {
    if (m.state != LifecycleState.PENDING) return;
    List<LifecycleHookSpec> launchHooks = hooksFor(LifecycleTransition.LAUNCHING);
    if (!launchHooks.isEmpty()) {
      memberState(m, LifecycleState.PENDING_WAIT);
      setActivityStatus(m.activity, ActivityStatus.MidLifecycleAction);
      waitForHooks(m, launchHooks);
    } else {
      goInService(m);
    }
  }

  private List<LifecycleHookSpec> hooksFor(LifecycleTransition t) {
    List<LifecycleHookSpec> out = new ArrayList<>();
    for (LifecycleHookSpec h : hooks.values()) if (h.lifecycleTransition() == t) out.add(h);
    return out;
  }

  private void waitForHooks(Member m, List<LifecycleHookSpec> hs) {
    m.hookOutcome = LifecycleActionResult.CONTINUE;
    for (LifecycleHookSpec h : hs) {
      Scheduler.Task t = kernel.scheduler().after(h.heartbeatTimeout(), () -> {
        record(new AutoScalingFact.LifecycleActionCompleted(name, h.lifecycleHookName(), m.instanceId, h.defaultResult(), true));
        completeHook(m, h.lifecycleHookName(), h.defaultResult());
      });
      m.waitingHooks.put(h.lifecycleHookName(), t);
    }
  }

  /** Adds or replaces a lifecycle hook (PutLifecycleHook, or the group's creation). */
  void putHook(LifecycleHookSpec h) {
    hooks.put(h.lifecycleHookName(), h);
    record(new AutoScalingFact.LifecycleHookPut(name, h.lifecycleHookName(), h.lifecycleTransition(), h.heartbeatTimeout(),
        h.defaultResult()));
  }

  /** Restarts the heartbeat timeout of the member's wait on {@code h}. */
  void heartbeat(Member m, LifecycleHookSpec h) {
    Scheduler.Task old = m.waitingHooks.get(h.lifecycleHookName());
    old.cancel();
    Scheduler.Task t = kernel.scheduler().after(h.heartbeatTimeout(), () -> {
      record(new AutoScalingFact.LifecycleActionCompleted(name, h.lifecycleHookName(), m.instanceId, h.defaultResult(), true));
      completeHook(m, h.lifecycleHookName(), h.defaultResult());
    });
    m.waitingHooks.put(h.lifecycleHookName(), t);
    record(new AutoScalingFact.LifecycleActionHeartbeat(name, h.lifecycleHookName(), m.instanceId, h.heartbeatTimeout()));
  }

  /** Ends the group: no more launches or scheduled actions; its instances are terminated. */
  void delete() {
    deleted = true;
    if (retry != null) retry.cancel();
    for (Scheduler.Task t : scheduled.values()) t.cancel();
    scheduled.clear();
    scheduledSpecs.clear();
    List<Member> gone = List.copyOf(members.values());
    for (Member m : gone) {
      for (Scheduler.Task t : m.waitingHooks.values()) t.cancel();
      m.waitingHooks.clear();
      ec2.terminateInstance(m.instanceId);
    }
    members.clear();
    for (Member m : gone) m.inCapacityCount = false;
    capacityCount = 0;
    capacityByZone.clear();
  }

  /** Completes one hook for the member; when none is left, the instance moves on. */
  void completeHook(Member m, String hookName, LifecycleActionResult result) {
    Scheduler.Task t = m.waitingHooks.remove(hookName);
    if (t == null) return;
    t.cancel();
    if (result == LifecycleActionResult.ABANDON) m.hookOutcome = LifecycleActionResult.ABANDON;
    if (!m.waitingHooks.isEmpty()) return;
    if (m.state == LifecycleState.PENDING_WAIT) {
      if (m.hookOutcome == LifecycleActionResult.ABANDON) {
        for (Scheduler.Task other : m.waitingHooks.values()) other.cancel();
        m.activity.statusMessage = "Instance failed to complete user's Lifecycle Action: Lifecycle Action was abandoned"
            + " with Lifecycle Action Result: ABANDON";
        endActivity(m.activity, ActivityStatus.Failed);
        startTermination(m, at() + "an instance was taken out of service because its launch lifecycle action was"
            + " abandoned.", false, true);
        reconcile();
      } else {
        memberState(m, LifecycleState.PENDING_PROCEED);
        goInService(m);
      }
    } else if (m.state == LifecycleState.TERMINATING_WAIT) {
      memberState(m, LifecycleState.TERMINATING_PROCEED);
      terminateEc2(m);
    }
  }

  /** Adds load balancers (AttachLoadBalancers): members in service register now, later ones on entering service. */
  void attach(List<LoadBalancerTargets> more) {
    for (LoadBalancerTargets t : more) {
      targetGroups.add(t);
      if (isSuspended(ScalingProcess.AddToLoadBalancer)) continue;
      for (Member m : members.values()) {
        if (m.state == LifecycleState.IN_SERVICE) {
          t.register(m.instanceId);
          m.registered = true;
        }
      }
    }
  }

  /**
   * Removes target groups (DetachLoadBalancerTargetGroups): members registered with them are
   * deregistered and drain; the target group is Removing until the last has drained.
   */
  void detach(List<LoadBalancerTargets> less) {
    targetGroups.removeAll(less);
    List<Member> registered = new ArrayList<>();
    for (Member m : members.values()) if (m.registered) registered.add(m);
    if (targetGroups.isEmpty()) for (Member m : registered) m.registered = false;
    for (LoadBalancerTargets t : less) {
      if (registered.isEmpty()) continue;
      removingTargetGroups.put(t.name(), registered.size());
      for (Member m : registered) {
        t.deregister(m.instanceId, () -> kernel.run(() -> {
          Integer left = removingTargetGroups.get(t.name());
          if (left == null) return; // attached again meanwhile
          if (left > 1) {
            removingTargetGroups.put(t.name(), left - 1);
          } else {
            removingTargetGroups.remove(t.name());
            record(new AutoScalingFact.TargetGroupRemoved(name, t.name()));
          }
        }));
      }
    }
  }

  private void goInService(Member m) {
    if (!targetGroups.isEmpty() && !isSuspended(ScalingProcess.AddToLoadBalancer)) {
      for (LoadBalancerTargets tg : targetGroups) tg.register(m.instanceId);
      m.registered = true;
    }
    m.inServiceAt = now();
    memberState(m, LifecycleState.IN_SERVICE);
    if (m.replacement) m.replacement = false;
    if (m.rebalanceLaunch) {
      m.rebalanceLaunch = false;
      rebalanceSurplus--;
      rebalanceTerminationsOwed++;
    }
    if (m.activity != null && !m.activity.status.isDone()) endActivity(m.activity, ActivityStatus.Successful);
    if (m.replacing != null) {
      Member old = m.replacing;
      m.replacing = null;
      old.rebalanceReplacement = null;
      if (!old.terminationStarted && members.get(old.instanceId) == old) {
        long id = record(new AutoScalingFact.AtRiskInstanceReplaced(name, old.instanceId, m.instanceId));
        kernel.runWithCause(id, () -> startTermination(old,
            at() + "an instance was taken out of service in response to an EC2 instance rebalance recommendation.", false));
      }
    }
    if (!m.instance.statusOk() && m.instance.state() == InstanceState.RUNNING) {
      impaired(m);
    } else if (m.instance.state() != InstanceState.RUNNING && m.instance.state() != InstanceState.PENDING) {
      markUnhealthy(m, "an instance was taken out of service in response to an EC2 health check that indicated it"
          + " had been terminated or stopped", false);
    }
    reconcile();
  }

  // ------------------------------------------------------------------ scale-in and termination

  /** Removes up to {@code n} capacity units, never going below desired (an instance heavier than what is left stays). */
  private void scaleIn(int n) {
    int from = countingCount();
    // select every victim first: each activity's cause names all instances selected together, as AWS's do
    List<Member> victims = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    boolean allProtected = false;
    for (int removed = 0; removed < n; ) {
      Member victim = selectVictim(n - removed);
      if (victim == null) {
        allProtected = selectVictim(Integer.MAX_VALUE) == null;
        break;
      }
      removed += victim.weight;
      victim.terminationStarted = true; // tentatively, so the next selection skips it
      syncCount(victim);
      victims.add(victim);
      if (rebalanceTerminationsOwed > 0) {
        rebalanceTerminationsOwed--;
        clauses.add(at() + "an instance was taken out of service to aid in balancing the group's zones.");
      } else {
        clauses.add(at() + "an instance was taken out of service in response to a difference between desired and actual"
            + " capacity, shrinking the capacity from " + from + " to " + (from - n) + ".");
      }
    }
    StringBuilder selected = new StringBuilder();
    for (Member v : victims) {
      v.terminationStarted = false;
      syncCount(v);
      selected.append("  ").append(at()).append("instance ").append(v.instanceId).append(" was selected for termination.");
    }
    for (int i = 0; i < victims.size(); i++) {
      String cause = (triggerClause == null ? "" : triggerClause + "  ") + clauses.get(i) + selected;
      startTermination(victims.get(i), cause, false);
    }
    if (allProtected) {
      if (protectedNoticeFor != spec.desiredCapacity()) {
        protectedNoticeFor = spec.desiredCapacity();
        Activity a = startActivity("Could not scale to desired capacity because all remaining instances are protected"
            + " from scale-in.", triggerClause == null ? at() + "a scale-in was requested." : triggerClause, null,
            ActivityStatus.Failed);
        a.statusMessage = "Could not scale to desired capacity because all remaining instances are protected from scale-in.";
        endActivity(a, ActivityStatus.Failed);
      }
      return;
    }
    protectedNoticeFor = -1;
  }

  /**
   * AZ balance first, then the termination policies, then lowest zone name, then seeded random,
   * among unprotected instances that count at most {@code maxUnits}; null when none does.
   */
  Member selectVictim(int maxUnits) {
    PurchaseOption shed = optionToShed();
    Member v = selectVictim(maxUnits, shed);
    return v != null || shed == null ? v : selectVictim(maxUnits, null);
  }

  /**
   * With Spot members, the purchase option a scale-in takes from first: the one above its share
   * of the new desired capacity (AWS's Default termination policy for mixed instances groups
   * aligns the remaining instances to the distribution first); null without Spot members.
   */
  private PurchaseOption optionToShed() {
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    if (p == null) return null;
    int onDemand = 0;
    int spot = 0;
    for (Member m : members.values()) {
      if (!m.counts() || m.terminationStarted) continue;
      if (m.purchaseOption == PurchaseOption.SPOT) spot += m.weight;
      else onDemand += m.weight;
    }
    if (spot == 0) return null;
    return onDemand > p.onDemandUnits(spec.desiredCapacity()) ? PurchaseOption.ON_DEMAND : PurchaseOption.SPOT;
  }

  private Member selectVictim(int maxUnits, PurchaseOption only) {
    Map<String, Integer> counts = new TreeMap<>();
    List<Member> candidates = new ArrayList<>();
    for (Member m : members.values()) {
      if (!m.counts() || m.terminationStarted || (only != null && m.purchaseOption != only)) continue;
      counts.merge(m.zone, 1, Integer::sum);
      if (!m.protectedFromScaleIn && m.weight <= maxUnits) candidates.add(m);
    }
    if (candidates.isEmpty()) return null;
    int most = -1;
    for (Member m : candidates) most = Math.max(most, counts.get(m.zone));
    List<AutoScalingInstance> pool = new ArrayList<>();
    for (Member m : candidates) {
      if (counts.get(m.zone) == most) pool.add(m.snapshot());
    }
    for (TerminationPolicy p : spec.terminationPolicies()) {
      if (pool.size() <= 1) break;
      List<AutoScalingInstance> s = p.select(pool, spec.launchTemplateName(), spec.launchTemplateVersion(), now());
      if (!s.isEmpty()) pool = s;
    }
    String lowestZone = null;
    for (AutoScalingInstance i : pool) {
      if (lowestZone == null || i.availabilityZone().compareTo(lowestZone) < 0) lowestZone = i.availabilityZone();
    }
    List<AutoScalingInstance> inZone = new ArrayList<>();
    for (AutoScalingInstance i : pool) if (i.availabilityZone().equals(lowestZone)) inZone.add(i);
    AutoScalingInstance chosen = inZone.size() == 1 ? inZone.get(0) : inZone.get(random.nextInt(inZone.size()));
    return members.get(chosen.instanceId());
  }

  void startTermination(Member m, String cause, boolean holdCapacityWhileDraining) {
    startTermination(m, cause, holdCapacityWhileDraining, false);
  }

  void startTermination(Member m, String cause, boolean holdCapacityWhileDraining, boolean skipHooks) {
    if (m.terminationStarted) return;
    m.terminationStarted = true;
    m.holdsCapacity = holdCapacityWhileDraining;
    if (m.replacing != null) {
      m.replacing.rebalanceReplacement = null;
      m.replacing = null;
    }
    syncCount(m);
    if (m.impairedCheck != null) m.impairedCheck.cancel();
    for (Scheduler.Task t : m.waitingHooks.values()) t.cancel();
    m.waitingHooks.clear();
    if (m.activity != null && !m.activity.status.isDone()) {
      endActivity(m.activity, ActivityStatus.Cancelled);
    }
    Activity a = startActivity("Terminating EC2 instance: " + m.instanceId, cause, m.instanceId, ActivityStatus.InProgress);
    m.activity = a;
    memberState(m, LifecycleState.TERMINATING);
    if (m.registered && !targetGroups.isEmpty()) {
      setActivityStatus(a, ActivityStatus.WaitingForELBConnectionDraining);
      int[] left = {targetGroups.size()};
      m.registered = false;
      for (LoadBalancerTargets tg : targetGroups) {
        tg.deregister(m.instanceId, () -> kernel.run(() -> {
          if (--left[0] == 0) afterDrain(m, skipHooks);
        }));
      }
    } else {
      afterDrain(m, skipHooks);
    }
  }

  private void afterDrain(Member m, boolean skipHooks) {
    if (m.state == LifecycleState.TERMINATED) return;
    boolean held = m.holdsCapacity;
    m.holdsCapacity = false;
    syncCount(m);
    List<LifecycleHookSpec> hs = skipHooks ? List.of() : hooksFor(LifecycleTransition.TERMINATING);
    if (!hs.isEmpty()) {
      memberState(m, LifecycleState.TERMINATING_WAIT);
      setActivityStatus(m.activity, ActivityStatus.MidLifecycleAction);
      waitForHooks(m, hs);
    } else {
      terminateEc2(m);
    }
    if (held) reconcile();
  }

  private void terminateEc2(Member m) {
    setActivityStatus(m.activity, ActivityStatus.InProgress);
    InstanceState s = m.instance.state();
    if (s == InstanceState.TERMINATED) {
      finishTermination(m);
    } else {
      ec2.terminateInstance(m.instanceId);
    }
  }

  void finishTermination(Member m) {
    if (m.state == LifecycleState.TERMINATED) return;
    memberState(m, LifecycleState.TERMINATED);
    members.remove(m.instanceId);
    syncCount(m);
    stateCounts[LifecycleState.TERMINATED.ordinal()]--;
    m.counted = false;
    if (m.replacement) m.replacement = false;
    if (m.rebalanceLaunch) {
      m.rebalanceLaunch = false;
      rebalanceSurplus--;
    }
    if (m.activity != null && !m.activity.status.isDone()) endActivity(m.activity, ActivityStatus.Successful);
    if (m.rebalanceOut) {
      m.rebalanceOut = false;
      rebalanceOutUnits -= m.weight;
      takeOutAtRisk();
    }
    reconcile();
  }

  // ------------------------------------------------------------------ EC2 events and health

  void ec2StateChanged(Member m, InstanceState from) {
    InstanceState s = m.instance.state();
    if (s == InstanceState.RUNNING) {
      if (m.state == LifecycleState.PENDING) instanceRunning(m);
      return;
    }
    if (s == InstanceState.TERMINATED && m.terminationStarted
        && (m.state == LifecycleState.TERMINATING || m.state == LifecycleState.TERMINATING_PROCEED)
        && !m.holdsCapacity && m.activity != null && m.activity.status == ActivityStatus.InProgress) {
      finishTermination(m);
      return;
    }
    if ((s == InstanceState.SHUTTING_DOWN || s == InstanceState.TERMINATED)
        && (m.state == LifecycleState.STANDBY || m.state == LifecycleState.ENTERING_STANDBY)) {
      // A Standby instance terminated outside Auto Scaling leaves the group. It held no capacity
      // (Standby instances are not counted), so nothing is replaced and exitStandby now refuses it.
      finishTermination(m);
      return;
    }
    if (s != InstanceState.PENDING && !m.terminationStarted && m.state != LifecycleState.STANDBY
        && m.state != LifecycleState.ENTERING_STANDBY) {
      // EC2 health check: any state other than running is unhealthy at once, even in the grace period
      markUnhealthy(m, "an instance was taken out of service in response to an EC2 health check that indicated it"
          + " had been terminated or stopped", false);
    }
  }

  void reachabilityChanged(Member m, boolean reachable) {
    if (reachable) {
      m.impairedSince = null;
      if (m.impairedCheck != null) m.impairedCheck.cancel();
      return;
    }
    if (m.instance.state() == InstanceState.RUNNING) impaired(m);
  }

  private void impaired(Member m) {
    if (m.impairedSince != null) return;
    m.impairedSince = now();
    m.impairedCheck = kernel.scheduler().after(IMPAIRED_TOLERANCE, () -> {
      if (m.impairedSince != null && !m.instance.statusOk() && m.instance.state() == InstanceState.RUNNING
          && m.state == LifecycleState.IN_SERVICE) {
        markUnhealthy(m, "an instance was taken out of service in response to an EC2 instance status check failure", true);
      }
    });
  }

  void markUnhealthy(Member m, String cause, boolean limited) {
    if (m.health == HealthStatus.UNHEALTHY || m.terminationStarted) return;
    if (isSuspended(ScalingProcess.HealthCheck) && limited) return;
    m.health = HealthStatus.UNHEALTHY;
    mayHaveUnhealthy = true;
    version++;
    m.unhealthyCause = cause;
    m.limitedUnhealthy = limited;
    record(new AutoScalingFact.InstanceMarkedUnhealthy(name, m.instanceId, cause));
    reconcile();
  }

  /** The periodic ASG check (every 60 s, a fake choice): ELB health, zone rebalancing. */
  void periodicCheck() {
    if (deleted) return;
    if (spec.healthCheckType() == HealthCheckType.ELB && !targetGroups.isEmpty()
        && !isSuspended(ScalingProcess.HealthCheck)) {
      Instant now = now();
      for (Member m : List.copyOf(members.values())) {
        if (m.state != LifecycleState.IN_SERVICE || m.health != HealthStatus.HEALTHY || m.terminationStarted
            || !m.registered) continue;
        if (m.inServiceAt.plus(spec.healthCheckGracePeriod()).isAfter(now)) continue;
        for (LoadBalancerTargets tg : targetGroups) {
          if (tg.isUnhealthy(m.instanceId)) {
            markUnhealthy(m, "an instance was taken out of service in response to an ELB system health check failure",
                true);
            break;
          }
        }
      }
    }
    replaceExpired();
    rebalance();
  }

  private void rebalance() {
    if (isSuspended(ScalingProcess.AZRebalance) || isSuspended(ScalingProcess.Launch) || rebalanceSurplus > 0) return;
    StringBuilder zs = new StringBuilder();
    for (String z : spec.availabilityZones()) zs.append(ec2.zoneState(z)).append(',');
    String zones = zs.toString();
    if (version == checkedVersion && zones.equals(checkedZones) && spec.desiredCapacity() == checkedDesired) return;
    checkedVersion = version;
    checkedZones = zones;
    checkedDesired = spec.desiredCapacity();
    for (Member m : members.values()) {
      if (m.counts() && m.state != LifecycleState.IN_SERVICE) return; // an activity is under way
      if (m.health == HealthStatus.UNHEALTHY) return;
    }
    if (countingCount() != spec.desiredCapacity()) return;
    TreeMap<String, Integer> counts = zoneCounts();
    int moves = 0;
    List<String> targets = new ArrayList<>();
    while (true) {
      String min = null;
      String max = null;
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (ec2.zoneState(e.getKey()) == ZoneState.AVAILABLE && (min == null || e.getValue() < counts.get(min))) min = e.getKey();
        if (max == null || e.getValue() > counts.get(max)) max = e.getKey();
      }
      if (min == null || counts.get(max) - counts.get(min) <= 1) break;
      counts.merge(min, 1, Integer::sum);
      counts.merge(max, -1, Integer::sum);
      targets.add(min);
      moves++;
    }
    if (moves == 0) return;
    int allowance = Math.max(spec.maxSize() - spec.desiredCapacity(), Math.max(1, spec.maxSize() / 10));
    int n = Math.min(moves, allowance);
    for (int i = 0; i < n; i++) {
      rebalanceSurplus++;
      launch(1, targets.get(i));
    }
  }

  // ------------------------------------------------------------------ activities

  private Activity startActivity(String description, String cause, String instanceId, ActivityStatus status) {
    return startActivity(description, cause, instanceId, instanceId == null || members.get(instanceId) == null ? null
        : members.get(instanceId).zone, status);
  }

  private Activity startActivity(String description, String cause, String instanceId, String zone, ActivityStatus status) {
    Activity a = new Activity(service.newActivityId(), name, description, cause, now(), instanceId, status);
    a.zone = zone;
    if (collectingCooldown && !status.isDone()) {
      a.cooldownBatch = true;
      cooldownBatchOpen++;
    }
    activities.add(a);
    a.timelineEventId = record(new AutoScalingFact.ScalingActivityStarted(name, a.activityId, description, cause, status, instanceId));
    service.activityStarted(a.snapshot());
    return a;
  }

  private void setActivityStatus(Activity a, ActivityStatus s) {
    if (a != null && !a.status.isDone()) a.status = s;
  }

  private void endActivity(Activity a, ActivityStatus s) {
    a.status = s;
    a.endTime = now();
    if (!a.description.startsWith("Launching a new EC2 instance.") && !a.description.startsWith("Could not")) {
      record(new AutoScalingFact.ScalingActivityEnded(name, a.activityId, a.description, s));
    }
    if (a.cooldownBatch) {
      a.cooldownBatch = false;
      if (--cooldownBatchOpen == 0 && pendingCooldown != null) {
        cooldownEnd = now().plus(pendingCooldown);
        pendingCooldown = null;
      }
    }
    service.activityCompleted(a.snapshot());
  }

  void memberState(Member m, LifecycleState to) {
    LifecycleState from = m.state;
    boolean countedBefore = m.counted && GroupSize.counts(from);
    m.state = to;
    syncCount(m);
    version++;
    if (countedBefore != GroupSize.counts(to)) {
      sizeByZone.merge(m.zone, countedBefore ? -1 : 1, Integer::sum);
      GroupSize last = sizeHistory.isEmpty() ? null : sizeHistory.get(sizeHistory.size() - 1);
      GroupSize now = new GroupSize(now(), sizeByZone);
      if (last != null && last.time().equals(now.time())) sizeHistory.set(sizeHistory.size() - 1, now);
      else sizeHistory.add(now);
    }
    if (m.counted) {
      stateCounts[from.ordinal()]--;
    }
    m.counted = true;
    stateCounts[to.ordinal()]++;
    if (from != to || to == LifecycleState.PENDING) {
      record(new AutoScalingFact.LifecycleStateChanged(m.instanceId, name, from, to));
    }
  }

  // ------------------------------------------------------------------ standby and user actions

  void enterStandby(Member m, boolean decrement) {
    int old = spec.desiredCapacity();
    m.standbyDecremented = decrement;
    int less = Math.max(spec.minSize(), old - m.weight);
    if (decrement) spec = withCapacity(spec.minSize(), spec.maxSize(), less);
    String cause = at() + "an instance was moved to standby in response to a user request"
        + (decrement ? ", shrinking the capacity from " + old + " to " + less : "") + ".";
    Activity a = startActivity("Moving EC2 instance to Standby: " + m.instanceId, cause, m.instanceId,
        ActivityStatus.InProgress);
    m.activity = a;
    memberState(m, LifecycleState.ENTERING_STANDBY);
    if (m.registered && !targetGroups.isEmpty()) {
      int[] left = {targetGroups.size()};
      m.registered = false;
      for (LoadBalancerTargets tg : targetGroups) {
        tg.deregister(m.instanceId, () -> kernel.run(() -> {
          if (--left[0] == 0 && m.state == LifecycleState.ENTERING_STANDBY) {
            memberState(m, LifecycleState.STANDBY);
            endActivity(a, ActivityStatus.Successful);
          }
        }));
      }
    } else {
      memberState(m, LifecycleState.STANDBY);
      endActivity(a, ActivityStatus.Successful);
    }
    reconcile();
  }

  void exitStandby(Member m) {
    int old = spec.desiredCapacity();
    boolean increment = m.standbyDecremented;
    int more = Math.min(spec.maxSize(), old + m.weight);
    if (increment) spec = withCapacity(spec.minSize(), spec.maxSize(), more);
    String cause = at() + "an instance was moved out of standby in response to a user request"
        + (increment ? ", increasing the capacity from " + old + " to " + more : "") + ".";
    Activity a = startActivity("Moving EC2 instance out of Standby: " + m.instanceId, cause, m.instanceId,
        ActivityStatus.InProgress);
    m.activity = a;
    memberState(m, LifecycleState.PENDING);
    goInService(m);
  }
}
