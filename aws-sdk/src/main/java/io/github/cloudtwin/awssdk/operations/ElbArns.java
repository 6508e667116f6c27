package io.github.cloudtwin.awssdk.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.TargetGroup;

/**
 * The ARNs of load balancers, target groups, listeners and rules, built from the ids the twin
 * issues (the {@code app/<name>/<id>} and {@code targetgroup/<name>/<id>} of the CloudWatch
 * dimensions), so an ARN, a dimension and a target tracking resource label agree.
 */
public final class ElbArns {

  private final CloudTwin twin;
  private final String prefix;

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
    return prefix + "listener/" + lb.dimensionValue() + "/" + Ids.hex("listener/" + lb.dimensionValue() + ":" + port, 16);
  }

  /** The ARN of a rule of the listener on {@code port}; priority 0 is the default rule. */
  public String ruleArn(LoadBalancer lb, int port, int priority) {
    return prefix + "listener-rule/" + lb.dimensionValue() + "/"
        + Ids.hex("listener/" + lb.dimensionValue() + ":" + port, 16) + "/"
        + Ids.hex("rule/" + lb.dimensionValue() + ":" + port + ":" + priority, 16);
  }

  /** The target group with {@code arn}, or null. */
  public TargetGroup targetGroup(String arn) {
    if (arn == null) return null;
    for (TargetGroup tg : twin.loadBalancing().targetGroups()) if (targetGroupArn(tg).equals(arn)) return tg;
    return null;
  }

  /** The load balancer with {@code arn}, or null. */
  public LoadBalancer loadBalancer(String arn) {
    if (arn == null) return null;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) if (loadBalancerArn(lb).equals(arn)) return lb;
    return null;
  }

  /** The load balancer and port of the listener with {@code arn}, or null. */
  public ListenerRef listener(String arn) {
    if (arn == null) return null;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) {
      for (int port : lb.listenerPorts()) if (listenerArn(lb, port).equals(arn)) return new ListenerRef(lb, port);
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
