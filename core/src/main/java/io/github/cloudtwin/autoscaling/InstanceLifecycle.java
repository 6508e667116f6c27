package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of one group's instances after launch: Pending through the launch hooks to
 * InService (registered with the traffic sources), and Terminating through draining and the
 * termination hooks to Terminated; the EC2 state changes that drive it.
 */
final class InstanceLifecycle {

  private final GroupState state;
  private final GroupContext group;
  private final Kernel kernel;
  private final Ec2 ec2;
  private final ActivityLog log;
  private final TrafficSources traffic;
  private final HealthChecks health;
  private final CapacityRebalancing capacityRebalancing;
  final LifecycleHooks hooks;

  /**
   * The group's warm pool, which takes scale-in victims back and owns its members' hooks; set by
   * the group right after both are built (each refers to the other).
   */
  @Nullable WarmPoolRuntime warmPool;

  private WarmPoolRuntime warmPool() {
    return Objects.requireNonNull(warmPool, "the group sets its warm pool when it is created");
  }

  InstanceLifecycle(
      GroupState state,
      GroupContext group,
      Kernel kernel,
      Ec2 ec2,
      ActivityLog log,
      TrafficSources traffic,
      HealthChecks health,
      CapacityRebalancing capacityRebalancing) {
    this.state = state;
    this.group = group;
    this.kernel = kernel;
    this.ec2 = ec2;
    this.log = log;
    this.traffic = traffic;
    this.health = health;
    this.capacityRebalancing = capacityRebalancing;
    this.hooks = new LifecycleHooks(state, kernel.scheduler(), this::hooksCompleted);
  }

