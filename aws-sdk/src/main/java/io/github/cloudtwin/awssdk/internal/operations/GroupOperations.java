package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;
import static io.github.cloudtwin.awssdk.internal.operations.Constraints.requiredName;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.CapacityDistributionStrategy;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.ScalingActivityInProgressException;
import io.github.cloudtwin.autoscaling.TerminationPolicy;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.GroupDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.InstanceDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.CreateGroup;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.MixedPolicy;
import io.github.cloudtwin.ec2.AvailabilityZone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Auto Scaling's group operations: create, update, delete and describe groups, describe their
 * instances, set the desired capacity; with the request values' mapping (zones and subnets, health
 * check type, termination policies, capacity distribution).
 */
final class GroupOperations {

  /**
   * Group ARNs by name (derived from the name, so they never change; an MD5 each time cost a
   * microsecond).
   */
  private final java.util.Map<String, String> groupArns =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final CloudTwin twin;
  private final AutoScaling autoScaling;
  private final LaunchTemplates launchTemplates;
  private final GroupLookup groups;
  private final Pagination pages;

  GroupOperations(
      CloudTwin twin, LaunchTemplates launchTemplates, GroupLookup groups, Pagination pages) {
    this.twin = twin;
    this.autoScaling = twin.autoScaling();
    this.launchTemplates = launchTemplates;
    this.groups = groups;
    this.pages = pages;
  }

  void createAutoScalingGroup(CreateGroup r) {
    String name = requiredName("autoScalingGroupName", r.autoScalingGroupName(), 255);
    required("minSize", r.minSize());
    required("maxSize", r.maxSize());
    MixedPolicy mp = r.mixedInstancesPolicy();
    boolean groupTemplate = r.launchTemplateId() != null || r.launchTemplateName() != null;
    boolean mixedTemplate =
        mp != null && (mp.launchTemplateId() != null || mp.launchTemplateName() != null);
    if (groupTemplate == (mp != null) || (mp != null && !mixedTemplate)) {
      throw launchTemplateOrMixedPolicy();
    }
    LaunchTemplates.Resolved lt =
        mp != null
            ? launchTemplates.resolve(
                mp.launchTemplateId(), mp.launchTemplateName(), mp.launchTemplateVersion())
            : launchTemplates.resolve(
                r.launchTemplateId(), r.launchTemplateName(), r.launchTemplateVersion());
    List<String> zones = zones(r.availabilityZones(), r.vpcZoneIdentifier());
    if (groups.exists(name)) {
      throw AwsErrorException.badRequest(
          "AlreadyExists",
          "AutoScalingGroup by this name already exists - A group with the name "
              + name
              + " already exists");
    }
    AutoScalingGroupSpec.Builder b =
        AutoScalingGroupSpec.builder()
            .autoScalingGroupName(name)
            .launchTemplate(lt.name(), lt.configured())
            .instanceType(lt.instanceType())
            .minSize(r.minSize())
            .maxSize(r.maxSize())
            .availabilityZones(zones.toArray(String[]::new));
    if (r.desiredCapacity() != null) b.desiredCapacity(r.desiredCapacity());
    if (r.defaultCooldown() != null) b.defaultCooldown(Duration.ofSeconds(r.defaultCooldown()));
    if (r.defaultInstanceWarmup() != null)
      b.defaultInstanceWarmup(Duration.ofSeconds(r.defaultInstanceWarmup()));
    if (r.healthCheckType() != null) b.healthCheckType(healthCheckType(r.healthCheckType()));
    if (r.healthCheckGracePeriod() != null)
      b.healthCheckGracePeriod(Duration.ofSeconds(r.healthCheckGracePeriod()));
    if (r.terminationPolicies() != null && !r.terminationPolicies().isEmpty()) {
      b.terminationPolicies(
          r.terminationPolicies().stream()
              .map(GroupOperations::terminationPolicy)
              .toArray(TerminationPolicy[]::new));
    }
    if (r.newInstancesProtectedFromScaleIn() != null)
      b.newInstancesProtectedFromScaleIn(r.newInstancesProtectedFromScaleIn());
    if (r.capacityDistributionStrategy() != null) {
      b.capacityDistributionStrategy(distribution(r.capacityDistributionStrategy()));
    }
    if (r.targetGroupArns() != null) {
      b.targetGroupNames(
          r.targetGroupArns().stream().map(groups::targetGroupName).toArray(String[]::new));
    }
    if (r.lifecycleHookSpecifications() != null) {
      b.lifecycleHookSpecifications(
          r.lifecycleHookSpecifications().stream()
              .map(h -> LifecycleHookOperations.hookSpecification(name, h))
              .toArray(LifecycleHookSpec[]::new));
    }
    if (mp != null)
      b.mixedInstancesPolicy(MixedPolicies.mixedInstancesPolicy(mp, lt.instanceType(), null));
    if (r.capacityRebalance() != null) b.capacityRebalance(r.capacityRebalance());
    if (r.maxInstanceLifetime() != null)
      b.maxInstanceLifetime(Duration.ofSeconds(r.maxInstanceLifetime()));
    autoScaling.createAutoScalingGroup(b.build());
  }

