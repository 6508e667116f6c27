package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.ZoneState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AZRebalance for one group: once it is steady at desired capacity, it launches into the zones with
 * fewest instances (available ones) until no two zones differ by more than one, at most max(MaxSize
 * - desired, 10 % of MaxSize, 1) at a time; as each goes InService, a scale-in takes an instance
 * out of the fullest zone.
 */
final class ZoneRebalancing {

  private final GroupState state;
  private final GroupContext group;
  private final Ec2 ec2;
  private final InstanceLauncher launcher;

  /**
   * What the last check saw (member version, zone states, desired): an unchanged group is not
   * checked again.
   */
  private long checkedVersion = -1;

  private String checkedZones = "";
  private int checkedDesired = -1;

  ZoneRebalancing(GroupState state, GroupContext group, Ec2 ec2, InstanceLauncher launcher) {
    this.state = state;
    this.group = group;
    this.ec2 = ec2;
    this.launcher = launcher;
  }

  /** The periodic check: launches toward balanced zones when the group is steady and unbalanced. */
  void rebalance() {
    if (group.isSuspended(ScalingProcess.AZRebalance)
        || group.isSuspended(ScalingProcess.Launch)
        || state.rebalanceSurplus > 0) return;
    AutoScalingGroupSpec spec = group.spec();
    StringBuilder zs = new StringBuilder();
    for (String z : spec.availabilityZones()) zs.append(ec2.zoneState(z)).append(',');
    String zones = zs.toString();
    if (state.version == checkedVersion
        && zones.equals(checkedZones)
        && spec.desiredCapacity() == checkedDesired) return;
    checkedVersion = state.version;
    checkedZones = zones;
    checkedDesired = spec.desiredCapacity();
    for (Member m : state.members.values()) {
      if (m.counts() && m.state != LifecycleState.IN_SERVICE) return; // an activity is under way
      if (m.health == HealthStatus.UNHEALTHY) return;
    }
    if (state.countingCount() != spec.desiredCapacity()) return;
    TreeMap<String, Integer> counts = state.zoneCounts(spec.availabilityZones());
    int moves = 0;
    List<String> targets = new ArrayList<>();
    while (true) {
      String min = null;
      String max = null;
      int minCount = 0;
      int maxCount = 0;
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        if (ec2.zoneState(e.getKey()) == ZoneState.AVAILABLE
            && (min == null || e.getValue() < minCount)) {
          min = e.getKey();
          minCount = e.getValue();
        }
        if (max == null || e.getValue() > maxCount) {
          max = e.getKey();
          maxCount = e.getValue();
        }
      }
      if (min == null || max == null || maxCount - minCount <= 1) break;
      counts.merge(min, 1, Integer::sum);
      counts.merge(max, -1, Integer::sum);
      targets.add(min);
      moves++;
    }
    if (moves == 0) return;
    int allowance =
        Math.max(spec.maxSize() - spec.desiredCapacity(), Math.max(1, spec.maxSize() / 10));
    int n = Math.min(moves, allowance);
    for (int i = 0; i < n; i++) {
      state.rebalanceSurplus++;
      launcher.launch(1, targets.get(i));
    }
  }
}
