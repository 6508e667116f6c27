package io.github.cloudtwin.ec2;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The throttling of {@code RunInstances} per Auto Scaling group (FIS's {@code
 * aws:fis:inject-api-throttle-error}): each group's percentage of failing calls, drawn from one
 * seeded stream. Simulation thread only.
 */
final class LaunchThrottle {

  private final Map<String, Integer> throttled = new TreeMap<>();
  private final SplittableRandom draws;

  LaunchThrottle(SplittableRandom draws) {
    this.draws = draws;
  }

  /** Sets the group's percentage; 0 ends its throttling. */
  void set(String autoScalingGroupName, int percentage) {
    if (percentage == 0) throttled.remove(autoScalingGroupName);
    else throttled.put(autoScalingGroupName, percentage);
  }

  /**
   * Whether this launch is throttled (a draw from the stream when its group is partly throttled).
   */
  boolean throttled(InstanceSpec spec) {
    String group = spec.tags().get(Ec2.GROUP_TAG);
    if (group == null || throttled.isEmpty()) return false; // launches outside a group never are
    Integer pct = throttled.get(group);
    return pct != null && (pct >= 100 || draws.nextInt(100) < pct);
  }
}
