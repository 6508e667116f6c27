package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.InsufficientInstanceCapacityException;
import io.github.cloudtwin.facts.AutoScalingFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The warm pool of one group (Warm pools for Amazon EC2 Auto Scaling,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html): its
 * configuration and instances, kept at the pool size by launching into it (Warmed:Pending, the
 * launch hooks in Warmed:Pending:Wait, then stopped, hibernated or kept running) and terminating
 * its surplus; warm starts that move ready instances into the group on scale-out; and scale-in
 * victims returned to it under ReuseOnScaleIn. Pool instances are outside the group's capacity,
 * state counts and traffic sources. Single-threaded under the kernel lock.
 */
final class WarmPoolRuntime {

  private final GroupState state;
  private final GroupContext group;
  private final Ec2 ec2;
  private final ActivityLog log;
  private final LifecycleHooks hooks;
  private final InstanceLifecycle lifecycle;
  private final WarmPoolLauncher launcher;

  /** The configuration in force, or null when the group has no warm pool. */
  @Nullable WarmPoolSpec spec;

  /** DeleteWarmPool asked for: the pool is PendingDelete until its instances are gone. */
  boolean pendingDelete;

  /** The pool's instances, in launch order. */
  final Map<String, Member> pool = new LinkedHashMap<>();

  WarmPoolRuntime(
      GroupState state,
      GroupContext group,
      Ec2 ec2,
      ActivityLog log,
      LifecycleHooks hooks,
      InstanceLifecycle lifecycle) {
    this.state = state;
    this.group = group;
    this.ec2 = ec2;
    this.log = log;
    this.hooks = hooks;
    this.lifecycle = lifecycle;
    this.launcher = new WarmPoolLauncher(state, group, ec2, log);
  }

  /** {@return the size the pool is kept at now; 0 without a pool or while it is deleted} */
  int poolSize() {
    WarmPoolSpec s = spec;
    if (s == null || pendingDelete) return 0;
    return s.poolSize(group.spec().maxSize(), group.spec().desiredCapacity());
  }

  /** {@return whether scale-in returns instances to the pool (ReuseOnScaleIn)} */
  boolean reusesOnScaleIn() {
    WarmPoolSpec s = spec;
    return s != null && s.reuseOnScaleIn() && !pendingDelete;
  }

  // ------------------------------------------------------------------ size

  /**
   * Keeps the pool at its size: launches into it when short (unless Launch is suspended),
   * terminates the surplus when over (unless Terminate is suspended), newest instances first.
   */
  void maintain() {
    if (spec == null || group.deleted()) return;
    int live = 0;
    for (Member m : pool.values()) if (!terminating(m)) live++;
    for (Member m : state.members.values()) if (m.returningToPool) live++;
    int target = poolSize();
    if (live < target && !group.isSuspended(ScalingProcess.Launch)) {
      boolean collecting = log.collectingCooldown();
      log.collectCooldown(false); // pool launches are not part of a scaling activity's batch
      try {
        for (int i = live; i < target; i++) if (!launchIntoPool()) break;
      } finally {
        log.collectCooldown(collecting);
      }
    } else if (live > target && !group.isSuspended(ScalingProcess.Terminate)) {
      List<Member> newestFirst = new ArrayList<>(pool.values());
      java.util.Collections.reverse(newestFirst);
      int surplus = live - target;
      for (Member m : newestFirst) {
        if (surplus == 0) break;
        if (terminating(m)) continue;
        terminate(
            m,
            state.at()
                + "an instance was taken out of the warm pool in response to a difference between"
                + " the warm pool size and its instances.");
        surplus--;
      }
    }
    if (pendingDelete && pool.isEmpty()) finishDelete();
  }

  static boolean terminating(Member m) {
    return m.state == LifecycleState.WARMED_TERMINATING
        || m.state == LifecycleState.WARMED_TERMINATING_WAIT
        || m.state == LifecycleState.WARMED_TERMINATING_PROCEED
        || m.state == LifecycleState.WARMED_TERMINATED;
  }

  /** Launches one instance into the pool; false when no zone could take it (retried later). */
  private boolean launchIntoPool() {
    Member m = launcher.launch(pool.values());
    if (m == null) return false;
    pool.put(m.instanceId, m);
    m.state = LifecycleState.WARMED_PENDING;
    poolState(m, LifecycleState.WARMED_PENDING);
    if (m.instance.state() == InstanceState.RUNNING) running(m);
    return true;
  }

  /** Moves a pool member to {@code to}, recorded; the group's counters are not touched. */
  private void poolState(Member m, LifecycleState to) {
    LifecycleState from = m.state;
    m.state = to;
    state.version++;
    state.record(new AutoScalingFact.LifecycleStateChanged(m.instanceId, state.name, from, to));
  }

  // ------------------------------------------------------------------ warming

