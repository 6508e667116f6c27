package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The instance refreshes of one group (https://docs.aws.amazon.com/autoscaling/ec2/userguide/
 * instance-refresh-overview.html): their history and the one active refresh, moved on by {@link
 * #step()} whenever the group reconciles and when a warm-up, checkpoint or wait ends.
 *
 * <p>Each step replaces old instances in batches bounded by the preferences: instances taken out
 * must leave {@code ceil(desired × MinHealthyPercentage / 100)} capacity units InService, healthy
 * and warmed up; with MaxHealthyPercentage above 100 the group launches up to {@code floor(desired
 * × MaxHealthyPercentage / 100)} (at least one more than desired) so replacements are ready before
 * old instances go. When neither bound leaves room (MinHealthyPercentage 100, MaxHealthyPercentage
 * 100, or a group too small for the rounding) one instance is replaced at a time, as AWS documents
 * for MinHealthyPercentage 100. Checkpoints cap the replacements started to what the next
 * checkpoint needs. The old instances chosen are in launch order (a twin choice). Guarded by the
 * kernel lock.
 */
final class InstanceRefreshRuntime {

  private final GroupState state;
  private final GroupRuntime group;
  private final Kernel kernel;
  private final InstanceLifecycle lifecycle;

  /** Every refresh of the group, oldest first. */
  final List<RefreshRun> history = new ArrayList<>();

  @Nullable RefreshRun active;
  private Scheduler.@Nullable Task wake;
  private boolean stepping;
  private boolean again;

  InstanceRefreshRuntime(
      GroupState state, GroupRuntime group, Kernel kernel, InstanceLifecycle lifecycle) {
    this.state = state;
    this.group = group;
    this.kernel = kernel;
    this.lifecycle = lifecycle;
  }

  /** {@return the active refresh whose phase launches its own configuration, or null} */
  @Nullable RefreshRun launching() {
    RefreshRun r = active;
    if (r == null) return null;
    return switch (r.status) {
      case PENDING, IN_PROGRESS, BAKING, ROLLBACK_IN_PROGRESS -> r;
      default -> null;
    };
  }

  /** Records the new refresh as Pending and begins it at the same instant, as the next event. */
  void start(RefreshRun run) {
    history.add(run);
    active = run;
    RefreshPreferences p = run.prefs;
    state.record(
        new AutoScalingFact.InstanceRefreshStarted(
            state.name,
            run.id,
            run.spec.launchTemplateName(),
            run.spec.launchTemplateVersion(),
            p.minHealthyPercentage(),
            p.maxHealthyPercentage()));
    kernel.scheduler().at(state.now(), () -> begin(run));
  }

  private void begin(RefreshRun run) {
    if (active != run || run.status != InstanceRefreshStatus.PENDING || group.deleted) return;
    for (Member m : state.members.values()) {
      run.forwardExisting.add(m.instanceId);
      if (replaceable(run, m) && !(run.prefs.skipMatching() && onTarget(run, m))) {
        run.pending.add(m.instanceId);
      }
    }
    run.phaseExisting.addAll(run.forwardExisting);
    run.total = run.pending.size();
    run.instancesToUpdate = run.total;
    setStatus(run, InstanceRefreshStatus.IN_PROGRESS, null);
    group.reconcile();
  }

  /** Cancels the active refresh (CancelInstanceRefresh): no new replacements start. */
  void cancel(RefreshRun run, boolean waitForTransitioning) {
    run.waitForTransitioning = waitForTransitioning;
    run.checkpointUntil = null;
    state.refreshSurplus = 0;
    setStatus(run, InstanceRefreshStatus.CANCELLING, "Cancelling the instance refresh on request.");
    group.reconcile();
  }

  /** Rolls the active refresh back (RollbackInstanceRefresh, or AutoRollback on failure). */
  void rollback(RefreshRun run, String reason) {
    run.rollback =
        new InstanceRefresh.RollbackDetails(
            reason, state.now(), run.percentageComplete, run.instancesToUpdate);
    run.checkpointUntil = null;
    run.blockedSince = null;
    run.bakeUntil = null;
    run.replaced = 0;
    run.pending.clear();
    run.phaseExisting.clear();
    setStatus(run, InstanceRefreshStatus.ROLLBACK_IN_PROGRESS, reason);
    for (Member m : state.members.values()) {
      run.phaseExisting.add(m.instanceId);
      if (replaceable(run, m) && !onTarget(run, m)) run.pending.add(m.instanceId);
    }
    group.reconcile();
  }

  /** The group is deleted: its refresh stops. */
  void groupDeleted() {
    if (wake != null) wake.cancel();
    active = null;
  }

  /** Moves the active refresh on; re-entrant calls (from the terminations it starts) fold in. */
  void step() {
    RefreshRun run = active;
    if (run == null || group.deleted) return;
    if (stepping) {
      again = true;
      return;
    }
    stepping = true;
    try {
      do {
        again = false;
        stepOnce(run);
      } while (again && active == run);
    } finally {
      stepping = false;
    }
  }

  private void stepOnce(RefreshRun run) {
    Instant now = state.now();
    switch (run.status) {
      case CANCELLING -> {
        prune(run);
        if (!run.waitForTransitioning || !transitioning(run)) {
          finish(run, InstanceRefreshStatus.CANCELLED, "The instance refresh was cancelled.");
        }
        return;
      }
      case BAKING -> {
        String alarm = run.alarmInAlarm();
        if (alarm != null) {
          fail(run, alarmReason(alarm));
        } else if (run.bakeUntil == null || !now.isBefore(run.bakeUntil)) {
          succeed(run);
        } else {
          wakeAt(run.bakeUntil);
        }
        return;
      }
      case IN_PROGRESS, ROLLBACK_IN_PROGRESS -> {}
      default -> {
        return;
      }
    }
    if (!run.rollingBack()) {
      String alarm = run.alarmInAlarm();
      if (alarm != null) {
        fail(run, alarmReason(alarm));
        return;
      }
    }
    prune(run);
    AutoScalingGroupSpec spec = group.spec;
    Duration warmup = warmup(spec, run.prefs);
    if (run.checkpointUntil != null) {
      if (now.isBefore(run.checkpointUntil)) {
        progress(run, now, warmup);
        wakeAt(run.checkpointUntil);
        return;
      }
      run.checkpointUntil = null;
      run.statusReason = null;
    }
    int desired = spec.desiredCapacity();
    int minPct = run.prefs.minHealthyPercentage();
    int maxPct = run.prefs.maxHealthyPercentage();
    int minHealthy = (desired * minPct + 99) / 100;
    int maxTotal = maxPct > 100 ? Math.max(desired + 1, desired * maxPct / 100) : desired;
    int headroom = maxTotal - desired;

    int healthy = 0;
    int warmingNew = 0;
    Instant nextWarm = null;
    String warmingExample = null;
    for (Member m : state.members.values()) {
      if (!m.counts() || m.terminationStarted) continue;
      if (ready(run, m, now, warmup)) {
        healthy += m.weight;
      } else if (!run.phaseExisting.contains(m.instanceId)) {
        warmingNew++;
        if (warmingExample == null) warmingExample = m.instanceId;
        if (m.inServiceAt != null) {
          Instant end = m.inServiceAt.plus(warmup);
          if (nextWarm == null || end.isBefore(nextWarm)) nextWarm = end;
        }
      }
    }
    List<Member> free = new ArrayList<>();
    List<Member> readyVictims = new ArrayList<>();
    List<Member> blocked = new ArrayList<>();
    for (String id : run.pending) {
      Member m = state.members.get(id);
      if (m == null) continue;
      if (standby(m)) {
        if (run.prefs.standbyInstances() == StandbyInstances.TERMINATE) free.add(m);
        else blocked.add(m);
      } else if (m.protectedFromScaleIn
          && run.prefs.scaleInProtectedInstances() == ScaleInProtectedInstances.WAIT) {
        blocked.add(m);
      } else if (ready(run, m, now, warmup)) {
        readyVictims.add(m);
      } else {
        free.add(m);
      }
    }
    List<Integer> checkpoints = run.prefs.checkpointPercentages();
    int allowed = Integer.MAX_VALUE;
    if (!run.rollingBack() && run.checkpointIndex < checkpoints.size()) {
      int need = (checkpoints.get(run.checkpointIndex) * run.total + 99) / 100;
      allowed = Math.max(0, need - run.replaced);
    }
    int inFlight = run.takenOut.size() + warmingNew;
    // a batch starts once the previous one's replacements are ready (warmed up)
    int batch = warmingNew > 0 ? 0 : allowed;
    List<Member> out = new ArrayList<>();
    for (Member m : free) if (out.size() < batch) out.add(m);
    int room = Math.max(0, healthy - minHealthy);
    for (Member m : readyVictims) {
      if (out.size() >= batch) break;
      if (room >= m.weight) {
        out.add(m);
        room -= m.weight;
      }
    }
    if (out.isEmpty() && inFlight == 0 && headroom == 0 && !readyVictims.isEmpty() && batch > 0) {
      out.add(readyVictims.get(0)); // no room either way: one at a time
    }
    int left = free.size() + readyVictims.size() - out.size();
    int surplus = Math.max(0, Math.min(headroom, Math.min(left, allowed - out.size())));
    state.refreshSurplus = surplus;
    if (!out.isEmpty()) takeOut(run, out, surplus);
    progress(run, now, warmup);
    if (left == 0
        && out.isEmpty()
        && blocked.isEmpty()
        && warmingNew == 0
        && run.takenOut.isEmpty()) {
      complete(run);
      return;
    }
    if (!run.rollingBack() && run.checkpointIndex < checkpoints.size()) {
      int cp = checkpoints.get(run.checkpointIndex);
      if (run.percentageComplete >= cp) {
        run.checkpointIndex++;
        boolean last = run.checkpointIndex == checkpoints.size();
        Duration delay = last ? Duration.ZERO : run.prefs.checkpointDelay();
        state.record(
            new AutoScalingFact.InstanceRefreshCheckpointReached(
                state.name, run.id, cp, run.percentageComplete, delay));
        if (last) {
          complete(run);
          return;
        }
        run.checkpointUntil = now.plus(delay);
        run.statusReason =
            "Checkpoint "
                + cp
                + " % reached: waiting the checkpoint delay of "
                + delay.getSeconds()
                + " seconds before continuing.";
        state.refreshSurplus = 0;
        wakeAt(run.checkpointUntil);
        return;
      }
    }
    if (left == 0 && out.isEmpty() && !blocked.isEmpty() && inFlight == 0) {
      if (run.blockedSince == null) run.blockedSince = now;
      Instant deadline = run.blockedSince.plus(RefreshPreferences.WAIT_LIMIT);
      String what = blockedReason(blocked);
      if (!now.isBefore(deadline)) {
        fail(run, "Waited one hour for " + what + "; the instance refresh could not finish.");
        return;
      }
      run.statusReason = "Waiting up to one hour for " + what + ".";
      wakeAt(deadline);
      return;
    }
    run.blockedSince = null;
    if (warmingExample != null) {
      run.statusReason =
          "Waiting for instances to warm up before continuing. For example: "
              + warmingExample
              + " is warming up.";
      if (nextWarm != null) wakeAt(nextWarm);
    } else {
      run.statusReason = null;
    }
  }

  private void takeOut(RefreshRun run, List<Member> out, int surplus) {
    List<String> ids = new ArrayList<>();
    for (Member m : out) ids.add(m.instanceId);
    long cause =
        state.record(
            new AutoScalingFact.InstanceRefreshReplacing(state.name, run.id, ids, surplus));
    kernel.runWithCause(
        cause,
        () -> {
          for (Member m : out) {
            run.pending.remove(m.instanceId);
            run.takenOut.add(m.instanceId);
            run.replaced++;
            lifecycle.startTermination(
                m,
                state.at()
                    + "an instance was taken out of service in response to an instance refresh.  "
                    + state.at()
                    + "instance "
                    + m.instanceId
                    + " was selected for termination.",
                false);
          }
        });
  }

  /**
   * Forgets instances that left, drops ones the preferences now ignore, and adds ones that joined
   * on an old configuration (a warm start from an old pool instance, say).
   */
  private void prune(RefreshRun run) {
    run.takenOut.removeIf(id -> !state.members.containsKey(id));
    for (Iterator<String> it = run.pending.iterator(); it.hasNext(); ) {
      Member m = state.members.get(it.next());
      if (m == null || m.terminationStarted || !replaceable(run, m)) {
        it.remove();
        if (!run.rollingBack()) run.total = Math.max(0, run.total - 1);
      }
    }
    if (run.status == InstanceRefreshStatus.CANCELLING) return;
    for (Member m : state.members.values()) {
      if (!run.pending.contains(m.instanceId)
          && !run.takenOut.contains(m.instanceId)
          && !onTarget(run, m)
          && replaceable(run, m)) {
        run.pending.add(m.instanceId);
        if (!run.rollingBack()) run.total++;
      }
    }
  }

  private void progress(RefreshRun run, Instant now, Duration warmup) {
    int pct;
    int toUpdate;
    if (run.rollingBack()) {
      int stillNew = 0;
      for (Member m : state.members.values()) {
        if (m.counts()
            && !m.terminationStarted
            && !run.forwardExisting.contains(m.instanceId)
            && RefreshRun.on(m, run.targetName, run.targetVersion)) stillNew++;
      }
      pct = run.total == 0 ? 0 : Math.min(100, 100 * stillNew / run.total);
      toUpdate = run.rollback == null ? 0 : run.rollback.instancesToUpdateOnRollback();
    } else {
      int readyNew = 0;
      for (Member m : state.members.values()) {
        if (!run.forwardExisting.contains(m.instanceId)
            && RefreshRun.on(m, run.targetName, run.targetVersion)
            && ready(run, m, now, warmup)) readyNew++;
      }
      toUpdate =
          Math.max(0, Math.min(run.total, Math.max(run.total - readyNew, run.pending.size())));
      pct = run.total == 0 ? 100 : 100 * (run.total - toUpdate) / run.total;
    }
    setProgress(run, pct, toUpdate);
  }

  private void setProgress(RefreshRun run, int pct, int toUpdate) {
    if (pct == run.percentageComplete && toUpdate == run.instancesToUpdate) return;
    run.percentageComplete = pct;
    run.instancesToUpdate = toUpdate;
    state.record(new AutoScalingFact.InstanceRefreshProgressed(state.name, run.id, pct, toUpdate));
  }

  private void complete(RefreshRun run) {
    if (run.rollingBack()) {
      setProgress(run, 0, run.instancesToUpdate);
      finish(run, InstanceRefreshStatus.ROLLBACK_SUCCESSFUL, null);
      return;
    }
    setProgress(run, 100, 0);
    Duration bake = run.prefs.bakeTime();
    if (bake.isZero()) {
      succeed(run);
    } else {
      run.bakeUntil = state.now().plus(bake);
      state.refreshSurplus = 0;
      setStatus(
          run,
          InstanceRefreshStatus.BAKING,
          "Waiting the bake time of " + bake.getSeconds() + " seconds.");
      wakeAt(run.bakeUntil);
    }
  }

  private void succeed(RefreshRun run) {
    if (run.spec.hasDesiredConfiguration()) {
      group.spec = group.spec.toBuilder().launchTemplate(run.targetName, run.targetVersion).build();
      state.record(
          new AutoScalingFact.LaunchTemplateUpdated(state.name, run.targetName, run.targetVersion));
    }
    finish(run, InstanceRefreshStatus.SUCCESSFUL, null);
  }

  /** The refresh failed: it rolls back when AutoRollback allows, else it ends Failed. */
  private void fail(RefreshRun run, String reason) {
    if (!run.rollingBack() && run.prefs.autoRollback() && run.irreversibleBecause() == null) {
      rollback(run, reason);
    } else {
      finish(
          run,
          run.rollingBack() ? InstanceRefreshStatus.ROLLBACK_FAILED : InstanceRefreshStatus.FAILED,
          reason);
    }
  }

  private void finish(RefreshRun run, InstanceRefreshStatus to, @Nullable String reason) {
    run.endTime = state.now();
    state.refreshSurplus = 0;
    if (wake != null) wake.cancel();
    active = null;
    setStatus(run, to, reason);
    group.reconcile();
  }

  private void setStatus(RefreshRun run, InstanceRefreshStatus to, @Nullable String reason) {
    InstanceRefreshStatus from = run.status;
    run.status = to;
    run.statusReason = reason;
    state.record(
        new AutoScalingFact.InstanceRefreshStatusChanged(state.name, run.id, from, to, reason));
  }

  private void wakeAt(Instant at) {
    Scheduler.Task w = wake;
    if (w != null && w.isPending() && !w.at().isAfter(at)) return;
    if (w != null) w.cancel();
    Instant now = state.now();
    wake = kernel.scheduler().at(at.isBefore(now) ? now : at, group::reconcile);
  }

  /** {@return whether a launch or termination of the current phase is still under way} */
  private boolean transitioning(RefreshRun run) {
    if (!run.takenOut.isEmpty()) return true;
    for (Member m : state.members.values()) {
      if (!run.phaseExisting.contains(m.instanceId)
          && m.counts()
          && m.state != LifecycleState.IN_SERVICE) return true;
    }
    return false;
  }

  /** {@return whether the refresh would replace {@code m} at all (preferences and state)} */
  private static boolean replaceable(RefreshRun run, Member m) {
    if (m.terminationStarted) return false;
    boolean standby = standby(m);
    if (!standby && !m.counts()) return false;
    if (standby && run.prefs.standbyInstances() == StandbyInstances.IGNORE) return false;
    return !(m.protectedFromScaleIn
        && run.prefs.scaleInProtectedInstances() == ScaleInProtectedInstances.IGNORE);
  }

  private static boolean onTarget(RefreshRun run, Member m) {
    return RefreshRun.on(m, run.phaseName(), run.phaseVersion());
  }

  private static boolean standby(Member m) {
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

  private static String alarmReason(String alarm) {
    return "The CloudWatch alarm " + alarm + " went into the ALARM state.";
  }

  private static String blockedReason(List<Member> blocked) {
    Member m = blocked.get(0);
    return standby(m)
        ? "instances in Standby to return to service (for example " + m.instanceId + ")"
        : "scale-in protection to be removed (for example from " + m.instanceId + ")";
  }
}
