package io.github.cloudtwin.internal;

import org.apiguardian.api.API;

/**
 * Internal, not API: what an injection may name: the instances and Auto Scaling groups of the twin.
 * The twin wires this so that {@code CloudWatch.inject} refuses a target that does not exist
 * instead of recording an injection that changes nothing.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface InjectionTargets {

  /**
   * Whether an instance with this id was launched in the twin.
   *
   * @param instanceId the instance id
   * @return whether it exists
   */
  boolean instanceExists(String instanceId);

  /**
   * Whether a group of this name exists (an Auto Scaling group, or the group of an instance).
   *
   * @param groupName the group name
   * @return whether it exists
   */
  boolean groupExists(String groupName);
}
