package io.github.cloudtwin.elb;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks a listener change passes before anything changes, answered in AWS's words: protocols
 * that suit the load balancer, rules and fixed responses only on Application Load Balancers, target
 * groups that exist and suit it, listeners and rules that exist.
 */
final class ListenerValidation {

  private ListenerValidation() {}

  /** {@code CreateListener}: a free port, a protocol and actions that suit the load balancer. */
  static void checkNewListener(ElbRegistry registry, LbState lb, ListenerSpec spec) {
    if (lb.listeners.containsKey(spec.port())) {
      throw new ValidationException(
          "Port",
          spec.port(),
          "a port without a listener on "
              + lb.spec.name()
              + " (in use: "
              + lb.listeners.keySet()
              + ")",
          "DuplicateListener: A listener already exists on this port for this load balancer");
    }
    LoadBalancerType type = lb.spec.type();
    if (type == LoadBalancerType.APPLICATION && !spec.protocol().isHttp()) {
      throw new ValidationException(
          "Protocol", spec.protocol(), "HTTP or HTTPS for an Application Load Balancer");
    }
    if (type == LoadBalancerType.NETWORK && spec.protocol().isHttp()) {
      throw new ValidationException(
          "Protocol", spec.protocol(), "TCP, TLS, UDP or TCP_UDP for a Network Load Balancer");
    }
    if (type != LoadBalancerType.CLASSIC && spec.instancePort() != null) {
      throw new ValidationException(
          "InstancePort",
          spec.instancePort(),
          "no instance port: only Classic Load Balancer listeners"
              + " have one (a target group carries the port targets receive traffic on)");
    }
    checkRulesAndActions(registry, lb, spec);
  }

  /**
   * A changed listener (rules, default action, priorities): rules only where they may be, actions
   * valid.
   */
  static void checkReplacement(ElbRegistry registry, LbState lb, ListenerSpec spec) {
    if (lb.spec.type() != LoadBalancerType.APPLICATION && !spec.rules().isEmpty()) {
      throw new ValidationException(
          "ListenerArn",
          spec.port(),
          "a listener of an Application Load Balancer (only those have rules)");
    }
    checkRulesAndActions(registry, lb, spec);
  }

  /**
   * Validates a listener's rules and actions against its load balancer (before anything changes).
   */
  private static void checkRulesAndActions(ElbRegistry registry, LbState lb, ListenerSpec spec) {
    LoadBalancerType type = lb.spec.type();
    if (type != LoadBalancerType.APPLICATION && !spec.rules().isEmpty()) {
      throw new ValidationException(
          "Rules",
          spec.rules().size(),
          "no rules: only Application Load Balancer listeners have rules");
    }
    List<RuleAction> actions = new ArrayList<>();
    actions.add(spec.defaultAction());
    for (RuleSpec r : spec.rules()) actions.add(r.action());
    for (RuleAction a : actions) {
      if (!a.isForward()) {
        if (type != LoadBalancerType.APPLICATION)
          throw new ValidationException(
              "DefaultActions",
              "fixed-response",
              "forward (fixed responses are for Application Load Balancers)");
        continue;
      }
      if (type != LoadBalancerType.APPLICATION && a.targetGroupWeights().size() > 1) {
        throw new ValidationException(
            "ForwardConfig.TargetGroups", a.targetGroupWeights().keySet(), "one target group");
      }
      for (String name : a.targetGroupNames()) {
        if (type == LoadBalancerType.CLASSIC) {
          if (!name.equals(lb.spec.name()))
            throw new ValidationException(
                "TargetGroupArn",
                name,
                "the Classic Load Balancer's own name "
                    + lb.spec.name()
                    + " (instances register with it)");
          continue;
        }
        TgState g = registry.tg(name);
        if (g.lbType != type) {
          throw new ValidationException(
              "TargetGroupArn",
              name,
              "a target group whose protocol suits a "
                  + type.name().toLowerCase(Locale.ROOT)
                  + " load balancer (it is "
                  + g.spec.protocol()
                  + ")");
        }
      }
    }
  }

  /** The listener on {@code port}, or {@code ListenerNotFound}. */
  static ListenerSpec listener(LbState lb, int port) {
    ListenerSpec l = lb.listeners.get(port);
    if (l == null) {
      throw new ValidationException(
          "ListenerArn",
          port,
          "the port of a listener of " + lb.spec.name() + " " + lb.listeners.keySet(),
          "ListenerNotFound: One or more listeners not found");
    }
    return l;
  }

  /** The index of the rule with {@code priority}, or {@code RuleNotFound}. */
  static int ruleIndex(ListenerSpec l, int priority) {
    for (int i = 0; i < l.rules().size(); i++)
      if (l.rules().get(i).priority() == priority) return i;
    throw new ValidationException(
        "RuleArn",
        priority,
        "the priority of a rule of listener "
            + l.port()
            + " "
            + l.rules().stream().map(RuleSpec::priority).toList(),
        "RuleNotFound: One or more rules not found");
  }
}
