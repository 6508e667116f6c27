package io.github.cloudtwin.awssdk.internal.elb;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.ElbArns;
import io.github.cloudtwin.awssdk.internal.operations.ElbOperations;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleCondition;
import io.github.cloudtwin.elb.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Listeners, rules, conditions and actions, both ways: a request's conditions and actions as the
 * twin's (refusing what it does not simulate), and listeners and rules as the SDK models them.
 */
final class ListenerModels {

  private final CloudTwin twin;
  private final ElbOperations ops;
  private final ElbArns arns;

  ListenerModels(CloudTwin twin, ElbOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.arns = ops.arns();
  }

  /** The SDK model of a listener. */
  Listener listener(ElbArns.ListenerRef l) {
    ListenerSpec s = ops.spec(l);
    return Listener.builder()
        .listenerArn(arns.listenerArn(l.loadBalancer(), l.port()))
        .loadBalancerArn(arns.loadBalancerArn(l.loadBalancer()))
        .port(l.port())
        .protocol(s.protocol().name())
        .defaultActions(actions(s.defaultAction()))
        .build();
  }

  /** The SDK model of a rule (priority 0: the listener's default rule). */
  Rule rule(ElbArns.RuleRef ref) {
    ElbArns.ListenerRef l = ref.listener();
    ListenerSpec s = ops.spec(l);
    String arn = arns.ruleArn(l.loadBalancer(), l.port(), ref.priority());
    if (ref.priority() == 0) {
      return Rule.builder()
          .ruleArn(arn)
          .priority("default")
          .conditions(List.of())
          .actions(actions(s.defaultAction()))
          .isDefault(true)
          .build();
    }
    RuleSpec rule =
        s.rules().stream().filter(x -> x.priority() == ref.priority()).findFirst().orElseThrow();
    return Rule.builder()
        .ruleArn(arn)
        .priority(Integer.toString(rule.priority()))
        .conditions(rule.conditions().stream().map(ListenerModels::condition).toList())
        .actions(actions(rule.action()))
        .isDefault(false)
        .build();
  }

  /** A request's rule conditions as the twin's, or null for none given. */
  static @Nullable List<RuleCondition> conditions(
      @Nullable List<software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition>
          in) {
    if (in == null) return null;
    List<RuleCondition> out = new ArrayList<>();
    for (software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition c : in) {
      String field = c.field();
      List<String> values = c.hasValues() ? c.values() : List.of();
      String header = null;
      if (field == null)
        throw AwsErrorException.badRequest(
            "ValidationError", "A condition field must be specified.");
      switch (field) {
        case "path-pattern" -> {
          if (c.pathPatternConfig() != null && c.pathPatternConfig().hasValues())
            values = c.pathPatternConfig().values();
        }
        case "host-header" -> {
          if (c.hostHeaderConfig() != null && c.hostHeaderConfig().hasValues())
            values = c.hostHeaderConfig().values();
        }
        case "http-header" -> {
          if (c.httpHeaderConfig() == null) {
            throw AwsErrorException.badRequest(
                "ValidationError", "An http-header condition needs HttpHeaderConfig.");
          }
          header = c.httpHeaderConfig().httpHeaderName();
          values = c.httpHeaderConfig().hasValues() ? c.httpHeaderConfig().values() : List.of();
        }
        default ->
            throw new UnsupportedOperationException(
                "Rule condition field "
                    + field
                    + " is not simulated by"
                    + " CloudTwin (path-pattern, host-header and http-header are)");
      }
      try {
        out.add(new RuleCondition(field, header, values));
      } catch (io.github.cloudtwin.kernel.ValidationException e) {
        throw AwsErrorException.badRequest("ValidationError", e.getMessage());
      }
    }
    return out;
  }

  private static software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition
      condition(RuleCondition c) {
    var b =
        software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition.builder()
            .field(c.field());
    return switch (c.field()) {
      case "http-header" ->
          b.httpHeaderConfig(h -> h.httpHeaderName(c.httpHeaderName()).values(c.values())).build();
      case "host-header" ->
          b.values(c.values()).hostHeaderConfig(h -> h.values(c.values())).build();
      default -> b.values(c.values()).pathPatternConfig(p -> p.values(c.values())).build();
    };
  }

  /** A request's actions as the twin's one action. */
  RuleAction action(List<Action> actions) {
    if (actions.size() != 1) {
      throw new UnsupportedOperationException(
          "Listener actions other than one forward or fixed-response action are"
              + " not simulated by CloudTwin");
    }
    Action a = actions.get(0);
    switch (a.typeAsString() == null ? "" : a.typeAsString()) {
      case "forward" -> {
        if (a.forwardConfig() != null
            && a.forwardConfig().hasTargetGroups()
            && !a.forwardConfig().targetGroups().isEmpty()) {
          List<Object> weights = new ArrayList<>();
          for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
            weights.add(ops.targetGroup(t.targetGroupArn()).name());
            weights.add(t.weight() == null ? 1 : t.weight());
          }
          return RuleAction.forward(weights.toArray());
        }
        return RuleAction.forward(ops.targetGroup(a.targetGroupArn()).name());
      }
      case "fixed-response" -> {
        FixedResponseActionConfig f = a.fixedResponseConfig();
        if (f == null || f.statusCode() == null) {
          throw AwsErrorException.badRequest(
              "ValidationError", "A fixed response status code must be specified.");
        }
        return RuleAction.fixedResponse(
            Integer.parseInt(f.statusCode()), f.contentType(), f.messageBody());
      }
      default ->
          throw new UnsupportedOperationException(
              "Listener action type "
                  + a.typeAsString()
                  + " is not simulated by CloudTwin (forward and fixed-response are)");
    }
  }

  /** The SDK's actions of a twin action. */
  List<Action> actions(RuleAction a) {
    if (!a.isForward()) {
      return List.of(
          Action.builder()
              .type("fixed-response")
              .order(1)
              .fixedResponseConfig(
                  FixedResponseActionConfig.builder()
                      .statusCode(Integer.toString(a.fixedStatusCode()))
                      .contentType(a.fixedContentType())
                      .messageBody(a.fixedMessageBody())
                      .build())
              .build());
    }
    List<TargetGroupTuple> tuples = new ArrayList<>();
    for (Map.Entry<String, Integer> e : a.targetGroupWeights().entrySet()) {
      tuples.add(
          TargetGroupTuple.builder()
              .targetGroupArn(arns.targetGroupArn(twin.loadBalancing().targetGroup(e.getKey())))
              .weight(e.getValue())
              .build());
    }
    Action.Builder b =
        Action.builder()
            .type("forward")
            .order(1)
            .forwardConfig(ForwardActionConfig.builder().targetGroups(tuples).build());
    if (tuples.size() == 1) b.targetGroupArn(tuples.get(0).targetGroupArn());
    return List.of(b.build());
  }
}
