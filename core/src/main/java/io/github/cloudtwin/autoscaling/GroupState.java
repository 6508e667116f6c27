package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one group that its collaborators share: its members, the counters kept in step
 * with their lifecycle states (capacity units overall and per zone, members per state, the real
 * size and its history), the replacements in flight and the cause of the desired change under way.
 * Mutable; guarded by the kernel lock.
 */
final class GroupState {

  final String name;
  private final Kernel kernel;
  final Map<String, Member> members = new LinkedHashMap<>();

  /**
   * Instances per zone that count towards the group's real size ({@link GroupSize}), and its
   * history.
   */
  final TreeMap<String, Integer> sizeByZone = new TreeMap<>();

  final List<GroupSize> sizeHistory = new ArrayList<>();

  /** Members per lifecycle state (by ordinal), kept up to date by {@link #memberState}. */
  final int[] stateCounts = new int[LifecycleState.values().length];

  /**
   * Capacity units of the members that count toward capacity, and those members per zone (see
   * {@link #syncCount}).
   */
  private int capacityCount;

  private final Map<String, Integer> capacityByZone = new HashMap<>();

  /** Whether a member may be UNHEALTHY (the unhealthy replacement skips its scan otherwise). */
  boolean mayHaveUnhealthy;

  /** Bumped on every member change; the periodic rebalance check skips an unchanged group. */
  long version;

  /** Limited health replacements taken out and not yet relaunched. */
  int replacementsOwed;

  /** Rebalance launches not yet matched by a termination. */
  int rebalanceSurplus;

  int rebalanceTerminationsOwed;

  /**
   * Capacity Rebalancing: units of at-risk Spot members taken out of the capacity count, not yet
   * terminated.
   */
  int rebalanceOutUnits;

  /** Instance refresh: capacity units launched above desired (MaxHealthyPercentage above 100). */
  int refreshSurplus;

  /** The sentence that explains the current desired change, prefixed to activities it causes. */
  @Nullable String triggerClause;

  GroupState(String name, Kernel kernel) {
    this.name = name;
    this.kernel = kernel;
  }

  Instant now() {
    return kernel.clock().now();
  }

  /** {@return "At &lt;now, to the second&gt; ", the opening of AWS's activity causes} */
  String at() {
    return "At " + now().truncatedTo(ChronoUnit.SECONDS) + " ";
  }

  long record(Fact fact) {
    return kernel.timeline().record(fact);
  }

  /**
   * Capacity units of the members that count toward capacity: one per instance, or the instances'
   * weights (kept incrementally: O(1), not a scan per change).
   */
  int countingCount() {
    assert members.size() > 2_000 || capacityCount == recount()
        : "capacity counter " + capacityCount + " != " + recount();
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

  /**
   * Counting instances per enabled zone of {@code zones}, sorted by zone name (from the incremental
   * counters).
   */
  TreeMap<String, Integer> zoneCounts(List<String> zones) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (String z : zones) counts.put(z, 0);
    capacityByZone.forEach(
        (z, n) -> {
          if (n != 0) counts.merge(z, n, Integer::sum);
        });
    return counts;
  }

  /**
   * Moves {@code m} to lifecycle state {@code to}, keeping every counter in step, and records the
   * change.
   */
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
      if (last != null && last.time().equals(now.time()))
        sizeHistory.set(sizeHistory.size() - 1, now);
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

  /**
   * Forgets every member at once (the group is deleted; {@code gone} were its members), leaving the
   * capacity counters at zero.
   */
  void clearMembers(List<Member> gone) {
    members.clear();
    for (Member m : gone) m.inCapacityCount = false;
    capacityCount = 0;
    capacityByZone.clear();
  }
}
