package io.github.cloudtwin.awssdk.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.MetricAggregationType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations.GroupDescription;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations.InstanceDescription;
import io.github.cloudtwin.awssdk.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.operations.Ids;
import io.github.cloudtwin.awssdk.operations.Page;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.Alarm;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionRequest;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionResponse;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteLifecycleHookRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteLifecycleHookResponse;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteScheduledActionRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteScheduledActionResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeLifecycleHooksRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeLifecycleHooksResponse;
import software.amazon.awssdk.services.autoscaling.model.AttachLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.AttachLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.AttachTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.AttachTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.DetachLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DetachLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DetachTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.DetachTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceIdentifier;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceState;
import software.amazon.awssdk.services.autoscaling.model.DescribeLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScheduledActionsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScheduledActionsResponse;
import software.amazon.awssdk.services.autoscaling.model.EnterStandbyRequest;
import software.amazon.awssdk.services.autoscaling.model.EnterStandbyResponse;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.ExitStandbyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExitStandbyResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.autoscaling.model.LoadBalancerTargetGroupState;
import software.amazon.awssdk.services.autoscaling.model.MetricDimension;
import software.amazon.awssdk.services.autoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PutLifecycleHookRequest;
import software.amazon.awssdk.services.autoscaling.model.PutLifecycleHookResponse;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.PutScheduledUpdateGroupActionRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScheduledUpdateGroupActionResponse;
import software.amazon.awssdk.services.autoscaling.model.RecordLifecycleActionHeartbeatRequest;
import software.amazon.awssdk.services.autoscaling.model.RecordLifecycleActionHeartbeatResponse;
import software.amazon.awssdk.services.autoscaling.model.ResourceContentionException;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.ResumeProcessesRequest;
import software.amazon.awssdk.services.autoscaling.model.ResumeProcessesResponse;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityInProgressException;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceHealthRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceHealthResponse;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionResponse;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.autoscaling.model.SuspendProcessesRequest;
import software.amazon.awssdk.services.autoscaling.model.SuspendProcessesResponse;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * The {@code AutoScalingClient} operations: SDK requests to {@link AutoScalingOperations} calls
 * and twin views to SDK responses. Public methods mirror the client interface; {@link
 * io.github.cloudtwin.awssdk.internal.ClientProxy} dispatches to them.
 */
public final class AutoScalingHandler {

