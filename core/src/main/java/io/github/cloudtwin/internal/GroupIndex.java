package io.github.cloudtwin.internal;

import org.apiguardian.api.API;

/**
 * Internal, not API: Auto Scaling's groups by name, offered through the {@link Wiring} so that the
 * twin's wiring asks whether a group exists in one map look-up instead of listing every group. It
 * is asked on the simulation thread, under the kernel's lock.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@FunctionalInterface
public interface GroupIndex {

  /**
   * Whether an Auto Scaling group of this name exists now (a deleted group does not).
   *
   * @param groupName the group name
   * @return whether it exists
   */
  boolean exists(String groupName);
}
