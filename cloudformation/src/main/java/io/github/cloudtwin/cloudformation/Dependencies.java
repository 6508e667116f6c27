package io.github.cloudtwin.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The resource graph: Ref, Fn::GetAtt, Fn::Sub references and DependsOn, and the creation order.
 * CloudFormation creates independent resources in parallel; the twin creates them one at a time in
 * template order among those whose dependencies exist, so one template always gives one order.
 */
final class Dependencies {

  private static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
  private static final String RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";

  private Dependencies() {}

  static void collect(StackPlan.Node n, StackPlan plan) {
    walk(n.definition.get("Properties"), n, plan);
    Object dependsOn = n.definition.get("DependsOn");
    if (dependsOn != null) {
      List<?> targets = dependsOn instanceof List<?> l ? l : List.of(dependsOn);
      for (Object t : targets) {
        String id = Evaluator.string(t, n.id, "DependsOn");
        if (!plan.isResource(id) || plan.isExcluded(id)) {
          throw new TemplateValidationException(
              n.id,
              "DependsOn",
              id,
              "a resource of this template that is created",
              "Template format error: Unresolved resource dependencies ["
                  + id
                  + "] in the Resources block of the template");
        }
        n.dependencies.add(id);
      }
    }
  }

  private static void walk(@Nullable Object v, StackPlan.Node n, StackPlan plan) {
    if (v instanceof List<?> l) {
      for (Object o : l) walk(o, n, plan);
      return;
    }
    if (!(v instanceof Map<?, ?> m)) return;
    String fn = Values.intrinsic(v);
    if (fn == null) {
      for (Object o : m.values()) walk(o, n, plan);
      return;
    }
    Object arg = m.values().iterator().next();
    switch (fn) {
      case "Ref" -> add(arg, n, plan);
      case "Fn::GetAtt" -> {
        if (arg instanceof List<?> l && !l.isEmpty()) add(l.get(0), n, plan);
        else if (arg instanceof String s && s.indexOf('.') > 0)
          add(s.substring(0, s.indexOf('.')), n, plan);
        if (arg instanceof List<?> l && l.size() > 1) walk(l.get(1), n, plan);
      }
      case "Fn::Sub" -> {
        String text =
            arg instanceof String s
                ? s
                : arg instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s
                    ? s
                    : null;
        Map<?, ?> vars =
            arg instanceof List<?> l && l.size() > 1 && l.get(1) instanceof Map<?, ?> mm
                ? mm
                : Map.of();
        if (text != null) {
          for (String name : Sub.references(text)) {
            if (!vars.containsKey(name)) add(name, n, plan);
          }
        }
        walk(vars, n, plan);
      }
      case "Fn::If" -> {
        if (arg instanceof List<?> l
            && l.size() == 3
            && l.get(0) instanceof String cond
            && plan.isCondition(cond)) {
          walk(plan.condition(cond, n.id, "Properties") ? l.get(1) : l.get(2), n, plan);
        } else {
          walk(arg, n, plan);
        }
      }
      default -> walk(arg, n, plan);
    }
  }

  private static void add(Object target, StackPlan.Node n, StackPlan plan) {
    if (target instanceof String id
        && plan.isResource(id)
        && !plan.isExcluded(id)
        && plan.parameter(id) == null) {
      n.dependencies.add(id);
    }
  }

  /**
   * The twin creates a listener together with its rules, so a listener takes on its rules'
   * dependencies (other than itself), and each rule waits for its listener.
   */
  static void foldListenerRules(Map<String, StackPlan.Node> nodes) {
    for (StackPlan.Node rule : nodes.values()) {
      if (!rule.type.equals(RULE)) continue;
      Object props = rule.definition.get("Properties");
      if (!(props instanceof Map<?, ?> p)
          || !(p.get("ListenerArn") instanceof Map<?, ?> arn)
          || !(arn.get("Ref") instanceof String id)) continue;
      StackPlan.Node listener = nodes.get(id);
      if (listener == null || !listener.type.equals(LISTENER)) continue;
      listener.folded.add(rule.id);
      for (String d : rule.dependencies) {
        if (!d.equals(listener.id)) listener.dependencies.add(d);
      }
    }
  }

  /** Template order among the resources whose dependencies are created; a cycle is an error. */
  static List<StackPlan.Node> order(Map<String, StackPlan.Node> nodes) {
    List<StackPlan.Node> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    List<StackPlan.Node> pending = new ArrayList<>(nodes.values());
    while (!pending.isEmpty()) {
      StackPlan.Node next = null;
      for (StackPlan.Node n : pending) {
        if (done.containsAll(n.dependencies)) {
          next = n;
          break;
        }
      }
      if (next == null) {
        List<String> cycle = cycle(pending, done);
        throw new TemplateValidationException(
            cycle.get(0),
            "DependsOn",
            cycle,
            "resources that do not depend on each other in a circle",
            "Circular dependency between resources: " + cycle);
      }
      pending.remove(next);
      done.add(next.id);
      out.add(next);
    }
    return out;
  }

  private static List<String> cycle(List<StackPlan.Node> pending, Set<String> done) {
    List<String> ids = new ArrayList<>();
    for (StackPlan.Node n : pending) {
      Set<String> missing = new LinkedHashSet<>(n.dependencies);
      missing.removeAll(done);
      if (!missing.isEmpty()) ids.add(n.id);
    }
    return ids;
  }
}
