package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.PurchaseOption;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Capacity Rebalancing of one group: a Spot member EC2 sent a rebalance recommendation stops
 * counting toward capacity, so a replacement launches first, and the member is terminated once the
 * replacement is InService. Meanwhile the group may exceed MaxSize by up to 10 % of desired
 * capacity (at least 1), more at-risk members waiting their turn.
 */
final class CapacityRebalancing {

  private final GroupState state;
  private final GroupContext group;

  CapacityRebalancing(GroupState state, GroupContext group) {
    this.state = state;
    this.group = group;
  }

  /** EC2 sent the member a rebalance recommendation. */
  void rebalanceRecommended(Member m) {
    if (!group.spec().capacityRebalance()
        || m.purchaseOption != PurchaseOption.SPOT
        || m.atRisk
        || m.terminationStarted
        || !m.counts()) return;
    m.atRisk = true;
    takeOutAtRisk();
  }

  /**
   * Takes at-risk members out of the capacity count while the group stays within its allowance over
   * MaxSize.
   */
  void takeOutAtRisk() {
    if (group.deleted() || group.isSuspended(ScalingProcess.Launch)) return;
    AutoScalingGroupSpec spec = group.spec();
    int limit = spec.maxSize() + Math.max(1, spec.desiredCapacity() / 10);
    boolean changed = false;
    for (Member m : List.copyOf(state.members.values())) {
      if (!m.atRisk || m.rebalanceOut || m.terminationStarted || !m.counts()) continue;
      if (spec.desiredCapacity() + state.rebalanceOutUnits + m.weight > limit) break;
      m.rebalanceOut = true;
      state.rebalanceOutUnits += m.weight;
      state.syncCount(m);
      state.version++;
      changed = true;
    }
    if (changed) group.reconcile();
  }

  /**
   * {@return an at-risk member taken out of the capacity count whose replacement is not under way,
   * or null}
   */
  @Nullable Member awaitingReplacement() {
    if (state.rebalanceOutUnits == 0) return null;
    for (Member m : state.members.values()) {
      if (m.rebalanceOut && m.rebalanceReplacement == null && !m.terminationStarted) return m;
    }
    return null;
  }
}
