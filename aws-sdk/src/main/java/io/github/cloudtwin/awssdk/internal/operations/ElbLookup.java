package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.TargetGroup;

/**
 * Finds load balancing resources by ARN, each with AWS's NotFound error: load balancers, target
 * groups, listeners (and their specs) and rules.
 */
final class ElbLookup {

  private final ElbArns arns;

  ElbLookup(ElbArns arns) {
    this.arns = arns;
  }

  /** The load balancer with this ARN, or LoadBalancerNotFound. */
  LoadBalancer loadBalancer(String arn) {
    LoadBalancer lb = arns.loadBalancer(arn);
    if (lb == null) {
      throw AwsErrorException.badRequest(
          "LoadBalancerNotFound", "One or more load balancers not found");
    }
    return lb;
  }

  /** The target group with this ARN, or TargetGroupNotFound. */
  TargetGroup targetGroup(String arn) {
    TargetGroup tg = arns.targetGroup(arn);
    if (tg == null)
      throw AwsErrorException.badRequest(
          "TargetGroupNotFound", "Target groups '" + arn + "' not found");
    return tg;
  }

  /** The listener with this ARN, or ListenerNotFound. */
  ElbArns.ListenerRef listener(String arn) {
    ElbArns.ListenerRef l = arns.listener(arn);
    if (l == null)
      throw AwsErrorException.badRequest("ListenerNotFound", "One or more listeners not found");
    return l;
  }

  /** The spec of a listener. */
  ListenerSpec spec(ElbArns.ListenerRef l) {
    return l.loadBalancer().listeners().stream()
        .filter(s -> s.port() == l.port())
        .findFirst()
        .orElseThrow();
  }

  /** The rule with this ARN, or RuleNotFound. */
  ElbArns.RuleRef rule(String arn) {
    ElbArns.RuleRef r = arns.rule(arn);
    if (r == null)
      throw AwsErrorException.badRequest("RuleNotFound", "One or more rules not found");
    return r;
  }
}