  /** EC2 changed the state of a pool member. */
  void ec2StateChanged(Member m) {
    InstanceState s = m.instance.state();
    if (terminating(m)) {
      if (s == InstanceState.TERMINATED) finishTermination(m);
      return;
    }
    if (s == InstanceState.SHUTTING_DOWN
        || s == InstanceState.TERMINATED
        || (s == InstanceState.STOPPING && m.state == LifecycleState.WARMED_RUNNING)) {
      terminate(
          m,
          state.at()
              + "an instance was taken out of service in response to an EC2 health check that"
              + " indicated it had been terminated or stopped.");
      group.reconcile();
      return;
    }
    if (s == InstanceState.RUNNING && m.state == LifecycleState.WARMED_PENDING) running(m);
    else if (s == InstanceState.STOPPED && !ready(m)) warmed(m);
  }

  /** {@return whether the member waits in the pool's state, ready to leave it} */
  boolean ready(Member m) {
    WarmPoolSpec s = spec;
    return s != null && m.state == s.poolState().lifecycleState();
  }

  /**
   * Running in Warmed:Pending: waits for the hooks (the launch hooks for a new instance, the
   * termination hooks for one returned on scale-in), else goes on to the pool state.
   */
  private void running(Member m) {
    List<LifecycleHookSpec> hs =
        hooks.hooksFor(
            m.returnedToPool ? LifecycleTransition.TERMINATING : LifecycleTransition.LAUNCHING);
    if (!hs.isEmpty()) {
      poolState(m, LifecycleState.WARMED_PENDING_WAIT);
      log.setStatus(m.activity, ActivityStatus.MidLifecycleAction);
      hooks.waitForHooks(m, hs);
    } else {
      toPoolState(m);
    }
  }

  /** The member's last hook completed: on to the pool state, or (abandoned) terminated. */
  void hooksCompleted(Member m) {
    if (m.state == LifecycleState.WARMED_PENDING_WAIT) {
      if (m.hookOutcome == LifecycleActionResult.ABANDON && !m.returnedToPool) {
        terminate(
            m,
            state.at()
                + "an instance was taken out of the warm pool because its launch lifecycle action"
                + " was abandoned.");
        maintain();
      } else {
        poolState(m, LifecycleState.WARMED_PENDING_PROCEED);
        toPoolState(m);
      }
    } else if (m.state == LifecycleState.WARMED_TERMINATING_WAIT) {
      poolState(m, LifecycleState.WARMED_TERMINATING_PROCEED);
      terminateEc2(m);
    }
  }

  /** Running: ready at once; Stopped or Hibernated: stopped in EC2 first. */
  private void toPoolState(Member m) {
    WarmPoolSpec s = spec;
    if (s == null) return;
    log.setStatus(m.activity, ActivityStatus.InProgress);
    if (s.poolState() == WarmPoolState.RUNNING) {
      warmed(m);
    } else if (m.instance.state() == InstanceState.STOPPED) {
      warmed(m);
    } else {
      ec2.stopInstance(m.instanceId); // Warmed:Stopped (or :Hibernated) once EC2 reports stopped
    }
  }

  private void warmed(Member m) {
    WarmPoolSpec s = spec;
    if (s == null) return;
    poolState(m, s.poolState().lifecycleState());
    m.returnedToPool = false;
    if (m.activity != null && !m.activity.status.isDone())
      log.end(m.activity, ActivityStatus.Successful);
    group.reconcile(); // a scale-out that found no ready instance may take this one
  }

  // ------------------------------------------------------------------ leaving and terminating

  /**
   * Warm starts: moves up to {@code units} ready pool instances into the group, each from the zone
   * where the group has the fewest instances (ties: lowest zone name), oldest first.
   *
   * @return the capacity units moved
   */
  int warmStart(int units, String cause) {
    if (spec == null || pendingDelete) return 0;
    int moved = 0;
    while (moved < units) {
      Member m = nextReady();
      if (m == null) break;
      try {
        if (m.instance.state() == InstanceState.STOPPED)
          ec2.startInstance(m.instanceId, spec.restartTime());
      } catch (InsufficientInstanceCapacityException e) {
        m.warmStartRefused = true; // its zone has no capacity now: leave it in the pool
        continue;
      }
      LifecycleState from = m.state;
      pool.remove(m.instanceId);
      state.record(new AutoScalingFact.InstanceLeftWarmPool(state.name, m.instanceId, from));
      if (state.replacementsOwed > 0) {
        state.replacementsOwed--;
        m.replacement = true;
      }
      state.members.put(m.instanceId, m);
      m.activity =
          log.start(
              "Launching a new EC2 instance from warm pool: " + m.instanceId,
              cause,
              m.instanceId,
              ActivityStatus.PreInService);
      state.memberState(m, LifecycleState.PENDING);
      moved += m.weight;
      if (m.instance.state() == InstanceState.RUNNING) lifecycle.instanceRunning(m);
    }
    for (Member m : pool.values()) m.warmStartRefused = false;
    return moved;
  }

  private @Nullable Member nextReady() {
    List<String> enabled = group.spec().availabilityZones();
    Map<String, Integer> counts = state.zoneCounts(enabled);
    Member best = null;
    for (Member m : pool.values()) {
      if (!ready(m) || m.warmStartRefused || !counts.containsKey(m.zone)) continue;
      if (best == null) {
        best = m;
        continue;
      }
      int c = Integer.compare(counts.getOrDefault(m.zone, 0), counts.getOrDefault(best.zone, 0));
      if (c < 0 || (c == 0 && m.zone.compareTo(best.zone) < 0)) best = m;
    }
    return best;
  }