  void updateAutoScalingGroup(
      String name,
      Integer minSize,
      Integer maxSize,
      Integer desiredCapacity,
      @Nullable String launchTemplateId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      @Nullable MixedPolicy mixed,
      @Nullable Boolean capacityRebalance,
      @Nullable Integer maxInstanceLifetime) {
    AutoScalingGroup current = groups.group(name);
    if (mixed != null && (mixed.launchTemplateId() != null || mixed.launchTemplateName() != null)) {
      if (launchTemplateId != null || launchTemplateName != null) {
        throw launchTemplateOrMixedPolicy();
      }
      launchTemplateId = mixed.launchTemplateId();
      launchTemplateName = mixed.launchTemplateName();
      launchTemplateVersion = mixed.launchTemplateVersion();
    }
    LaunchTemplates.Resolved lt =
        launchTemplateId == null && launchTemplateName == null
            ? null
            : launchTemplates.resolve(launchTemplateId, launchTemplateName, launchTemplateVersion);
    MixedInstancesPolicy policy =
        mixed == null
            ? null
            : MixedPolicies.mixedInstancesPolicy(
                mixed,
                lt != null ? lt.instanceType() : current.spec().instanceType(),
                current.spec().mixedInstancesPolicy());
    Duration lifetime =
        maxInstanceLifetime == null ? null : Duration.ofSeconds(maxInstanceLifetime);
    AutoScalingGroupSpec.checkMaxInstanceLifetime(lifetime);
    if (minSize != null || maxSize != null || desiredCapacity != null) {
      AutoScalingGroup g = autoScaling.group(name);
      int min = minSize == null ? g.minSize() : minSize;
      int max = maxSize == null ? g.maxSize() : maxSize;
      if (min > max) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "Max bound, " + max + ", must be greater than or equal to min bound, " + min);
      }
      if (desiredCapacity != null && (desiredCapacity < min || desiredCapacity > max)) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "Desired capacity:"
                + desiredCapacity
                + " must be between the specified min size:"
                + min
                + " and max size:"
                + max);
      }
    }
    if (lt != null) autoScaling.updateLaunchTemplate(name, lt.name(), lt.configured());
    if (policy != null || capacityRebalance != null || lifetime != null) {
      autoScaling.updateAutoScalingGroupSettings(name, policy, capacityRebalance, lifetime);
    }
    if (minSize != null || maxSize != null || desiredCapacity != null) {
      autoScaling.updateAutoScalingGroup(name, minSize, maxSize, desiredCapacity);
    }
  }

  void deleteAutoScalingGroup(String name, boolean forceDelete) {
    AutoScalingGroup g = groups.group(name);
    if (!forceDelete && !g.instances().isEmpty()) {
      throw AwsErrorException.badRequest(
          "ResourceInUse",
          "You cannot delete an AutoScalingGroup while there are"
              + " instances or pending Spot instance request(s) still in the group.");
    }
    autoScaling.deleteAutoScalingGroup(name, forceDelete);
  }

  Page<GroupDescription> describeAutoScalingGroups(
      @Nullable List<String> names, @Nullable String nextToken, @Nullable Integer maxRecords) {
    List<AutoScalingGroup> all = new ArrayList<>(autoScaling.groups());
    if (names != null && !names.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(names);
      all.removeIf(g -> !wanted.contains(g.name()));
    }
    all.sort(Comparator.comparing(AutoScalingGroup::name));
    Page<AutoScalingGroup> page =
        pages.page("DescribeAutoScalingGroups", all, nextToken, maxRecords, 50, 100, "maxRecords");
    return new Page<>(page.items().stream().map(this::describe).toList(), page.nextToken());
  }

  private GroupDescription describe(AutoScalingGroup g) {
    AutoScalingGroupSpec spec = g.spec();
    ElbArns arns = new ElbArns(twin);
    java.util.Map<String, io.github.cloudtwin.elb.TargetGroup> byName = new java.util.HashMap<>();
    if (!spec.targetGroupNames().isEmpty())
      for (var tg : twin.loadBalancing().targetGroups()) byName.put(tg.name(), tg);
    List<String> tgs = new ArrayList<>();
    for (String n : spec.targetGroupNames()) {
      if (byName.containsKey(n))
        tgs.add(arns.targetGroupArn(byName.get(n))); // a deleted one is gone
    }
    String subnets =
        String.join(",", spec.availabilityZones().stream().map(Ids::subnetId).toList());
    String arn = groupArns.computeIfAbsent(g.name(), n -> Ids.autoScalingGroupArn(twin.arns(), n));
    return new GroupDescription(g, arn, tgs, subnets, g.instances());
  }

  Page<InstanceDescription> describeAutoScalingInstances(
      @Nullable List<String> instanceIds,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    List<InstanceDescription> all = new ArrayList<>();
    Set<String> wanted =
        instanceIds == null || instanceIds.isEmpty() ? null : new LinkedHashSet<>(instanceIds);
    for (AutoScalingGroup g : autoScaling.groups()) {
      for (AutoScalingInstance i : g.instances()) {
        if (wanted == null || wanted.contains(i.instanceId()))
          all.add(new InstanceDescription(g.name(), i, i.instanceType()));
      }
    }
    all.sort(Comparator.comparing(d -> d.instance().instanceId()));
    return pages.page(
        "DescribeAutoScalingInstances", all, nextToken, maxRecords, 50, 50, "maxRecords");
  }

  void setDesiredCapacity(String name, Integer desiredCapacity, boolean honorCooldown) {
    required("desiredCapacity", desiredCapacity);
    groups.group(name);
    try {
      autoScaling.setDesiredCapacity(name, desiredCapacity, honorCooldown);
    } catch (ScalingActivityInProgressException e) {
      throw ScalingActivities.inProgress(e);
    }
  }

  /**
   * AWS's answer to a group request with both or neither of LaunchTemplate and
   * MixedInstancesPolicy.
   */
  private static AwsErrorException launchTemplateOrMixedPolicy() {
    return AwsErrorException.badRequest(
        "ValidationError",
        "Valid requests must contain either LaunchTemplate,"
            + " LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
  }

  private List<String> zones(
      @Nullable List<String> availabilityZones, @Nullable String vpcZoneIdentifier) {
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    if (availabilityZones != null) zones.addAll(availabilityZones);
    if (vpcZoneIdentifier != null && !vpcZoneIdentifier.isBlank()) {
      for (String subnet : vpcZoneIdentifier.split(",")) zones.add(zoneOfSubnet(subnet.trim()));
    }
    if (zones.isEmpty()) {
      throw AwsErrorException.badRequest(
          "ValidationError", "At least one Availability Zone or VPC Subnet is required.");
    }
    for (String z : zones) {
      if (twin.availabilityZones().stream().noneMatch(a -> a.name().equals(z))) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "Invalid Availability Zone: "
                + z
                + " (the twin has "
                + twin.availabilityZones().stream().map(AvailabilityZone::name).toList()
                + ")");
      }
    }
    return List.copyOf(zones);
  }

  private String zoneOfSubnet(String subnet) {
    for (AvailabilityZone z : twin.availabilityZones())
      if (Ids.subnetId(z.name()).equals(subnet)) return z.name();
    throw AwsErrorException.badRequest(
        "ValidationError", "The subnet ID '" + subnet + "' does not exist");
  }

  private static HealthCheckType healthCheckType(String t) {
    return switch (t) {
      case "EC2" -> HealthCheckType.EC2;
      case "ELB" -> HealthCheckType.ELB;
      default ->
          throw AwsErrorException.badRequest(
              "ValidationError",
              "Invalid HealthCheckType " + t + ": the twin simulates EC2 and ELB health checks");
    };
  }

  private static CapacityDistributionStrategy distribution(String s) {
    for (CapacityDistributionStrategy c : CapacityDistributionStrategy.values()) {
      if (c.toString().equals(s)) return c;
    }
    throw AwsErrorException.badRequest(
        "ValidationError",
        "Invalid CapacityDistributionStrategy "
            + s
            + ": use balanced-best-effort or balanced-only");
  }

  private static TerminationPolicy terminationPolicy(String name) {
    for (TerminationPolicy p :
        List.of(
            TerminationPolicy.DEFAULT,
            TerminationPolicy.OLDEST_INSTANCE,
            TerminationPolicy.NEWEST_INSTANCE,
            TerminationPolicy.OLDEST_LAUNCH_TEMPLATE,
            TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR)) {
      if (p.name().equals(name)) return p;
    }
    throw AwsErrorException.badRequest(
        "ValidationError",
        "Unsupported termination policy: "
            + name
            + " (the twin has Default, OldestInstance, NewestInstance, OldestLaunchTemplate, ClosestToNextInstanceHour)");
  }
}
