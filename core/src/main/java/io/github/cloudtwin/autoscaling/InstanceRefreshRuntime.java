package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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
            run.spec.mixedInstancesPolicy() == null
                ? List.of()
                : run.phaseSpec(run.group.spec()).instanceTypes(),
            p.minHealthyPercentage(),
            p.maxHealthyPercentage()));
    kernel.scheduler().at(state.now(), () -> begin(run));
  }

  private void begin(RefreshRun run) {
    if (active != run || run.status != InstanceRefreshStatus.PENDING || group.deleted) return;
    for (Member m : state.members.values()) {
      run.forwardExisting.add(m.instanceId);
      if (RefreshRules.replaceable(run, m)
          && !(run.prefs.skipMatching() && RefreshRules.onTarget(run, m))) {
        run.pending.add(m.instanceId);
        run.countIn(m);
      }
    }
    run.phaseExisting.addAll(run.forwardExisting);
    setStatus(run, InstanceRefreshStatus.IN_PROGRESS, null);
    setProgress(run, 0, run.total);
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
      if (RefreshRules.replaceable(run, m) && !RefreshRules.onTarget(run, m))
        run.pending.add(m.instanceId);
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
        RefreshRules.prune(run, state.members);
        if (!run.waitForTransitioning || !RefreshRules.transitioning(run, state.members)) {
          finish(run, InstanceRefreshStatus.CANCELLED, "The instance refresh was cancelled.");
        }
        return;
      }
      case BAKING -> {
        String alarm = run.alarmInAlarm();
        if (alarm != null) {
          fail(run, RefreshRules.alarmReason(alarm));
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
        fail(run, RefreshRules.alarmReason(alarm));
        return;
      }
    }
    RefreshRules.prune(run, state.members);
    AutoScalingGroupSpec spec = group.spec;
    Duration warmup = RefreshRules.warmup(spec, run.prefs);
    if (run.checkpointUntil != null) {
      if (now.isBefore(run.checkpointUntil)) {
        setProgress(run, RefreshRules.progress(run, state.members, now, warmup));
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
      if (RefreshRules.ready(run, m, now, warmup)) {
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
      if (RefreshRules.standby(m)) {
        if (run.prefs.standbyInstances() == StandbyInstances.TERMINATE) free.add(m);
        else blocked.add(m);
      } else if (m.protectedFromScaleIn
          && run.prefs.scaleInProtectedInstances() == ScaleInProtectedInstances.WAIT) {
        blocked.add(m);
      } else if (RefreshRules.ready(run, m, now, warmup)) {
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
    TreeMap<String, Integer> zones = state.zoneCounts(spec.availabilityZones());
    List<Member> candidates = new ArrayList<>(free);
    while (out.size() < batch && !candidates.isEmpty())
      out.add(RefreshRules.takeBalanced(candidates, zones));
    int room = Math.max(0, healthy - minHealthy);
    candidates = new ArrayList<>(readyVictims);
    while (out.size() < batch && !candidates.isEmpty()) {
      Member m = RefreshRules.takeBalanced(candidates, zones);
      if (room < m.weight) continue;
      out.add(m);
      room -= m.weight;
    }
    if (out.isEmpty() && inFlight == 0 && headroom == 0 && !readyVictims.isEmpty() && batch > 0) {
      out.add(
          RefreshRules.takeBalanced(
              new ArrayList<>(readyVictims), zones)); // no room: one at a time
    }
    int left = free.size() + readyVictims.size() - out.size();
    int surplus = Math.max(0, Math.min(headroom, Math.min(left, allowed - out.size())));
    state.refreshSurplus = surplus;
    if (!out.isEmpty()) takeOut(run, out, surplus);
    setProgress(run, RefreshRules.progress(run, state.members, now, warmup));
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
      String what = RefreshRules.blockedReason(blocked);
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

  private void setProgress(RefreshRun run, int[] progress) {
    setProgress(run, progress[0], progress[1]);
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
      Launch target = group.resolve(run.targetName, run.targetVersion);
      group.spec =
          group.spec.toBuilder()
              .launchTemplate(run.targetName, run.targetVersion)
              .instanceType(target.instanceType())
              .mixedInstancesPolicy(run.targetPolicy)
              .build();
      state.record(
          new AutoScalingFact.LaunchTemplateUpdated(state.name, run.targetName, run.targetVersion));
      if (run.spec.mixedInstancesPolicy() != null) {
        state.record(
            new AutoScalingFact.GroupSettingsUpdated(state.name, List.of("MixedInstancesPolicy")));
      }
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
}