  void ec2StateChanged(Member m, InstanceState from) {
    InstanceState s = m.instance.state();
    if (s == InstanceState.RUNNING) {
      if (m.state == LifecycleState.PENDING) instanceRunning(m);
      return;
    }
    if (s == InstanceState.TERMINATED
        && m.terminationStarted
        && (m.state == LifecycleState.TERMINATING || m.state == LifecycleState.TERMINATING_PROCEED)
        && !m.holdsCapacity
        && m.activity != null
        && m.activity.status == ActivityStatus.InProgress) {
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
    if (s != InstanceState.PENDING
        && !m.terminationStarted
        && m.state != LifecycleState.STANDBY
        && m.state != LifecycleState.ENTERING_STANDBY) {
      // EC2 health check: any state other than running is unhealthy at once, even in the grace
      // period
      health.markUnhealthy(
          m,
          "an instance was taken out of service in response to an EC2 health check that indicated it"
              + " had been terminated or stopped",
          false);
    }
  }

  void instanceRunning(Member m) {
    if (m.state != LifecycleState.PENDING) return;
    List<LifecycleHookSpec> launchHooks = hooks.hooksFor(LifecycleTransition.LAUNCHING);
    if (!launchHooks.isEmpty()) {
      state.memberState(m, LifecycleState.PENDING_WAIT);
      log.setStatus(m.activity, ActivityStatus.MidLifecycleAction);
      hooks.waitForHooks(m, launchHooks);
    } else {
      goInService(m);
    }
  }

  /**
   * The member's last lifecycle hook completed: it goes on (or, a launch abandoned, is terminated).
   */
  private void hooksCompleted(Member m) {
    if (m.state == LifecycleState.PENDING_WAIT) {
      if (m.hookOutcome == LifecycleActionResult.ABANDON) {
        Activity launch =
            Objects.requireNonNull(m.activity, "a launch waiting on its hooks has its activity");
        launch.statusMessage =
            "Instance failed to complete user's Lifecycle Action: Lifecycle Action was abandoned"
                + " with Lifecycle Action Result: ABANDON";
        log.end(launch, ActivityStatus.Failed);
        startTermination(
            m,
            state.at()
                + "an instance was taken out of service because its launch lifecycle action was"
                + " abandoned.",
            false,
            true);
        group.reconcile();
      } else {
        state.memberState(m, LifecycleState.PENDING_PROCEED);
        goInService(m);
      }
    } else if (m.state == LifecycleState.TERMINATING_WAIT) {
      state.memberState(m, LifecycleState.TERMINATING_PROCEED);
      terminateEc2(m);
    } else if (m.state.isWarmed()) {
      warmPool().hooksCompleted(m);
    }
  }

  void goInService(Member m) {
    traffic.registerEnteringService(m);
    m.inServiceAt = state.now();
    state.memberState(m, LifecycleState.IN_SERVICE);
    if (m.replacement) m.replacement = false;
    if (m.rebalanceLaunch) {
      m.rebalanceLaunch = false;
      state.rebalanceSurplus--;
      state.rebalanceTerminationsOwed++;
    }
    if (m.activity != null && !m.activity.status.isDone())
      log.end(m.activity, ActivityStatus.Successful);
    if (m.replacing != null) {
      Member old = m.replacing;
      m.replacing = null;
      old.rebalanceReplacement = null;
      if (!old.terminationStarted && state.members.get(old.instanceId) == old) {
        long id =
            state.record(
                new AutoScalingFact.AtRiskInstanceReplaced(
                    state.name, old.instanceId, m.instanceId));
        kernel.runWithCause(
            id,
            () ->
                startTermination(
                    old,
                    state.at()
                        + "an instance was taken out of service in response to an EC2 instance rebalance recommendation.",
                    false));
      }
    }
    if (!m.instance.statusOk() && m.instance.state() == InstanceState.RUNNING) {
      health.impaired(m);
    } else if (m.instance.state() != InstanceState.RUNNING
        && m.instance.state() != InstanceState.PENDING) {
      health.markUnhealthy(
          m,
          "an instance was taken out of service in response to an EC2 health check that indicated it"
              + " had been terminated or stopped",
          false);
    }
    group.reconcile();
  }

  void startTermination(Member m, String cause, boolean holdCapacityWhileDraining) {
    startTermination(m, cause, holdCapacityWhileDraining, false);
  }

  void startTermination(
      Member m, String cause, boolean holdCapacityWhileDraining, boolean skipHooks) {
    if (m.terminationStarted) return;
    m.terminationStarted = true;
    m.holdsCapacity = holdCapacityWhileDraining;
    if (m.replacing != null) {
      m.replacing.rebalanceReplacement = null;
      m.replacing = null;
    }
    state.syncCount(m);
    if (m.impairedCheck != null) m.impairedCheck.cancel();
    hooks.cancelWaits(m);
    if (m.activity != null && !m.activity.status.isDone()) {
      log.end(m.activity, ActivityStatus.Cancelled);
    }
    Activity a =
        log.start(
            (m.returningToPool
                    ? "Moving EC2 instance to warm pool: "
                    : "Terminating EC2 instance: ")
                + m.instanceId,
            cause,
            m.instanceId,
            ActivityStatus.InProgress);
    m.activity = a;
    state.memberState(m, LifecycleState.TERMINATING);
    if (traffic.registered(m)) {
      log.setStatus(a, ActivityStatus.WaitingForELBConnectionDraining);
      traffic.deregister(m, () -> afterDrain(m, skipHooks));
    } else {
      afterDrain(m, skipHooks);
    }
  }

  private void afterDrain(Member m, boolean skipHooks) {
    if (m.state == LifecycleState.TERMINATED) return;
    boolean held = m.holdsCapacity;
    m.holdsCapacity = false;
    state.syncCount(m);
    if (m.returningToPool) {
      m.returningToPool = false;
      WarmPoolRuntime pool = warmPool();
      if (pool.reusesOnScaleIn()) { // the pool may have been deleted while it drained
        pool.acceptReturned(m);
        return;
      }
    }
    List<LifecycleHookSpec> hs =
        skipHooks ? List.of() : hooks.hooksFor(LifecycleTransition.TERMINATING);
    if (!hs.isEmpty()) {
      state.memberState(m, LifecycleState.TERMINATING_WAIT);
      log.setStatus(m.activity, ActivityStatus.MidLifecycleAction);
      hooks.waitForHooks(m, hs);
    } else {
      terminateEc2(m);
    }
    if (held) group.reconcile();
  }

  private void terminateEc2(Member m) {
    log.setStatus(m.activity, ActivityStatus.InProgress);
    InstanceState s = m.instance.state();
    if (s == InstanceState.TERMINATED) {
      finishTermination(m);
    } else {
      ec2.terminateInstance(m.instanceId);
    }
  }

  void finishTermination(Member m) {
    if (m.state == LifecycleState.TERMINATED) return;
    state.memberState(m, LifecycleState.TERMINATED);
    state.members.remove(m.instanceId);
    state.syncCount(m);
    state.stateCounts[LifecycleState.TERMINATED.ordinal()]--;
    m.counted = false;
    if (m.replacement) m.replacement = false;
    if (m.rebalanceLaunch) {
      m.rebalanceLaunch = false;
      state.rebalanceSurplus--;
    }
    if (m.activity != null && !m.activity.status.isDone())
      log.end(m.activity, ActivityStatus.Successful);
    if (m.rebalanceOut) {
      m.rebalanceOut = false;
      state.rebalanceOutUnits -= m.weight;
      capacityRebalancing.takeOutAtRisk();
    }
    group.reconcile();
  }
}
