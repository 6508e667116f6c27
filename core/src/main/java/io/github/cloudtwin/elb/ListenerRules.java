package io.github.cloudtwin.elb;

import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Listeners and their rules: {@code CreateListener}, {@code CreateRule}, {@code ModifyRule}, {@code
 * ModifyListener}, {@code SetRulePriorities}, {@code DeleteRule}, {@code DeleteListener}. Each
 * change is validated by {@link ListenerValidation} first, then recorded; the target groups a load
 * balancer forwards to follow (health checks start, unused groups' targets go unused).
 */
final class ListenerRules {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final RoutingSnapshots routing;

  ListenerRules(Kernel kernel, ElbRegistry registry, RoutingSnapshots routing) {
    this.kernel = kernel;
    this.registry = registry;
    this.routing = routing;
  }

  void createListener(ListenerSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(
        () -> {
          LbState lb = registry.lb(spec.loadBalancerName());
          ListenerValidation.checkNewListener(registry, lb, spec);
          lb.listeners.put(spec.port(), spec);
          kernel
              .timeline()
              .record(
                  new ElbFact.ListenerCreated(
                      lb.spec.name(), spec.protocol(), spec.port(), spec.rules().size()));
          listenersChanged(lb);
        });
  }

  /**
   * After a listener or rule change of {@code lb}: target groups it now forwards to start health
   * checks (their targets leave {@code Target.NotInUse}); target groups no load balancer forwards
   * to any more become unused (their targets {@code unused}, {@code Target.NotInUse}); the routing
   * snapshot is rebuilt.
   */
  void listenersChanged(LbState lb) {
    List<TgState> used = lb.classicGroup != null ? List.of() : registry.groupsOf(lb);
    for (TgState g : used) {
      if (!g.loadBalancers.contains(lb)) {
        g.loadBalancers.add(lb);
        for (Registration r : g.registrations.values()) {
          if (r.state == TargetHealthState.UNUSED && "Target.NotInUse".equals(r.reason))
            g.startFresh(r);
        }
        g.ensureChecking();
      }
    }
    for (TgState g : registry.tgs.values()) {
      if (!used.contains(g) && g.loadBalancers.remove(lb) && !g.inUse()) {
        for (Registration r : g.registrations.values()) {
          if (r.state != TargetHealthState.DRAINING) g.startFresh(r);
        }
      }
    }
    routing.rebuild(lb);
  }

  void createRule(String loadBalancerName, int listenerPort, RuleSpec rule) {
    Require.notNull("rule", rule);
    changeRules(
        loadBalancerName,
        listenerPort,
        (lb, l, rules) -> {
          rules.add(rule);
          return new ElbFact.RuleCreated(lb, l.protocol(), l.port(), rule.priority());
        });
  }

  void modifyRule(String loadBalancerName, int listenerPort, RuleSpec rule) {
    Require.notNull("rule", rule);
    changeRules(
        loadBalancerName,
        listenerPort,
        (lb, l, rules) -> {
          rules.set(ListenerValidation.ruleIndex(l, rule.priority()), rule);
          return new ElbFact.RuleModified(lb, l.protocol(), l.port(), rule.priority());
        });
  }

  void modifyListenerDefaultAction(
      String loadBalancerName, int listenerPort, RuleAction defaultAction) {
    Require.notNull("DefaultActions", defaultAction);
    kernel.run(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          ListenerSpec l = ListenerValidation.listener(lb, listenerPort);
          replaceListener(
              lb,
              new ListenerSpec(
                  l.loadBalancerName(),
                  l.port(),
                  l.protocol(),
                  defaultAction,
                  l.rules(),
                  l.instancePort()),
              new ElbFact.ListenerDefaultActionModified(lb.spec.name(), l.protocol(), l.port()));
        });
  }

  void deleteRule(String loadBalancerName, int listenerPort, int priority) {
    changeRules(
        loadBalancerName,
        listenerPort,
        (lb, l, rules) -> {
          rules.remove(ListenerValidation.ruleIndex(l, priority));
          return new ElbFact.RuleDeleted(lb, l.protocol(), l.port(), priority);
        });
  }

  void setRulePriorities(
      String loadBalancerName, int listenerPort, Map<Integer, Integer> newPriorityByOld) {
    Require.notNull("RulePriorities", newPriorityByOld);
    Map<Integer, Integer> changes = new TreeMap<>(newPriorityByOld);
    if (changes.isEmpty())
      throw new ValidationException(
          "RulePriorities", "[]", "at least one rule and its new priority");
    changeRules(
        loadBalancerName,
        listenerPort,
        (lb, l, rules) -> {
          for (Map.Entry<Integer, Integer> e : changes.entrySet()) {
            int i =
                ListenerValidation.ruleIndex(
                    l, Require.notNull("RulePriorities.RuleArn", e.getKey()));
            RuleSpec r = rules.get(i);
            rules.set(
                i,
                new RuleSpec(
                    Require.notNull("RulePriorities.Priority", e.getValue()),
                    r.conditions(),
                    r.action()));
          }
          return new ElbFact.RulePrioritiesSet(
              lb, l.protocol(), l.port(), Collections.unmodifiableMap(changes));
        });
  }

  /** What a change does to a copy of a listener's rules, and the fact that records it. */
  private interface RulesChange {
    ElbFact apply(String loadBalancerName, ListenerSpec listener, List<RuleSpec> rules);
  }

  /**
   * Applies {@code change} to a copy of the listener's rules, then validates, puts in place and
   * records the new listener.
   */
  private void changeRules(String loadBalancerName, int listenerPort, RulesChange change) {
    kernel.run(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          ListenerSpec l = ListenerValidation.listener(lb, listenerPort);
          List<RuleSpec> rules = new ArrayList<>(l.rules());
          ElbFact fact = change.apply(lb.spec.name(), l, rules);
          replaceListener(
              lb,
              new ListenerSpec(
                  l.loadBalancerName(),
                  l.port(),
                  l.protocol(),
                  l.defaultAction(),
                  rules,
                  l.instancePort()),
              fact);
        });
  }

  void deleteListener(String loadBalancerName, int listenerPort) {
    kernel.run(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          ListenerSpec l = ListenerValidation.listener(lb, listenerPort);
          lb.listeners.remove(listenerPort);
          kernel
              .timeline()
              .record(
                  new ElbFact.ListenerDeleted(
                      lb.spec.name(), l.protocol(), l.port(), l.rules().size()));
          listenersChanged(lb);
        });
  }

  /**
   * Validates {@code spec} (priorities unique, actions valid), then puts it in place and records
   * the change.
   */
  private void replaceListener(LbState lb, ListenerSpec spec, ElbFact change) {
    ListenerValidation.checkReplacement(registry, lb, spec);
    lb.listeners.put(spec.port(), spec);
    kernel.timeline().record(change);
    listenersChanged(lb);
  }
}
