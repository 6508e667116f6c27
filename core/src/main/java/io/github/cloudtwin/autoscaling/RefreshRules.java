package io.github.cloudtwin.autoscaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of an instance refresh that read a group's members without changing the group: which
 * instances it replaces, when one is ready (InService, healthy, warmed up), the progress figures,
 * and the order old instances are taken out in. Used by {@link InstanceRefreshRuntime}.
 */
final class RefreshRules {

  private RefreshRules() {}

  /**
   * Removes and returns the candidate in the zone with the most instances (the first in launch
   * order among equals), counting it out of that zone: replacements keep the zones balanced.
   */
  static Member takeBalanced(List<Member> candidates, TreeMap<String, Integer> zones) {
    Member best = candidates.get(0);
    for (Member m : candidates) {
      if (zones.getOrDefault(m.zone, 0) > zones.getOrDefault(best.zone, 0)) best = m;
    }
    candidates.remove(best);
    zones.merge(best.zone, -1, Integer::sum);
    return best;
  }

  /**
   * Forgets instances that left, drops ones the preferences now ignore, and adds ones that joined
   * on an old configuration (a warm start from an old pool instance, say).
   */
  static void prune(RefreshRun run, Map<String, Member> members) {
    run.takenOut.removeIf(id -> !members.containsKey(id));
    for (Iterator<String> it = run.pending.iterator(); it.hasNext(); ) {
      String id = it.next();
      Member m = members.get(id);
      if (m == null || m.terminationStarted || !replaceable(run, m)) {
        it.remove();
        if (!run.rollingBack()) run.countOut(id);
      }
    }
    if (run.status == InstanceRefreshStatus.CANCELLING) return;
    for (Member m : members.values()) {
      if (!run.pending.contains(m.instanceId)
          && !run.takenOut.contains(m.instanceId)
          && !onTarget(run, m)
          && replaceable(run, m)) {
        run.pending.add(m.instanceId);
        if (!run.rollingBack()) run.countIn(m);
      }
    }
  }

  /**
   * {@return PercentageComplete and InstancesToUpdate of {@code run} now; with weights the capacity
   * units of the ready replacements count, as a share of the units to replace}
   */
  static int[] progress(RefreshRun run, Map<String, Member> members, Instant now, Duration warmup) {
    int pct;
    int toUpdate;
    if (run.rollingBack()) {
      long stillNew = 0;
      for (Member m : members.values()) {
        if (m.counts()
            && !m.terminationStarted
            && !run.forwardExisting.contains(m.instanceId)
            && run.onTargetConfiguration(m)) stillNew += m.weight;
      }
      pct = run.totalUnits == 0 ? 0 : (int) Math.min(100, 100 * stillNew / run.totalUnits);
      toUpdate = run.rollback == null ? 0 : run.rollback.instancesToUpdateOnRollback();
    } else {
      long readyUnits = 0;
      for (Member m : members.values()) {
        if (!run.forwardExisting.contains(m.instanceId)
            && run.onTargetConfiguration(m)
            && ready(run, m, now, warmup)) readyUnits += m.weight;
      }
      int readyNew =
          run.totalUnits == 0
              ? 0
              : (int) (Math.min(readyUnits, run.totalUnits) * run.total / run.totalUnits);
      toUpdate =
          Math.max(0, Math.min(run.total, Math.max(run.total - readyNew, run.pending.size())));
      pct = run.total == 0 ? 100 : 100 * (run.total - toUpdate) / run.total;
      if (pct < run.percentageComplete) { // an updated instance left (AZRebalance, say): no dip
        pct = run.percentageComplete;
        toUpdate = run.instancesToUpdate;
      }
    }
    return new int[] {pct, toUpdate};
  }

  /** {@return whether a launch or termination of the current phase is still under way} */
  static boolean transitioning(RefreshRun run, Map<String, Member> members) {
    if (!run.takenOut.isEmpty()) return true;
    for (Member m : members.values()) {
      if (!run.phaseExisting.contains(m.instanceId)
          && m.counts()
          && m.state != LifecycleState.IN_SERVICE) return true;
    }
    return false;
  }

  /** {@return whether the refresh would replace {@code m} at all (preferences and state)} */
  static boolean replaceable(RefreshRun run, Member m) {
    if (m.terminationStarted) return false;
    boolean standby = standby(m);
    if (!standby && !m.counts()) return false;
    if (standby && run.prefs.standbyInstances() == StandbyInstances.IGNORE) return false;
    return !(m.protectedFromScaleIn
        && run.prefs.scaleInProtectedInstances() == ScaleInProtectedInstances.IGNORE);
  }

  static boolean onTarget(RefreshRun run, Member m) {
    return run.on(m, run.phaseName(), run.phaseVersion(), run.phasePolicy());
  }

  static boolean standby(Member m) {
    return m.state == LifecycleState.STANDBY || m.state == LifecycleState.ENTERING_STANDBY;
  }

  /**
   * {@return whether {@code m} is InService and healthy and, if it launched during the current
   * phase, past its warm-up at {@code now}}
   */
  static boolean ready(RefreshRun run, Member m, Instant now, Duration warmup) {
    return m.state == LifecycleState.IN_SERVICE
        && m.counts()
        && !m.terminationStarted
        && m.health == HealthStatus.HEALTHY
        && m.inServiceAt != null
        && (run.phaseExisting.contains(m.instanceId) || !m.inServiceAt.plus(warmup).isAfter(now));
  }

  /**
   * {@return the refresh's warm-up: InstanceWarmup, else the group's DefaultInstanceWarmup, else
   * its HealthCheckGracePeriod}
   */
  static Duration warmup(AutoScalingGroupSpec spec, RefreshPreferences prefs) {
    if (prefs.instanceWarmup() != null) return prefs.instanceWarmup();
    if (spec.defaultInstanceWarmup() != null) return spec.defaultInstanceWarmup();
    return spec.healthCheckGracePeriod();
  }

  static String alarmReason(String alarm) {
    return "The CloudWatch alarm " + alarm + " went into the ALARM state.";
  }

  static String blockedReason(List<Member> blocked) {
    Member m = blocked.get(0);
    return standby(m)
        ? "instances in Standby to return to service (for example " + m.instanceId + ")"
        : "scale-in protection to be removed (for example from " + m.instanceId + ")";
  }
}