  /** AutoScaling's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS = new SdkErrors("AutoScaling", "ValidationError", AutoScalingException::builder,
      Map.<String, java.util.function.Supplier<AwsServiceException.Builder>>of(
          "AlreadyExists", AlreadyExistsException::builder,
          "LimitExceeded", LimitExceededException::builder,
          "ResourceInUse", ResourceInUseException::builder,
          "ScalingActivityInProgress", ScalingActivityInProgressException::builder,
          "ResourceContention", ResourceContentionException::builder,
          "InvalidNextToken", InvalidNextTokenException::builder));

  private final CloudTwin twin;
  private final AutoScalingOperations ops;

  private software.amazon.awssdk.services.autoscaling.AutoScalingClient sync;

  /** A handler over {@code ops}. */
  public AutoScalingHandler(CloudTwin twin, AutoScalingOperations ops) {
    this.twin = twin;
    this.ops = ops;
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.autoscaling.AutoScalingClient client) {
    this.sync = client;
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.autoscaling.waiters.AutoScalingWaiter waiter() {
    return new AutoScalingWaiters.Sync(twin, sync);
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.autoscaling.waiters.AutoScalingAsyncWaiter asyncWaiter() {
    return new AutoScalingWaiters.Async(new AutoScalingWaiters.Sync(twin, sync));
  }

  // ------------------------------------------------------------------ groups

  /** CreateAutoScalingGroup. */
  public CreateAutoScalingGroupResponse createAutoScalingGroup(CreateAutoScalingGroupRequest r) {
    if (r.launchConfigurationName() != null || r.instanceId() != null) {
      throw new UnsupportedOperationException("CreateAutoScalingGroup with a launch configuration or an instance id is"
          + " not simulated by CloudTwin: use LaunchTemplate or MixedInstancesPolicy");
    }
    LaunchTemplateSpecification lt = r.launchTemplate();
    ops.createAutoScalingGroup(new AutoScalingOperations.CreateGroup(
        r.autoScalingGroupName(),
        lt == null ? null : lt.launchTemplateId(),
        lt == null ? null : lt.launchTemplateName(),
        lt == null ? null : lt.version(),
        r.minSize(), r.maxSize(), r.desiredCapacity(),
        r.hasAvailabilityZones() ? r.availabilityZones() : null,
        r.vpcZoneIdentifier(),
        r.defaultCooldown(), r.defaultInstanceWarmup(), r.healthCheckType(), r.healthCheckGracePeriod(),
        r.hasTerminationPolicies() ? r.terminationPolicies() : null,
        r.newInstancesProtectedFromScaleIn(),
        r.availabilityZoneDistribution() == null ? null
            : r.availabilityZoneDistribution().capacityDistributionStrategyAsString(),
        r.hasTargetGroupARNs() ? r.targetGroupARNs() : null,
        r.hasLifecycleHookSpecificationList() ? r.lifecycleHookSpecificationList().stream()
            .map(h -> new AutoScalingOperations.HookSpecification(h.lifecycleHookName(), h.lifecycleTransition(),
                h.heartbeatTimeout(), h.defaultResult()))
            .toList() : null,
        mixed(r.mixedInstancesPolicy()), r.capacityRebalance(), r.maxInstanceLifetime()));
    return CreateAutoScalingGroupResponse.builder().build();
  }

  /** UpdateAutoScalingGroup. */
  public UpdateAutoScalingGroupResponse updateAutoScalingGroup(UpdateAutoScalingGroupRequest r) {
    List<String> unsupported = new ArrayList<>();
    if (r.defaultCooldown() != null) unsupported.add("DefaultCooldown");
    if (r.healthCheckType() != null) unsupported.add("HealthCheckType");
    if (r.healthCheckGracePeriod() != null) unsupported.add("HealthCheckGracePeriod");
    if (r.hasAvailabilityZones()) unsupported.add("AvailabilityZones");
    if (r.vpcZoneIdentifier() != null) unsupported.add("VPCZoneIdentifier");
    if (r.hasTerminationPolicies()) unsupported.add("TerminationPolicies");
    if (r.newInstancesProtectedFromScaleIn() != null) unsupported.add("NewInstancesProtectedFromScaleIn");
    if (r.launchConfigurationName() != null) unsupported.add("LaunchConfigurationName");
    if (!unsupported.isEmpty()) {
      throw new UnsupportedOperationException("UpdateAutoScalingGroup with " + unsupported + " is not simulated by"
          + " CloudTwin (it updates MinSize, MaxSize, DesiredCapacity, LaunchTemplate, MixedInstancesPolicy,"
          + " CapacityRebalance and MaxInstanceLifetime)");
    }
    LaunchTemplateSpecification lt = r.launchTemplate();
    ops.updateAutoScalingGroup(r.autoScalingGroupName(), r.minSize(), r.maxSize(), r.desiredCapacity(),
        lt == null ? null : lt.launchTemplateId(), lt == null ? null : lt.launchTemplateName(),
        lt == null ? null : lt.version(), mixed(r.mixedInstancesPolicy()), r.capacityRebalance(), r.maxInstanceLifetime());
    return UpdateAutoScalingGroupResponse.builder().build();
  }

  /** The SDK's MixedInstancesPolicy as the operations take it, or null. */
  private static AutoScalingOperations.MixedPolicy mixed(software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy m) {
    if (m == null) return null;
    var lt = m.launchTemplate();
    LaunchTemplateSpecification spec = lt == null ? null : lt.launchTemplateSpecification();
    List<AutoScalingOperations.OverrideSpec> overrides = new ArrayList<>();
    if (lt != null && lt.hasOverrides()) {
      for (int i = 0; i < lt.overrides().size(); i++) {
        var o = lt.overrides().get(i);
        if (o.launchTemplateSpecification() != null) {
          throw new UnsupportedOperationException("MixedInstancesPolicy.LaunchTemplate.Overrides[" + i + "].LaunchTemplateSpecification"
              + " (a launch template per instance type) is not simulated by CloudTwin");
        }
        overrides.add(new AutoScalingOperations.OverrideSpec(o.instanceType(), o.weightedCapacity()));
      }
    }
    var d = m.instancesDistribution();
    return new AutoScalingOperations.MixedPolicy(
        spec == null ? null : spec.launchTemplateId(), spec == null ? null : spec.launchTemplateName(),
        spec == null ? null : spec.version(), overrides,
        d == null ? null : d.onDemandAllocationStrategy(), d == null ? null : d.onDemandBaseCapacity(),
        d == null ? null : d.onDemandPercentageAboveBaseCapacity(), d == null ? null : d.spotAllocationStrategy(),
        d == null ? null : d.spotInstancePools(), d == null ? null : d.spotMaxPrice());
  }

  /** DescribeAutoScalingGroups' MixedInstancesPolicy of {@code p}, every distribution value filled as AWS fills it. */
  private static software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy mixed(
      io.github.cloudtwin.autoscaling.MixedInstancesPolicy p, LaunchTemplateSpecification template) {
    var d = software.amazon.awssdk.services.autoscaling.model.InstancesDistribution.builder()
        .onDemandAllocationStrategy(p.onDemandAllocationStrategy().toString())
        .onDemandBaseCapacity(p.onDemandBaseCapacity())
        .onDemandPercentageAboveBaseCapacity(p.onDemandPercentageAboveBaseCapacity())
        .spotAllocationStrategy(p.spotAllocationStrategy().toString());
    if (p.spotAllocationStrategy() == io.github.cloudtwin.autoscaling.SpotAllocationStrategy.LOWEST_PRICE) {
      d.spotInstancePools(p.effectiveSpotInstancePools());
    }
    if (p.spotMaxPrice() != null) d.spotMaxPrice(String.valueOf(p.spotMaxPrice()));
    List<software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides> os = new ArrayList<>();
    for (var o : p.overrides()) {
      os.add(software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides.builder().instanceType(o.instanceType())
          .weightedCapacity(o.weightedCapacity() == null ? null : String.valueOf(o.weightedCapacity())).build());
    }
    return software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy.builder()
        .launchTemplate(software.amazon.awssdk.services.autoscaling.model.LaunchTemplate.builder()
            .launchTemplateSpecification(template).overrides(os).build())
        .instancesDistribution(d.build())
        .build();
  }

  /** DeleteAutoScalingGroup. */
  public DeleteAutoScalingGroupResponse deleteAutoScalingGroup(DeleteAutoScalingGroupRequest r) {
    ops.deleteAutoScalingGroup(r.autoScalingGroupName(), Boolean.TRUE.equals(r.forceDelete()));
    return DeleteAutoScalingGroupResponse.builder().build();
  }

  /** DescribeAutoScalingGroups. */
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(DescribeAutoScalingGroupsRequest r) {
    if (r.hasFilters() && !r.filters().isEmpty()) {
      throw new UnsupportedOperationException("DescribeAutoScalingGroups with Filters is not simulated by CloudTwin");
    }
    Page<GroupDescription> page = ops.describeAutoScalingGroups(
        r.hasAutoScalingGroupNames() ? r.autoScalingGroupNames() : null, r.nextToken(), r.maxRecords());
    List<AutoScalingGroup> out = new ArrayList<>(page.items().size());
    for (GroupDescription d : page.items()) out.add(group(d));
    return DescribeAutoScalingGroupsResponse.builder().autoScalingGroups(out).nextToken(page.nextToken()).build();
  }

  private AutoScalingGroup group(GroupDescription d) {
    AutoScalingGroupSpec s = d.group().spec();
    LaunchTemplateSpecification groupTemplate = launchTemplate(s.launchTemplateName(), s.launchTemplateVersion());
    List<Instance> instances = new ArrayList<>(d.instances().size());
    for (AutoScalingInstance i : d.instances()) {
      // most instances run the group's template: the same (immutable) value, not a new hash per instance
      boolean same = java.util.Objects.equals(i.launchTemplateName(), s.launchTemplateName())
          && java.util.Objects.equals(i.launchTemplateVersion(), s.launchTemplateVersion());
      instances.add(Instance.builder()
          .instanceId(i.instanceId())
          .instanceType(i.instanceType())
          .weightedCapacity(s.mixedInstancesPolicy() != null && s.mixedInstancesPolicy().weighted()
              ? String.valueOf(i.weightedCapacity()) : null)
          .availabilityZone(i.availabilityZone())
          .lifecycleState(i.lifecycleState().awsName())
          .healthStatus(i.healthStatus().toString())
          .launchTemplate(same ? groupTemplate : launchTemplate(i.launchTemplateName(), i.launchTemplateVersion()))
          .protectedFromScaleIn(i.protectedFromScaleIn())
          .build());
    }
    List<SuspendedProcess> suspended = new ArrayList<>();
    for (var p : d.group().suspendedProcesses()) {
      suspended.add(SuspendedProcess.builder().processName(p.name()).suspensionReason("User suspended at "
          + d.group().createdTime()).build());
    }
    return AutoScalingGroup.builder()
        .autoScalingGroupName(s.autoScalingGroupName())
        .autoScalingGroupARN(d.autoScalingGroupArn())
        .launchTemplate(s.mixedInstancesPolicy() == null ? groupTemplate : null)
        .mixedInstancesPolicy(s.mixedInstancesPolicy() == null ? null : mixed(s.mixedInstancesPolicy(), groupTemplate))
        .capacityRebalance(s.capacityRebalance())
        .maxInstanceLifetime(s.effectiveMaxInstanceLifetime() == null ? null
            : (int) s.effectiveMaxInstanceLifetime().getSeconds())
        .minSize(s.minSize())
        .maxSize(s.maxSize())
        .desiredCapacity(s.desiredCapacity())
        .defaultCooldown((int) s.defaultCooldown().getSeconds())
        .availabilityZones(s.availabilityZones())
        .loadBalancerNames(List.of())
        .targetGroupARNs(d.targetGroupArns())
        .healthCheckType(s.healthCheckType().name())
        .healthCheckGracePeriod((int) s.healthCheckGracePeriod().getSeconds())
        .instances(instances)
        .createdTime(d.group().createdTime())
        .suspendedProcesses(suspended)
        .vpcZoneIdentifier(d.vpcZoneIdentifier())
        .enabledMetrics(List.of())
        .tags(List.of())
        .terminationPolicies(s.terminationPolicies().stream().map(t -> t.name()).toList())
        .newInstancesProtectedFromScaleIn(s.newInstancesProtectedFromScaleIn())
        .serviceLinkedRoleARN(twin.arns().global("iam",
            "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"))
        .defaultInstanceWarmup(s.defaultInstanceWarmup() == null ? null : (int) s.defaultInstanceWarmup().getSeconds())
        .build();
  }

  private static LaunchTemplateSpecification launchTemplate(String name, String version) {
    if (name == null) return null;
    return LaunchTemplateSpecification.builder()
        .launchTemplateId("lt-" + Ids.hex("lt/" + name, 17))
        .launchTemplateName(name)
        .version(version)
        .build();
  }

  /** DescribeAutoScalingInstances. */
  public DescribeAutoScalingInstancesResponse describeAutoScalingInstances(DescribeAutoScalingInstancesRequest r) {
    Page<InstanceDescription> page = ops.describeAutoScalingInstances(
        r.hasInstanceIds() ? r.instanceIds() : null, r.nextToken(), r.maxRecords());
    List<AutoScalingInstanceDetails> out = new ArrayList<>();
    for (InstanceDescription d : page.items()) {
      AutoScalingInstance i = d.instance();
      out.add(AutoScalingInstanceDetails.builder()
          .instanceId(i.instanceId())
          .instanceType(d.instanceType())
          .autoScalingGroupName(d.autoScalingGroupName())
          .availabilityZone(i.availabilityZone())
          .lifecycleState(i.lifecycleState().awsName())
          .healthStatus(i.healthStatus() == io.github.cloudtwin.autoscaling.HealthStatus.HEALTHY ? "HEALTHY" : "UNHEALTHY")
          .launchTemplate(launchTemplate(i.launchTemplateName(), i.launchTemplateVersion()))
          .protectedFromScaleIn(i.protectedFromScaleIn())
          .build());
    }
    return DescribeAutoScalingInstancesResponse.builder().autoScalingInstances(out).nextToken(page.nextToken()).build();
  }

  /** SetDesiredCapacity. */
  public SetDesiredCapacityResponse setDesiredCapacity(SetDesiredCapacityRequest r) {
    ops.setDesiredCapacity(r.autoScalingGroupName(), r.desiredCapacity(), Boolean.TRUE.equals(r.honorCooldown()));
    return SetDesiredCapacityResponse.builder().build();
  }

  // ------------------------------------------------------------------ policies

  /** PutScalingPolicy. */
  public PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest r) {
    io.github.cloudtwin.autoscaling.ScalingPolicy p = ops.putScalingPolicy(policySpec(r));
    return PutScalingPolicyResponse.builder().policyARN(p.policyArn()).alarms(alarms(p)).build();
  }

  private List<Alarm> alarms(io.github.cloudtwin.autoscaling.ScalingPolicy p) {
    List<Alarm> out = new ArrayList<>();
    for (String n : p.alarmNames()) out.add(Alarm.builder().alarmName(n).alarmARN(alarmArn(n)).build());
    return out;
  }

  private String alarmArn(String alarmName) {
    return twin.arns().of("cloudwatch", "alarm:" + alarmName);
  }

  private static ScalingPolicySpec policySpec(PutScalingPolicyRequest r) {
    String type = r.policyType() == null ? "SimpleScaling" : r.policyType();
    String group = required("autoScalingGroupName", r.autoScalingGroupName());
    String name = required("policyName", r.policyName());
    switch (type) {
      case "SimpleScaling" -> {
        SimpleScalingPolicy.Builder b = SimpleScalingPolicy.builder().policyName(name).autoScalingGroupName(group)
            .adjustmentType(adjustmentType(required("adjustmentType", r.adjustmentType())));
        if (r.scalingAdjustment() == null) {
          throw AwsErrorException.badRequest("ValidationError", "ScalingAdjustment is required for a SimpleScaling"
              + " policy.");
        }
        b.scalingAdjustment(r.scalingAdjustment());
        if (r.minAdjustmentMagnitude() != null) b.minAdjustmentMagnitude(r.minAdjustmentMagnitude());
        if (r.cooldown() != null) b.cooldown(Duration.ofSeconds(r.cooldown()));
        return b.build();
      }
      case "StepScaling" -> {
        if (!r.hasStepAdjustments() || r.stepAdjustments().isEmpty()) {
          throw AwsErrorException.badRequest("ValidationError", "StepAdjustments is required for a StepScaling"
              + " policy.");
        }
        StepScalingPolicy.Builder b = StepScalingPolicy.builder().policyName(name).autoScalingGroupName(group)
            .adjustmentType(adjustmentType(required("adjustmentType", r.adjustmentType())));
        for (StepAdjustment s : r.stepAdjustments()) {
          b.step(s.metricIntervalLowerBound(), s.metricIntervalUpperBound(),
              required("scalingAdjustment", s.scalingAdjustment()));
        }
        if (r.minAdjustmentMagnitude() != null) b.minAdjustmentMagnitude(r.minAdjustmentMagnitude());
        if (r.metricAggregationType() != null) {
          try {
            b.metricAggregationType(MetricAggregationType.valueOf(r.metricAggregationType()));
          } catch (IllegalArgumentException e) {
            throw AwsErrorException.badRequest("ValidationError", "Invalid MetricAggregationType "
                + r.metricAggregationType() + ": use Average, Minimum or Maximum");
          }
        }
        if (r.estimatedInstanceWarmup() != null) b.estimatedInstanceWarmup(Duration.ofSeconds(r.estimatedInstanceWarmup()));
        return b.build();
      }
      case "TargetTrackingScaling" -> {
        TargetTrackingConfiguration c = r.targetTrackingConfiguration();
        if (c == null) {
          throw AwsErrorException.badRequest("ValidationError", "TargetTrackingConfiguration is required for a"
              + " TargetTrackingScaling policy.");
        }
        TargetTrackingScalingPolicy.Builder b = TargetTrackingScalingPolicy.builder().policyName(name)
            .autoScalingGroupName(group).targetValue(required("targetValue", c.targetValue()));
        if (c.predefinedMetricSpecification() != null) {
          PredefinedMetricSpecification p = c.predefinedMetricSpecification();
          PredefinedMetricType t;
          try {
            t = PredefinedMetricType.valueOf(required("predefinedMetricType", p.predefinedMetricTypeAsString()));
          } catch (IllegalArgumentException e) {
            throw AwsErrorException.badRequest("ValidationError", "Invalid PredefinedMetricType "
                + p.predefinedMetricTypeAsString());
          }
          b.predefinedMetric(t, p.resourceLabel());
        }
        if (c.customizedMetricSpecification() != null) {
          CustomizedMetricSpecification m = c.customizedMetricSpecification();
          if (m.hasMetrics() && !m.metrics().isEmpty()) {
            if (m.metricName() != null || m.namespace() != null || m.statistic() != null) {
              throw AwsErrorException.badRequest("ValidationError", "CustomizedMetricSpecification takes either Metrics or"
                  + " MetricName, Namespace, Dimensions and Statistic, not both.");
            }
            List<io.github.cloudtwin.cloudwatch.MetricDataQuery> queries = new java.util.ArrayList<>();
            for (software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery q : m.metrics()) {
              queries.add(query(q));
            }
            b.customMetrics(queries.toArray(io.github.cloudtwin.cloudwatch.MetricDataQuery[]::new));
          } else {
            Map<String, String> dims = new java.util.TreeMap<>();
            if (m.hasDimensions()) for (MetricDimension d : m.dimensions()) dims.put(d.name(), d.value());
            b.customMetric(new MetricId(required("namespace", m.namespace()), required("metricName", m.metricName()), dims),
                Statistic.parse(required("statistic", m.statisticAsString())));
          }
        }
        if (c.disableScaleIn() != null) b.disableScaleIn(c.disableScaleIn());
        if (r.estimatedInstanceWarmup() != null) b.estimatedInstanceWarmup(Duration.ofSeconds(r.estimatedInstanceWarmup()));
        return b.build();
      }
      case "PredictiveScaling" -> throw new UnsupportedOperationException(
          "PutScalingPolicy with PolicyType PredictiveScaling is not simulated by CloudTwin");
      default -> throw AwsErrorException.badRequest("ValidationError", "Invalid PolicyType " + type
          + ": use SimpleScaling, StepScaling or TargetTrackingScaling");
    }
  }

  /** A target tracking metric math query: a MetricStat on one-minute periods, or an expression. */
  private static io.github.cloudtwin.cloudwatch.MetricDataQuery query(
      software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery q) {
    boolean returnData = q.returnData() == null || q.returnData();
    try {
      if (q.metricStat() == null) {
        return new io.github.cloudtwin.cloudwatch.MetricDataQuery(q.id(), null, q.expression(), q.label(), returnData, null);
      }
      software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricStat st = q.metricStat();
      if (st.unit() != null) {
        throw new UnsupportedOperationException("TargetTrackingMetricStat with Unit is not simulated by CloudTwin: leave it out");
      }
      software.amazon.awssdk.services.autoscaling.model.Metric metric = st.metric();
      if (metric == null) throw AwsErrorException.badRequest("ValidationError", "MetricStat.Metric is required (query " + q.id() + ").");
      Map<String, String> dims = new java.util.TreeMap<>();
      if (metric.hasDimensions()) for (software.amazon.awssdk.services.autoscaling.model.MetricDimension d : metric.dimensions()) dims.put(d.name(), d.value());
      MetricId id = new MetricId(required("namespace", metric.namespace()), required("metricName", metric.metricName()), dims);
      return new io.github.cloudtwin.cloudwatch.MetricDataQuery(q.id(), io.github.cloudtwin.cloudwatch.MetricStat.of(id,
          Duration.ofMinutes(1), Statistic.parse(required("stat", st.stat()))), q.expression(), q.label(), returnData, null);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw AwsErrorException.badRequest("ValidationError", e.getMessage());
    }
  }

  private static AdjustmentType adjustmentType(String t) {
    try {
      return AdjustmentType.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw AwsErrorException.badRequest("ValidationError", "Invalid AdjustmentType " + t
          + ": use ChangeInCapacity, ExactCapacity or PercentChangeInCapacity");
    }
  }

  /** DeletePolicy. */
  public DeletePolicyResponse deletePolicy(DeletePolicyRequest r) {
    ops.deletePolicy(r.autoScalingGroupName(), r.policyName());
    return DeletePolicyResponse.builder().build();
  }

  /** DescribePolicies. */
  public DescribePoliciesResponse describePolicies(DescribePoliciesRequest r) {
    Page<io.github.cloudtwin.autoscaling.ScalingPolicy> page = ops.describePolicies(r.autoScalingGroupName(),
        r.hasPolicyNames() ? r.policyNames() : null, r.hasPolicyTypes() ? r.policyTypes() : null, r.nextToken(),
        r.maxRecords());
    List<ScalingPolicy> out = new ArrayList<>();
    for (io.github.cloudtwin.autoscaling.ScalingPolicy p : page.items()) out.add(policy(p));
    return DescribePoliciesResponse.builder().scalingPolicies(out).nextToken(page.nextToken()).build();
  }

  private ScalingPolicy policy(io.github.cloudtwin.autoscaling.ScalingPolicy p) {
    ScalingPolicy.Builder b = ScalingPolicy.builder()
        .autoScalingGroupName(p.autoScalingGroupName())
        .policyName(p.policyName())
        .policyARN(p.policyArn())
        .policyType(AutoScalingOperations.policyType(p.spec()))
        .alarms(alarms(p))
        .enabled(true);
    if (p.spec() instanceof SimpleScalingPolicy s) {
      b.adjustmentType(s.adjustmentType().name()).scalingAdjustment(s.scalingAdjustment())
          .minAdjustmentMagnitude(s.minAdjustmentMagnitude())
          .cooldown(s.cooldown() == null ? null : (int) s.cooldown().getSeconds())
          .stepAdjustments(List.of());
    } else if (p.spec() instanceof StepScalingPolicy s) {
      b.adjustmentType(s.adjustmentType().name()).minAdjustmentMagnitude(s.minAdjustmentMagnitude())
          .metricAggregationType(s.metricAggregationType().name())
          .estimatedInstanceWarmup(s.estimatedInstanceWarmup() == null ? null
              : (int) s.estimatedInstanceWarmup().getSeconds())
          .stepAdjustments(s.stepAdjustments().stream().map(a -> StepAdjustment.builder()
              .metricIntervalLowerBound(a.metricIntervalLowerBound())
              .metricIntervalUpperBound(a.metricIntervalUpperBound())
              .scalingAdjustment(a.scalingAdjustment()).build()).toList());
    } else if (p.spec() instanceof TargetTrackingScalingPolicy t) {
      TargetTrackingConfiguration.Builder c = TargetTrackingConfiguration.builder()
          .targetValue(t.targetValue()).disableScaleIn(t.disableScaleIn());
      if (t.predefinedMetricType() != null) {
        c.predefinedMetricSpecification(PredefinedMetricSpecification.builder()
            .predefinedMetricType(t.predefinedMetricType().name()).resourceLabel(t.resourceLabel()).build());
      } else if (t.isMetricMath()) {
        List<software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery> queries = new java.util.ArrayList<>();
        for (io.github.cloudtwin.cloudwatch.MetricDataQuery q : t.customMetrics()) {
          var qb = software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricDataQuery.builder().id(q.id())
              .expression(q.expression()).label(q.label()).returnData(q.returnData());
          if (!q.isExpression()) {
            MetricId m = q.metricStat().metric();
            qb.metricStat(software.amazon.awssdk.services.autoscaling.model.TargetTrackingMetricStat.builder()
                .metric(software.amazon.awssdk.services.autoscaling.model.Metric.builder().namespace(m.namespace())
                    .metricName(m.metricName()).dimensions(m.dimensions().entrySet().stream()
                        .map(e -> MetricDimension.builder().name(e.getKey()).value(e.getValue()).build()).toList()).build())
                .stat(q.metricStat().stat().toString()).build());
          }
          queries.add(qb.build());
        }
        c.customizedMetricSpecification(CustomizedMetricSpecification.builder().metrics(queries).build());
      } else {
        c.customizedMetricSpecification(CustomizedMetricSpecification.builder()
            .namespace(t.customMetric().namespace()).metricName(t.customMetric().metricName())
            .dimensions(t.customMetric().dimensions().entrySet().stream()
                .map(e -> MetricDimension.builder().name(e.getKey()).value(e.getValue()).build()).toList())
            .statistic(t.customStatistic().toString()).build());
      }
      b.targetTrackingConfiguration(c.build()).stepAdjustments(List.of())
          .estimatedInstanceWarmup(t.estimatedInstanceWarmup() == null ? null
              : (int) t.estimatedInstanceWarmup().getSeconds());
    }
    return b.build();
  }

  /** ExecutePolicy. */
  public ExecutePolicyResponse executePolicy(ExecutePolicyRequest r) {
    ops.executePolicy(r.autoScalingGroupName(), r.policyName(), Boolean.TRUE.equals(r.honorCooldown()),
        r.metricValue(), r.breachThreshold());
    return ExecutePolicyResponse.builder().build();
  }

  // ------------------------------------------------------------------ activities

  /** DescribeScalingActivities. */
  public DescribeScalingActivitiesResponse describeScalingActivities(DescribeScalingActivitiesRequest r) {
    Page<ScalingActivity> page = ops.describeScalingActivities(r.autoScalingGroupName(),
        r.hasActivityIds() ? r.activityIds() : null, r.nextToken(), r.maxRecords());
    List<Activity> out = new ArrayList<>();
    for (ScalingActivity a : page.items()) out.add(activity(twin, a));
    return DescribeScalingActivitiesResponse.builder().activities(out).nextToken(page.nextToken()).build();
  }

  static Activity activity(CloudTwin twin, ScalingActivity a) {
    return Activity.builder()
        .activityId(a.activityId())
        .autoScalingGroupName(a.autoScalingGroupName())
        .autoScalingGroupARN(Ids.autoScalingGroupArn(twin.arns(), a.autoScalingGroupName()))
        .description(a.description())
        .cause(a.cause())
        .startTime(a.startTime())
        .endTime(a.endTime())
        .statusCode(a.statusCode().name())
        .statusMessage(a.statusMessage())
        .progress(a.progress())
        .build();
  }

  // ------------------------------------------------------------------ scheduled actions

  /** PutScheduledUpdateGroupAction. */
  public PutScheduledUpdateGroupActionResponse putScheduledUpdateGroupAction(PutScheduledUpdateGroupActionRequest r) {
    if (r.timeZone() != null && !r.timeZone().equals("UTC") && !r.timeZone().equals("Etc/UTC")) {
      throw new UnsupportedOperationException("PutScheduledUpdateGroupAction with TimeZone " + r.timeZone()
          + " is not simulated by CloudTwin (recurrences are UTC)");
    }
    ops.putScheduledUpdateGroupAction(r.autoScalingGroupName(), r.scheduledActionName(),
        r.startTime() != null ? r.startTime() : r.time(), r.endTime(), r.recurrence(), r.minSize(), r.maxSize(),
        r.desiredCapacity());
    return PutScheduledUpdateGroupActionResponse.builder().build();
  }

  /** DescribeScheduledActions. */
  public DescribeScheduledActionsResponse describeScheduledActions(DescribeScheduledActionsRequest r) {
    Page<ScheduledActionSpec> page = ops.describeScheduledActions(r.autoScalingGroupName(),
        r.hasScheduledActionNames() ? r.scheduledActionNames() : null, r.nextToken(), r.maxRecords());
    List<ScheduledUpdateGroupAction> out = new ArrayList<>();
    for (ScheduledActionSpec s : page.items()) {
      out.add(ScheduledUpdateGroupAction.builder()
          .autoScalingGroupName(s.autoScalingGroupName())
          .scheduledActionName(s.scheduledActionName())
          .scheduledActionARN(twin.arns().of("autoscaling", "scheduledUpdateGroupAction:"
              + Ids.uuid("sa/" + s.autoScalingGroupName() + "/" + s.scheduledActionName()) + ":autoScalingGroupName/"
              + s.autoScalingGroupName() + ":scheduledActionName/" + s.scheduledActionName()))
          .time(s.startTime())
          .startTime(s.startTime())
          .endTime(s.endTime())
          .recurrence(s.recurrence())
          .minSize(s.minSize())
          .maxSize(s.maxSize())
          .desiredCapacity(s.desiredCapacity())
          .build());
    }
    return DescribeScheduledActionsResponse.builder().scheduledUpdateGroupActions(out).nextToken(page.nextToken())
        .build();
  }

  /** DeleteScheduledAction. */
  public DeleteScheduledActionResponse deleteScheduledAction(DeleteScheduledActionRequest r) {
    ops.deleteScheduledAction(r.autoScalingGroupName(), r.scheduledActionName());
    return DeleteScheduledActionResponse.builder().build();
  }

  // ------------------------------------------------------------------ lifecycle hooks

  /** PutLifecycleHook. */
  public PutLifecycleHookResponse putLifecycleHook(PutLifecycleHookRequest r) {
    ops.putLifecycleHook(r.autoScalingGroupName(), r.lifecycleHookName(), r.lifecycleTransition(),
        r.heartbeatTimeout(), r.defaultResult());
    return PutLifecycleHookResponse.builder().build();
  }

  /** DescribeLifecycleHooks. */
  public DescribeLifecycleHooksResponse describeLifecycleHooks(DescribeLifecycleHooksRequest r) {
    List<LifecycleHook> out = new ArrayList<>();
    for (var h : ops.describeLifecycleHooks(r.autoScalingGroupName(),
        r.hasLifecycleHookNames() ? r.lifecycleHookNames() : null)) {
      int timeout = (int) h.heartbeatTimeout().getSeconds();
      out.add(LifecycleHook.builder()
          .lifecycleHookName(h.lifecycleHookName())
          .autoScalingGroupName(h.autoScalingGroupName())
          .lifecycleTransition(h.lifecycleTransition().toString())
          .heartbeatTimeout(timeout)
          .globalTimeout(Math.min(172_800, 100 * timeout))
          .defaultResult(h.defaultResult().name())
          .build());
    }
    return DescribeLifecycleHooksResponse.builder().lifecycleHooks(out).build();
  }

  /** DeleteLifecycleHook. */
  public DeleteLifecycleHookResponse deleteLifecycleHook(DeleteLifecycleHookRequest r) {
    ops.deleteLifecycleHook(r.autoScalingGroupName(), r.lifecycleHookName());
    return DeleteLifecycleHookResponse.builder().build();
  }

  /** CompleteLifecycleAction. */
  public CompleteLifecycleActionResponse completeLifecycleAction(CompleteLifecycleActionRequest r) {
    if (r.instanceId() == null && r.lifecycleActionToken() != null) {
      throw new UnsupportedOperationException("CompleteLifecycleAction by LifecycleActionToken is not simulated by"
          + " CloudTwin: pass InstanceId");
    }
    ops.completeLifecycleAction(r.autoScalingGroupName(), r.lifecycleHookName(), r.instanceId(),
        r.lifecycleActionResult());
    return CompleteLifecycleActionResponse.builder().build();
  }

  /** RecordLifecycleActionHeartbeat. */
  public RecordLifecycleActionHeartbeatResponse recordLifecycleActionHeartbeat(RecordLifecycleActionHeartbeatRequest r) {
    if (r.instanceId() == null && r.lifecycleActionToken() != null) {
      throw new UnsupportedOperationException("RecordLifecycleActionHeartbeat by LifecycleActionToken is not"
          + " simulated by CloudTwin: pass InstanceId");
    }
    ops.recordLifecycleActionHeartbeat(r.autoScalingGroupName(), r.lifecycleHookName(), r.instanceId());
    return RecordLifecycleActionHeartbeatResponse.builder().build();
  }

  // ------------------------------------------------------------------ instances

  /** EnterStandby. */
  public EnterStandbyResponse enterStandby(EnterStandbyRequest r) {
    List<ScalingActivity> a = ops.enterStandby(r.autoScalingGroupName(), r.hasInstanceIds() ? r.instanceIds() : null,
        r.shouldDecrementDesiredCapacity());
    return EnterStandbyResponse.builder().activities(a.stream().map(x -> activity(twin, x)).toList()).build();
  }

  /** ExitStandby. */
  public ExitStandbyResponse exitStandby(ExitStandbyRequest r) {
    List<ScalingActivity> a = ops.exitStandby(r.autoScalingGroupName(), r.hasInstanceIds() ? r.instanceIds() : null);
    return ExitStandbyResponse.builder().activities(a.stream().map(x -> activity(twin, x)).toList()).build();
  }

  /** SetInstanceHealth. */
  public SetInstanceHealthResponse setInstanceHealth(SetInstanceHealthRequest r) {
    ops.setInstanceHealth(r.instanceId(), r.healthStatus(), r.shouldRespectGracePeriod());
    return SetInstanceHealthResponse.builder().build();
  }

  /** SetInstanceProtection. */
  public SetInstanceProtectionResponse setInstanceProtection(SetInstanceProtectionRequest r) {
    ops.setInstanceProtection(r.autoScalingGroupName(), r.hasInstanceIds() ? r.instanceIds() : null,
        r.protectedFromScaleIn());
    return SetInstanceProtectionResponse.builder().build();
  }

  /** TerminateInstanceInAutoScalingGroup. */
  public TerminateInstanceInAutoScalingGroupResponse terminateInstanceInAutoScalingGroup(
      TerminateInstanceInAutoScalingGroupRequest r) {
    ScalingActivity a = ops.terminateInstanceInAutoScalingGroup(r.instanceId(), r.shouldDecrementDesiredCapacity());
    return TerminateInstanceInAutoScalingGroupResponse.builder().activity(a == null ? null : activity(twin, a)).build();
  }

  /** SuspendProcesses. */
  public SuspendProcessesResponse suspendProcesses(SuspendProcessesRequest r) {
    ops.suspendProcesses(r.autoScalingGroupName(), r.hasScalingProcesses() ? r.scalingProcesses() : null);
    return SuspendProcessesResponse.builder().build();
  }

  /** ResumeProcesses. */
  public ResumeProcessesResponse resumeProcesses(ResumeProcessesRequest r) {
    ops.resumeProcesses(r.autoScalingGroupName(), r.hasScalingProcesses() ? r.scalingProcesses() : null);
    return ResumeProcessesResponse.builder().build();
  }

  /** AttachLoadBalancerTargetGroups: the group's InService instances register now. */
  public AttachLoadBalancerTargetGroupsResponse attachLoadBalancerTargetGroups(AttachLoadBalancerTargetGroupsRequest r) {
    ops.attachLoadBalancerTargetGroups(r.autoScalingGroupName(), r.hasTargetGroupARNs() ? r.targetGroupARNs() : null);
    return AttachLoadBalancerTargetGroupsResponse.builder().build();
  }

  /** DetachLoadBalancerTargetGroups: the group's instances deregister and drain; the group is Removing meanwhile. */
  public DetachLoadBalancerTargetGroupsResponse detachLoadBalancerTargetGroups(DetachLoadBalancerTargetGroupsRequest r) {
    ops.detachLoadBalancerTargetGroups(r.autoScalingGroupName(), r.hasTargetGroupARNs() ? r.targetGroupARNs() : null);
    return DetachLoadBalancerTargetGroupsResponse.builder().build();
  }

  /** AttachTrafficSources of type {@code elbv2} (target groups). */
  public AttachTrafficSourcesResponse attachTrafficSources(AttachTrafficSourcesRequest r) {
    ops.attachLoadBalancerTargetGroups(r.autoScalingGroupName(),
        trafficSources(r.hasTrafficSources() ? r.trafficSources() : null));
    return AttachTrafficSourcesResponse.builder().build();
  }

  /** DetachTrafficSources of type {@code elbv2}. */
  public DetachTrafficSourcesResponse detachTrafficSources(DetachTrafficSourcesRequest r) {
    ops.detachLoadBalancerTargetGroups(r.autoScalingGroupName(),
        trafficSources(r.hasTrafficSources() ? r.trafficSources() : null));
    return DetachTrafficSourcesResponse.builder().build();
  }

  private static List<String> trafficSources(List<TrafficSourceIdentifier> sources) {
    if (sources == null) return null;
    List<String> arns = new ArrayList<>();
    for (TrafficSourceIdentifier t : sources) {
      if (t.identifier() == null) {
        throw AwsErrorException.constraint("ValidationError", "trafficSources.member.identifier", null,
            "Member must not be null");
      }
      if (t.type() != null && !t.type().equals("elbv2")) {
        throw new UnsupportedOperationException("Traffic sources of type " + t.type()
            + " are not simulated by CloudTwin (elbv2 target groups are)");
      }
      arns.add(t.identifier());
    }
    return arns;
  }

  /** DescribeLoadBalancerTargetGroups: Added, InService (ELB health checks, a healthy instance) or Removing. */
  public DescribeLoadBalancerTargetGroupsResponse describeLoadBalancerTargetGroups(
      DescribeLoadBalancerTargetGroupsRequest r) {
    Page<AutoScalingOperations.TargetGroupState> page = ops.describeLoadBalancerTargetGroups(r.autoScalingGroupName(),
        r.nextToken(), r.maxRecords(), 100, 100, "DescribeLoadBalancerTargetGroups");
    List<LoadBalancerTargetGroupState> out = new ArrayList<>();
    for (AutoScalingOperations.TargetGroupState t : page.items()) {
      out.add(LoadBalancerTargetGroupState.builder().loadBalancerTargetGroupARN(t.targetGroupArn()).state(t.state()).build());
    }
    return DescribeLoadBalancerTargetGroupsResponse.builder().loadBalancerTargetGroups(out).nextToken(page.nextToken())
        .build();
  }

  /** DescribeTrafficSources: the group's target groups as {@code elbv2} traffic sources. */
  public DescribeTrafficSourcesResponse describeTrafficSources(DescribeTrafficSourcesRequest r) {
    String type = r.trafficSourceType();
    List<TrafficSourceState> out = new ArrayList<>();
    String next = null;
    if (type == null || type.equals("elbv2")) {
      Page<AutoScalingOperations.TargetGroupState> page = ops.describeLoadBalancerTargetGroups(r.autoScalingGroupName(),
          r.nextToken(), r.maxRecords(), 50, 50, "DescribeTrafficSources");
      for (AutoScalingOperations.TargetGroupState t : page.items()) {
        out.add(TrafficSourceState.builder().identifier(t.targetGroupArn())
            .type("elbv2").state(t.state()).build());
      }
      next = page.nextToken();
    } else {
      ops.group(r.autoScalingGroupName());
    }
    return DescribeTrafficSourcesResponse.builder().trafficSources(out).nextToken(next).build();
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw AwsErrorException.constraint("ValidationError", field, null, "Member must not be null");
    }
    return value;
  }
}
