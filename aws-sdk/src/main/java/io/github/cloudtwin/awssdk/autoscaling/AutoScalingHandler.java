package io.github.cloudtwin.awssdk.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations.GroupDescription;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations.InstanceDescription;
import io.github.cloudtwin.awssdk.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.operations.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AttachLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.AttachLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.AttachTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.AttachTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionRequest;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionResponse;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
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
import software.amazon.awssdk.services.autoscaling.model.DescribeLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScheduledActionsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScheduledActionsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.DetachLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DetachLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DetachTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.DetachTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.EnterStandbyRequest;
import software.amazon.awssdk.services.autoscaling.model.EnterStandbyResponse;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.ExitStandbyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExitStandbyResponse;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.autoscaling.model.LoadBalancerTargetGroupState;
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
import software.amazon.awssdk.services.autoscaling.model.SuspendProcessesRequest;
import software.amazon.awssdk.services.autoscaling.model.SuspendProcessesResponse;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceIdentifier;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceState;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * The {@code AutoScalingClient} operations: SDK requests to {@link AutoScalingOperations} calls and
 * twin views to SDK responses. Public methods mirror the client interface; {@link
 * io.github.cloudtwin.awssdk.internal.ClientProxy} dispatches to them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class AutoScalingHandler {

  /** AutoScaling's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS =
      new SdkErrors(
          "AutoScaling",
          "ValidationError",
          AutoScalingException::builder,
          Map.<String, java.util.function.Supplier<AwsServiceException.Builder>>of(
              "AlreadyExists", AlreadyExistsException::builder,
              "LimitExceeded", LimitExceededException::builder,
              "ResourceInUse", ResourceInUseException::builder,
              "ScalingActivityInProgress", ScalingActivityInProgressException::builder,
              "ResourceContention", ResourceContentionException::builder,
              "InvalidNextToken", InvalidNextTokenException::builder));

  private final CloudTwin twin;
  private final AutoScalingOperations ops;
  private final GroupResponses groups;
  private final PolicyResponses policies;
  private final RecordResponses records;

  private software.amazon.awssdk.services.autoscaling.AutoScalingClient sync;

  /** A handler over {@code ops}. */
  public AutoScalingHandler(CloudTwin twin, AutoScalingOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.groups = new GroupResponses(twin);
    this.policies = new PolicyResponses(twin);
    this.records = new RecordResponses(twin);
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
    ops.createAutoScalingGroup(GroupRequests.createGroup(r));
    return CreateAutoScalingGroupResponse.builder().build();
  }

  /** UpdateAutoScalingGroup. */
  public UpdateAutoScalingGroupResponse updateAutoScalingGroup(UpdateAutoScalingGroupRequest r) {
    GroupRequests.checkUpdate(r);
    LaunchTemplateSpecification lt = r.launchTemplate();
    ops.updateAutoScalingGroup(
        r.autoScalingGroupName(),
        r.minSize(),
        r.maxSize(),
        r.desiredCapacity(),
        lt == null ? null : lt.launchTemplateId(),
        lt == null ? null : lt.launchTemplateName(),
        lt == null ? null : lt.version(),
        GroupRequests.mixed(r.mixedInstancesPolicy()),
        r.capacityRebalance(),
        r.maxInstanceLifetime());
    return UpdateAutoScalingGroupResponse.builder().build();
  }

  /** DeleteAutoScalingGroup. */
  public DeleteAutoScalingGroupResponse deleteAutoScalingGroup(DeleteAutoScalingGroupRequest r) {
    ops.deleteAutoScalingGroup(r.autoScalingGroupName(), Boolean.TRUE.equals(r.forceDelete()));
    return DeleteAutoScalingGroupResponse.builder().build();
  }

  /** DescribeAutoScalingGroups. */
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(
      DescribeAutoScalingGroupsRequest r) {
    if (r.hasFilters() && !r.filters().isEmpty()) {
      throw new UnsupportedOperationException(
          "DescribeAutoScalingGroups with Filters is not simulated by CloudTwin");
    }
    Page<GroupDescription> page =
        ops.describeAutoScalingGroups(
            r.hasAutoScalingGroupNames() ? r.autoScalingGroupNames() : null,
            r.nextToken(),
            r.maxRecords());
    List<AutoScalingGroup> out = new ArrayList<>(page.items().size());
    for (GroupDescription d : page.items()) out.add(groups.group(d));
    return DescribeAutoScalingGroupsResponse.builder()
        .autoScalingGroups(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** DescribeAutoScalingInstances. */
  public DescribeAutoScalingInstancesResponse describeAutoScalingInstances(
      DescribeAutoScalingInstancesRequest r) {
    Page<InstanceDescription> page =
        ops.describeAutoScalingInstances(
            r.hasInstanceIds() ? r.instanceIds() : null, r.nextToken(), r.maxRecords());
    List<AutoScalingInstanceDetails> out = new ArrayList<>();
    for (InstanceDescription d : page.items()) out.add(groups.instance(d));
    return DescribeAutoScalingInstancesResponse.builder()
        .autoScalingInstances(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** SetDesiredCapacity. */
  public SetDesiredCapacityResponse setDesiredCapacity(SetDesiredCapacityRequest r) {
    ops.setDesiredCapacity(
        r.autoScalingGroupName(), r.desiredCapacity(), Boolean.TRUE.equals(r.honorCooldown()));
    return SetDesiredCapacityResponse.builder().build();
  }

  // ------------------------------------------------------------------ policies

  /** PutScalingPolicy. */
  public PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest r) {
    io.github.cloudtwin.autoscaling.ScalingPolicy p =
        ops.putScalingPolicy(PolicyRequests.policySpec(r));
    return PutScalingPolicyResponse.builder()
        .policyARN(p.policyArn())
        .alarms(policies.alarms(p))
        .build();
  }

  /** DeletePolicy. */
  public DeletePolicyResponse deletePolicy(DeletePolicyRequest r) {
    ops.deletePolicy(r.autoScalingGroupName(), r.policyName());
    return DeletePolicyResponse.builder().build();
  }

  /** DescribePolicies. */
  public DescribePoliciesResponse describePolicies(DescribePoliciesRequest r) {
    Page<io.github.cloudtwin.autoscaling.ScalingPolicy> page =
        ops.describePolicies(
            r.autoScalingGroupName(),
            r.hasPolicyNames() ? r.policyNames() : null,
            r.hasPolicyTypes() ? r.policyTypes() : null,
            r.nextToken(),
            r.maxRecords());
    List<ScalingPolicy> out = new ArrayList<>();
    for (io.github.cloudtwin.autoscaling.ScalingPolicy p : page.items())
      out.add(policies.policy(p));
    return DescribePoliciesResponse.builder()
        .scalingPolicies(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** ExecutePolicy. */
  public ExecutePolicyResponse executePolicy(ExecutePolicyRequest r) {
    ops.executePolicy(
        r.autoScalingGroupName(),
        r.policyName(),
        Boolean.TRUE.equals(r.honorCooldown()),
        r.metricValue(),
        r.breachThreshold());
    return ExecutePolicyResponse.builder().build();
  }

  // ------------------------------------------------------------------ activities

  /** DescribeScalingActivities. */
  public DescribeScalingActivitiesResponse describeScalingActivities(
      DescribeScalingActivitiesRequest r) {
    Page<ScalingActivity> page =
        ops.describeScalingActivities(
            r.autoScalingGroupName(),
            r.hasActivityIds() ? r.activityIds() : null,
            r.nextToken(),
            r.maxRecords());
    List<Activity> out = new ArrayList<>();
    for (ScalingActivity a : page.items()) out.add(records.activity(a));
    return DescribeScalingActivitiesResponse.builder()
        .activities(out)
        .nextToken(page.nextToken())
        .build();
  }

  // ------------------------------------------------------------------ scheduled actions

  /** PutScheduledUpdateGroupAction. */
  public PutScheduledUpdateGroupActionResponse putScheduledUpdateGroupAction(
      PutScheduledUpdateGroupActionRequest r) {
    if (r.timeZone() != null && !r.timeZone().equals("UTC") && !r.timeZone().equals("Etc/UTC")) {
      throw new UnsupportedOperationException(
          "PutScheduledUpdateGroupAction with TimeZone "
              + r.timeZone()
              + " is not simulated by CloudTwin (recurrences are UTC)");
    }
    ops.putScheduledUpdateGroupAction(
        r.autoScalingGroupName(),
        r.scheduledActionName(),
        r.startTime() != null ? r.startTime() : r.time(),
        r.endTime(),
        r.recurrence(),
        r.minSize(),
        r.maxSize(),
        r.desiredCapacity());
    return PutScheduledUpdateGroupActionResponse.builder().build();
  }

  /** DescribeScheduledActions. */
  public DescribeScheduledActionsResponse describeScheduledActions(
      DescribeScheduledActionsRequest r) {
    Page<ScheduledActionSpec> page =
        ops.describeScheduledActions(
            r.autoScalingGroupName(),
            r.hasScheduledActionNames() ? r.scheduledActionNames() : null,
            r.nextToken(),
            r.maxRecords());
    List<ScheduledUpdateGroupAction> out = new ArrayList<>();
    for (ScheduledActionSpec s : page.items()) {
      out.add(records.scheduledAction(s));
    }
    return DescribeScheduledActionsResponse.builder()
        .scheduledUpdateGroupActions(out)
        .nextToken(page.nextToken())
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
    ops.putLifecycleHook(
        r.autoScalingGroupName(),
        r.lifecycleHookName(),
        r.lifecycleTransition(),
        r.heartbeatTimeout(),
        r.defaultResult());
    return PutLifecycleHookResponse.builder().build();
  }

  /** DescribeLifecycleHooks. */
  public DescribeLifecycleHooksResponse describeLifecycleHooks(DescribeLifecycleHooksRequest r) {
    List<LifecycleHook> out = new ArrayList<>();
    for (var h :
        ops.describeLifecycleHooks(
            r.autoScalingGroupName(), r.hasLifecycleHookNames() ? r.lifecycleHookNames() : null)) {
      out.add(records.lifecycleHook(h));
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
      throw new UnsupportedOperationException(
          "CompleteLifecycleAction by LifecycleActionToken is not simulated by"
              + " CloudTwin: pass InstanceId");
    }
    ops.completeLifecycleAction(
        r.autoScalingGroupName(), r.lifecycleHookName(), r.instanceId(), r.lifecycleActionResult());
    return CompleteLifecycleActionResponse.builder().build();
  }

  /** RecordLifecycleActionHeartbeat. */
  public RecordLifecycleActionHeartbeatResponse recordLifecycleActionHeartbeat(
      RecordLifecycleActionHeartbeatRequest r) {
    if (r.instanceId() == null && r.lifecycleActionToken() != null) {
      throw new UnsupportedOperationException(
          "RecordLifecycleActionHeartbeat by LifecycleActionToken is not"
              + " simulated by CloudTwin: pass InstanceId");
    }
    ops.recordLifecycleActionHeartbeat(
        r.autoScalingGroupName(), r.lifecycleHookName(), r.instanceId());
    return RecordLifecycleActionHeartbeatResponse.builder().build();
  }

  // ------------------------------------------------------------------ instances

  /** EnterStandby. */
  public EnterStandbyResponse enterStandby(EnterStandbyRequest r) {
    List<ScalingActivity> a =
        ops.enterStandby(
            r.autoScalingGroupName(),
            r.hasInstanceIds() ? r.instanceIds() : null,
            r.shouldDecrementDesiredCapacity());
    return EnterStandbyResponse.builder()
        .activities(a.stream().map(x -> records.activity(x)).toList())
        .build();
  }

  /** ExitStandby. */
  public ExitStandbyResponse exitStandby(ExitStandbyRequest r) {
    List<ScalingActivity> a =
        ops.exitStandby(r.autoScalingGroupName(), r.hasInstanceIds() ? r.instanceIds() : null);
    return ExitStandbyResponse.builder()
        .activities(a.stream().map(x -> records.activity(x)).toList())
        .build();
  }

  /** SetInstanceHealth. */
  public SetInstanceHealthResponse setInstanceHealth(SetInstanceHealthRequest r) {
    ops.setInstanceHealth(r.instanceId(), r.healthStatus(), r.shouldRespectGracePeriod());
    return SetInstanceHealthResponse.builder().build();
  }

  /** SetInstanceProtection. */
  public SetInstanceProtectionResponse setInstanceProtection(SetInstanceProtectionRequest r) {
    ops.setInstanceProtection(
        r.autoScalingGroupName(),
        r.hasInstanceIds() ? r.instanceIds() : null,
        r.protectedFromScaleIn());
    return SetInstanceProtectionResponse.builder().build();
  }

  /** TerminateInstanceInAutoScalingGroup. */
  public TerminateInstanceInAutoScalingGroupResponse terminateInstanceInAutoScalingGroup(
      TerminateInstanceInAutoScalingGroupRequest r) {
    ScalingActivity a =
        ops.terminateInstanceInAutoScalingGroup(r.instanceId(), r.shouldDecrementDesiredCapacity());
    return TerminateInstanceInAutoScalingGroupResponse.builder()
        .activity(a == null ? null : records.activity(a))
        .build();
  }

  /** SuspendProcesses. */
  public SuspendProcessesResponse suspendProcesses(SuspendProcessesRequest r) {
    ops.suspendProcesses(
        r.autoScalingGroupName(), r.hasScalingProcesses() ? r.scalingProcesses() : null);
    return SuspendProcessesResponse.builder().build();
  }

  /** ResumeProcesses. */
  public ResumeProcessesResponse resumeProcesses(ResumeProcessesRequest r) {
    ops.resumeProcesses(
        r.autoScalingGroupName(), r.hasScalingProcesses() ? r.scalingProcesses() : null);
    return ResumeProcessesResponse.builder().build();
  }

  /** AttachLoadBalancerTargetGroups: the group's InService instances register now. */
  public AttachLoadBalancerTargetGroupsResponse attachLoadBalancerTargetGroups(
      AttachLoadBalancerTargetGroupsRequest r) {
    ops.attachLoadBalancerTargetGroups(
        r.autoScalingGroupName(), r.hasTargetGroupARNs() ? r.targetGroupARNs() : null);
    return AttachLoadBalancerTargetGroupsResponse.builder().build();
  }

  /**
   * DetachLoadBalancerTargetGroups: the group's instances deregister and drain; the group is
   * Removing meanwhile.
   */
  public DetachLoadBalancerTargetGroupsResponse detachLoadBalancerTargetGroups(
      DetachLoadBalancerTargetGroupsRequest r) {
    ops.detachLoadBalancerTargetGroups(
        r.autoScalingGroupName(), r.hasTargetGroupARNs() ? r.targetGroupARNs() : null);
    return DetachLoadBalancerTargetGroupsResponse.builder().build();
  }

  /** AttachTrafficSources of type {@code elbv2} (target groups). */
  public AttachTrafficSourcesResponse attachTrafficSources(AttachTrafficSourcesRequest r) {
    ops.attachLoadBalancerTargetGroups(
        r.autoScalingGroupName(),
        trafficSources(r.hasTrafficSources() ? r.trafficSources() : null));
    return AttachTrafficSourcesResponse.builder().build();
  }

  /** DetachTrafficSources of type {@code elbv2}. */
  public DetachTrafficSourcesResponse detachTrafficSources(DetachTrafficSourcesRequest r) {
    ops.detachLoadBalancerTargetGroups(
        r.autoScalingGroupName(),
        trafficSources(r.hasTrafficSources() ? r.trafficSources() : null));
    return DetachTrafficSourcesResponse.builder().build();
  }

  private static List<String> trafficSources(List<TrafficSourceIdentifier> sources) {
    if (sources == null) return null;
    List<String> arns = new ArrayList<>();
    for (TrafficSourceIdentifier t : sources) {
      if (t.identifier() == null) {
        throw AwsErrorException.constraint(
            "ValidationError", "trafficSources.member.identifier", null, "Member must not be null");
      }
      if (t.type() != null && !t.type().equals("elbv2")) {
        throw new UnsupportedOperationException(
            "Traffic sources of type "
                + t.type()
                + " are not simulated by CloudTwin (elbv2 target groups are)");
      }
      arns.add(t.identifier());
    }
    return arns;
  }

  /**
   * DescribeLoadBalancerTargetGroups: Added, InService (ELB health checks, a healthy instance) or
   * Removing.
   */
  public DescribeLoadBalancerTargetGroupsResponse describeLoadBalancerTargetGroups(
      DescribeLoadBalancerTargetGroupsRequest r) {
    Page<AutoScalingOperations.TargetGroupState> page =
        ops.describeLoadBalancerTargetGroups(
            r.autoScalingGroupName(),
            r.nextToken(),
            r.maxRecords(),
            100,
            100,
            "DescribeLoadBalancerTargetGroups");
    List<LoadBalancerTargetGroupState> out = new ArrayList<>();
    for (AutoScalingOperations.TargetGroupState t : page.items()) {
      out.add(
          LoadBalancerTargetGroupState.builder()
              .loadBalancerTargetGroupARN(t.targetGroupArn())
              .state(t.state())
              .build());
    }
    return DescribeLoadBalancerTargetGroupsResponse.builder()
        .loadBalancerTargetGroups(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** DescribeTrafficSources: the group's target groups as {@code elbv2} traffic sources. */
  public DescribeTrafficSourcesResponse describeTrafficSources(DescribeTrafficSourcesRequest r) {
    String type = r.trafficSourceType();
    List<TrafficSourceState> out = new ArrayList<>();
    String next = null;
    if (type == null || type.equals("elbv2")) {
      Page<AutoScalingOperations.TargetGroupState> page =
          ops.describeLoadBalancerTargetGroups(
              r.autoScalingGroupName(),
              r.nextToken(),
              r.maxRecords(),
              50,
              50,
              "DescribeTrafficSources");
      for (AutoScalingOperations.TargetGroupState t : page.items()) {
        out.add(
            TrafficSourceState.builder()
                .identifier(t.targetGroupArn())
                .type("elbv2")
                .state(t.state())
                .build());
      }
      next = page.nextToken();
    } else {
      ops.group(r.autoScalingGroupName());
    }
    return DescribeTrafficSourcesResponse.builder().trafficSources(out).nextToken(next).build();
  }
}
