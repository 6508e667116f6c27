package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Which instances of one group leave, and why: scale-in victims (zone balance, the purchase option
 * over its share, the termination policies, lowest zone, seeded random; protected instances stay),
 * Unhealthy instances replaced in batches of 10 % of desired capacity, and instances past the
 * MaxInstanceLifetime, one at a time.
 */
final class TerminationSelection {

  private final GroupState state;
  private final GroupContext group;
  private final Kernel kernel;
  private final ActivityLog log;
  private final TrafficSources traffic;
  private final PurchaseOptions purchaseOptions;
  private final InstanceLifecycle lifecycle;
  private final SplittableRandom random;

  /** Whether scale-in victims return to the warm pool (ReuseOnScaleIn); set by the group. */
  java.util.function.BooleanSupplier reuseOnScaleIn = () -> false;

  /** The desired capacity the last "all instances protected" activity was recorded for, or -1. */
  private int protectedNoticeFor = -1;

  TerminationSelection(
      GroupState state,
      GroupContext group,
      Kernel kernel,
      ActivityLog log,
      TrafficSources traffic,
      PurchaseOptions purchaseOptions,
      InstanceLifecycle lifecycle,
      SplittableRandom random) {
    this.state = state;
    this.group = group;
    this.kernel = kernel;
    this.log = log;
    this.traffic = traffic;
    this.purchaseOptions = purchaseOptions;
    this.lifecycle = lifecycle;
    this.random = random;
  }

  /**
   * Starts terminating the Unhealthy members, those limited by the batch of 10 % of desired
   * capacity.
   */
  void replaceUnhealthy() {
    if (!state.mayHaveUnhealthy || group.isSuspended(ScalingProcess.ReplaceUnhealthy)) return;
    boolean anyUnhealthy = false;
    for (Member m : state.members.values()) {
      if (m.health == HealthStatus.UNHEALTHY) {
        anyUnhealthy = true;
        break;
      }
    }
    if (!anyUnhealthy) {
      state.mayHaveUnhealthy = false;
      return;
    }
    int batch = Math.max(1, group.spec().desiredCapacity() / 10);
    int inFlight = state.replacementsOwed;
    for (Member m : state.members.values()) {
      if (m.replacement || (m.terminationStarted && m.limitedUnhealthy && m.holdsCapacity))
        inFlight++;
    }
    for (Member m : List.copyOf(state.members.values())) {
      if (m.health != HealthStatus.UNHEALTHY
          || m.terminationStarted
          || (!m.counts() && !m.rebalanceOut)) continue;
      if (m.limitedUnhealthy) {
        if (inFlight >= batch) continue;
        inFlight++;
        state.replacementsOwed++;
      }
      lifecycle.startTermination(
          m,
          state.at() + m.unhealthyCause + ".",
          m.limitedUnhealthy && !m.rebalanceOut && !traffic.isEmpty() && m.registered);
    }
  }

  /**
   * Replaces the oldest InService instance past the group's MaxInstanceLifetime, one at a time: the
   * next only once the previous one has left and the group is back at desired capacity with every
   * instance InService (checked every minute). Protected and Standby instances are skipped.
   */
  void replaceExpired() {
    Duration life = group.spec().effectiveMaxInstanceLifetime();
    if (life == null
        || group.isSuspended(ScalingProcess.Terminate)
        || group.isSuspended(ScalingProcess.Launch)) return;
    for (Member m : state.members.values()) {
      if (m.lifetimeVictim || (m.counts() && m.state != LifecycleState.IN_SERVICE)) return;
    }
    if (state.countingCount() < group.spec().desiredCapacity()) return;
    Instant now = state.now();
    Member oldest = null;
    for (Member m : state.members.values()) {
      if (m.state != LifecycleState.IN_SERVICE
          || !m.counts()
          || m.terminationStarted
          || m.protectedFromScaleIn
          || m.health != HealthStatus.HEALTHY
          || m.launchTime.plus(life).isAfter(now)) continue;
      if (oldest == null || m.launchTime.isBefore(oldest.launchTime)) oldest = m;
    }
    if (oldest == null) return;
    Member victim = oldest;
    victim.lifetimeVictim = true;
    long id =
        state.record(
            new AutoScalingFact.MaxInstanceLifetimeReached(state.name, victim.instanceId, life));
    kernel.runWithCause(
        id,
        () -> {
          lifecycle.startTermination(
              victim,
              state.at()
                  + "an instance was taken out of service in response to the maximum"
                  + " instance lifetime of "
                  + life.getSeconds()
                  + " seconds being reached.",
              false);
          group.reconcile();
        });
  }

