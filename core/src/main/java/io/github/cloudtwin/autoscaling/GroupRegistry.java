package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The groups of one Auto Scaling service by name, in creation order: the look-ups commands start
 * with (a group, an instance's group, a member of a group), refused as AWS refuses unknown names,
 * and EC2's instance events handed to the group the instance belongs to.
 */
final class GroupRegistry implements InstanceListener {

  private final Map<String, GroupRuntime> groups;

  /** Over {@code groups}, the service's live map. */
  GroupRegistry(Map<String, GroupRuntime> groups) {
    this.groups = groups;
  }

  boolean contains(String name) {
    return groups.containsKey(name);
  }

  void remove(String name) {
    groups.remove(name);
  }

  void add(GroupRuntime g) {
    groups.put(g.name, g);
  }

  /** {@return the group named {@code name}, or a ValidationException listing the groups} */
  GroupRuntime runtime(String name) {
    Require.name("AutoScalingGroupName", name);
    GroupRuntime g = groups.get(name);
    if (g == null) {
      throw new ValidationException(
          "AutoScalingGroupName", name, "the name of an existing group " + groups.keySet());
    }
    return g;
  }

  /** {@return the group {@code instanceId} is a member of, or a ValidationException} */
  GroupRuntime groupOf(String instanceId) {
    Require.name("InstanceId", instanceId);
    for (GroupRuntime g : groups.values()) {
      if (g.members.containsKey(instanceId)) return g;
    }
    throw new ValidationException("InstanceId", instanceId, "an instance of an Auto Scaling group");
  }

  /** {@return the member {@code instanceId} of {@code g}, or a ValidationException} */
  static Member memberOf(GroupRuntime g, String instanceId) {
    Require.name("InstanceId", instanceId);
    Member m = g.members.get(instanceId);
    if (m == null) {
      throw new ValidationException("InstanceId", instanceId, "an instance of group " + g.name);
    }
    return m;
  }

  /** {@return the group {@code instance} is tagged with, or null} */
  private @Nullable GroupRuntime taggedGroup(Instance instance) {
    String g = instance.tags().get(Ec2.GROUP_TAG);
    return g == null ? null : groups.get(g);
  }

  /** {@return {@code instance}'s member of {@code rt}, in service or in the warm pool, or null} */
  private static @Nullable Member member(@Nullable GroupRuntime rt, Instance instance) {
    if (rt == null) return null;
    Member m = rt.members.get(instance.instanceId());
    return m != null ? m : rt.warmPool.pool.get(instance.instanceId());
  }

  @Override
  public void stateChanged(Instance instance, InstanceState from) {
    GroupRuntime g = taggedGroup(instance);
    Member m = member(g, instance);
    if (g != null && m != null) g.ec2StateChanged(m, from);
  }

  @Override
  public void reachabilityChanged(Instance instance, boolean reachable) {
    GroupRuntime g = taggedGroup(instance);
    Member m = member(g, instance);
    if (g != null && m != null) g.reachabilityChanged(m, reachable);
  }

  @Override
  public void rebalanceRecommended(Instance instance) {
    GroupRuntime g = taggedGroup(instance);
    Member m = member(g, instance);
    if (g != null && m != null && g.members.get(m.instanceId) == m) g.rebalanceRecommended(m);
  }
}
