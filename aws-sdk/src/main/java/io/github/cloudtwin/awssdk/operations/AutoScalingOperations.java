package io.github.cloudtwin.awssdk.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.CapacityDistributionStrategy;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.HealthStatus;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.OnDemandAllocationStrategy;
import io.github.cloudtwin.autoscaling.SpotAllocationStrategy;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingActivityInProgressException;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.ScalingProcess;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.autoscaling.TerminationPolicy;
import io.github.cloudtwin.ec2.AvailabilityZone;
import java.time.Duration;
import java.time.Instant;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * EC2 Auto Scaling's API operations over the twin, independent of any SDK: plain typed requests in,
 * twin views and records out, AWS's validation, defaults, error codes and pagination. The SDK
 * client adapters and a wire protocol both sit on top of this class.
 *
 * <p>Errors: {@link AwsErrorException} with AWS's code, or the twin's {@code ValidationException}
 * (AWS's {@code ValidationError}). Thread-safe like the twin.
 */
public final class AutoScalingOperations {

  private static final Pagination PAGES = new Pagination("autoscaling", "InvalidNextToken");

  /** Group ARNs by name (derived from the name, so they never change; an MD5 each time cost a microsecond). */
  private final java.util.Map<String, String> groupArns = new java.util.concurrent.ConcurrentHashMap<>();
  private final CloudTwin twin;
  private final AutoScaling autoScaling;
  private final LaunchTemplates launchTemplates;

  /**
   * Operations on {@code twin}; launch templates are looked up in {@code launchTemplates}.
   *
   * @param twin the twin
   * @param launchTemplates the launch templates
   */
  public AutoScalingOperations(CloudTwin twin, LaunchTemplates launchTemplates) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.autoScaling = twin.autoScaling();
    this.launchTemplates = Objects.requireNonNull(launchTemplates, "launchTemplates");
  }

  /**
   * The {@code CreateAutoScalingGroup} parameters the twin simulates (nulls: AWS's defaults).
   *
   * @param autoScalingGroupName required, 1 to 255 characters
   * @param launchTemplateId a launch template by id, or null
   * @param launchTemplateName a launch template by name, or null
   * @param launchTemplateVersion {@code $Default} (default), {@code $Latest} or a number
   * @param minSize required
   * @param maxSize required
   * @param desiredCapacity default MinSize
   * @param availabilityZones the zones, or empty with {@code vpcZoneIdentifier}
   * @param vpcZoneIdentifier comma-separated subnet ids (one per zone in the twin), or null
   * @param defaultCooldown seconds, default 300
   * @param defaultInstanceWarmup seconds, or null
   * @param healthCheckType {@code EC2} (default) or {@code ELB}
   * @param healthCheckGracePeriod seconds, default 0
   * @param terminationPolicies AWS's names, default {@code [Default]}
   * @param newInstancesProtectedFromScaleIn default false
   * @param capacityDistributionStrategy {@code balanced-best-effort} (default) or {@code balanced-only}
   * @param targetGroupArns the target groups, by ARN
   * @param lifecycleHookSpecifications the hooks the group starts with (they hold its first
   *     launches), or null
   * @param mixedInstancesPolicy the MixedInstancesPolicy (it then holds the launch template), or null
   * @param capacityRebalance CapacityRebalance, or null (false)
   * @param maxInstanceLifetime MaxInstanceLifetime in seconds, or null (none)
   */
  public record CreateGroup(
      String autoScalingGroupName,
      String launchTemplateId,
      String launchTemplateName,
      String launchTemplateVersion,
      Integer minSize,
      Integer maxSize,
      Integer desiredCapacity,
      List<String> availabilityZones,
      String vpcZoneIdentifier,
      Integer defaultCooldown,
      Integer defaultInstanceWarmup,
      String healthCheckType,
      Integer healthCheckGracePeriod,
      List<String> terminationPolicies,
      Boolean newInstancesProtectedFromScaleIn,
      String capacityDistributionStrategy,
      List<String> targetGroupArns,
      List<HookSpecification> lifecycleHookSpecifications,
      MixedPolicy mixedInstancesPolicy,
      Boolean capacityRebalance,
      Integer maxInstanceLifetime) {}

  /**
   * A {@code MixedInstancesPolicy} as CreateAutoScalingGroup and UpdateAutoScalingGroup take it
   * (nulls: the group's current values on an update, else AWS's defaults).
   *
   * @param launchTemplateId LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId, or null
   * @param launchTemplateName its LaunchTemplateName, or null
   * @param launchTemplateVersion its Version, or null
   * @param overrides LaunchTemplate.Overrides, or null
   * @param onDemandAllocationStrategy {@code prioritized} or {@code lowest-price}, or null
   * @param onDemandBaseCapacity 0 or more, or null
   * @param onDemandPercentageAboveBaseCapacity 0 to 100, or null
   * @param spotAllocationStrategy one of AWS's four, or null
   * @param spotInstancePools 1 to 20 with {@code lowest-price}, or null
   * @param spotMaxPrice USD per hour as text, empty for the On-Demand price, or null
   */
  public record MixedPolicy(
      String launchTemplateId, String launchTemplateName, String launchTemplateVersion, List<OverrideSpec> overrides,
      String onDemandAllocationStrategy, Integer onDemandBaseCapacity, Integer onDemandPercentageAboveBaseCapacity,
      String spotAllocationStrategy, Integer spotInstancePools, String spotMaxPrice) {}

  /**
   * One of a MixedInstancesPolicy's {@code LaunchTemplateOverrides}.
   *
   * @param instanceType the instance type (null: InstanceRequirements, not simulated)
   * @param weightedCapacity WeightedCapacity as AWS passes it, text of 1 to 999, or null
   */
  public record OverrideSpec(String instanceType, String weightedCapacity) {}

  /**
   * One {@code LifecycleHookSpecification} of {@code CreateAutoScalingGroup} (nulls: AWS's defaults).
   *
   * @param lifecycleHookName required
   * @param lifecycleTransition required, {@code autoscaling:EC2_INSTANCE_LAUNCHING} or {@code
   *     autoscaling:EC2_INSTANCE_TERMINATING}
   * @param heartbeatTimeout seconds, 30 to 7200, default 3600
   * @param defaultResult {@code ABANDON} (default) or {@code CONTINUE}
   */
  public record HookSpecification(
      String lifecycleHookName, String lifecycleTransition, Integer heartbeatTimeout, String defaultResult) {}

  /**
   * A group as {@code DescribeAutoScalingGroups} shows it.
   *
   * @param group the live view
   * @param autoScalingGroupArn its ARN
   * @param targetGroupArns its target groups, by ARN
   * @param vpcZoneIdentifier its subnets, comma-separated
   * @param instances its instances, in launch order
   */
  public record GroupDescription(
      AutoScalingGroup group, String autoScalingGroupArn, List<String> targetGroupArns, String vpcZoneIdentifier,
      List<AutoScalingInstance> instances) {}

  /**
   * An instance as {@code DescribeAutoScalingInstances} shows it.
   *
   * @param autoScalingGroupName its group
   * @param instance the instance
   * @param instanceType its instance type
   */
  public record InstanceDescription(String autoScalingGroupName, AutoScalingInstance instance, String instanceType) {}

  // ------------------------------------------------------------------ groups

  /**
   * {@code CreateAutoScalingGroup}.
   *
   * @param r the r
   */
  public void createAutoScalingGroup(CreateGroup r) {
    String name = requiredName("autoScalingGroupName", r.autoScalingGroupName(), 255);
    required("minSize", r.minSize());
    required("maxSize", r.maxSize());
    MixedPolicy mp = r.mixedInstancesPolicy();
    boolean groupTemplate = r.launchTemplateId() != null || r.launchTemplateName() != null;
    boolean mixedTemplate = mp != null && (mp.launchTemplateId() != null || mp.launchTemplateName() != null);
    if (groupTemplate == (mp != null) || (mp != null && !mixedTemplate)) {
      throw AwsErrorException.badRequest("ValidationError", "Valid requests must contain either LaunchTemplate,"
          + " LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
    }
    LaunchTemplates.Resolved lt = mp != null
        ? launchTemplates.resolve(mp.launchTemplateId(), mp.launchTemplateName(), mp.launchTemplateVersion())
        : launchTemplates.resolve(r.launchTemplateId(), r.launchTemplateName(), r.launchTemplateVersion());
    List<String> zones = zones(r.availabilityZones(), r.vpcZoneIdentifier());
    if (exists(name)) {
      throw AwsErrorException.badRequest("AlreadyExists",
          "AutoScalingGroup by this name already exists - A group with the name " + name + " already exists");
    }
    AutoScalingGroupSpec.Builder b = AutoScalingGroupSpec.builder()
        .autoScalingGroupName(name)
        .launchTemplate(lt.name(), lt.version())
        .instanceType(lt.instanceType())
        .minSize(r.minSize())
        .maxSize(r.maxSize())
        .availabilityZones(zones.toArray(String[]::new));
    if (r.desiredCapacity() != null) b.desiredCapacity(r.desiredCapacity());
    if (r.defaultCooldown() != null) b.defaultCooldown(Duration.ofSeconds(r.defaultCooldown()));
    if (r.defaultInstanceWarmup() != null) b.defaultInstanceWarmup(Duration.ofSeconds(r.defaultInstanceWarmup()));
    if (r.healthCheckType() != null) b.healthCheckType(healthCheckType(r.healthCheckType()));
    if (r.healthCheckGracePeriod() != null) b.healthCheckGracePeriod(Duration.ofSeconds(r.healthCheckGracePeriod()));
    if (r.terminationPolicies() != null && !r.terminationPolicies().isEmpty()) {
      b.terminationPolicies(r.terminationPolicies().stream().map(AutoScalingOperations::terminationPolicy)
          .toArray(TerminationPolicy[]::new));
    }
    if (r.newInstancesProtectedFromScaleIn() != null) b.newInstancesProtectedFromScaleIn(r.newInstancesProtectedFromScaleIn());
    if (r.capacityDistributionStrategy() != null) {
      b.capacityDistributionStrategy(distribution(r.capacityDistributionStrategy()));
    }
    if (r.targetGroupArns() != null) {
      b.targetGroupNames(r.targetGroupArns().stream().map(this::targetGroupName).toArray(String[]::new));
    }
    if (r.lifecycleHookSpecifications() != null) {
      b.lifecycleHookSpecifications(r.lifecycleHookSpecifications().stream().map(h -> hookSpecification(name, h))
          .toArray(LifecycleHookSpec[]::new));
    }
    if (mp != null) b.mixedInstancesPolicy(mixedInstancesPolicy(mp, lt.instanceType(), null));
    if (r.capacityRebalance() != null) b.capacityRebalance(r.capacityRebalance());
    if (r.maxInstanceLifetime() != null) b.maxInstanceLifetime(Duration.ofSeconds(r.maxInstanceLifetime()));
    autoScaling.createAutoScalingGroup(b.build());
  }

  /**
   * The core policy for {@code m}: each value given, else the current policy's, else AWS's
   * default; no overrides means the current ones, else the launch template's instance type.
   */
  private static MixedInstancesPolicy mixedInstancesPolicy(MixedPolicy m, String templateType, MixedInstancesPolicy current) {
    String at = "MixedInstancesPolicy.";
    List<LaunchTemplateOverride> overrides = new ArrayList<>();
    if (m.overrides() != null && !m.overrides().isEmpty()) {
      for (int i = 0; i < m.overrides().size(); i++) {
        OverrideSpec o = m.overrides().get(i);
        String path = at + "LaunchTemplate.Overrides[" + i + "].";
        if (o.instanceType() == null) {
          throw new UnsupportedOperationException(path + "InstanceRequirements (attribute-based instance type selection) is not"
              + " simulated by CloudTwin: name the InstanceType of each override");
        }
        Integer weight = null;
        if (o.weightedCapacity() != null) {
          try {
            weight = Integer.valueOf(o.weightedCapacity().trim());
          } catch (NumberFormatException e) {
            throw new ValidationException(path + "WeightedCapacity", o.weightedCapacity(), "a whole number between 1 and 999");
          }
        }
        try {
          overrides.add(new LaunchTemplateOverride(o.instanceType(), weight));
        } catch (ValidationException e) {
          throw new ValidationException(path + (e.field().equals("WeightedCapacity") ? "WeightedCapacity" : "InstanceType"),
              e.value(), e.allowed());
        }
      }
    } else if (current != null) {
      overrides.addAll(current.overrides());
    } else {
      overrides.add(LaunchTemplateOverride.of(templateType));
    }
    String d = at + "InstancesDistribution.";
    OnDemandAllocationStrategy od = m.onDemandAllocationStrategy() != null
        ? named(d + "OnDemandAllocationStrategy", () -> OnDemandAllocationStrategy.of(m.onDemandAllocationStrategy()))
        : current != null ? current.onDemandAllocationStrategy() : OnDemandAllocationStrategy.PRIORITIZED;
    SpotAllocationStrategy spot = m.spotAllocationStrategy() != null
        ? named(d + "SpotAllocationStrategy", () -> SpotAllocationStrategy.of(m.spotAllocationStrategy()))
        : current != null ? current.spotAllocationStrategy() : SpotAllocationStrategy.LOWEST_PRICE;
    int base = m.onDemandBaseCapacity() != null ? m.onDemandBaseCapacity() : current != null ? current.onDemandBaseCapacity() : 0;
    int percent = m.onDemandPercentageAboveBaseCapacity() != null ? m.onDemandPercentageAboveBaseCapacity()
        : current != null ? current.onDemandPercentageAboveBaseCapacity() : 100;
    Integer pools = m.spotInstancePools() != null ? m.spotInstancePools()
        : current != null && spot == SpotAllocationStrategy.LOWEST_PRICE ? current.spotInstancePools() : null;
    Double max = current != null ? current.spotMaxPrice() : null;
    if (m.spotMaxPrice() != null) {
      if (m.spotMaxPrice().isEmpty()) {
        max = null; // AWS: an empty value removes a previously set maximum (the On-Demand price again)
      } else {
        try {
          max = Double.valueOf(m.spotMaxPrice().trim());
        } catch (NumberFormatException e) {
          throw new ValidationException(d + "SpotMaxPrice", m.spotMaxPrice(), "a price in USD per hour, such as 0.05");
        }
      }
    }
    try {
      return new MixedInstancesPolicy(overrides, od, base, percent, spot, pools, max);
    } catch (ValidationException e) {
      String f = e.field();
      throw new ValidationException((f.startsWith("Overrides") ? at + "LaunchTemplate." : d) + f, e.value(), e.allowed());
    }
  }

  private static <T> T named(String path, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      throw new ValidationException(path, e.value(), e.allowed());
    }
  }

  /**
   * {@code UpdateAutoScalingGroup}: capacity limits and the launch template (nulls keep values).
   * Other parameters are not simulated.
   *
   * @param name the name
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   * @param launchTemplateId the launch template id
   * @param launchTemplateName the launch template name
   * @param launchTemplateVersion the launch template version
   */
  public void updateAutoScalingGroup(
      String name, Integer minSize, Integer maxSize, Integer desiredCapacity, String launchTemplateId,
      String launchTemplateName, String launchTemplateVersion) {
    updateAutoScalingGroup(name, minSize, maxSize, desiredCapacity, launchTemplateId, launchTemplateName,
        launchTemplateVersion, null, null, null);
  }

  /**
   * {@code UpdateAutoScalingGroup}: capacity limits, the launch template, the MixedInstancesPolicy,
   * CapacityRebalance and MaxInstanceLifetime (nulls keep values). Everything is checked before
   * anything changes.
   *
   * @param name the name
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   * @param launchTemplateId the launch template id
   * @param launchTemplateName the launch template name
   * @param launchTemplateVersion the launch template version
   * @param mixed the MixedInstancesPolicy changes, or null
   * @param capacityRebalance CapacityRebalance, or null
   * @param maxInstanceLifetime MaxInstanceLifetime in seconds (0 clears it), or null
   */
  public void updateAutoScalingGroup(
      String name, Integer minSize, Integer maxSize, Integer desiredCapacity, String launchTemplateId,
      String launchTemplateName, String launchTemplateVersion, MixedPolicy mixed, Boolean capacityRebalance,
      Integer maxInstanceLifetime) {
    AutoScalingGroup current = group(name);
    if (mixed != null && (mixed.launchTemplateId() != null || mixed.launchTemplateName() != null)) {
      if (launchTemplateId != null || launchTemplateName != null) {
        throw AwsErrorException.badRequest("ValidationError", "Valid requests must contain either LaunchTemplate,"
            + " LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
      }
      launchTemplateId = mixed.launchTemplateId();
      launchTemplateName = mixed.launchTemplateName();
      launchTemplateVersion = mixed.launchTemplateVersion();
    }
    LaunchTemplates.Resolved lt = launchTemplateId == null && launchTemplateName == null ? null
        : launchTemplates.resolve(launchTemplateId, launchTemplateName, launchTemplateVersion);
    MixedInstancesPolicy policy = mixed == null ? null : mixedInstancesPolicy(mixed,
        lt != null ? lt.instanceType() : current.spec().instanceType(), current.spec().mixedInstancesPolicy());
    Duration lifetime = maxInstanceLifetime == null ? null : Duration.ofSeconds(maxInstanceLifetime);
    AutoScalingGroupSpec.checkMaxInstanceLifetime(lifetime);
    if (minSize != null || maxSize != null || desiredCapacity != null) {
      AutoScalingGroup g = autoScaling.group(name);
      int min = minSize == null ? g.minSize() : minSize;
      int max = maxSize == null ? g.maxSize() : maxSize;
      if (min > max) {
        throw AwsErrorException.badRequest("ValidationError",
            "Max bound, " + max + ", must be greater than or equal to min bound, " + min);
      }
      if (desiredCapacity != null && (desiredCapacity < min || desiredCapacity > max)) {
        throw AwsErrorException.badRequest("ValidationError", "Desired capacity:" + desiredCapacity
            + " must be between the specified min size:" + min + " and max size:" + max);
      }
    }
    if (lt != null) autoScaling.updateLaunchTemplate(name, lt.name(), lt.version());
    if (policy != null || capacityRebalance != null || lifetime != null) {
      autoScaling.updateAutoScalingGroupSettings(name, policy, capacityRebalance, lifetime);
    }
    if (minSize != null || maxSize != null || desiredCapacity != null) {
      autoScaling.updateAutoScalingGroup(name, minSize, maxSize, desiredCapacity);
    }
  }

  /**
   * {@code DeleteAutoScalingGroup}.
   *
   * @param name the name
   * @param forceDelete the force delete
   */
  public void deleteAutoScalingGroup(String name, boolean forceDelete) {
    AutoScalingGroup g = group(name);
    if (!forceDelete && !g.instances().isEmpty()) {
      throw AwsErrorException.badRequest("ResourceInUse", "You cannot delete an AutoScalingGroup while there are"
          + " instances or pending Spot instance request(s) still in the group.");
    }
    autoScaling.deleteAutoScalingGroup(name, forceDelete);
  }

  /**
   * {@code DescribeAutoScalingGroups}: groups sorted by name; unknown names are left out.
   *
   * @param names the names
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribeAutoScalingGroups}: groups sorted by name; unknown names are left out
   */
  public Page<GroupDescription> describeAutoScalingGroups(List<String> names, String nextToken, Integer maxRecords) {
    List<AutoScalingGroup> all = new ArrayList<>(autoScaling.groups());
    if (names != null && !names.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(names);
      all.removeIf(g -> !wanted.contains(g.name()));
    }
    all.sort(Comparator.comparing(AutoScalingGroup::name));
    Page<AutoScalingGroup> page = PAGES.page("DescribeAutoScalingGroups", all, nextToken, maxRecords, 50, 100,
        "maxRecords");
    return new Page<>(page.items().stream().map(this::describe).toList(), page.nextToken());
  }

  private GroupDescription describe(AutoScalingGroup g) {
    AutoScalingGroupSpec spec = g.spec();
    ElbArns arns = new ElbArns(twin);
    java.util.Map<String, io.github.cloudtwin.elb.TargetGroup> byName = new java.util.HashMap<>();
    if (!spec.targetGroupNames().isEmpty()) for (var tg : twin.loadBalancing().targetGroups()) byName.put(tg.name(), tg);
    List<String> tgs = new ArrayList<>();
    for (String n : spec.targetGroupNames()) {
      if (byName.containsKey(n)) tgs.add(arns.targetGroupArn(byName.get(n))); // a deleted one is gone
    }
    String subnets = String.join(",", spec.availabilityZones().stream().map(Ids::subnetId).toList());
    String arn = groupArns.computeIfAbsent(g.name(), n -> Ids.autoScalingGroupArn(twin.arns(), n));
    return new GroupDescription(g, arn, tgs, subnets, g.instances());
  }

  /**
   * {@code DescribeAutoScalingInstances}: every group's instances, or the ones named.
   *
   * @param instanceIds the instance ids
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribeAutoScalingInstances}: every group's instances, or the ones named
   */
  public Page<InstanceDescription> describeAutoScalingInstances(
      List<String> instanceIds, String nextToken, Integer maxRecords) {
    List<InstanceDescription> all = new ArrayList<>();
    Set<String> wanted = instanceIds == null || instanceIds.isEmpty() ? null : new LinkedHashSet<>(instanceIds);
    for (AutoScalingGroup g : autoScaling.groups()) {
      String type = g.spec().instanceType();
      for (AutoScalingInstance i : g.instances()) {
        if (wanted == null || wanted.contains(i.instanceId())) all.add(new InstanceDescription(g.name(), i, type));
      }
    }
    all.sort(Comparator.comparing(d -> d.instance().instanceId()));
    return PAGES.page("DescribeAutoScalingInstances", all, nextToken, maxRecords, 50, 50, "maxRecords");
  }

  /**
   * {@code SetDesiredCapacity}.
   *
   * @param name the name
   * @param desiredCapacity the desired capacity
   * @param honorCooldown the honor cooldown
   */
  public void setDesiredCapacity(String name, Integer desiredCapacity, boolean honorCooldown) {
    required("desiredCapacity", desiredCapacity);
    group(name);
    try {
      autoScaling.setDesiredCapacity(name, desiredCapacity, honorCooldown);
    } catch (ScalingActivityInProgressException e) {
      throw AwsErrorException.badRequest("ScalingActivityInProgress",
          "Scaling activity is in progress and blocks this action (" + e.getMessage() + ")");
    }
  }

  // ------------------------------------------------------------------ policies

  /**
   * {@code PutScalingPolicy}: creates or replaces the policy.
   *
   * @param spec the spec
   * @return {@code PutScalingPolicy}: creates or replaces the policy
   */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    group(spec.autoScalingGroupName());
    return autoScaling.putScalingPolicy(spec);
  }

  /**
   * {@code DeletePolicy}: by name or ARN.
   *
   * @param groupName the group name
   * @param policyNameOrArn the policy name or arn
   */
  public void deletePolicy(String groupName, String policyNameOrArn) {
    ScalingPolicy p = policy(groupName, policyNameOrArn);
    autoScaling.deletePolicy(p.autoScalingGroupName(), p.policyName());
  }

  /**
   * {@code DescribePolicies}: policies of one group or of all, sorted by group and name.
   *
   * @param groupName the group name
   * @param policyNames the policy names
   * @param policyTypes the policy types
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribePolicies}: policies of one group or of all, sorted by group and name
   */
  public Page<ScalingPolicy> describePolicies(
      String groupName, List<String> policyNames, List<String> policyTypes, String nextToken, Integer maxRecords) {
    List<ScalingPolicy> all = new ArrayList<>();
    List<AutoScalingGroup> gs = groupName == null ? autoScaling.groups() : List.of(group(groupName));
    for (AutoScalingGroup g : gs) all.addAll(autoScaling.policies(g.name()));
    if (policyNames != null && !policyNames.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(policyNames);
      all.removeIf(p -> !wanted.contains(p.policyName()) && !wanted.contains(p.policyArn()));
    }
    if (policyTypes != null && !policyTypes.isEmpty()) {
      all.removeIf(p -> !policyTypes.contains(policyType(p.spec())));
    }
    all.sort(Comparator.comparing(ScalingPolicy::autoScalingGroupName).thenComparing(ScalingPolicy::policyName));
    return PAGES.page("DescribePolicies", all, nextToken, maxRecords, 50, 100, "maxRecords");
  }

  /**
   * AWS's PolicyType of a policy definition.
   *
   * @param spec the spec
   * @return AWS's PolicyType of a policy definition
   */
  public static String policyType(ScalingPolicySpec spec) {
    if (spec instanceof io.github.cloudtwin.autoscaling.SimpleScalingPolicy) return "SimpleScaling";
    if (spec instanceof io.github.cloudtwin.autoscaling.StepScalingPolicy) return "StepScaling";
    return "TargetTrackingScaling";
  }

  /**
   * {@code ExecutePolicy}.
   *
   * @param groupName the group name
   * @param policyNameOrArn the policy name or arn
   * @param honorCooldown the honor cooldown
   * @param metricValue the metric value
   * @param breachThreshold the breach threshold
   */
  public void executePolicy(
      String groupName, String policyNameOrArn, boolean honorCooldown, Double metricValue, Double breachThreshold) {
    ScalingPolicy p = policy(groupName, policyNameOrArn);
    try {
      autoScaling.executePolicy(p.autoScalingGroupName(), p.policyName(), honorCooldown, metricValue, breachThreshold);
    } catch (ScalingActivityInProgressException e) {
      throw AwsErrorException.badRequest("ScalingActivityInProgress",
          "Scaling activity is in progress and blocks this action (" + e.getMessage() + ")");
    }
  }

  private ScalingPolicy policy(String groupName, String policyNameOrArn) {
    required("policyName", policyNameOrArn);
    if (policyNameOrArn.startsWith("arn:")) {
      for (AutoScalingGroup g : autoScaling.groups()) {
        for (ScalingPolicy p : autoScaling.policies(g.name())) {
          if (p.policyArn().equals(policyNameOrArn)) return p;
        }
      }
      throw AwsErrorException.badRequest("ValidationError", "No such policy: " + policyNameOrArn);
    }
    if (groupName == null) {
      throw AwsErrorException.badRequest("ValidationError", "AutoScalingGroupName is required when PolicyName is not"
          + " an ARN.");
    }
    group(groupName);
    for (ScalingPolicy p : autoScaling.policies(groupName)) {
      if (p.policyName().equals(policyNameOrArn)) return p;
    }
    throw AwsErrorException.badRequest("ValidationError", "Policy " + policyNameOrArn + " not found for"
        + " AutoScalingGroup " + groupName);
  }

  // ------------------------------------------------------------------ activities

  /**
   * {@code DescribeScalingActivities}: newest first, one group or all.
   *
   * @param groupName the group name
   * @param activityIds the activity ids
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribeScalingActivities}: newest first, one group or all
   */
  public Page<ScalingActivity> describeScalingActivities(
      String groupName, List<String> activityIds, String nextToken, Integer maxRecords) {
    List<ScalingActivity> all = new ArrayList<>();
    if (groupName != null) {
      if (exists(groupName)) all.addAll(autoScaling.activities(groupName));
    } else {
      for (AutoScalingGroup g : autoScaling.groups()) all.addAll(g.activities());
      all.sort(Comparator.comparing(ScalingActivity::startTime).reversed());
    }
    if (activityIds != null && !activityIds.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(activityIds);
      all.removeIf(a -> !wanted.contains(a.activityId()));
    }
    return PAGES.page("DescribeScalingActivities", all, nextToken, maxRecords, 100, 100, "maxRecords");
  }

  // ------------------------------------------------------------------ scheduled actions

  /**
   * {@code PutScheduledUpdateGroupAction}.
   *
   * @param groupName the group name
   * @param actionName the action name
   * @param startTime the start time
   * @param endTime the end time
   * @param recurrence the recurrence
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   */
  public void putScheduledUpdateGroupAction(
      String groupName, String actionName, Instant startTime, Instant endTime, String recurrence, Integer minSize,
      Integer maxSize, Integer desiredCapacity) {
    group(groupName);
    autoScaling.putScheduledUpdateGroupAction(new ScheduledActionSpec(
        actionName, groupName, startTime, endTime, recurrence, minSize, maxSize, desiredCapacity));
  }

  /**
   * {@code DescribeScheduledActions}: one group's or all, sorted by group and name.
   *
   * @param groupName the group name
   * @param actionNames the action names
   * @param nextToken the next token
   * @param maxRecords the max records
   * @return {@code DescribeScheduledActions}: one group's or all, sorted by group and name
   */
  public Page<ScheduledActionSpec> describeScheduledActions(
      String groupName, List<String> actionNames, String nextToken, Integer maxRecords) {
    List<ScheduledActionSpec> all = new ArrayList<>();
    List<AutoScalingGroup> gs = groupName == null ? autoScaling.groups() : List.of(group(groupName));
    for (AutoScalingGroup g : gs) all.addAll(autoScaling.scheduledActions(g.name()));
    if (actionNames != null && !actionNames.isEmpty()) all.removeIf(a -> !actionNames.contains(a.scheduledActionName()));
    all.sort(Comparator.comparing(ScheduledActionSpec::autoScalingGroupName)
        .thenComparing(ScheduledActionSpec::scheduledActionName));
    return PAGES.page("DescribeScheduledActions", all, nextToken, maxRecords, 50, 100, "maxRecords");
  }

  /**
   * {@code DeleteScheduledAction}.
   *
   * @param groupName the group name
   * @param actionName the action name
   */
  public void deleteScheduledAction(String groupName, String actionName) {
    group(groupName);
    required("scheduledActionName", actionName);
    autoScaling.deleteScheduledAction(groupName, actionName);
  }

  // ------------------------------------------------------------------ lifecycle hooks

  /**
   * {@code PutLifecycleHook}; the transition is AWS's name, timeout and default result may be null.
   *
   * @param groupName the group name
   * @param hookName the hook name
   * @param transition the transition
   * @param heartbeatTimeout the heartbeat timeout
   * @param defaultResult the default result
   */
  public void putLifecycleHook(
      String groupName, String hookName, String transition, Integer heartbeatTimeout, String defaultResult) {
    group(groupName);
    requiredName("lifecycleHookName", hookName, 255);
    LifecycleHookSpec existing = autoScaling.lifecycleHooks(groupName).stream()
        .filter(h -> h.lifecycleHookName().equals(hookName)).findFirst().orElse(null);
    if (transition == null && existing == null) {
      throw AwsErrorException.badRequest("ValidationError", "LifecycleTransition is required for a new lifecycle hook.");
    }
    LifecycleTransition t = transition == null ? existing.lifecycleTransition() : transition(transition);
    Duration timeout = heartbeatTimeout == null
        ? (existing == null ? LifecycleHookSpec.DEFAULT_HEARTBEAT_TIMEOUT : existing.heartbeatTimeout())
        : Duration.ofSeconds(heartbeatTimeout);
    LifecycleActionResult result = defaultResult == null
        ? (existing == null ? LifecycleActionResult.ABANDON : existing.defaultResult())
        : actionResult("defaultResult", defaultResult);
    autoScaling.putLifecycleHook(new LifecycleHookSpec(hookName, groupName, t, timeout, result));
  }

  /**
   * {@code DescribeLifecycleHooks}: all of a group's hooks, or the ones named.
   *
   * @param groupName the group name
   * @param hookNames the hook names
   * @return {@code DescribeLifecycleHooks}: all of a group's hooks, or the ones named
   */
  public List<LifecycleHookSpec> describeLifecycleHooks(String groupName, List<String> hookNames) {
    group(groupName);
    List<LifecycleHookSpec> all = new ArrayList<>(autoScaling.lifecycleHooks(groupName));
    if (hookNames != null && !hookNames.isEmpty()) all.removeIf(h -> !hookNames.contains(h.lifecycleHookName()));
    return all;
  }

  /**
   * {@code DeleteLifecycleHook}.
   *
   * @param groupName the group name
   * @param hookName the hook name
   */
  public void deleteLifecycleHook(String groupName, String hookName) {
    group(groupName);
    required("lifecycleHookName", hookName);
    if (autoScaling.lifecycleHooks(groupName).stream().noneMatch(h -> h.lifecycleHookName().equals(hookName))) {
      throw AwsErrorException.badRequest("ValidationError", "No Lifecycle Hook found with name " + hookName
          + " for AutoScalingGroup " + groupName);
    }
    autoScaling.deleteLifecycleHook(groupName, hookName);
  }

  /**
   * {@code CompleteLifecycleAction}.
   *
   * @param groupName the group name
   * @param hookName the hook name
   * @param instanceId the instance id
   * @param result the result
   */
  public void completeLifecycleAction(String groupName, String hookName, String instanceId, String result) {
    group(groupName);
    required("lifecycleHookName", hookName);
    required("instanceId", instanceId);
    LifecycleActionResult r = actionResult("lifecycleActionResult", required("lifecycleActionResult", result));
    try {
      autoScaling.completeLifecycleAction(groupName, hookName, instanceId, r);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw noActiveLifecycleAction(e);
    }
  }

  /**
   * {@code RecordLifecycleActionHeartbeat}.
   *
   * @param groupName the group name
   * @param hookName the hook name
   * @param instanceId the instance id
   */
  public void recordLifecycleActionHeartbeat(String groupName, String hookName, String instanceId) {
    group(groupName);
    required("lifecycleHookName", hookName);
    required("instanceId", instanceId);
    try {
      autoScaling.recordLifecycleActionHeartbeat(groupName, hookName, instanceId);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw noActiveLifecycleAction(e);
    }
  }

  private static AwsErrorException noActiveLifecycleAction(io.github.cloudtwin.kernel.ValidationException e) {
    return AwsErrorException.badRequest("ValidationError", "No active Lifecycle Action found with instance ID "
        + e.value() + " (" + e.getMessage() + ")");
  }

  // ------------------------------------------------------------------ instances

  /**
   * {@code EnterStandby}; returns the activities it started.
   *
   * @param groupName the group name
   * @param instanceIds the instance ids
   * @param decrement the decrement
   * @return {@code EnterStandby}; returns the activities it started
   */
  public List<ScalingActivity> enterStandby(String groupName, List<String> instanceIds, Boolean decrement) {
    group(groupName);
    required("shouldDecrementDesiredCapacity", decrement);
    autoScaling.enterStandby(groupName, decrement, ids(instanceIds));
    return startedNow(groupName, instanceIds);
  }

  /**
   * {@code ExitStandby}; returns the activities it started.
   *
   * @param groupName the group name
   * @param instanceIds the instance ids
   * @return {@code ExitStandby}; returns the activities it started
   */
  public List<ScalingActivity> exitStandby(String groupName, List<String> instanceIds) {
    group(groupName);
    autoScaling.exitStandby(groupName, ids(instanceIds));
    return startedNow(groupName, instanceIds);
  }

  /**
   * {@code SetInstanceHealth}: {@code Healthy} or {@code Unhealthy}.
   *
   * @param instanceId the instance id
   * @param healthStatus the health status
   * @param shouldRespectGracePeriod the should respect grace period
   */
  public void setInstanceHealth(String instanceId, String healthStatus, Boolean shouldRespectGracePeriod) {
    required("instanceId", instanceId);
    HealthStatus h = switch (required("healthStatus", healthStatus)) {
      case "Healthy" -> HealthStatus.HEALTHY;
      case "Unhealthy" -> HealthStatus.UNHEALTHY;
      default -> throw AwsErrorException.badRequest("ValidationError",
          "Invalid health status " + healthStatus + ": use Healthy or Unhealthy");
    };
    autoScaling.setInstanceHealth(instanceId, h, shouldRespectGracePeriod == null || shouldRespectGracePeriod);
  }

  /**
   * {@code SetInstanceProtection}.
   *
   * @param groupName the group name
   * @param instanceIds the instance ids
   * @param protectedFromScaleIn the protected from scale in
   */
  public void setInstanceProtection(String groupName, List<String> instanceIds, Boolean protectedFromScaleIn) {
    group(groupName);
    required("protectedFromScaleIn", protectedFromScaleIn);
    autoScaling.setInstanceProtection(groupName, protectedFromScaleIn, ids(instanceIds));
  }

  /**
   * {@code TerminateInstanceInAutoScalingGroup}; returns the activity it started.
   *
   * @param instanceId the instance id
   * @param decrement the decrement
   * @return {@code TerminateInstanceInAutoScalingGroup}; returns the activity it started
   */
  public ScalingActivity terminateInstanceInAutoScalingGroup(String instanceId, Boolean decrement) {
    required("instanceId", instanceId);
    required("shouldDecrementDesiredCapacity", decrement);
    String groupName = null;
    for (AutoScalingGroup g : autoScaling.groups()) {
      for (AutoScalingInstance i : g.instances()) if (i.instanceId().equals(instanceId)) groupName = g.name();
    }
    autoScaling.terminateInstanceInAutoScalingGroup(instanceId, decrement);
    List<ScalingActivity> started = startedNow(groupName, List.of(instanceId));
    return started.isEmpty() ? null : started.get(0);
  }

  /**
   * {@code SuspendProcesses}; no names suspends all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void suspendProcesses(String groupName, List<String> processes) {
    group(groupName);
    autoScaling.suspendProcesses(groupName, processes(processes));
  }

  /**
   * {@code ResumeProcesses}; no names resumes all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void resumeProcesses(String groupName, List<String> processes) {
    group(groupName);
    autoScaling.resumeProcesses(groupName, processes(processes));
  }

  /**
   * A target group of a group as {@code DescribeLoadBalancerTargetGroups} and
   * {@code DescribeTrafficSources} show it.
   *
   * @param targetGroupArn the target group's ARN
   * @param state {@code Added}, {@code InService} (ELB health checks and a healthy instance) or
   *     {@code Removing} (detached, instances still draining)
   */
  public record TargetGroupState(String targetGroupArn, String state) {}

  /** {@code AttachLoadBalancerTargetGroups} / {@code AttachTrafficSources}: 1 to 10 target groups by ARN. */
  public void attachLoadBalancerTargetGroups(String groupName, List<String> targetGroupArns) {
    AutoScalingGroup g = group(groupName);
    List<String> names = targetGroupNames(targetGroupArns);
    try {
      autoScaling.attachLoadBalancerTargetGroups(g.name(), names.toArray(String[]::new));
    } catch (ValidationException e) {
      throw AwsErrorException.badRequest("ValidationError", e.getMessage());
    }
  }

  /** {@code DetachLoadBalancerTargetGroups} / {@code DetachTrafficSources}: their instances drain. */
  public void detachLoadBalancerTargetGroups(String groupName, List<String> targetGroupArns) {
    AutoScalingGroup g = group(groupName);
    List<String> names = targetGroupNames(targetGroupArns);
    try {
      autoScaling.detachLoadBalancerTargetGroups(g.name(), names.toArray(String[]::new));
    } catch (ValidationException e) {
      throw AwsErrorException.badRequest("ValidationError", e.getMessage());
    }
  }

  private List<String> targetGroupNames(List<String> arns) {
    if (arns == null || arns.isEmpty()) {
      throw AwsErrorException.constraint("ValidationError", "targetGroupARNs", null, "Member must not be null");
    }
    if (arns.size() > 10) {
      throw AwsErrorException.constraint("ValidationError", "targetGroupARNs", arns,
          "Member must have length less than or equal to 10");
    }
    List<String> out = new ArrayList<>();
    for (String arn : arns) out.add(targetGroupName(arn));
    return out;
  }

  /**
   * {@code DescribeLoadBalancerTargetGroups} / {@code DescribeTrafficSources}: the attached target
   * groups, then the detached ones still {@code Removing}.
   *
   * @param groupName the group
   * @param nextToken the token of the page
   * @param maxRecords the page size
   * @param defaultPage the operation's default page size
   * @param maxPage the operation's largest page size
   * @param operation the operation's name, for its tokens
   * @return a page of target groups with their states
   */
  public Page<TargetGroupState> describeLoadBalancerTargetGroups(String groupName, String nextToken, Integer maxRecords,
      int defaultPage, int maxPage, String operation) {
    AutoScalingGroup g = group(groupName);
    ElbArns arns = new ElbArns(twin);
    List<TargetGroupState> all = new ArrayList<>();
    boolean elbChecks = g.spec().healthCheckType() == HealthCheckType.ELB;
    Set<String> members = new HashSet<>();
    for (AutoScalingInstance i : g.instances()) members.add(i.instanceId());
    for (String n : g.spec().targetGroupNames()) {
      io.github.cloudtwin.elb.TargetGroup tg = twin.loadBalancing().targetGroups().stream().filter(t -> t.name().equals(n))
          .findFirst().orElse(null);
      if (tg == null) continue; // deleted since
      boolean healthy = elbChecks && tg.targetHealth().entrySet().stream().anyMatch(e -> members.contains(e.getKey())
          && e.getValue().state() == io.github.cloudtwin.elb.TargetHealthState.HEALTHY);
      all.add(new TargetGroupState(arns.targetGroupArn(tg), healthy ? "InService" : "Added"));
    }
    for (String n : g.removingTargetGroups()) {
      twin.loadBalancing().targetGroups().stream().filter(t -> t.name().equals(n)).findFirst()
          .ifPresent(tg -> all.add(new TargetGroupState(arns.targetGroupArn(tg), "Removing")));
    }
    return PAGES.page(operation, all, nextToken, maxRecords, defaultPage, maxPage, "maxRecords");
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The group, or AWS's ValidationError for a name that does not exist.
   *
   * @param name the name
   * @return the group, or AWS's ValidationError for a name that does not exist
   */
  public AutoScalingGroup group(String name) {
    requiredName("autoScalingGroupName", name, 255);
    for (AutoScalingGroup g : autoScaling.groups()) if (g.name().equals(name)) return g;
    throw AwsErrorException.badRequest("ValidationError", "AutoScalingGroup name not found - AutoScalingGroup '"
        + name + "' not found");
  }

  private boolean exists(String name) {
    for (AutoScalingGroup g : autoScaling.groups()) if (g.name().equals(name)) return true;
    return false;
  }

  private List<ScalingActivity> startedNow(String groupName, List<String> instanceIds) {
    if (groupName == null || !exists(groupName)) return List.of();
    Instant now = twin.now();
    return autoScaling.activities(groupName).stream()
        .filter(a -> a.startTime().equals(now) && instanceIds.contains(a.instanceId())).toList();
  }

  private List<String> zones(List<String> availabilityZones, String vpcZoneIdentifier) {
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    if (availabilityZones != null) zones.addAll(availabilityZones);
    if (vpcZoneIdentifier != null && !vpcZoneIdentifier.isBlank()) {
      for (String subnet : vpcZoneIdentifier.split(",")) zones.add(zoneOfSubnet(subnet.trim()));
    }
    if (zones.isEmpty()) {
      throw AwsErrorException.badRequest("ValidationError", "At least one Availability Zone or VPC Subnet is required.");
    }
    for (String z : zones) {
      if (twin.availabilityZones().stream().noneMatch(a -> a.name().equals(z))) {
        throw AwsErrorException.badRequest("ValidationError", "Invalid Availability Zone: " + z + " (the twin has "
            + twin.availabilityZones().stream().map(AvailabilityZone::name).toList() + ")");
      }
    }
    return List.copyOf(zones);
  }

  private String zoneOfSubnet(String subnet) {
    for (AvailabilityZone z : twin.availabilityZones()) if (Ids.subnetId(z.name()).equals(subnet)) return z.name();
    throw AwsErrorException.badRequest("ValidationError", "The subnet ID '" + subnet + "' does not exist");
  }

  private String targetGroupName(String arn) {
    io.github.cloudtwin.elb.TargetGroup tg = new ElbArns(twin).targetGroup(arn);
    if (tg == null) {
      throw AwsErrorException.badRequest("ValidationError",
          "Provided Target Groups may not be valid. Please ensure they exist and try again. (" + arn + ")");
    }
    return tg.name();
  }

  private static HealthCheckType healthCheckType(String t) {
    return switch (t) {
      case "EC2" -> HealthCheckType.EC2;
      case "ELB" -> HealthCheckType.ELB;
      default -> throw AwsErrorException.badRequest("ValidationError",
          "Invalid HealthCheckType " + t + ": the twin simulates EC2 and ELB health checks");
    };
  }

  private static CapacityDistributionStrategy distribution(String s) {
    for (CapacityDistributionStrategy c : CapacityDistributionStrategy.values()) {
      if (c.toString().equals(s)) return c;
    }
    throw AwsErrorException.badRequest("ValidationError", "Invalid CapacityDistributionStrategy " + s
        + ": use balanced-best-effort or balanced-only");
  }

  private static TerminationPolicy terminationPolicy(String name) {
    for (TerminationPolicy p : List.of(TerminationPolicy.DEFAULT, TerminationPolicy.OLDEST_INSTANCE,
        TerminationPolicy.NEWEST_INSTANCE, TerminationPolicy.OLDEST_LAUNCH_TEMPLATE,
        TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR)) {
      if (p.name().equals(name)) return p;
    }
    throw AwsErrorException.badRequest("ValidationError", "Unsupported termination policy: " + name
        + " (the twin has Default, OldestInstance, NewestInstance, OldestLaunchTemplate, ClosestToNextInstanceHour)");
  }

  private static LifecycleHookSpec hookSpecification(String groupName, HookSpecification h) {
    String hookName = requiredName("lifecycleHookSpecificationList.member.lifecycleHookName", h.lifecycleHookName(), 255);
    LifecycleTransition t = transition(required("lifecycleHookSpecificationList.member.lifecycleTransition",
        h.lifecycleTransition()));
    Duration timeout = h.heartbeatTimeout() == null ? LifecycleHookSpec.DEFAULT_HEARTBEAT_TIMEOUT
        : Duration.ofSeconds(h.heartbeatTimeout());
    LifecycleActionResult result = h.defaultResult() == null ? LifecycleActionResult.ABANDON
        : actionResult("defaultResult", h.defaultResult());
    return new LifecycleHookSpec(hookName, groupName, t, timeout, result);
  }

  private static LifecycleTransition transition(String t) {
    for (LifecycleTransition l : LifecycleTransition.values()) if (l.toString().equals(t)) return l;
    throw AwsErrorException.badRequest("ValidationError", "Invalid LifecycleTransition " + t
        + ": use autoscaling:EC2_INSTANCE_LAUNCHING or autoscaling:EC2_INSTANCE_TERMINATING");
  }

  private static LifecycleActionResult actionResult(String field, String r) {
    return switch (r) {
      case "CONTINUE" -> LifecycleActionResult.CONTINUE;
      case "ABANDON" -> LifecycleActionResult.ABANDON;
      default -> throw AwsErrorException.badRequest("ValidationError",
          "Invalid " + field + " " + r + ": use CONTINUE or ABANDON");
    };
  }

  private static ScalingProcess[] processes(List<String> names) {
    if (names == null) return new ScalingProcess[0];
    List<ScalingProcess> out = new ArrayList<>();
    for (String n : names) {
      try {
        out.add(ScalingProcess.valueOf(n));
      } catch (IllegalArgumentException e) {
        throw AwsErrorException.badRequest("ValidationError", "Process '" + n + "' is not a valid process name.");
      }
    }
    return out.toArray(ScalingProcess[]::new);
  }

  private static String[] ids(List<String> instanceIds) {
    if (instanceIds == null || instanceIds.isEmpty()) {
      throw AwsErrorException.badRequest("ValidationError", "InstanceIds must contain at least one instance id.");
    }
    return instanceIds.toArray(String[]::new);
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw AwsErrorException.constraint("ValidationError", field, null, "Member must not be null");
    }
    return value;
  }

  static String requiredName(String field, String value, int maxLength) {
    required(field, value);
    if (value.isEmpty() || value.length() > maxLength) {
      throw AwsErrorException.constraint("ValidationError", field, value,
          "Member must have length between 1 and " + maxLength);
    }
    return value;
  }
}
