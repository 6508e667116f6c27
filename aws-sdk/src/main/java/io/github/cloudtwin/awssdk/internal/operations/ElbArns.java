package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.TargetGroup;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The ARNs of load balancers, target groups, listeners and rules, built from the ids the twin
 * issues (the {@code app/<name>/<id>} and {@code targetgroup/<name>/<id>} of the CloudWatch
 * dimensions), so an ARN, a dimension and a target tracking resource label agree.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ElbArns {

  private final CloudTwin twin;
  private final String prefix;

  /** Rule ids that moved with their rule (SetRulePriorities), by "dimension:port:priority". */
  private final Map<String, String> ruleIds = new java.util.HashMap<>();

  /** How often a rule at "dimension:port:priority" was deleted (a new rule there gets a new id). */
  private final Map<String, Integer> generations = new java.util.HashMap<>();

  /** The ARNs of {@code twin}'s load balancing. */
  public ElbArns(CloudTwin twin) {
    this.twin = twin;
    this.prefix = twin.arns().of("elasticloadbalancing", "");
  }

  /** The load balancer's ARN. */
  public String loadBalancerArn(LoadBalancer lb) {
    return prefix + "loadbalancer/" + lb.dimensionValue();
  }

  /** The target group's ARN. */
  public String targetGroupArn(TargetGroup tg) {
    return prefix + tg.dimensionValue();
  }

  /** The ARN of the listener on {@code port}. */
  public String listenerArn(LoadBalancer lb, int port) {
    return prefix
        + "listener/"
        + lb.dimensionValue()
        + "/"
        + Ids.hex("listener/" + lb.dimensionValue() + ":" + port, 16);
  }

  /** The ARN of a rule of the listener on {@code port}; priority 0 is the default rule. */
  public String ruleArn(LoadBalancer lb, int port, int priority) {
    String key = lb.dimensionValue() + ":" + port + ":" + priority;
    String id;
    synchronized (ruleIds) {
      id = ruleIds.get(key);
      if (id == null) {
        Integer generation = generations.get(key);
        id = Ids.hex("rule/" + key + (generation == null ? "" : "#" + generation), 16);
      }
    }
    return prefix
        + "listener-rule/"
        + lb.dimensionValue()
        + "/"
        + Ids.hex("listener/" + lb.dimensionValue() + ":" + port, 16)
        + "/"
        + id;
  }

  /**
   * Keeps rule ARNs stable when priorities change (SetRulePriorities): the rule now at each new
   * priority keeps the id it had at its old one.
   *
   * @param lb the load balancer
   * @param port the listener's port
   * @param newByOld the new priority of each rule, by its old one
   */
  public void moveRules(LoadBalancer lb, int port, Map<Integer, Integer> newByOld) {
    synchronized (ruleIds) {
      Map<Integer, String> ids = new java.util.HashMap<>();
      for (int old : newByOld.keySet()) {
        String arn = ruleArn(lb, port, old);
        ids.put(old, arn.substring(arn.lastIndexOf('/') + 1));
      }
      for (Map.Entry<Integer, Integer> e : newByOld.entrySet()) {
        ruleIds.put(lb.dimensionValue() + ":" + port + ":" + e.getValue(), ids.get(e.getKey()));
      }
    }
  }

  /**
   * Forgets a deleted rule's id, so a later rule at the same priority gets a new ARN.
   *
   * @param lb the load balancer
   * @param port the listener's port
   * @param priority the deleted rule's priority
   */
  public void forgetRule(LoadBalancer lb, int port, int priority) {
    String key = lb.dimensionValue() + ":" + port + ":" + priority;
    synchronized (ruleIds) {
      ruleIds.remove(key);
      generations.merge(key, 1, Integer::sum);
    }
  }

  /**
   * The rule with {@code arn}, or null.
   *
   * @param arn the rule's ARN
   * @return the listener and the rule's priority (0: the default rule), or null
   */
  public @Nullable RuleRef rule(@Nullable String arn) {
    if (arn == null) return null;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) {
      for (io.github.cloudtwin.elb.ListenerSpec l : lb.listeners()) {
        if (ruleArn(lb, l.port(), 0).equals(arn))
          return new RuleRef(new ListenerRef(lb, l.port()), 0);
        for (io.github.cloudtwin.elb.RuleSpec r : l.rules()) {
          if (ruleArn(lb, l.port(), r.priority()).equals(arn))
            return new RuleRef(new ListenerRef(lb, l.port()), r.priority());
        }
      }
    }
    return null;
  }

  /**
   * A listener rule: its listener and priority (0: the default rule).
   *
   * @param listener the listener
   * @param priority the priority; 0 for the default rule
   */
  public record RuleRef(ListenerRef listener, int priority) {}

  /** The target group with {@code arn}, or null. */
  public @Nullable TargetGroup targetGroup(@Nullable String arn) {
    if (arn == null) return null;
    for (TargetGroup tg : twin.loadBalancing().targetGroups())
      if (targetGroupArn(tg).equals(arn)) return tg;
    return null;
  }

  /** The load balancer with {@code arn}, or null. */
  public @Nullable LoadBalancer loadBalancer(@Nullable String arn) {
    if (arn == null) return null;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers())
      if (loadBalancerArn(lb).equals(arn)) return lb;
    return null;
  }

  /** The load balancer and port of the listener with {@code arn}, or null. */
  public @Nullable ListenerRef listener(@Nullable String arn) {
    if (arn == null) return null;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) {
      for (int port : lb.listenerPorts())
        if (listenerArn(lb, port).equals(arn)) return new ListenerRef(lb, port);
    }
    return null;
  }

  /**
   * A listener: the load balancer and the port.
   *
   * @param loadBalancer the load balancer
   * @param port the listener's port
   */
  public record ListenerRef(LoadBalancer loadBalancer, int port) {}
}
