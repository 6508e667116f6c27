package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The load balancers, target groups and known targets of one twin, by name and id, with the lookups
 * that refuse an unknown one in AWS's words. Read and changed under the simulation lock.
 */
final class ElbRegistry {

  /** Load balancers by name, in creation order. */
  final Map<String, LbState> lbs = new LinkedHashMap<>();

  /**
   * Target groups by name, in creation order (the groups of Classic load balancers are not here).
   */
  final Map<String, TgState> tgs = new LinkedHashMap<>();

  /** Every target ever registered, by id. */
  final Map<String, TargetRuntime> targets = new HashMap<>();

  LbState lb(String name) {
    Require.name("LoadBalancerName", name);
    LbState lb = lbs.get(name);
    if (lb == null)
      throw new ValidationException(
          "LoadBalancerName",
          name,
          "the name of a load balancer of this twin " + lbs.keySet(),
          "LoadBalancerNotFound");
    return lb;
  }

  TgState tg(String name) {
    Require.name("TargetGroupName", name);
    TgState g = tgs.get(name);
    if (g == null)
      throw new ValidationException(
          "TargetGroupName",
          name,
          "the name of a target group of this twin " + tgs.keySet(),
          "TargetGroupNotFound");
    return g;
  }

  /** The instances registered with a Classic load balancer, as a target group. */
  TgState classicGroup(String lbName) {
    LbState lb = lb(lbName);
    if (lb.classicGroup == null)
      throw new ValidationException(
          "LoadBalancerName",
          lbName,
          "a Classic Load Balancer (register targets of other types with a target group)");
    return lb.classicGroup;
  }

  /** A known target, for the calls that change how it answers. */
  TargetRuntime target(String id) {
    TargetRuntime t = targets.get(id);
    if (t == null) {
      List<String> known = new ArrayList<>(targets.keySet());
      known.sort(null);
      throw new ValidationException(
          "targetId", id, "a target registered with a target group or load balancer " + known);
    }
    return t;
  }

  /** Every target group, those of Classic load balancers last. */
  List<TgState> allGroups() {
    List<TgState> out = new ArrayList<>(tgs.values());
    for (LbState lb : lbs.values()) if (lb.classicGroup != null) out.add(lb.classicGroup);
    return out;
  }

  /** The target groups {@code lb} forwards to, in listener and rule order. */
  List<TgState> groupsOf(LbState lb) {
    LinkedHashSet<TgState> out = new LinkedHashSet<>();
    if (lb.classicGroup != null) out.add(lb.classicGroup);
    for (ListenerSpec l : lb.listeners.values()) {
      List<RuleAction> actions = new ArrayList<>();
      actions.add(l.defaultAction());
      for (RuleSpec r : l.rules()) actions.add(r.action());
      for (RuleAction a : actions) {
        for (String n : a.targetGroupNames()) {
          TgState g = lb.classicGroup != null ? lb.classicGroup : tgs.get(n);
          if (g != null) out.add(g);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
