package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancingAlgorithm;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleCondition;
import io.github.cloudtwin.elb.RuleSpec;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer, TargetGroup, Listener and ListenerRule. The twin
 * creates a listener with its rules, so each ListenerRule is read into its listener.
 */
final class ElbV2Resources {

  static final String LB = "AWS::ElasticLoadBalancingV2::LoadBalancer";
  static final String TG = "AWS::ElasticLoadBalancingV2::TargetGroup";
  static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
  static final String RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";
  private static final String ZEROS = "0000000000000000";

  private ElbV2Resources() {}

  // ------------------------------------------------------------------ load balancer

  static final ResourceHandler LOAD_BALANCER =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("Name"), 32);
        String type = p.string("Type");
        type = type == null ? "application" : type;
        if (!type.equals("application") && !type.equals("network")) {
          if (type.equals("gateway")) {
            if (r.planning())
              r.plan()
                  .report(
                      ImportReport.Kind.NOT_SIMULATED,
                      r.logicalId(),
                      r.type(),
                      "Properties.Type",
                      "Gateway Load Balancers are not simulated");
            String arn = r.arn("elasticloadbalancing", "loadbalancer/gwy/" + name + "/" + ZEROS);
            return Creation.fixed(
                Outcome.of(arn).attribute("LoadBalancerName", name).notSimulated());
          }
          throw p.invalid("Type", type, "application, network or gateway");
        }
        LinkedHashSet<String> zones = new LinkedHashSet<>();
        List<String> subnets = p.strings("Subnets");
        if (subnets != null) {
          for (int i = 0; i < subnets.size(); i++)
            zones.add(r.subnetZone(subnets.get(i), "Properties.Subnets[" + i + "]"));
        }
        List<Props> mappings = p.children("SubnetMappings");
        for (Props m : mappings)
          zones.add(r.subnetZone(m.requiredString("SubnetId"), m.path("SubnetId")));
        if (zones.isEmpty())
          throw r.invalid("Properties.Subnets", null, "Subnets or SubnetMappings");
        LoadBalancerSpec.Builder b =
            type.equals("application")
                ? LoadBalancerSpec.application(name)
                : LoadBalancerSpec.network(name);
        b.availabilityZones(new ArrayList<>(zones));
        for (Props a : p.children("LoadBalancerAttributes")) {
          String key = a.requiredString("Key");
          switch (key) {
            case "idle_timeout.timeout_seconds" ->
                b.idleTimeout(Duration.ofSeconds(a.requiredInt("Value")));
            case "load_balancing.cross_zone.enabled" ->
                b.crossZoneEnabled(Boolean.TRUE.equals(a.bool("Value")));
            default -> {
              a.accept("Key").accept("Value");
              r.unmodelled(
                  a.path("Key").replace(".Key", "") + " (" + key + ")",
                  "load balancer attribute not modelled by the twin");
            }
          }
        }
        LoadBalancerSpec spec = b.build();
        String prefix = type.equals("application") ? "app" : "net";
        return new Creation() {
          @Override
          public Outcome predict() {
            if (r.twin().loadBalancing().loadBalancers().stream()
                .anyMatch(l -> l.name().equals(name))) {
              throw r.invalid(
                  "Properties.Name",
                  name,
                  "a name no load balancer of the twin has (DuplicateLoadBalancerName)");
            }
            return outcome(prefix + "/" + name + "/" + ZEROS);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            LoadBalancer lb = twin.loadBalancing().createLoadBalancer(spec);
            return outcome(lb.dimensionValue()).withView(lb);
          }

          private Outcome outcome(String fullName) {
            String arn = r.arn("elasticloadbalancing", "loadbalancer/" + fullName);
            String dns =
                name
                    + "-"
                    + Math.abs(Names.fnv(fullName) % 1_000_000_000L)
                    + "."
                    + r.region()
                    + ".elb.amazonaws.com";
            return Outcome.of(arn)
                .attribute("LoadBalancerArn", arn)
                .attribute("LoadBalancerFullName", fullName)
                .attribute("LoadBalancerName", name)
                .attribute("DNSName", dns)
                .attribute("CanonicalHostedZoneID", "Z35SXDOTRQ7X7K")
                .attribute("SecurityGroups", List.of());
          }
        };
      };

  // ------------------------------------------------------------------ target group

  static final ResourceHandler TARGET_GROUP =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("Name"), 32);
        String targetType = p.string("TargetType");
        if (targetType != null && !targetType.equals("instance") && !targetType.equals("ip")) {
          if (targetType.equals("lambda") || targetType.equals("alb")) {
            if (r.planning()) {
              r.plan()
                  .report(
                      ImportReport.Kind.NOT_SIMULATED,
                      r.logicalId(),
                      r.type(),
                      "Properties.TargetType",
                      targetType + " targets are not simulated");
            }
            String arn = r.arn("elasticloadbalancing", "targetgroup/" + name + "/" + ZEROS);
            return Creation.fixed(
                Outcome.of(arn).attribute("TargetGroupName", name).notSimulated());
          }
          throw p.invalid("TargetType", targetType, "instance, ip, lambda or alb");
        }
        String protocol = p.string("Protocol");
        Integer port = p.integer("Port");
        if (protocol == null) throw p.missing("Protocol");
        if (port == null) throw p.missing("Port");
        p.string("VpcId");
        p.accept("ProtocolVersion");
        TargetGroupSpec.Builder b =
            TargetGroupSpec.builder(name)
                .protocol(Enums.optional(p, "Protocol", Protocol.class))
                .port(port);
        if (targetType != null)
          b.targetType(TargetType.valueOf(targetType.toUpperCase(java.util.Locale.ROOT)));
        HealthCheckSpec.Builder hc = HealthCheckSpec.builder();
        String hcProtocol = p.string("HealthCheckProtocol");
        if (hcProtocol != null)
          hc.protocol(Enums.optional(p, "HealthCheckProtocol", Protocol.class));
        String hcPort = p.string("HealthCheckPort");
        if (hcPort != null && !hcPort.equals("traffic-port"))
          hc.port(Objects.requireNonNull(p.integer("HealthCheckPort"), "the port's text was read"));
        String path = p.string("HealthCheckPath");
        if (path != null) hc.path(path);
        Duration interval = p.seconds("HealthCheckIntervalSeconds");
        if (interval != null) hc.interval(interval);
        Duration timeout = p.seconds("HealthCheckTimeoutSeconds");
        if (timeout != null) hc.timeout(timeout);
        Integer healthy = p.integer("HealthyThresholdCount");
        if (healthy != null) hc.healthyThresholdCount(healthy);
        Integer unhealthy = p.integer("UnhealthyThresholdCount");
        if (unhealthy != null) hc.unhealthyThresholdCount(unhealthy);
        Boolean enabled = p.bool("HealthCheckEnabled");
        if (enabled != null) hc.enabled(enabled);
        Props matcher = p.child("Matcher");
        if (matcher != null) {
          String code = matcher.string("HttpCode");
          if (code != null) hc.matcher(code);
        }
        b.healthCheck(hc.build());
        for (Props a : p.children("TargetGroupAttributes")) {
          String key = a.requiredString("Key");
          switch (key) {
            case "deregistration_delay.timeout_seconds" ->
                b.deregistrationDelay(Duration.ofSeconds(a.requiredInt("Value")));
            case "slow_start.duration_seconds" ->
                b.slowStart(Duration.ofSeconds(a.requiredInt("Value")));
            case "load_balancing.algorithm.type" -> {
              String v = a.requiredString("Value");
              LoadBalancingAlgorithm alg = null;
              for (LoadBalancingAlgorithm x : LoadBalancingAlgorithm.values())
                if (x.awsName().equals(v)) alg = x;
              if (alg == null)
                throw a.invalid(
                    "Value", v, "round_robin, least_outstanding_requests or weighted_random");
              b.algorithm(alg);
            }
            case "load_balancing.cross_zone.enabled" -> {
              String v = a.requiredString("Value");
              if (!v.equals("use_load_balancer_configuration"))
                b.crossZoneEnabled(Boolean.parseBoolean(v));
            }
            case "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count" ->
                b.minimumHealthyTargetsCount(a.requiredInt("Value"));
            default -> {
              a.accept("Key").accept("Value");
              r.unmodelled(
                  a.path("Key").replace(".Key", "") + " (" + key + ")",
                  "target group attribute not modelled by the twin");
            }
          }
        }
        TargetGroupSpec spec = b.build();
        return new Creation() {
          @Override
          public Outcome predict() {
            if (r.twin().loadBalancing().targetGroups().stream()
                .anyMatch(t -> t.name().equals(name))) {
              throw r.invalid(
                  "Properties.Name",
                  name,
                  "a name no target group of the twin has (DuplicateTargetGroupName)");
            }
            return outcome("targetgroup/" + name + "/" + ZEROS);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            TargetGroup tg = twin.loadBalancing().createTargetGroup(spec);
            return outcome(tg.dimensionValue()).withView(tg);
          }

          private Outcome outcome(String fullName) {
            String arn = r.arn("elasticloadbalancing", fullName);
            return Outcome.of(arn)
                .attribute("TargetGroupArn", arn)
                .attribute("TargetGroupFullName", fullName)
                .attribute("TargetGroupName", name)
                .attribute("LoadBalancerArns", List.of());
          }
        };
      };

  // ------------------------------------------------------------------ listener and rules

  static final ResourceHandler LISTENER_HANDLER =
      r -> {
        Props p = r.props();
        String lbArn = p.requiredString("LoadBalancerArn");
        ResourceContext.Found lb = r.byRef(lbArn);
        if (lb == null || !lb.type().equals(LB) || !lb.outcome().simulated()) {
          throw r.invalid(
              "Properties.LoadBalancerArn",
              lbArn,
              "a Ref to a simulated AWS::ElasticLoadBalancingV2::LoadBalancer of the template");
        }
        String lbName =
            Objects.requireNonNull(
                (String) lb.outcome().attributes().get("LoadBalancerName"),
                "a simulated load balancer's outcome names it");
        String lbFullName =
            Objects.requireNonNull(
                (String) lb.outcome().attributes().get("LoadBalancerFullName"),
                "a simulated load balancer's outcome has its full name");
        Integer port = p.integer("Port");
        String protocolText = p.string("Protocol");
        Protocol protocol = Enums.optional(p, "Protocol", Protocol.class);
        boolean alb = lbFullName.startsWith("app/");
        if (port == null) port = protocol == Protocol.HTTPS || protocol == Protocol.TLS ? 443 : 80;
        if (protocol == null) protocol = alb ? Protocol.HTTP : Protocol.TCP;
        ListenerSpec.Builder b = ListenerSpec.builder(lbName, port).protocol(protocol);
        List<Props> actions = p.children("DefaultActions");
        if (actions.isEmpty()) throw p.missing("DefaultActions");
        b.defaultAction(action(r, actions));
        for (String ruleId : r.foldedRules()) {
          Props rule = r.evaluate(ruleId, Set.of("ListenerArn"));
          b.rule(rule(r, rule));
        }
        ListenerSpec spec = b.build();
        int listenerPort = port;
        String arn =
            r.arn(
                "elasticloadbalancing",
                "listener/"
                    + lbFullName
                    + "/"
                    + Names.hexId("", r.stackName() + "/" + r.logicalId(), 16));
        if (protocolText == null) p.accept("Protocol");
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(arn).attribute("ListenerArn", arn);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            twin.loadBalancing().createListener(spec);
            return Outcome.of(arn)
                .attribute("ListenerArn", arn)
                .withView(twin.loadBalancing().loadBalancer(lbName))
                .withDetail(listenerPort);
          }
        };
      };

  static final ResourceHandler LISTENER_RULE =
      r -> {
        Props p = r.props();
        String listener = p.requiredString("ListenerArn");
        ResourceContext.Found f = r.byRef(listener);
        if (f == null || !f.type().equals(LISTENER)) {
          throw r.invalid(
              "Properties.ListenerArn",
              listener,
              "a Ref to an AWS::ElasticLoadBalancingV2::Listener of the template");
        }
        rule(r, p);
        String arn =
            r.arn(
                "elasticloadbalancing",
                "listener-rule/"
                    + listener.substring(listener.indexOf("listener/") + 9)
                    + "/"
                    + Names.hexId("", r.stackName() + "/" + r.logicalId(), 16));
        return Creation.fixed(
            Outcome.of(arn).attribute("RuleArn", arn).attribute("IsDefault", "false"));
      };

  private static RuleSpec rule(ResourceContext r, Props p) {
    int priority = p.requiredInt("Priority");
    List<RuleCondition> conditions = new ArrayList<>();
    for (Props c : p.children("Conditions")) conditions.add(condition(c));
    if (conditions.isEmpty()) throw p.missing("Conditions");
    List<Props> actions = p.children("Actions");
    if (actions.isEmpty()) throw p.missing("Actions");
    return new RuleSpec(priority, conditions, action(r, actions));
  }

  private static RuleCondition condition(Props c) {
    String field = c.requiredString("Field");
    List<String> values = c.strings("Values");
    String config =
        switch (field) {
          case "path-pattern" -> "PathPatternConfig";
          case "host-header" -> "HostHeaderConfig";
          case "http-header" -> "HttpHeaderConfig";
          default ->
              throw c.invalid(
                  "Field",
                  field,
                  "path-pattern, host-header or http-header (the conditions the twin routes on)");
        };
    Props cfg = c.child(config);
    String header = null;
    if (cfg != null) {
      values = cfg.strings("Values");
      if (field.equals("http-header")) header = cfg.requiredString("HttpHeaderName");
    }
    if (values == null || values.isEmpty()) throw c.missing("Values");
    return switch (field) {
      case "path-pattern" -> RuleCondition.pathPattern(values.toArray(String[]::new));
      case "host-header" -> RuleCondition.hostHeader(values.toArray(String[]::new));
      default -> {
        if (header == null) throw c.missing("HttpHeaderConfig");
        yield RuleCondition.httpHeader(header, values.toArray(String[]::new));
      }
    };
  }

  /** The one action of a listener or rule: forward (one or weighted groups) or a fixed response. */
  private static RuleAction action(ResourceContext r, List<Props> actions) {
    Props a = actions.get(actions.size() - 1);
    for (int i = 0; i < actions.size() - 1; i++) {
      actions.get(i).accept("Type").accept("Order");
      r.unmodelled(
          actions.get(i).path("Type").replace(".Type", ""),
          "authentication actions are not simulated");
    }
    String type = a.requiredString("Type");
    a.accept("Order");
    switch (type) {
      case "forward" -> {
        Props config = a.child("ForwardConfig");
        String single = a.string("TargetGroupArn");
        if (config != null) {
          Map<String, Integer> weights = new LinkedHashMap<>();
          for (Props t : config.children("TargetGroups")) {
            String name =
                AutoScalingResources.targetGroupName(
                    r, t.requiredString("TargetGroupArn"), t.path("TargetGroupArn"));
            Integer w = t.integer("Weight");
            weights.put(name, w == null ? 1 : w);
          }
          if (weights.isEmpty() && single != null)
            weights.put(
                AutoScalingResources.targetGroupName(r, single, a.path("TargetGroupArn")), 1);
          return new RuleAction(weights, 0, null, null);
        }
        if (single == null) throw a.missing("TargetGroupArn");
        return RuleAction.forward(
            AutoScalingResources.targetGroupName(r, single, a.path("TargetGroupArn")));
      }
      case "fixed-response" -> {
        Props f = a.child("FixedResponseConfig");
        if (f == null) throw a.missing("FixedResponseConfig");
        return RuleAction.fixedResponse(
            f.requiredInt("StatusCode"), f.string("ContentType"), f.string("MessageBody"));
      }
      default ->
          throw a.invalid(
              "Type", type, "forward or fixed-response (the actions the twin routes with)");
    }
  }

  static Map<String, ResourceHandler> handlers() {
    return Map.of(
        LB, LOAD_BALANCER, TG, TARGET_GROUP, LISTENER, LISTENER_HANDLER, RULE, LISTENER_RULE);
  }
}