  /**
   * A scale-in victim under ReuseOnScaleIn has drained: it leaves the group's bookkeeping and
   * returns to the pool in Warmed:Pending, where the termination hooks apply.
   */
  void acceptReturned(Member m) {
    state.memberState(m, LifecycleState.WARMED_PENDING);
    state.members.remove(m.instanceId);
    state.syncCount(m);
    state.stateCounts[LifecycleState.WARMED_PENDING.ordinal()]--;
    m.counted = false;
    m.returnedToPool = true;
    m.terminationStarted = false;
    m.registered = false;
    m.inServiceAt = null;
    m.health = HealthStatus.HEALTHY;
    pool.put(m.instanceId, m);
    state.record(new AutoScalingFact.InstanceReturnedToWarmPool(state.name, m.instanceId));
    if (m.instance.state() == InstanceState.RUNNING) running(m);
    else toPoolState(m);
    group.reconcile();
  }

  /** Warmed:Terminating, the termination hooks (Warmed:Terminating:Wait), then EC2 terminates. */
  private void terminate(Member m, String cause) {
    hooks.cancelWaits(m);
    if (m.activity != null && !m.activity.status.isDone())
      log.end(m.activity, ActivityStatus.Cancelled);
    m.activity =
        log.start(
            "Terminating EC2 instance: " + m.instanceId,
            cause,
            m.instanceId,
            m.zone,
            ActivityStatus.InProgress);
    poolState(m, LifecycleState.WARMED_TERMINATING);
    List<LifecycleHookSpec> hs = hooks.hooksFor(LifecycleTransition.TERMINATING);
    InstanceState s = m.instance.state();
    if (!hs.isEmpty() && s != InstanceState.TERMINATED && s != InstanceState.SHUTTING_DOWN) {
      poolState(m, LifecycleState.WARMED_TERMINATING_WAIT);
      log.setStatus(m.activity, ActivityStatus.MidLifecycleAction);
      hooks.waitForHooks(m, hs);
    } else {
      terminateEc2(m);
    }
  }

  private void terminateEc2(Member m) {
    if (m.instance.state() == InstanceState.TERMINATED) finishTermination(m);
    else ec2.terminateInstance(m.instanceId);
  }

  private void finishTermination(Member m) {
    if (m.state == LifecycleState.WARMED_TERMINATED) return;
    poolState(m, LifecycleState.WARMED_TERMINATED);
    pool.remove(m.instanceId);
    if (m.activity != null && !m.activity.status.isDone())
      log.end(m.activity, ActivityStatus.Successful);
    maintain();
  }

  // ------------------------------------------------------------------ configuration

  /** Creates or replaces the configuration (PutWarmPool), then sizes the pool. */
  void put(WarmPoolSpec s) {
    spec = s;
    state.record(
        new AutoScalingFact.WarmPoolPut(
            state.name,
            s.minSize(),
            s.maxGroupPreparedCapacity(),
            s.poolState(),
            s.reuseOnScaleIn(),
            poolSize()));
    maintain();
  }

  /**
   * DeleteWarmPool: PendingDelete while every pool instance terminates (with termination hooks);
   * with {@code force}, the hooks are skipped and the pool is gone at once.
   */
  void delete(boolean force) {
    pendingDelete = true;
    state.record(new AutoScalingFact.WarmPoolDeleteRequested(state.name, force, liveCount()));
    for (Member m : List.copyOf(pool.values())) {
      if (force) {
        hooks.cancelWaits(m);
        if (m.activity != null && !m.activity.status.isDone())
          log.end(m.activity, ActivityStatus.Cancelled);
        ec2.terminateInstance(m.instanceId);
      } else if (!terminating(m)) {
        terminate(
            m,
            state.at()
                + "an instance was taken out of the warm pool because the warm pool was deleted.");
      }
    }
    if (force) pool.clear();
    if (pool.isEmpty()) finishDelete();
  }

  private int liveCount() {
    int n = 0;
    for (Member m : pool.values()) if (!terminating(m)) n++;
    return n;
  }

  private void finishDelete() {
    spec = null;
    pendingDelete = false;
    state.record(new AutoScalingFact.WarmPoolDeleted(state.name));
  }

  /** The group is deleted: every pool instance is terminated at once. */
  void groupDeleted() {
    for (Member m : List.copyOf(pool.values())) {
      hooks.cancelWaits(m);
      ec2.terminateInstance(m.instanceId);
    }
    pool.clear();
    spec = null;
  }

  /** {@return the pool as DescribeWarmPool shows it, or null without a pool} */
  @Nullable WarmPool describe() {
    WarmPoolSpec s = spec;
    if (s == null) return null;
    List<AutoScalingInstance> instances = new ArrayList<>();
    for (Member m : pool.values()) instances.add(m.snapshot());
    return new WarmPool(s, pendingDelete ? WarmPool.PENDING_DELETE : null, poolSize(), instances);
  }
}
