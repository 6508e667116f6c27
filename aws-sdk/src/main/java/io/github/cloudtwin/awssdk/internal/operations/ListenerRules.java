package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.core;
import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.protocol;
import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.validation;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Listeners and their rules: CreateListener, DescribeListeners, DeleteListener, CreateRule,
 * ModifyRule, DeleteRule and SetRulePriorities (rule ARNs stay with their rule).
 */
final class ListenerRules {

  private final LoadBalancing elb;
  private final ElbArns arns;
  private final ElbLookup lookup;

  ListenerRules(LoadBalancing elb, ElbArns arns, ElbLookup lookup) {
    this.elb = elb;
    this.arns = arns;
    this.lookup = lookup;
  }

  void createListener(
      String loadBalancerArn,
      Integer port,
      String protocol,
      RuleAction defaultAction,
      List<RuleSpec> rules) {
    LoadBalancer lb = lookup.loadBalancer(loadBalancerArn);
    if (port == null) throw validation("A listener port must be specified.");
    if (defaultAction == null) throw validation("A default action must be specified.");
    ListenerSpec.Builder b = ListenerSpec.builder(lb.name(), port).defaultAction(defaultAction);
    if (protocol != null) b.protocol(protocol(protocol));
    for (RuleSpec r : rules) b.rule(r);
    try {
      elb.createListener(b.build());
    } catch (ValidationException e) {
      if (e.getMessage().startsWith("DuplicateListener")) {
        throw AwsErrorException.badRequest(
            "DuplicateListener",
            "A listener already exists on this port for this load" + " balancer");
      }
      throw validation(e.getMessage());
    }
  }

  List<ElbArns.ListenerRef> describeListeners(
      @Nullable String loadBalancerArn, @Nullable List<String> listenerArns) {
    List<ElbArns.ListenerRef> out = new ArrayList<>();
    if (listenerArns != null && !listenerArns.isEmpty()) {
      for (String a : listenerArns) out.add(lookup.listener(a));
      return out;
    }
    if (loadBalancerArn == null)
      throw validation("You must specify either listener ARNs or a load balancer ARN");
    LoadBalancer lb = lookup.loadBalancer(loadBalancerArn);
    for (int port : lb.listenerPorts()) out.add(new ElbArns.ListenerRef(lb, port));
    return out;
  }

  int createRule(
      String listenerArn,
      Integer priority,
      @Nullable List<io.github.cloudtwin.elb.RuleCondition> conditions,
      @Nullable RuleAction action) {
    ElbArns.ListenerRef l = lookup.listener(listenerArn);
    if (priority == null) throw validation("A rule priority must be specified.");
    if (priority < 1 || priority > 50000) {
      throw AwsErrorException.constraint(
          "ValidationError",
          "priority",
          priority,
          "Member must have value greater than or equal to 1 and less than or equal to 50000");
    }
    if (conditions == null || conditions.isEmpty())
      throw validation("A rule must have at least one condition.");
    if (action == null) throw validation("A rule must have at least one action.");
    if (lookup.spec(l).rules().stream().anyMatch(r -> r.priority() == priority)) {
      throw AwsErrorException.badRequest(
          "PriorityInUse", "Priority '" + priority + "' is currently in use");
    }
    RuleSpec rule = ruleSpec(priority, conditions, action);
    core(() -> elb.createRule(l.loadBalancer().name(), l.port(), rule));
    return priority;
  }

  ElbArns.RuleRef modifyRule(
      String ruleArn,
      @Nullable List<io.github.cloudtwin.elb.RuleCondition> conditions,
      @Nullable RuleAction action) {
    ElbArns.RuleRef ref = lookup.rule(ruleArn);
    ElbArns.ListenerRef l = ref.listener();
    if (ref.priority() == 0) {
      if (conditions != null && !conditions.isEmpty()) {
        throw AwsErrorException.badRequest(
            "OperationNotPermitted", "Default rule cannot have conditions");
      }
      if (action != null)
        core(() -> elb.modifyListenerDefaultAction(l.loadBalancer().name(), l.port(), action));
      return ref;
    }
    RuleSpec old =
        lookup.spec(l).rules().stream()
            .filter(r -> r.priority() == ref.priority())
            .findFirst()
            .orElseThrow();
    RuleSpec rule =
        ruleSpec(
            ref.priority(),
            conditions == null || conditions.isEmpty() ? old.conditions() : conditions,
            action == null ? old.action() : action);
    core(() -> elb.modifyRule(l.loadBalancer().name(), l.port(), rule));
    return ref;
  }

  void deleteRule(String ruleArn) {
    ElbArns.RuleRef ref = lookup.rule(ruleArn);
    if (ref.priority() == 0)
      throw AwsErrorException.badRequest("OperationNotPermitted", "Default rule cannot be deleted");
    ElbArns.ListenerRef l = ref.listener();
    core(() -> elb.deleteRule(l.loadBalancer().name(), l.port(), ref.priority()));
    arns.forgetRule(l.loadBalancer(), l.port(), ref.priority());
  }

  List<ElbArns.RuleRef> setRulePriorities(Map<String, Integer> priorityByRuleArn) {
    if (priorityByRuleArn == null || priorityByRuleArn.isEmpty())
      throw validation("Rule priorities must be specified.");
    ElbArns.ListenerRef listener = null;
    Map<Integer, Integer> newByOld = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : priorityByRuleArn.entrySet()) {
      ElbArns.RuleRef ref = lookup.rule(e.getKey());
      if (ref.priority() == 0)
        throw AwsErrorException.badRequest(
            "OperationNotPermitted", "Default rule priority cannot be" + " modified");
      if (listener != null
          && (listener.port() != ref.listener().port()
              || !listener.loadBalancer().name().equals(ref.listener().loadBalancer().name()))) {
        throw validation("All rules must belong to the same listener");
      }
      listener = ref.listener();
      Integer p = e.getValue();
      if (p == null) throw validation("A rule priority must be specified.");
      if (p < 1 || p > 50000) {
        throw AwsErrorException.constraint(
            "ValidationError",
            "rulePriorities.member.priority",
            p,
            "Member must have value greater than or equal to 1 and less than or equal to 50000");
      }
      newByOld.put(ref.priority(), p);
    }
    ElbArns.ListenerRef l =
        Objects.requireNonNull(listener, "the rules' listener (the map is not empty)");
    core(() -> elb.setRulePriorities(l.loadBalancer().name(), l.port(), newByOld));
    arns.moveRules(l.loadBalancer(), l.port(), newByOld);
    List<ElbArns.RuleRef> out = new ArrayList<>();
    for (int p : newByOld.values()) out.add(new ElbArns.RuleRef(l, p));
    return out;
  }

  void deleteListener(String listenerArn) {
    ElbArns.ListenerRef l = lookup.listener(listenerArn);
    core(() -> elb.deleteListener(l.loadBalancer().name(), l.port()));
  }

  private static RuleSpec ruleSpec(
      int priority, List<io.github.cloudtwin.elb.RuleCondition> conditions, RuleAction action) {
    try {
      return new RuleSpec(priority, conditions, action);
    } catch (ValidationException e) {
      throw validation(e.getMessage());
    }
  }
}
