package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.CapacityDistributionStrategy;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.OnDemandAllocationStrategy;
import io.github.cloudtwin.autoscaling.SpotAllocationStrategy;
import io.github.cloudtwin.autoscaling.TerminationPolicy;
import io.github.cloudtwin.ec2.LaunchTemplate;
import io.github.cloudtwin.ec2.LaunchTemplates;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AWS::AutoScaling::AutoScalingGroup: its launch template (or launch configuration, or mixed
 * instances policy), zones, load balancers, health checks, termination policies and hooks.
 */
final class AutoScalingGroupResource {

  private AutoScalingGroupResource() {}

  static final ResourceHandler HANDLER =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("AutoScalingGroupName"), 255);
        Ec2Resources.Launch launch = launch(r, p);
        MixedInstancesPolicy mixed = mixedInstancesPolicy(p.child("MixedInstancesPolicy"));
        if (launch.ecsCluster() != null)
          EcsResources.clusterName(r, launch.ecsCluster(), "Properties.LaunchTemplate");
        AutoScalingGroupSpec.Builder b =
            AutoScalingGroupSpec.builder()
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
          for (int i = 0; i < tgs.size(); i++)
            names.add(
                AutoScalingResources.targetGroupName(
                    r, tgs.get(i), "Properties.TargetGroupARNs[" + i + "]"));
          b.targetGroupNames(names.toArray(String[]::new));
        }
        List<String> classic = new ArrayList<>();
        List<String> lbNames = p.strings("LoadBalancerNames");
        if (lbNames != null) {
          for (int i = 0; i < lbNames.size(); i++)
            classic.add(classicName(r, lbNames.get(i), "Properties.LoadBalancerNames[" + i + "]"));
        }
        b.healthCheckType(
            Enums.parse(p, "HealthCheckType", HealthCheckType.class, HealthCheckType.EC2));
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
          b.capacityDistributionStrategy(
              Enums.parse(
                  distribution,
                  "CapacityDistributionStrategy",
                  CapacityDistributionStrategy.class,
                  CapacityDistributionStrategy.BALANCED_BEST_EFFORT));
        }
        for (Props m : p.children("MetricsCollection")) {
          String granularity = m.requiredString("Granularity");
          if (!granularity.equals("1Minute"))
            throw m.invalid("Granularity", granularity, "1Minute");
          m.strings("Metrics");
        }
        List<LifecycleHookSpec> hooks = new ArrayList<>();
        for (Props h : p.children("LifecycleHookSpecificationList"))
          hooks.add(AutoScalingResources.hook(h, h.requiredString("LifecycleHookName"), name));
        b.lifecycleHookSpecifications(hooks.toArray(LifecycleHookSpec[]::new));
        AutoScalingGroupSpec spec = b.build();
        return new Creation() {
          @Override
          public Outcome predict() {
            if (r.twin().autoScaling().groups().stream().anyMatch(g -> g.name().equals(name))) {
              throw r.invalid(
                  "Properties.AutoScalingGroupName",
                  name,
                  "a name no group of the twin has (AlreadyExists)");
            }
            return Outcome.of(name);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(spec);
            if (!classic.isEmpty())
              twin.autoScaling().attachLoadBalancers(name, classic.toArray(String[]::new));
            if (launch.ecsCluster() != null)
              twin.ecs().linkAutoScalingGroup(launch.ecsCluster(), name);
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
      throw r.invalid(
          "Properties.LaunchTemplate",
          given == 0 ? null : "both",
          "exactly one of LaunchTemplate, LaunchConfigurationName and MixedInstancesPolicy");
    }
    Ec2Resources.Launch launch;
    if (config != null) {
      ResourceContext.Found f = r.byRef(config);
      if (f == null || !f.type().equals("AWS::AutoScaling::LaunchConfiguration")) {
        throw r.invalid(
            "Properties.LaunchConfigurationName",
            config,
            "a Ref to an AWS::AutoScaling::LaunchConfiguration of the template");
      }
      launch =
          Objects.requireNonNull(
              (Ec2Resources.Launch) f.outcome().detail(),
              "a launch configuration's outcome carries its launch settings");
    } else {
      launch =
          fromTemplate(r, Objects.requireNonNull(lt, "exactly one of the two is given"), ltPath);
    }
    return launch;
  }

  /**
   * The launch template a LaunchTemplateSpecification names, by id or name: one of this stack (as
   * planned, then as created) or one the twin's EC2 already holds; its Version ({@code $Latest},
   * {@code $Default} or a number, as Fn::GetAtt LatestVersionNumber gives it) must be one the
   * template has. The group keeps the version as given, so {@code $Latest} follows later versions.
   */
  private static Ec2Resources.Launch fromTemplate(ResourceContext r, Props lt, String ltPath) {
    String id = lt.string("LaunchTemplateId");
    String ltName = lt.string("LaunchTemplateName");
    String version = lt.string("Version");
    if (id == null && ltName == null)
      throw lt.invalid("LaunchTemplateId", null, "LaunchTemplateId or LaunchTemplateName");
    if (id != null && ltName != null)
      throw lt.invalid(
          "LaunchTemplateName", ltName, "LaunchTemplateId or LaunchTemplateName, not both");
    Ec2Resources.Launch found = null;
    for (ResourceContext.Found f : r.plan().resourcesOfType("AWS::EC2::LaunchTemplate")) {
      if (f.outcome().ref().equals(id)
          || (ltName != null
              && ltName.equals(f.outcome().attributes().get("LaunchTemplateName")))) {
        found = (Ec2Resources.Launch) f.outcome().detail();
      }
    }
    if (found == null) {
      LaunchTemplates held = r.twin().ec2().launchTemplates();
      LaunchTemplate t =
          id != null ? held.findById(id) : held.find(Objects.requireNonNull(ltName, "checked"));
      if (t != null)
        found =
            new Ec2Resources.Launch(t.launchTemplateName(), "1", t.instanceType(1), false, null, t);
    }
    if (found == null) {
      throw r.invalid(
          ltPath,
          id != null ? id : ltName,
          "a launch template of the template (Ref or LaunchTemplateName) or of the twin's EC2");
    }
    if (version == null) throw lt.missing("Version");
    LaunchTemplate t =
        Objects.requireNonNull(found.template(), "a launch template's settings hold it");
    int v;
    try {
      v = t.versionNumber(version);
    } catch (ValidationException e) {
      throw lt.invalid("Version", version, e.allowed());
    }
    if (version.startsWith("$")) {
      r.note(
          lt.path("Version"),
          "CloudFormation documents a version number here (Fn::GetAtt LatestVersionNumber or "
              + "DefaultVersionNumber); the twin takes "
              + version
              + " as the Auto Scaling API does, resolved at each launch");
    }
    return new Ec2Resources.Launch(
        t.launchTemplateName(),
        version,
        t.instanceType(v),
        found.detailedMonitoring(),
        found.ecsCluster(),
        t);
  }

  /**
   * A MixedInstancesPolicy: overrides with their weights and the instances distribution (On-Demand
   * base and percentage, both allocation strategies, SpotInstancePools, SpotMaxPrice). Null without
   * overrides that name an instance type (the launch template's type is launched).
   */
  private static @Nullable MixedInstancesPolicy mixedInstancesPolicy(@Nullable Props mixed) {
    if (mixed == null) return null;
    List<LaunchTemplateOverride> overrides = new ArrayList<>();
    Props launchTemplate = mixed.requiredChild("LaunchTemplate");
    for (Props o : launchTemplate.children("Overrides")) {
      String type = o.string("InstanceType");
      if (type == null) continue; // InstanceRequirements: reported as unmodelled
      Integer weight = o.integer("WeightedCapacity");
      try {
        overrides.add(new LaunchTemplateOverride(type, weight));
      } catch (io.github.cloudtwin.kernel.ValidationException e) {
        throw o.invalid(
            e.field().equals("WeightedCapacity") ? "WeightedCapacity" : "InstanceType",
            e.value(),
            e.allowed());
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
      strategy =
          Enums.parse(d, "OnDemandAllocationStrategy", OnDemandAllocationStrategy.class, strategy);
      spotStrategy =
          Enums.parse(d, "SpotAllocationStrategy", SpotAllocationStrategy.class, spotStrategy);
      Integer b = d.integer("OnDemandBaseCapacity");
      if (b != null) base = b;
      Integer pct = d.integer("OnDemandPercentageAboveBaseCapacity");
      if (pct != null) percent = pct;
      pools = d.integer("SpotInstancePools");
      String max = d.string("SpotMaxPrice");
      if (max != null && !max.isEmpty())
        maxPrice = d.number("SpotMaxPrice"); // "" means the On-Demand price, as AWS reads it
    }
    if (overrides.isEmpty()) return null;
    try {
      return new MixedInstancesPolicy(
          overrides, strategy, base, percent, spotStrategy, pools, maxPrice);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      String f = e.field();
      // with no InstancesDistribution its defaults hold, so only an override can be wrong
      Props at = f.startsWith("Overrides") || d == null ? launchTemplate : d;
      throw at.invalid(f, e.value(), e.allowed());
    }
  }

  private static List<String> zones(ResourceContext r, Props p) {
    List<String> subnets = p.strings("VPCZoneIdentifier");
    List<String> azs = p.strings("AvailabilityZones");
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    if (subnets != null && !subnets.isEmpty()) {
      for (int i = 0; i < subnets.size(); i++)
        zones.add(r.subnetZone(subnets.get(i), "Properties.VPCZoneIdentifier[" + i + "]"));
    } else if (azs != null && !azs.isEmpty()) {
      for (int i = 0; i < azs.size(); i++)
        zones.add(r.zone(azs.get(i), "Properties.AvailabilityZones[" + i + "]"));
    } else {
      throw r.invalid(
          "Properties.VPCZoneIdentifier", null, "subnets (VPCZoneIdentifier) or AvailabilityZones");
    }
    return new ArrayList<>(zones);
  }

  private static String classicName(ResourceContext r, String name, String path) {
    ResourceContext.Found f = r.byRef(name);
    if (f != null && f.type().equals(ClassicElbResources.TYPE)) return name;
    if (r.twin().loadBalancing().loadBalancers().stream()
        .anyMatch(
            l ->
                l.name().equals(name)
                    && l.type() == io.github.cloudtwin.elb.LoadBalancerType.CLASSIC)) {
      return name;
    }
    throw r.invalid(path, name, "a Classic Load Balancer of the template (Ref) or of the twin");
  }

  private static TerminationPolicy[] terminationPolicies(ResourceContext r, List<String> names) {
    List<TerminationPolicy> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      TerminationPolicy t =
          switch (n) {
            case "Default" -> TerminationPolicy.DEFAULT;
            case "OldestInstance" -> TerminationPolicy.OLDEST_INSTANCE;
            case "NewestInstance" -> TerminationPolicy.NEWEST_INSTANCE;
            case "OldestLaunchTemplate" -> TerminationPolicy.OLDEST_LAUNCH_TEMPLATE;
            case "OldestLaunchConfiguration" -> {
              r.note(
                  "Properties.TerminationPolicies[" + i + "]",
                  "OldestLaunchConfiguration acts as OldestLaunchTemplate on the "
                      + "launch configuration's name");
              yield TerminationPolicy.OLDEST_LAUNCH_TEMPLATE;
            }
            case "ClosestToNextInstanceHour" -> TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR;
            default ->
                throw r.invalid(
                    "Properties.TerminationPolicies[" + i + "]",
                    n,
                    "Default, OldestInstance, NewestInstance, OldestLaunchTemplate, OldestLaunchConfiguration or ClosestToNextInstanceHour "
                        + "(AllocationStrategy and Lambda policies are not simulated)");
          };
      out.add(t);
    }
    return out.toArray(TerminationPolicy[]::new);
  }
}