  /**
   * Removes up to {@code n} capacity units, never going below desired (an instance heavier than
   * what is left stays).
   */
  void scaleIn(int n) {
    int from = state.countingCount();
    // select every victim first: each activity's cause names all instances selected together, as
    // AWS's do
    List<Member> victims = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    boolean allProtected = false;
    VictimQueue queue = null;
    List<TerminationPolicy> policies = group.spec().terminationPolicies();
    if (BuiltInVictims.covers(policies) && n > 1) {
      // no user code runs while the victims are chosen: one scan of the members serves them all
      AutoScalingGroupSpec spec = group.spec();
      Launch current = group.resolve(spec.launchTemplateName(), spec.launchTemplateVersion());
      queue = VictimQueue.of(state, policies, current, state.now(), random, purchaseOptions);
    }
    for (int removed = 0; removed < n; ) {
      Member victim = queue != null ? queue.next(n - removed) : selectVictim(n - removed);
      if (victim == null) {
        allProtected = selectVictim(Integer.MAX_VALUE) == null;
        break;
      }
      removed += victim.weight;
      victim.terminationStarted = true; // tentatively, so the next selection skips it
      state.syncCount(victim);
      victims.add(victim);
      if (state.rebalanceTerminationsOwed > 0) {
        state.rebalanceTerminationsOwed--;
        clauses.add(
            state.at()
                + "an instance was taken out of service to aid in balancing the group's zones.");
      } else {
        clauses.add(
            state.at()
                + "an instance was taken out of service in response to a difference between desired and"
                + " actual capacity, shrinking the capacity from "
                + from
                + " to "
                + (from - n)
                + ".");
      }
    }
    StringBuilder selected = new StringBuilder();
    for (Member v : victims) {
      v.terminationStarted = false;
      state.syncCount(v);
      selected
          .append("  ")
          .append(state.at())
          .append("instance ")
          .append(v.instanceId)
          .append(" was selected for termination.");
    }
    // the victims' causes differ only by their clause (at most two kinds): equal causes are one
    // String, so a scale-in of k instances keeps O(k) text, not k copies of the k-instance list
    String selectedText = selected.toString();
    String prefix = state.triggerClause == null ? "" : state.triggerClause + "  ";
    String lastClause = null;
    String cause = null;
    for (int i = 0; i < victims.size(); i++) {
      String clause = clauses.get(i);
      if (cause == null || !clause.equals(lastClause)) {
        lastClause = clause;
        cause = prefix + clause + selectedText;
      }
      Member v = victims.get(i);
      if (reuseOnScaleIn.getAsBoolean() && v.instance.state() == InstanceState.RUNNING)
        v.returningToPool = true;
      lifecycle.startTermination(v, cause, false);
    }
    if (allProtected) {
      int desired = group.spec().desiredCapacity();
      if (protectedNoticeFor != desired) {
        protectedNoticeFor = desired;
        Activity a =
            log.start(
                "Could not scale to desired capacity because all remaining instances are protected"
                    + " from scale-in.",
                state.triggerClause == null
                    ? state.at() + "a scale-in was requested."
                    : state.triggerClause,
                null,
                ActivityStatus.Failed);
        a.statusMessage =
            "Could not scale to desired capacity because all remaining instances are protected from scale-in.";
        log.end(a, ActivityStatus.Failed);
      }
      return;
    }
    protectedNoticeFor = -1;
  }

  /**
   * AZ balance first, then the termination policies, then lowest zone name, then seeded random,
   * among unprotected instances that count at most {@code maxUnits}; null when none does.
   */
  @Nullable Member selectVictim(int maxUnits) {
    PurchaseOption shed = purchaseOptions.optionToShed();
    Member v = selectVictim(maxUnits, shed);
    return v != null || shed == null ? v : selectVictim(maxUnits, null);
  }

