package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.GroupDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.InstanceDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.PolicyDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.awssdk.internal.operations.PredictiveScalingOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.ActiveInstanceRefreshNotFoundException;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteScheduledActionRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteScheduledActionResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScheduledActionsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScheduledActionsResponse;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshInProgressException;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.IrreversibleInstanceRefreshException;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.PutScheduledUpdateGroupActionRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScheduledUpdateGroupActionResponse;
import software.amazon.awssdk.services.autoscaling.model.ResourceContentionException;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityInProgressException;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * The {@code AutoScalingClient} operations on groups, policies, activities and scheduled actions
 * (instances, traffic sources, warm pools and instance refreshes have handlers of their own, see
 * {@link #handlers()}): SDK requests to {@link AutoScalingOperations} calls and twin views to SDK
 * responses. Public methods mirror the client interface; {@link
 * io.github.cloudtwin.awssdk.internal.ClientProxy} dispatches to them.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
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
              "InvalidNextToken", InvalidNextTokenException::builder,
              "InstanceRefreshInProgress", InstanceRefreshInProgressException::builder,
              "ActiveInstanceRefreshNotFound", ActiveInstanceRefreshNotFoundException::builder,
              "IrreversibleInstanceRefresh", IrreversibleInstanceRefreshException::builder));

  private final CloudTwin twin;
  private final AutoScalingOperations ops;
  private final GroupResponses groups;
  private final PolicyResponses policies;
  private final RecordResponses records;
  private final InstanceHandler instances;
  private final TrafficSourceHandler trafficSources;
  private final WarmPoolHandler warmPools;
  private final InstanceRefreshHandler instanceRefreshes;
  private final PredictiveScalingHandler predictiveScaling;

  private software.amazon.awssdk.services.autoscaling.@Nullable AutoScalingClient sync;

  /** A handler over {@code ops}. */
  public AutoScalingHandler(CloudTwin twin, AutoScalingOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.groups = new GroupResponses(twin);
    this.policies = new PolicyResponses(twin);
    this.records = new RecordResponses(twin);
    this.instances = new InstanceHandler(ops, records);
    this.trafficSources = new TrafficSourceHandler(ops);
    this.warmPools = new WarmPoolHandler(twin);
    this.instanceRefreshes = new InstanceRefreshHandler(ops);
    this.predictiveScaling = new PredictiveScalingHandler(ops.predictiveScaling());
  }

  /**
   * {@return the handlers of the client's operations: this one and its families' (instances,
   * traffic sources, warm pools, instance refreshes, predictive scaling)}
   */
  public List<Object> handlers() {
    return List.of(
        this, instances, trafficSources, warmPools, instanceRefreshes, predictiveScaling);
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.autoscaling.AutoScalingClient client) {
    this.sync = client;
  }

  private software.amazon.awssdk.services.autoscaling.AutoScalingClient client() {
    return Objects.requireNonNull(sync, "AwsSdkClients binds the client before handing it out");
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.autoscaling.waiters.AutoScalingWaiter waiter() {
    return new AutoScalingWaiters.Sync(twin, client());
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.autoscaling.waiters.AutoScalingAsyncWaiter asyncWaiter() {
    return new AutoScalingWaiters.Async(new AutoScalingWaiters.Sync(twin, client()));
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
    if (PredictiveScalingOperations.POLICY_TYPE.equals(r.policyType())) {
      return predictiveScaling.putScalingPolicy(r);
    }
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
    Page<PolicyDescription> page =
        ops.describePolicies(
            r.autoScalingGroupName(),
            r.hasPolicyNames() ? r.policyNames() : null,
            r.hasPolicyTypes() ? r.policyTypes() : null,
            r.nextToken(),
            r.maxRecords());
    List<ScalingPolicy> out = new ArrayList<>();
    for (PolicyDescription p : page.items()) {
      out.add(
          p.predictive() != null
              ? predictiveScaling.policy(p.predictive())
              : policies.policy(
                  Objects.requireNonNull(p.dynamic(), "a description holds one of the two")));
    }
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
}
