package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.AwsvpcConfiguration;
import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.DeploymentCircuitBreaker;
import io.github.cloudtwin.ecs.DeploymentConfiguration;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.PlacementConstraint;
import io.github.cloudtwin.ecs.PlacementStrategy;
import io.github.cloudtwin.ecs.SchedulingStrategy;
import io.github.cloudtwin.ecs.ServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * AWS::ECS::Cluster, CapacityProvider, ClusterCapacityProviderAssociations and Service
 * (TaskDefinition: {@link TaskDefinitionResource}).
 */
final class EcsResources {

  static final String CLUSTER = "AWS::ECS::Cluster";
  static final String PROVIDER = "AWS::ECS::CapacityProvider";
  static final String SERVICE = "AWS::ECS::Service";

  private EcsResources() {}

  static final ResourceHandler CLUSTER_HANDLER =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("ClusterName"), 255);
        List<String> providers = p.strings("CapacityProviders");
        List<CapacityProviderStrategyItem> strategy =
            strategy(p, "DefaultCapacityProviderStrategy");
        String arn = r.arn("ecs", "cluster/" + name);
        return new Creation() {
          @Override
          public Outcome predict() {
            if (r.twin().ecs().clusters().stream().anyMatch(c -> c.clusterName().equals(name))) {
              throw r.invalid("Properties.ClusterName", name, "a name no cluster of the twin has");
            }
            return Outcome.of(name).attribute("Arn", arn);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            Cluster c = twin.ecs().createCluster(name);
            if (providers != null && !providers.isEmpty())
              twin.ecs().putClusterCapacityProviders(name, providers, strategy);
            return Outcome.of(name).attribute("Arn", c.clusterArn()).withView(c);
          }
        };
      };

  private static List<CapacityProviderStrategyItem> strategy(Props p, String key) {
    List<CapacityProviderStrategyItem> out = new ArrayList<>();
    for (Props s : p.children(key)) {
      Integer base = s.integer("Base");
      Integer weight = s.integer("Weight");
      out.add(
          new CapacityProviderStrategyItem(
              s.requiredString("CapacityProvider"),
              base == null ? 0 : base,
              weight == null ? 0 : weight));
    }
    return out;
  }

  static String clusterName(ResourceContext r, String value, String path) {
    ResourceContext.Found f = r.byRef(value);
    if (f != null && f.type().equals(CLUSTER)) return value;
    String name = value.startsWith("arn:") ? value.substring(value.lastIndexOf('/') + 1) : value;
    if (r.plan().session().claims(CLUSTER, name)
        || r.twin().ecs().clusters().stream().anyMatch(c -> c.clusterName().equals(name)))
      return name;
    throw r.invalid(path, value, "a cluster of the template (Ref) or of the twin");
  }

  static final ResourceHandler PROVIDER_HANDLER =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("Name"), 255);
        Props asg = p.child("AutoScalingGroupProvider");
        if (asg == null) throw p.missing("AutoScalingGroupProvider");
        String group = asg.requiredString("AutoScalingGroupArn");
        if (group.startsWith("arn:")) group = group.substring(group.lastIndexOf('/') + 1);
        String groupName = group;
        if (!r.plan().session().claims(AutoScalingResources.GROUP, groupName)
            && r.twin().autoScaling().groups().stream()
                .noneMatch(g -> g.name().equals(groupName))) {
          throw asg.invalid(
              "AutoScalingGroupArn", group, "a group of the template (Ref) or of the twin");
        }
        ManagedScaling ms = ManagedScaling.DEFAULT;
        Props m = asg.child("ManagedScaling");
        if (m != null) {
          String status = m.string("Status");
          boolean enabled = status == null || status.equals("ENABLED");
          if (status != null && !status.equals("ENABLED") && !status.equals("DISABLED"))
            throw m.invalid("Status", status, "ENABLED or DISABLED");
          Integer target = m.integer("TargetCapacity");
          Integer min = m.integer("MinimumScalingStepSize");
          Integer max = m.integer("MaximumScalingStepSize");
          Integer warmup = m.integer("InstanceWarmupPeriod");
          try {
            ms =
                new ManagedScaling(
                    enabled,
                    target == null ? 100 : target,
                    min == null ? 1 : min,
                    max == null ? 10_000 : max,
                    Duration.ofSeconds(warmup == null ? 300 : warmup));
          } catch (io.github.cloudtwin.kernel.ValidationException e) {
            // managedScaling.targetCapacity -> TargetCapacity, the template's property
            String f = e.field().substring(e.field().indexOf('.') + 1);
            throw m.invalid(
                Character.toUpperCase(f.charAt(0)) + f.substring(1), e.value(), e.allowed());
          }
        }
        String protection = asg.string("ManagedTerminationProtection");
        if (protection != null && !protection.equals("ENABLED") && !protection.equals("DISABLED")) {
          throw asg.invalid("ManagedTerminationProtection", protection, "ENABLED or DISABLED");
        }
        CapacityProviderSpec spec =
            new CapacityProviderSpec(name, groupName, ms, "ENABLED".equals(protection));
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(name);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            CapacityProvider cp = twin.ecs().createCapacityProvider(spec);
            return Outcome.of(name).withView(cp);
          }
        };
      };

  static final ResourceHandler ASSOCIATIONS =
      r -> {
        Props p = r.props();
        String cluster = clusterName(r, p.requiredString("Cluster"), "Properties.Cluster");
        List<String> providers = p.strings("CapacityProviders");
        if (providers == null) throw p.missing("CapacityProviders");
        List<CapacityProviderStrategyItem> strategy =
            strategy(p, "DefaultCapacityProviderStrategy");
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(cluster);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            twin.ecs().putClusterCapacityProviders(cluster, providers, strategy);
            return Outcome.of(cluster);
          }
        };
      };

  // ------------------------------------------------------------------ service

  static final ResourceHandler SERVICE_HANDLER =
      r -> {
        Props p = r.props();
        String cluster = clusterName(r, p.requiredString("Cluster"), "Properties.Cluster");
        String name = r.name(p.string("ServiceName"), 255);
        String td = p.requiredString("TaskDefinition");
        ResourceContext.Found tdf = r.byRef(td);
        TaskDefinitionResource.TaskDefinitionDetail tdDetail =
            tdf != null && tdf.type().equals(TaskDefinitionResource.TYPE)
                ? (TaskDefinitionResource.TaskDefinitionDetail) tdf.outcome().detail()
                : null;
        String familyRevision =
            tdDetail != null
                ? tdDetail.familyRevision()
                : td.contains("task-definition/")
                    ? td.substring(td.indexOf("task-definition/") + 16)
                    : td;
        ServiceSpec.Builder b = ServiceSpec.builder(cluster, name, familyRevision);
        Integer desired = p.integer("DesiredCount");
        if (desired != null) b.desiredCount(desired);
        String scheduling = p.string("SchedulingStrategy");
        if (scheduling != null)
          b.schedulingStrategy(
              Enums.parse(
                  p, "SchedulingStrategy", SchedulingStrategy.class, SchedulingStrategy.REPLICA));
        String launchType = p.string("LaunchType");
        if (launchType != null) b.launchType(Enums.optional(p, "LaunchType", LaunchType.class));
        for (Props s : p.children("CapacityProviderStrategy")) {
          Integer base = s.integer("Base");
          Integer weight = s.integer("Weight");
          b.capacityProviderStrategy(
              s.requiredString("CapacityProvider"),
              base == null ? 0 : base,
              weight == null ? 0 : weight);
        }
        List<PlacementStrategy> strategies = new ArrayList<>();
        for (Props s : p.children("PlacementStrategies")) {
          String type = s.requiredString("Type");
          String field = s.string("Field");
          strategies.add(
              switch (type) {
                case "spread" -> PlacementStrategy.spread(field == null ? "instanceId" : field);
                case "binpack" -> PlacementStrategy.binpack(field == null ? "memory" : field);
                case "random" -> PlacementStrategy.random();
                default -> throw s.invalid("Type", type, "spread, binpack or random");
              });
        }
        if (!strategies.isEmpty())
          b.placementStrategy(strategies.toArray(PlacementStrategy[]::new));
        List<PlacementConstraint> constraints = new ArrayList<>();
        for (Props c : p.children("PlacementConstraints")) {
          String type = c.requiredString("Type");
          constraints.add(
              switch (type) {
                case "distinctInstance" -> PlacementConstraint.distinctInstance();
                case "memberOf" -> PlacementConstraint.memberOf(c.requiredString("Expression"));
                default -> throw c.invalid("Type", type, "distinctInstance or memberOf");
              });
        }
        if (!constraints.isEmpty())
          b.placementConstraints(constraints.toArray(PlacementConstraint[]::new));
        Props dc = p.child("DeploymentConfiguration");
        if (dc != null) {
          Integer min = dc.integer("MinimumHealthyPercent");
          Integer max = dc.integer("MaximumPercent");
          Props breaker = dc.child("DeploymentCircuitBreaker");
          DeploymentCircuitBreaker cb =
              breaker == null
                  ? DeploymentCircuitBreaker.DISABLED
                  : new DeploymentCircuitBreaker(
                      Boolean.TRUE.equals(breaker.bool("Enable")),
                      Boolean.TRUE.equals(breaker.bool("Rollback")));
          b.deploymentConfiguration(
              new DeploymentConfiguration(min == null ? 100 : min, max == null ? 200 : max, cb));
        }
        for (Props lb : p.children("LoadBalancers")) {
          String tg =
              AutoScalingResources.targetGroupName(
                  r, lb.requiredString("TargetGroupArn"), lb.path("TargetGroupArn"));
          b.loadBalancer(tg, lb.requiredString("ContainerName"), lb.requiredInt("ContainerPort"));
        }
        Duration grace = p.seconds("HealthCheckGracePeriodSeconds");
        if (grace != null) b.healthCheckGracePeriod(grace);
        Props nc = p.child("NetworkConfiguration");
        if (nc != null) b.networkConfiguration(awsvpc(r, nc, launchType, tdDetail));
        ServiceSpec spec = b.build();
        String arn = r.arn("ecs", "service/" + cluster + "/" + name);
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(arn).attribute("ServiceArn", arn).attribute("Name", name);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            EcsService s = twin.ecs().createService(spec);
            return Outcome.of(s.serviceArn())
                .attribute("ServiceArn", s.serviceArn())
                .attribute("Name", name)
                .withView(s);
          }
        };
      };

  /**
   * NetworkConfiguration.AwsvpcConfiguration: the subnets' zones bound placement; AssignPublicIp
   * ENABLED only on Fargate; only for an awsvpc task definition, as CreateService checks.
   */
  private static AwsvpcConfiguration awsvpc(
      ResourceContext r,
      Props nc,
      @Nullable String launchType,
      TaskDefinitionResource.@Nullable TaskDefinitionDetail td) {
    Props a = nc.child("AwsvpcConfiguration");
    if (a == null) throw nc.missing("AwsvpcConfiguration");
    String at = "Properties.NetworkConfiguration.AwsvpcConfiguration.";
    if (td != null && td.networkMode() != NetworkMode.AWSVPC) {
      throw new TemplateValidationException(
          r.logicalId(),
          "Properties.NetworkConfiguration",
          td.networkMode().awsName(),
          "a task definition with NetworkMode awsvpc",
          "Network Configuration is not valid for the given networkMode of this task definition.");
    }
    List<String> subnets = a.strings("Subnets");
    if (subnets == null || subnets.isEmpty()) throw a.missing("Subnets");
    java.util.LinkedHashSet<String> zones = new java.util.LinkedHashSet<>();
    for (int i = 0; i < subnets.size(); i++)
      zones.add(r.subnetZone(subnets.get(i), at + "Subnets[" + i + "]"));
    String assign = a.string("AssignPublicIp");
    if (assign != null && !assign.equals("ENABLED") && !assign.equals("DISABLED"))
      throw a.invalid("AssignPublicIp", assign, "ENABLED or DISABLED");
    boolean publicIp = "ENABLED".equals(assign);
    if (publicIp && !"FARGATE".equals(launchType)) {
      throw new TemplateValidationException(
          r.logicalId(),
          at + "AssignPublicIp",
          assign,
          "DISABLED outside Fargate",
          "Assign public IP is not supported for this launch type.");
    }
    try {
      return new AwsvpcConfiguration(List.copyOf(zones), publicIp);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw a.invalid("Subnets", subnets, e.allowed());
    }
  }

  static Map<String, ResourceHandler> handlers() {
    return Map.of(
        CLUSTER,
        CLUSTER_HANDLER,
        PROVIDER,
        PROVIDER_HANDLER,
        "AWS::ECS::ClusterCapacityProviderAssociations",
        ASSOCIATIONS,
        TaskDefinitionResource.TYPE,
        TaskDefinitionResource.HANDLER,
        SERVICE,
        SERVICE_HANDLER);
  }
}
