package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target groups and Classic Load Balancers of one group (its traffic sources): members register
 * as they enter service and deregister, draining, as they leave it; attaching and detaching; the
 * detached target groups whose instances still drain (AWS's {@code Removing}).
 */
final class TrafficSources {

  private final GroupState state;
  private final GroupContext group;
  private final Kernel kernel;
  final List<LoadBalancerTargets> targetGroups;

  /**
   * Target groups detached whose instances are still draining (AWS's Removing state): outstanding
   * drains.
   */
  final Map<String, Integer> removingTargetGroups = new LinkedHashMap<>();

  TrafficSources(
      GroupState state, GroupContext group, Kernel kernel, List<LoadBalancerTargets> targetGroups) {
    this.state = state;
    this.group = group;
    this.kernel = kernel;
    this.targetGroups = new ArrayList<>(targetGroups);
  }

  boolean isEmpty() {
    return targetGroups.isEmpty();
  }

  /** {@return whether {@code m} is registered with the traffic sources the group has now} */
  boolean registered(Member m) {
    return m.registered && !targetGroups.isEmpty();
  }

  /** {@return whether a target group or load balancer reports {@code m} unhealthy} */
  boolean anyUnhealthy(Member m) {
    for (LoadBalancerTargets tg : targetGroups) {
      if (tg.isUnhealthy(m.instanceId)) return true;
    }
    return false;
  }

  /** Registers a member entering service (unless AddToLoadBalancer is suspended). */
  void registerEnteringService(Member m) {
    if (!targetGroups.isEmpty() && !group.isSuspended(ScalingProcess.AddToLoadBalancer)) {
      for (LoadBalancerTargets tg : targetGroups) tg.register(m.instanceId);
      m.registered = true;
    }
  }

  /**
   * Deregisters a registered member from every traffic source; {@code drained} runs once all have
   * drained it.
   */
  void deregister(Member m, Runnable drained) {
    int[] left = {targetGroups.size()};
    m.registered = false;
    for (LoadBalancerTargets tg : targetGroups) {
      tg.deregister(
          m.instanceId,
          () ->
              kernel.run(
                  () -> {
                    if (--left[0] == 0) drained.run();
                  }));
    }
  }

  /**
   * Adds load balancers (AttachLoadBalancers): members in service register now, later ones on
   * entering service.
   */
  void attach(List<LoadBalancerTargets> more) {
    for (LoadBalancerTargets t : more) {
      targetGroups.add(t);
      if (group.isSuspended(ScalingProcess.AddToLoadBalancer)) continue;
      for (Member m : state.members.values()) {
        if (m.state == LifecycleState.IN_SERVICE) {
          t.register(m.instanceId);
          m.registered = true;
        }
      }
    }
  }

  /**
   * Removes target groups (DetachLoadBalancerTargetGroups): members registered with them are
   * deregistered and drain; the target group is Removing until the last has drained.
   */
  void detach(List<LoadBalancerTargets> less) {
    targetGroups.removeAll(less);
    List<Member> registered = new ArrayList<>();
    for (Member m : state.members.values()) if (m.registered) registered.add(m);
    if (targetGroups.isEmpty()) for (Member m : registered) m.registered = false;
    for (LoadBalancerTargets t : less) {
      if (registered.isEmpty()) continue;
      removingTargetGroups.put(t.name(), registered.size());
      for (Member m : registered) {
        t.deregister(
            m.instanceId,
            () ->
                kernel.run(
                    () -> {
                      Integer left = removingTargetGroups.get(t.name());
                      if (left == null) return; // attached again meanwhile
                      if (left > 1) {
                        removingTargetGroups.put(t.name(), left - 1);
                      } else {
                        removingTargetGroups.remove(t.name());
                        state.record(new AutoScalingFact.TargetGroupRemoved(state.name, t.name()));
                      }
                    }));
      }
    }
  }
}
