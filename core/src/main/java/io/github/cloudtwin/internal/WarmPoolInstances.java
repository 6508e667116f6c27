package io.github.cloudtwin.internal;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Internal, not API: which instances wait in a warm pool, asked by the metric publishers (EC2's
 * CPUUtilization) so that pool instances stay out of their group's aggregated metrics.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@FunctionalInterface
public interface WarmPoolInstances {

  /** No instance is in a warm pool (before Auto Scaling wires its pools). */
  WarmPoolInstances NONE = (instanceId, groupName) -> false;

  /**
   * Whether the instance is in a warm pool now (not part of its group's capacity).
   *
   * @param instanceId the instance id
   * @param groupName the group its tag names, or null
   * @return whether it is in a warm pool
   */
  boolean inWarmPool(String instanceId, @Nullable String groupName);

  /**
   * Whether any instance of the group is in a warm pool now: when none is, {@link #inWarmPool} is
   * false for each of its instances, and a publisher need not ask per instance.
   *
   * @param groupName the group its tag names, or null
   * @return whether any of its instances may be in a warm pool (true when unknown)
   */
  default boolean anyInWarmPool(@Nullable String groupName) {
    return true;
  }
}
