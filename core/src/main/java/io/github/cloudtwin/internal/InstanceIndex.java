package io.github.cloudtwin.internal;

import org.apiguardian.api.API;

/**
 * Internal, not API: EC2's own index of the instances it launched, so a check such as "may an
 * injection name this instance" is one map lookup instead of a scan of every instance.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface InstanceIndex {

  /**
   * Whether an instance with this id was launched in the twin (terminated ones included).
   *
   * @param instanceId the instance id
   * @return whether it was launched
   */
  boolean launched(String instanceId);

  /**
   * Whether an instance launched in the twin (terminated ones included) carries this group name in
   * its {@code aws:autoscaling:groupName} tag.
   *
   * @param groupName the group name
   * @return whether an instance was tagged with it
   */
  boolean tagged(String groupName);
}
