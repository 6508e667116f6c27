package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.CapacityDistributionStrategy;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.autoscaling.MetricAggregationType;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.SpotAllocationStrategy;
import io.github.cloudtwin.autoscaling.OnDemandAllocationStrategy;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.autoscaling.TerminationPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** AWS::AutoScaling::AutoScalingGroup, ScalingPolicy, ScheduledAction and LifecycleHook. */
final class AutoScalingResources {

  static final String GROUP = "AWS::AutoScaling::AutoScalingGroup";

  private AutoScalingResources() {}

  // ------------------------------------------------------------------ group

  static final ResourceHandler GROUP_HANDLER = r -> {
    Props p = r.props();
    String name = r.name(p.string("AutoScalingGroupName"), 255);
    Ec2Resources.Launch launch = launch(r, p);
    MixedInstancesPolicy mixed = mixedInstancesPolicy(r, p.child("MixedInstancesPolicy"));
    if (launch.ecsCluster() != null) EcsResources.clusterName(r, launch.ecsCluster(), "Properties.LaunchTemplate");
    AutoScalingGroupSpec.Builder b = AutoScalingGroupSpec.builder()
        .autoScalingGroupName(name)
        .launchTemplate(launch.name(), launch.version())
        .instanceType(launch.instanceType())
        .detailedMonitoring(launch.detailedMonitoring())
        .mixedInstancesPolicy(mixed)
        .minSize(p.requiredInt("MinSize"))
        .maxSize(p.requiredInt("MaxSize"));
    Integer desired = p.integer("DesiredCapacity");
    if (desired != null) b.desiredCapacity(desired);
    b.availabilityZones(zones(r, p).toArray(String[]::new));
    List<String> tgs = p.strings("TargetGroupARNs");
    if (tgs != null) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < tgs.size(); i++) names.add(targetGroupName(r, tgs.get(i), "Properties.TargetGroupARNs[" + i + "]"));
      b.targetGroupNames(names.toArray(String[]::new));
    }
    List<String> classic = new ArrayList<>();
    List<String> lbNames = p.strings("LoadBalancerNames");
    if (lbNames != null) {
      for (int i = 0; i < lbNames.size(); i++) classic.add(classicName(r, lbNames.get(i), "Properties.LoadBalancerNames[" + i + "]"));
    }
    b.healthCheckType(Enums.parse(p, "HealthCheckType", HealthCheckType.class, HealthCheckType.EC2));
    Duration grace = p.seconds("HealthCheckGracePeriod");
    if (grace != null) b.healthCheckGracePeriod(grace);
    Duration cooldown = p.seconds("Cooldown");
    if (cooldown != null) b.defaultCooldown(cooldown);
    Duration warmup = p.seconds("DefaultInstanceWarmup");
    if (warmup != null) b.defaultInstanceWarmup(warmup);
    List<String> policies = p.strings("TerminationPolicies");
    if (policies != null) b.terminationPolicies(terminationPolicies(r, policies));
    Boolean protect = p.bool("NewInstancesProtectedFromScaleIn");
    if (protect != null) b.newInstancesProtectedFromScaleIn(protect);
    Boolean rebalance = p.bool("CapacityRebalance");
    if (rebalance != null) b.capacityRebalance(rebalance);
    Duration lifetime = p.seconds("MaxInstanceLifetime");
    if (lifetime != null) {
      try {
        AutoScalingGroupSpec.checkMaxInstanceLifetime(lifetime);
      } catch (io.github.cloudtwin.kernel.ValidationException e) {
        throw p.invalid("MaxInstanceLifetime", lifetime.getSeconds(), e.allowed());
      }
      b.maxInstanceLifetime(lifetime);
    }
    Props distribution = p.child("AvailabilityZoneDistribution");
    if (distribution != null) {
      b.capacityDistributionStrategy(Enums.parse(distribution, "CapacityDistributionStrategy", CapacityDistributionStrategy.class,
          CapacityDistributionStrategy.BALANCED_BEST_EFFORT));
    }
    for (Props m : p.children("MetricsCollection")) {
      String granularity = m.requiredString("Granularity");
      if (!granularity.equals("1Minute")) throw m.invalid("Granularity", granularity, "1Minute");
      m.strings("Metrics");
    }
    List<LifecycleHookSpec> hooks = new ArrayList<>();
    for (Props h : p.children("LifecycleHookSpecificationList")) hooks.add(hook(h, h.requiredString("LifecycleHookName"), name));
    b.lifecycleHookSpecifications(hooks.toArray(LifecycleHookSpec[]::new));
    AutoScalingGroupSpec spec = b.build();
    return new Creation() {
      @Override
      public Outcome predict() {
        if (r.twin().autoScaling().groups().stream().anyMatch(g -> g.name().equals(name))) {
          throw r.invalid("Properties.AutoScalingGroupName", name, "a name no group of the twin has (AlreadyExists)");
        }
        return Outcome.of(name);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(spec);
        if (!classic.isEmpty()) twin.autoScaling().attachLoadBalancers(name, classic.toArray(String[]::new));
        if (launch.ecsCluster() != null) twin.ecs().linkAutoScalingGroup(launch.ecsCluster(), name);
        return Outcome.of(name).withView(g);
      }
    };
  };

  private static Ec2Resources.Launch launch(ResourceContext r, Props p) {
    Props lt = p.child("LaunchTemplate");
    String config = p.string("LaunchConfigurationName");
    Props mixed = p.child("MixedInstancesPolicy");
    String ltPath = "Properties.LaunchTemplate";
    if (mixed != null) {
      Props mlt = mixed.child("LaunchTemplate");
      if (mlt == null) throw mixed.missing("LaunchTemplate");
      lt = mlt.child("LaunchTemplateSpecification");
      ltPath = "Properties.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification";
    }
    int given = (lt != null ? 1 : 0) + (config != null ? 1 : 0);
    if (given != 1) {
      throw r.invalid("Properties.LaunchTemplate", given == 0 ? null : "both",
          "exactly one of LaunchTemplate, LaunchConfigurationName and MixedInstancesPolicy");
    }
    Ec2Resources.Launch launch;
    if (config != null) {
      ResourceContext.Found f = r.byRef(config);
      if (f == null || !f.type().equals("AWS::AutoScaling::LaunchConfiguration")) {
        throw r.invalid("Properties.LaunchConfigurationName", config, "a Ref to an AWS::AutoScaling::LaunchConfiguration of the template");
      }
      launch = (Ec2Resources.Launch) f.outcome().detail();
    } else {
      String id = lt.string("LaunchTemplateId");
      String ltName = lt.string("LaunchTemplateName");
      String version = lt.string("Version");
      Ec2Resources.Launch found = null;
      for (ResourceContext.Found f : r.plan().resourcesOfType("AWS::EC2::LaunchTemplate")) {
        if (f.outcome().ref().equals(id) || f.outcome().attributes().get("LaunchTemplateName").equals(ltName)) {
          found = (Ec2Resources.Launch) f.outcome().detail();
        }
      }
      if (found == null) {
        if (id == null && ltName == null) throw lt.invalid("LaunchTemplateId", null, "LaunchTemplateId or LaunchTemplateName");
        throw r.invalid(ltPath, id != null ? id : ltName, "a launch template of the template (Ref or LaunchTemplateName)");
      }
      if (version == null) throw lt.missing("Version");
      String v = version.equals("$Latest") || version.equals("$Default") ? "1" : version;
      if (!v.equals("1")) throw lt.invalid("Version", version, "1, $Latest or $Default (a template's launch template has one version)");
      launch = found;
    }
    return launch;
  }

  /**
   * A MixedInstancesPolicy: overrides with their weights and the instances distribution (On-Demand
   * base and percentage, both allocation strategies, SpotInstancePools, SpotMaxPrice). Null
   * without overrides that name an instance type (the launch template's type is launched).
   */
  private static MixedInstancesPolicy mixedInstancesPolicy(ResourceContext r, Props mixed) {
    if (mixed == null) return null;
    List<LaunchTemplateOverride> overrides = new ArrayList<>();
    for (Props o : mixed.child("LaunchTemplate").children("Overrides")) {
      String type = o.string("InstanceType");
      if (type == null) continue; // InstanceRequirements: reported as unmodelled
      Integer weight = o.integer("WeightedCapacity");
      try {
        overrides.add(new LaunchTemplateOverride(type, weight));
      } catch (io.github.cloudtwin.kernel.ValidationException e) {
        throw o.invalid(e.field().equals("WeightedCapacity") ? "WeightedCapacity" : "InstanceType", e.value(), e.allowed());
      }
    }
    Props d = mixed.child("InstancesDistribution");
    OnDemandAllocationStrategy strategy = OnDemandAllocationStrategy.PRIORITIZED;
    SpotAllocationStrategy spotStrategy = SpotAllocationStrategy.LOWEST_PRICE;
    Integer pools = null;
    Double maxPrice = null;
    int base = 0;
    int percent = 100;
    if (d != null) {
      strategy = Enums.parse(d, "OnDemandAllocationStrategy", OnDemandAllocationStrategy.class, strategy);
      spotStrategy = Enums.parse(d, "SpotAllocationStrategy", SpotAllocationStrategy.class, spotStrategy);
      Integer b = d.integer("OnDemandBaseCapacity");
      if (b != null) base = b;
      Integer pct = d.integer("OnDemandPercentageAboveBaseCapacity");
      if (pct != null) percent = pct;
      pools = d.integer("SpotInstancePools");
      String max = d.string("SpotMaxPrice");
      if (max != null && !max.isEmpty()) maxPrice = d.number("SpotMaxPrice"); // "" means the On-Demand price, as AWS reads it
    }
    if (overrides.isEmpty()) return null;
    try {
      return new MixedInstancesPolicy(overrides, strategy, base, percent, spotStrategy, pools, maxPrice);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      String f = e.field();
      Props at = f.startsWith("Overrides") ? mixed.child("LaunchTemplate") : d;
      throw at.invalid(f, e.value(), e.allowed());
    }
  }

  private static List<String> zones(ResourceContext r, Props p) {
    List<String> subnets = p.strings("VPCZoneIdentifier");
    List<String> azs = p.strings("AvailabilityZones");
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    if (subnets != null && !subnets.isEmpty()) {
      for (int i = 0; i < subnets.size(); i++) zones.add(r.subnetZone(subnets.get(i), "Properties.VPCZoneIdentifier[" + i + "]"));
    } else if (azs != null && !azs.isEmpty()) {
      for (int i = 0; i < azs.size(); i++) zones.add(r.zone(azs.get(i), "Properties.AvailabilityZones[" + i + "]"));
    } else {
      throw r.invalid("Properties.VPCZoneIdentifier", null, "subnets (VPCZoneIdentifier) or AvailabilityZones");
    }
    return new ArrayList<>(zones);
  }

  static String targetGroupName(ResourceContext r, String arn, String path) {
    ResourceContext.Found f = r.byRef(arn);
    if (f != null && f.type().equals("AWS::ElasticLoadBalancingV2::TargetGroup")) return (String) f.outcome().attributes().get("TargetGroupName");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":targetgroup/([^/]+)/").matcher(arn);
    if (m.find() && r.twin().loadBalancing().targetGroups().stream().anyMatch(t -> t.name().equals(m.group(1)))) return m.group(1);
    throw r.invalid(path, arn, "the ARN of a target group of the template or of the twin");
  }

  private static String classicName(ResourceContext r, String name, String path) {
    ResourceContext.Found f = r.byRef(name);
    if (f != null && f.type().equals(ClassicElbResources.TYPE)) return name;
    if (r.twin().loadBalancing().loadBalancers().stream().anyMatch(l -> l.name().equals(name)
        && l.type() == io.github.cloudtwin.elb.LoadBalancerType.CLASSIC)) {
      return name;
    }
    throw r.invalid(path, name, "a Classic Load Balancer of the template (Ref) or of the twin");
  }

  private static TerminationPolicy[] terminationPolicies(ResourceContext r, List<String> names) {
    List<TerminationPolicy> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      TerminationPolicy t = switch (n) {
        case "Default" -> TerminationPolicy.DEFAULT;
        case "OldestInstance" -> TerminationPolicy.OLDEST_INSTANCE;
        case "NewestInstance" -> TerminationPolicy.NEWEST_INSTANCE;
        case "OldestLaunchTemplate" -> TerminationPolicy.OLDEST_LAUNCH_TEMPLATE;
        case "OldestLaunchConfiguration" -> {
          r.note("Properties.TerminationPolicies[" + i + "]", "OldestLaunchConfiguration acts as OldestLaunchTemplate on the "
              + "launch configuration's name");
          yield TerminationPolicy.OLDEST_LAUNCH_TEMPLATE;
        }
        case "ClosestToNextInstanceHour" -> TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR;
        default -> throw r.invalid("Properties.TerminationPolicies[" + i + "]", n,
            "Default, OldestInstance, NewestInstance, OldestLaunchTemplate, OldestLaunchConfiguration or ClosestToNextInstanceHour "
                + "(AllocationStrategy and Lambda policies are not simulated)");
      };
      out.add(t);
    }
    return out.toArray(TerminationPolicy[]::new);
  }

  /** A hook as PutLifecycleHook validates it; a fault names the property under {@code h}'s path. */
  private static LifecycleHookSpec hook(Props h, String hookName, String group) {
    LifecycleTransition transition = Enums.parse(h, "LifecycleTransition", LifecycleTransition.class, null);
    if (transition == null) throw h.missing("LifecycleTransition");
    Duration timeout = h.seconds("HeartbeatTimeout");
    LifecycleActionResult result = Enums.parse(h, "DefaultResult", LifecycleActionResult.class, LifecycleActionResult.ABANDON);
    try {
      return new LifecycleHookSpec(hookName, group, transition,
          timeout == null ? LifecycleHookSpec.DEFAULT_HEARTBEAT_TIMEOUT : timeout, result);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw h.invalid(e.field(), e.value(), e.allowed());
    }
  }

  /** The group a policy, action or hook names: one of the template's, or one the twin has. */
  static String groupName(ResourceContext r, Props p) {
    String group = p.requiredString("AutoScalingGroupName");
    ResourceContext.Found f = r.byRef(group);
    if (f != null && f.type().equals(GROUP)) return group;
    if (r.plan().session().claims(GROUP, group)) return group;
    if (r.twin().autoScaling().groups().stream().noneMatch(g -> g.name().equals(group))) {
      throw r.invalid("Properties.AutoScalingGroupName", group, "a group of the template (Ref) or of the twin");
    }
    return group;
  }

  // ------------------------------------------------------------------ scaling policy

  static final ResourceHandler POLICY = r -> {
    Props p = r.props();
    String group = groupName(r, p);
    String name = r.name(null, 255);
    String type = p.string("PolicyType");
    type = type == null ? "SimpleScaling" : type;
    ScalingPolicySpec spec = switch (type) {
      case "SimpleScaling" -> {
        SimpleScalingPolicy.Builder b = SimpleScalingPolicy.builder().policyName(name).autoScalingGroupName(group)
            .adjustmentType(Enums.parse(p, "AdjustmentType", AdjustmentType.class, AdjustmentType.ChangeInCapacity))
            .scalingAdjustment(p.requiredInt("ScalingAdjustment"));
        Duration cooldown = p.seconds("Cooldown");
        if (cooldown != null) b.cooldown(cooldown);
        Integer magnitude = p.integer("MinAdjustmentMagnitude");
        if (magnitude != null) b.minAdjustmentMagnitude(magnitude);
        yield b.build();
      }
      case "StepScaling" -> {
        StepScalingPolicy.Builder b = StepScalingPolicy.builder().policyName(name).autoScalingGroupName(group)
            .adjustmentType(Enums.parse(p, "AdjustmentType", AdjustmentType.class, AdjustmentType.ChangeInCapacity));
        List<Props> steps = p.children("StepAdjustments");
        if (steps.isEmpty()) throw p.missing("StepAdjustments");
        for (Props s : steps) {
          b.step(s.number("MetricIntervalLowerBound"), s.number("MetricIntervalUpperBound"), s.requiredInt("ScalingAdjustment"));
        }
        b.metricAggregationType(Enums.parse(p, "MetricAggregationType", MetricAggregationType.class, MetricAggregationType.Average));
        Duration warmup = p.seconds("EstimatedInstanceWarmup");
        if (warmup != null) b.estimatedInstanceWarmup(warmup);
        Integer magnitude = p.integer("MinAdjustmentMagnitude");
        if (magnitude != null) b.minAdjustmentMagnitude(magnitude);
        yield b.build();
      }
      case "TargetTrackingScaling" -> targetTracking(p, name, group);
      case "PredictiveScaling" -> null;
      default -> throw p.invalid("PolicyType", type, "SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling");
    };
    String placeholder = r.arn("autoscaling", "scalingPolicy:00000000-0000-4000-8000-000000000000:autoScalingGroupName/" + group
        + ":policyName/" + name);
    if (spec == null) {
      if (r.planning()) {
        r.plan().report(ImportReport.Kind.NOT_SIMULATED, r.logicalId(), r.type(), "Properties.PolicyType",
            "predictive scaling is not simulated: the policy never changes capacity");
      }
      p.accept("PredictiveScalingConfiguration");
      return Creation.fixed(Outcome.of(placeholder).attribute("Arn", placeholder).attribute("PolicyName", name).notSimulated());
    }
    return new Creation() {
      @Override
      public Outcome predict() {
        return Outcome.of(placeholder).attribute("Arn", placeholder).attribute("PolicyName", name);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        ScalingPolicy policy = twin.autoScaling().putScalingPolicy(spec);
        return Outcome.of(policy.policyArn()).attribute("Arn", policy.policyArn()).attribute("PolicyName", name).withView(policy);
      }
    };
  };

  private static TargetTrackingScalingPolicy targetTracking(Props p, String name, String group) {
    Props c = p.child("TargetTrackingConfiguration");
    if (c == null) throw p.missing("TargetTrackingConfiguration");
    TargetTrackingScalingPolicy.Builder b = TargetTrackingScalingPolicy.builder().policyName(name).autoScalingGroupName(group);
    Double target = c.number("TargetValue");
    if (target == null) throw c.missing("TargetValue");
    b.targetValue(target);
    Boolean disable = c.bool("DisableScaleIn");
    if (disable != null) b.disableScaleIn(disable);
    Props predefined = c.child("PredefinedMetricSpecification");
    Props custom = c.child("CustomizedMetricSpecification");
    if (predefined != null) {
      PredefinedMetricType t = Enums.parse(predefined, "PredefinedMetricType", PredefinedMetricType.class, null);
      if (t == null) throw predefined.missing("PredefinedMetricType");
      String label = predefined.string("ResourceLabel");
      if (label != null) b.predefinedMetric(t, label);
      else b.predefinedMetric(t);
    }
    if (custom != null) {
      b.customMetric(metric(custom), statistic(custom, "Statistic"));
    }
    Duration warmup = p.seconds("EstimatedInstanceWarmup");
    if (warmup != null) b.estimatedInstanceWarmup(warmup);
    return b.build();
  }

  /** Namespace, MetricName and Dimensions [{Name, Value}] as a MetricId. */
  static MetricId metric(Props m) {
    String namespace = m.requiredString("Namespace");
    String metricName = m.requiredString("MetricName");
    List<String> nv = new ArrayList<>();
    for (Props d : m.children("Dimensions")) {
      nv.add(d.requiredString("Name"));
      nv.add(d.requiredString("Value"));
    }
    return MetricId.of(namespace, metricName, nv.toArray(String[]::new));
  }

  static Statistic statistic(Props m, String key) {
    String s = m.string(key);
    return s == null ? Statistic.AVERAGE : Statistic.parse(s);
  }

  // ------------------------------------------------------------------ scheduled action, lifecycle hook

  static final ResourceHandler SCHEDULED_ACTION = r -> {
    Props p = r.props();
    String group = groupName(r, p);
    String name = r.name(null, 255);
    String zone = p.string("TimeZone");
    if (zone != null && !zone.equals("UTC") && !zone.equals("Etc/UTC")) {
      throw p.invalid("TimeZone", zone, "UTC (the twin's recurrences run in UTC)");
    }
    ScheduledActionSpec spec = new ScheduledActionSpec(name, group, instant(p, "StartTime"), instant(p, "EndTime"),
        p.string("Recurrence"), p.integer("MinSize"), p.integer("MaxSize"), p.integer("DesiredCapacity"));
    return new Creation() {
      @Override
      public Outcome predict() {
        return Outcome.of(name).attribute("ScheduledActionName", name);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        twin.autoScaling().putScheduledUpdateGroupAction(spec);
        return predict();
      }
    };
  };

  private static Instant instant(Props p, String key) {
    String v = p.string(key);
    if (v == null) return null;
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw p.invalid(key, v, "an ISO 8601 UTC time such as 2026-01-01T08:00:00Z");
    }
  }

  static final ResourceHandler LIFECYCLE_HOOK = r -> {
    Props p = r.props();
    String group = groupName(r, p);
    String name = r.name(p.string("LifecycleHookName"), 255);
    LifecycleHookSpec spec = hook(p, name, group);
    return new Creation() {
      @Override
      public Outcome predict() {
        return Outcome.of(name);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        twin.autoScaling().putLifecycleHook(spec);
        return Outcome.of(name);
      }
    };
  };

  static Map<String, ResourceHandler> handlers() {
    return Map.of(
        GROUP, GROUP_HANDLER,
        "AWS::AutoScaling::LaunchConfiguration", Ec2Resources.LAUNCH_CONFIGURATION,
        "AWS::AutoScaling::ScalingPolicy", POLICY,
        "AWS::AutoScaling::ScheduledAction", SCHEDULED_ACTION,
        "AWS::AutoScaling::LifecycleHook", LIFECYCLE_HOOK);
  }
}
