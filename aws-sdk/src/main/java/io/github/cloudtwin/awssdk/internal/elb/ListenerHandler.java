package io.github.cloudtwin.awssdk.internal.elb;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.ElbArns;
import io.github.cloudtwin.awssdk.internal.operations.ElbOperations;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesResponse;

/**
 * The {@code ElasticLoadBalancingV2Client} operations on listeners and their rules: SDK requests to
 * {@link ElbOperations} calls and twin listeners and rules to SDK models ({@link ListenerModels}).
 */
final class ListenerHandler {

  private final ElbOperations ops;
  private final ListenerModels listeners;

  ListenerHandler(CloudTwin twin, ElbOperations ops) {
    this.ops = ops;
    this.listeners = new ListenerModels(twin, ops);
  }

  // ------------------------------------------------------------------ listeners and rules

  /** CreateListener. */
  public CreateListenerResponse createListener(CreateListenerRequest r) {
    if (!r.hasDefaultActions() || r.defaultActions().isEmpty()) {
      throw AwsErrorException.badRequest("ValidationError", "A default action must be specified.");
    }
    RuleAction action = listeners.action(r.defaultActions());
    ops.createListener(r.loadBalancerArn(), r.port(), r.protocolAsString(), action, List.of());
    io.github.cloudtwin.elb.LoadBalancer lb = ops.loadBalancer(r.loadBalancerArn());
    return CreateListenerResponse.builder()
        .listeners(listeners.listener(new ElbArns.ListenerRef(lb, r.port())))
        .build();
  }

  /** DescribeListeners. */
  public DescribeListenersResponse describeListeners(DescribeListenersRequest r) {
    List<Listener> out = new ArrayList<>();
    for (ElbArns.ListenerRef l :
        ops.describeListeners(r.loadBalancerArn(), r.hasListenerArns() ? r.listenerArns() : null)) {
      out.add(listeners.listener(l));
    }
    return DescribeListenersResponse.builder().listeners(out).build();
  }

  /**
   * DescribeRules: the listener's rules by priority, then its default rule; or the rules by ARN.
   */
  public DescribeRulesResponse describeRules(DescribeRulesRequest r) {
    List<Rule> out = new ArrayList<>();
    if (r.listenerArn() == null) {
      if (!r.hasRuleArns() || r.ruleArns().isEmpty()) {
        throw AwsErrorException.badRequest(
            "ValidationError", "You must specify either listener ARNs or rule ARNs");
      }
      for (String arn : r.ruleArns()) out.add(listeners.rule(ops.rule(arn)));
      return DescribeRulesResponse.builder().rules(out).build();
    }
    ElbArns.ListenerRef l = ops.listener(r.listenerArn());
    for (RuleSpec rule : ops.spec(l).rules())
      out.add(listeners.rule(new ElbArns.RuleRef(l, rule.priority())));
    out.add(listeners.rule(new ElbArns.RuleRef(l, 0)));
    return DescribeRulesResponse.builder().rules(out).build();
  }

  /** CreateRule. */
  public CreateRuleResponse createRule(CreateRuleRequest r) {
    ElbArns.ListenerRef l = ops.listener(r.listenerArn());
    int priority =
        ops.createRule(
            r.listenerArn(),
            r.priority(),
            ListenerModels.conditions(r.hasConditions() ? r.conditions() : null),
            r.hasActions() && !r.actions().isEmpty() ? listeners.action(r.actions()) : null);
    return CreateRuleResponse.builder()
        .rules(listeners.rule(new ElbArns.RuleRef(l, priority)))
        .build();
  }

  /** ModifyRule. */
  public ModifyRuleResponse modifyRule(ModifyRuleRequest r) {
    ElbArns.RuleRef ref =
        ops.modifyRule(
            r.ruleArn(),
            ListenerModels.conditions(r.hasConditions() ? r.conditions() : null),
            r.hasActions() && !r.actions().isEmpty() ? listeners.action(r.actions()) : null);
    return ModifyRuleResponse.builder().rules(listeners.rule(ref)).build();
  }

  /** DeleteRule. */
  public DeleteRuleResponse deleteRule(DeleteRuleRequest r) {
    ops.deleteRule(r.ruleArn());
    return DeleteRuleResponse.builder().build();
  }

  /** SetRulePriorities. */
  public SetRulePrioritiesResponse setRulePriorities(SetRulePrioritiesRequest r) {
    Map<String, Integer> pairs = new java.util.LinkedHashMap<>();
    if (r.hasRulePriorities())
      for (RulePriorityPair p : r.rulePriorities()) pairs.put(p.ruleArn(), p.priority());
    List<Rule> out = new ArrayList<>();
    for (ElbArns.RuleRef ref : ops.setRulePriorities(pairs)) out.add(listeners.rule(ref));
    return SetRulePrioritiesResponse.builder().rules(out).build();
  }

  /** DeleteListener. */
  public DeleteListenerResponse deleteListener(DeleteListenerRequest r) {
    ops.deleteListener(r.listenerArn());
    return DeleteListenerResponse.builder().build();
  }
}
