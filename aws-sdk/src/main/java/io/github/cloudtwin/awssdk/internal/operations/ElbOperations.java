package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.core;
import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.protocol;
import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.validation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleSpec;
import io.github.cloudtwin.elb.TargetDescription;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealth;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Elastic Load Balancing (v2) API operations over the twin, independent of any SDK: load balancers,
 * target groups, listeners and their rules, target registration and health, with AWS's error codes
 * ({@code LoadBalancerNotFound}, {@code TargetGroupNotFound}, {@code DuplicateTargetGroupName},
 * {@code InvalidTarget}, {@code ValidationError}, ...) and Marker/NextMarker pages.
 *
 * <p>A facade: load balancers and target groups here; listeners and rules, targets, lookups by ARN
 * and the error answers have their own classes.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ElbOperations {

  private static final Pagination PAGES = new Pagination("elasticloadbalancing", "ValidationError");

  private final CloudTwin twin;
  private final LoadBalancing elb;
  private final ElbArns arns;
  private final ElbLookup lookup;
  private final ListenerRules listeners;
  private final ElbTargets targets;

  /** Operations on {@code twin}. */
  public ElbOperations(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.elb = twin.loadBalancing();
    this.arns = new ElbArns(twin);
    this.lookup = new ElbLookup(arns);
    this.listeners = new ListenerRules(elb, arns, lookup);
    this.targets = new ElbTargets(twin, lookup);
  }

  /** The ARNs this twin's load balancing answers with. */
  public ElbArns arns() {
    return arns;
  }

  /**
   * A target group's health check as {@code CreateTargetGroup} takes it (nulls: defaults).
   *
   * @param protocol the health check protocol
   * @param port {@code traffic-port} or a number
   * @param path the path (HTTP/HTTPS)
   * @param intervalSeconds the interval
   * @param timeoutSeconds the timeout
   * @param healthyThresholdCount consecutive successes to become healthy
   * @param unhealthyThresholdCount consecutive failures to become unhealthy
   * @param matcher the HTTP codes, such as {@code 200-299}
   * @param enabled whether checks run
   */
  public record HealthCheck(
      String protocol,
      String port,
      String path,
      Integer intervalSeconds,
      Integer timeoutSeconds,
      Integer healthyThresholdCount,
      Integer unhealthyThresholdCount,
      @Nullable String matcher,
      Boolean enabled) {}

  // ------------------------------------------------------------------ load balancers

  /** {@code CreateLoadBalancer}: zones from the subnets (one per zone in the twin). */
  public LoadBalancer createLoadBalancer(String name, String type, List<String> subnets) {
    if (name == null) throw validation("A load balancer name is required.");
    LoadBalancerType t =
        switch (type == null ? "application" : type) {
          case "application" -> LoadBalancerType.APPLICATION;
          case "network" -> LoadBalancerType.NETWORK;
          default ->
              throw new UnsupportedOperationException(
                  "CreateLoadBalancer of type "
                      + type
                      + " is not simulated by CloudTwin (application and network are)");
        };
    if (subnets == null || subnets.isEmpty()) {
      throw validation("At least one subnet must be specified.");
    }
    List<String> zones = new ArrayList<>();
    for (String s : subnets) zones.add(zoneOfSubnet(s));
    if (elb.loadBalancers().stream().anyMatch(lb -> lb.name().equals(name))) {
      throw AwsErrorException.badRequest(
          "DuplicateLoadBalancerName", "A load balancer with the same name '" + name + "' exists");
    }
    try {
      return elb.createLoadBalancer(
          new LoadBalancerSpec(
              name,
              t,
              zones,
              null,
              Duration.ofSeconds(60), // AWS's idle_timeout.timeout_seconds default, as the spec's
              null,
              false,
              Duration.ofSeconds(300))); // ConnectionDraining.Timeout default (Classic only)
    } catch (ValidationException e) {
      throw validation(e.getMessage());
    }
  }

  /** {@code DescribeLoadBalancers}: all, or the ones named or by ARN (each must exist). */
  public Page<LoadBalancer> describeLoadBalancers(
      @Nullable List<String> names,
      @Nullable List<String> loadBalancerArns,
      @Nullable String marker,
      @Nullable Integer pageSize) {
    List<LoadBalancer> all = new ArrayList<>();
    if (names != null && !names.isEmpty()) {
      for (String n : new LinkedHashSet<>(names)) all.add(loadBalancerNamed(n));
    } else if (loadBalancerArns != null && !loadBalancerArns.isEmpty()) {
      for (String a : new LinkedHashSet<>(loadBalancerArns)) all.add(loadBalancer(a));
    } else {
      all.addAll(elb.loadBalancers());
      all.removeIf(lb -> lb.type() == LoadBalancerType.CLASSIC);
      all.sort(Comparator.comparing(LoadBalancer::name));
    }
    return PAGES.page("DescribeLoadBalancers", all, marker, pageSize, 400, 400, "pageSize");
  }

  /** The load balancer with this ARN, or LoadBalancerNotFound. */
  public LoadBalancer loadBalancer(String arn) {
    return lookup.loadBalancer(arn);
  }

  private LoadBalancer loadBalancerNamed(String name) {
    for (LoadBalancer lb : elb.loadBalancers())
      if (lb.name().equals(name) && lb.type() != LoadBalancerType.CLASSIC) return lb;
    throw AwsErrorException.badRequest(
        "LoadBalancerNotFound", "Load balancers '[" + name + "]' not found");
  }

  /**
   * When the load balancer was created (its {@link ElbFact.LoadBalancerCreated} timeline event).
   */
  public Instant createdTime(LoadBalancer lb) {
    for (TimelineEvent e : twin.timeline().events(ElbFact.LoadBalancerCreated.class)) {
      if (((ElbFact.LoadBalancerCreated) e.fact()).loadBalancerName().equals(lb.name()))
        return e.time();
    }
    return twin.now();
  }

  // ------------------------------------------------------------------ target groups

  /**
   * {@code CreateTargetGroup}; the same name with the same settings answers the existing group, as
   * AWS does.
   */
  public TargetGroup createTargetGroup(
      String name, String protocol, Integer port, String targetType, HealthCheck hc) {
    if (name == null) throw validation("A target group name is required.");
    TargetType tt =
        targetType == null
            ? TargetType.INSTANCE
            : switch (targetType) {
              case "instance" -> TargetType.INSTANCE;
              case "ip" -> TargetType.IP;
              default ->
                  throw new UnsupportedOperationException(
                      "CreateTargetGroup with TargetType "
                          + targetType
                          + " is not simulated by CloudTwin (instance and ip are)");
            };
    if (protocol == null)
      throw validation(
          "A protocol must be specified for target type '"
              + tt.toString().toLowerCase(java.util.Locale.ROOT)
              + "'.");
    if (port == null)
      throw validation(
          "A port must be specified for target type '"
              + tt.toString().toLowerCase(java.util.Locale.ROOT)
              + "'.");
    Protocol p = protocol(protocol);
    TargetGroupSpec.Builder b = TargetGroupSpec.builder(name).protocol(p).port(port).targetType(tt);
    if (hc != null) b.healthCheck(healthCheck(hc));
    TargetGroupSpec spec;
    try {
      spec = b.build();
    } catch (ValidationException e) {
      throw validation(e.getMessage());
    }
    for (TargetGroup existing : elb.targetGroups()) {
      if (existing.name().equals(name)) {
        if (existing.spec().equals(spec)) return existing;
        throw AwsErrorException.badRequest(
            "DuplicateTargetGroupName",
            "A target group with the same name '" + name + "' exists, but with different settings");
      }
    }
    return elb.createTargetGroup(spec);
  }

  private static HealthCheckSpec healthCheck(HealthCheck hc) {
    HealthCheckSpec.Builder b = HealthCheckSpec.builder();
    if (hc.protocol() != null) b.protocol(protocol(hc.protocol()));
    if (hc.port() != null && !hc.port().equals("traffic-port")) {
      try {
        b.port(Integer.parseInt(hc.port()));
      } catch (NumberFormatException e) {
        throw validation(
            "Health check port '"
                + hc.port()
                + "' must be 'traffic-port' or a number from 1 to 65535");
      }
    }
    if (hc.path() != null) b.path(hc.path());
    if (hc.intervalSeconds() != null) b.interval(Duration.ofSeconds(hc.intervalSeconds()));
    if (hc.timeoutSeconds() != null) b.timeout(Duration.ofSeconds(hc.timeoutSeconds()));
    if (hc.healthyThresholdCount() != null) b.healthyThresholdCount(hc.healthyThresholdCount());
    if (hc.unhealthyThresholdCount() != null)
      b.unhealthyThresholdCount(hc.unhealthyThresholdCount());
    if (hc.matcher() != null) b.matcher(hc.matcher());
    if (hc.enabled() != null) b.enabled(hc.enabled());
    return b.build();
  }

  /** {@code DescribeTargetGroups}: all, the named, by ARN, or those of a load balancer. */
  public Page<TargetGroup> describeTargetGroups(
      @Nullable String loadBalancerArn,
      @Nullable List<String> targetGroupArns,
      @Nullable List<String> names,
      @Nullable String marker,
      @Nullable Integer pageSize) {
    List<TargetGroup> all = new ArrayList<>();
    if (names != null && !names.isEmpty()) {
      for (String n : new LinkedHashSet<>(names)) {
        TargetGroup tg =
            elb.targetGroups().stream()
                .filter(t -> t.name().equals(n))
                .findFirst()
                .orElseThrow(
                    () ->
                        AwsErrorException.badRequest(
                            "TargetGroupNotFound", "One or more target groups not found"));
        all.add(tg);
      }
    } else if (targetGroupArns != null && !targetGroupArns.isEmpty()) {
      for (String a : new LinkedHashSet<>(targetGroupArns)) all.add(targetGroup(a));
    } else {
      LoadBalancer lb = loadBalancerArn == null ? null : loadBalancer(loadBalancerArn);
      for (TargetGroup tg : elb.targetGroups()) {
        if (tg.spec() == null) continue;
        if (lb == null || loadBalancersOf(tg).contains(lb.name())) all.add(tg);
      }
      all.sort(Comparator.comparing(TargetGroup::name));
    }
    return PAGES.page("DescribeTargetGroups", all, marker, pageSize, 400, 400, "pageSize");
  }

  /** The target group with this ARN, or TargetGroupNotFound. */
  public TargetGroup targetGroup(String arn) {
    return lookup.targetGroup(arn);
  }

  /** The names of the load balancers whose listeners forward to {@code tg}. */
  public List<String> loadBalancersOf(TargetGroup tg) {
    List<String> out = new ArrayList<>();
    for (LoadBalancer lb : elb.loadBalancers()) {
      for (ListenerSpec l : lb.listeners()) {
        boolean uses =
            l.defaultAction().isForward()
                && l.defaultAction().targetGroupWeights().containsKey(tg.name());
        for (RuleSpec r : l.rules())
          uses |= r.action().isForward() && r.action().targetGroupWeights().containsKey(tg.name());
        if (uses && !out.contains(lb.name())) out.add(lb.name());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ listeners and rules

  /** {@code CreateListener} forwarding to one target group (or a fixed response). */
  public void createListener(
      String loadBalancerArn,
      Integer port,
      String protocol,
      RuleAction defaultAction,
      List<RuleSpec> rules) {
    listeners.createListener(loadBalancerArn, port, protocol, defaultAction, rules);
  }

  /** The listeners of a load balancer, or the one with this ARN. */
  public List<ElbArns.ListenerRef> describeListeners(
      @Nullable String loadBalancerArn, @Nullable List<String> listenerArns) {
    return listeners.describeListeners(loadBalancerArn, listenerArns);
  }

  /** The listener with this ARN, or ListenerNotFound. */
  public ElbArns.ListenerRef listener(String arn) {
    return lookup.listener(arn);
  }

  /** The spec of a listener. */
  public ListenerSpec spec(ElbArns.ListenerRef l) {
    return lookup.spec(l);
  }

  /** {@code CreateRule} on an Application Load Balancer's listener; answers the rule's priority. */
  public int createRule(
      String listenerArn,
      Integer priority,
      @Nullable List<io.github.cloudtwin.elb.RuleCondition> conditions,
      @Nullable RuleAction action) {
    return listeners.createRule(listenerArn, priority, conditions, action);
  }

  /**
   * {@code ModifyRule}: new conditions and/or actions for a rule (not the default rule's
   * conditions).
   */
  public ElbArns.RuleRef modifyRule(
      String ruleArn,
      @Nullable List<io.github.cloudtwin.elb.RuleCondition> conditions,
      @Nullable RuleAction action) {
    return listeners.modifyRule(ruleArn, conditions, action);
  }

  /** {@code DeleteRule}: not the default rule. */
  public void deleteRule(String ruleArn) {
    listeners.deleteRule(ruleArn);
  }

  /**
   * {@code SetRulePriorities}: every rule of one listener, applied at once; answers the rules
   * moved.
   */
  public List<ElbArns.RuleRef> setRulePriorities(Map<String, Integer> priorityByRuleArn) {
    return listeners.setRulePriorities(priorityByRuleArn);
  }

  /** {@code DeleteListener}. */
  public void deleteListener(String listenerArn) {
    listeners.deleteListener(listenerArn);
  }

  /** The rule with this ARN, or RuleNotFound. */
  public ElbArns.RuleRef rule(String arn) {
    return lookup.rule(arn);
  }

  /**
   * {@code DeleteLoadBalancer}: AWS answers success for a load balancer that does not exist or is
   * already deleted.
   */
  public void deleteLoadBalancer(String loadBalancerArn) {
    if (loadBalancerArn == null) throw validation("A load balancer ARN must be specified.");
    LoadBalancer lb = arns.loadBalancer(loadBalancerArn);
    if (lb != null) core(() -> elb.deleteLoadBalancer(lb.name()));
  }

  /**
   * {@code DeleteTargetGroup}: ResourceInUse while a listener or rule forwards to it; an unknown
   * ARN succeeds.
   */
  public void deleteTargetGroup(String targetGroupArn) {
    if (targetGroupArn == null) throw validation("A target group ARN must be specified.");
    TargetGroup tg = arns.targetGroup(targetGroupArn);
    if (tg == null) return;
    core(() -> elb.deleteTargetGroup(tg.name()));
  }

  // ------------------------------------------------------------------ targets

  /** {@code RegisterTargets}: every target must be a known instance (or an IP in a zone). */
  public void registerTargets(String targetGroupArn, List<TargetDescription> targets) {
    this.targets.registerTargets(targetGroupArn, targets);
  }

  /** {@code DeregisterTargets}: they drain for the deregistration delay. */
  public void deregisterTargets(String targetGroupArn, @Nullable List<String> targetIds) {
    targets.deregisterTargets(targetGroupArn, targetIds);
  }

  /**
   * One row of {@code DescribeTargetHealth}.
   *
   * @param id the target id
   * @param port the port
   * @param health its health with AWS's state, reason code and description
   */
  public record TargetHealthRow(String id, int port, TargetHealth health) {}

  /**
   * {@code DescribeTargetHealth}: registered targets, or the ones asked (unregistered ones are
   * {@code unused}).
   */
  public List<TargetHealthRow> describeTargetHealth(
      String targetGroupArn, @Nullable List<String> targetIds) {
    return targets.describeTargetHealth(targetGroupArn, targetIds);
  }

  // ------------------------------------------------------------------ helpers

  /** The zone the subnet id stands for, or InvalidSubnet / SubnetNotFound. */
  public String zoneOfSubnet(String subnet) {
    for (AvailabilityZone z : twin.availabilityZones())
      if (Ids.subnetId(z.name()).equals(subnet)) return z.name();
    throw AwsErrorException.badRequest(
        "SubnetNotFound", "The subnet ID '" + subnet + "' does not exist");
  }
}