  private @Nullable Member selectVictim(int maxUnits, @Nullable PurchaseOption only) {
    // the zones' counts in a small table (a group has a handful of zones): no boxing per member
    String[] zones = new String[4];
    int[] zoneCounts = new int[4];
    int zoneCount = 0;
    List<Member> candidates = new ArrayList<>(state.members.size());
    int[] candidateZone = new int[state.members.size()];
    for (Member m : state.members.values()) {
      if (!m.counts() || m.terminationStarted || (only != null && m.purchaseOption != only))
        continue;
      int z = 0;
      while (z < zoneCount && !zones[z].equals(m.zone)) z++;
      if (z == zoneCount) {
        if (z == zones.length) {
          zones = Arrays.copyOf(zones, z * 2);
          zoneCounts = Arrays.copyOf(zoneCounts, z * 2);
        }
        zones[z] = m.zone;
        zoneCount++;
      }
      zoneCounts[z]++;
      if (!m.protectedFromScaleIn && m.weight <= maxUnits) {
        candidateZone[candidates.size()] = z;
        candidates.add(m);
      }
    }
    if (candidates.isEmpty()) return null;
    int most = -1;
    for (int i = 0; i < candidates.size(); i++) most = Math.max(most, zoneCounts[candidateZone[i]]);
    List<Member> pool = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (zoneCounts[candidateZone[i]] == most) pool.add(candidates.get(i));
    }
    List<TerminationPolicy> policies = group.spec().terminationPolicies();
    if (BuiltInVictims.covers(policies)) {
      if (pool.size() > 1) {
        // no user code runs here: the spec and its launch template are the same for every policy
        AutoScalingGroupSpec spec = group.spec();
        Launch now = group.resolve(spec.launchTemplateName(), spec.launchTemplateVersion());
        for (TerminationPolicy p : policies) {
          if (pool.size() <= 1) break;
          List<Member> s = BuiltInVictims.select(p, pool, now.name(), now.version(), state.now());
          if (!s.isEmpty()) pool = s;
        }
      }
      String lowestZone = null;
      for (Member m : pool) {
        if (lowestZone == null || m.zone.compareTo(lowestZone) < 0) lowestZone = m.zone;
      }
      List<Member> inZone = new ArrayList<>();
      for (Member m : pool) if (m.zone.equals(lowestZone)) inZone.add(m);
      return inZone.size() == 1 ? inZone.get(0) : inZone.get(random.nextInt(inZone.size()));
    }
    List<AutoScalingInstance> snapshots = new ArrayList<>(pool.size());
    for (Member m : pool) snapshots.add(m.snapshot());
    return chooseAmong(snapshots);
  }

  /** The custom policies' path: the termination policies see snapshots of the pool. */
  private Member chooseAmong(List<AutoScalingInstance> snapshots) {
    List<AutoScalingInstance> pool = snapshots;
    for (TerminationPolicy p : group.spec().terminationPolicies()) {
      if (pool.size() <= 1) break;
      AutoScalingGroupSpec spec =
          group.spec(); // a custom policy is user code: read the spec as it is now
      Launch now = group.resolve(spec.launchTemplateName(), spec.launchTemplateVersion());
      List<AutoScalingInstance> s = p.select(pool, now.name(), now.version(), state.now());
      if (!s.isEmpty()) pool = s;
    }
    String lowestZone = null;
    for (AutoScalingInstance i : pool) {
      if (lowestZone == null || i.availabilityZone().compareTo(lowestZone) < 0)
        lowestZone = i.availabilityZone();
    }
    List<AutoScalingInstance> inZone = new ArrayList<>();
    for (AutoScalingInstance i : pool) if (i.availabilityZone().equals(lowestZone)) inZone.add(i);
    AutoScalingInstance chosen =
        inZone.size() == 1 ? inZone.get(0) : inZone.get(random.nextInt(inZone.size()));
    return Objects.requireNonNull(
        state.members.get(chosen.instanceId()), "the chosen instance is one of the members");
  }
}
