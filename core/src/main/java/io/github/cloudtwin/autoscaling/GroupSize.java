package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The real size of an Auto Scaling group from one instant on: its instances that are Pending
 * (including Pending:Wait/Proceed), InService or Terminating (including Terminating:Wait/Proceed),
 * per zone. Standby and terminated instances do not count. An immutable snapshot.
 *
 * @param time when the group took this size
 * @param byZone instances per zone of the group, sorted by zone
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record GroupSize(Instant time, SortedMap<String, Integer> byZone) {

  /**
   * Validates and copies.
   *
   * @param time when the group took this size
   * @param byZone instances per zone of the group
   */
  public GroupSize {
    Require.notNull("time", time);
    Require.notNull("byZone", byZone);
    byZone = Collections.unmodifiableSortedMap(new TreeMap<>(byZone));
  }

  /** {@return the instances in every zone} */
  public int total() {
    int sum = 0;
    for (int n : byZone.values()) sum += n;
    return sum;
  }

  /**
   * The instances in one zone.
   *
   * @param zone the Availability Zone
   * @return the instances in {@code zone} (0 for a zone without any)
   */
  public int inZone(String zone) {
    return byZone.getOrDefault(zone, 0);
  }

  /** Whether instances in this lifecycle state count towards the real size. */
  static boolean counts(LifecycleState s) {
    switch (s) {
      case PENDING:
      case PENDING_WAIT:
      case PENDING_PROCEED:
      case IN_SERVICE:
      case TERMINATING:
      case TERMINATING_WAIT:
      case TERMINATING_PROCEED:
        return true;
      default:
        return false;
    }
  }
}
