package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.InstanceRefresh;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.GroupDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.InstanceDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.PolicyDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.TargetGroupState;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.CreateGroup;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingRequests.MixedPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * EC2 Auto Scaling's API operations over the twin, independent of any SDK: plain typed requests in,
 * twin views and records out, AWS's validation, defaults, error codes and pagination. The SDK
 * client adapters and a wire protocol both sit on top of this class.
 *
 * <p>A facade: each API area has its own class (groups, policies, scaling activities, scheduled
 * actions, lifecycle hooks, instances, target groups, instance refreshes), this class delegates to
 * them.
 *
 * <p>Errors: {@link AwsErrorException} with AWS's code, or the twin's {@code ValidationException}
 * (AWS's {@code ValidationError}). Thread-safe like the twin.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AutoScalingOperations {

  private final GroupLookup lookup;
  private final GroupOperations groups;
  private final PolicyOperations policies;
  private final ScalingActivities activities;
  private final ScheduledActionOperations scheduledActions;
  private final LifecycleHookOperations lifecycleHooks;
  private final InstanceOperations instances;
  private final TargetGroupAttachments targetGroups;
  private final InstanceRefreshOperations instanceRefreshes;
  private final PredictiveScalingOperations predictiveScaling;

  /**
   * Operations on {@code twin}; launch templates are looked up in {@code launchTemplates}.
   *
   * @param twin the twin
   * @param launchTemplates the launch templates
   */
  public AutoScalingOperations(CloudTwin twin, LaunchTemplates launchTemplates) {
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(launchTemplates, "launchTemplates");
    Pagination pages = new Pagination("autoscaling", "InvalidNextToken");
    this.lookup = new GroupLookup(twin);
    this.groups = new GroupOperations(twin, launchTemplates, lookup, pages);
    this.predictiveScaling = new PredictiveScalingOperations(twin, lookup);
    this.policies = new PolicyOperations(twin.autoScaling(), lookup, pages, predictiveScaling);
    this.activities = new ScalingActivities(twin, lookup, pages);
    this.scheduledActions = new ScheduledActionOperations(twin.autoScaling(), lookup, pages);
    this.lifecycleHooks = new LifecycleHookOperations(twin.autoScaling(), lookup);
    this.instances = new InstanceOperations(twin.autoScaling(), lookup, activities);
    this.targetGroups = new TargetGroupAttachments(twin, lookup, pages);
    this.instanceRefreshes =
        new InstanceRefreshOperations(twin.autoScaling(), launchTemplates, lookup, pages);
  }

  // ------------------------------------------------------------------ groups

  /** {@code CreateAutoScalingGroup}. */
  public void createAutoScalingGroup(CreateGroup r) {
    groups.createAutoScalingGroup(r);
  }

  /**
   * {@code UpdateAutoScalingGroup}: capacity limits, the launch template, the MixedInstancesPolicy,
   * CapacityRebalance and MaxInstanceLifetime (nulls keep values). Everything is checked before
   * anything changes.
   *
   * @param mixed the MixedInstancesPolicy changes, or null
   * @param capacityRebalance CapacityRebalance, or null
   * @param maxInstanceLifetime MaxInstanceLifetime in seconds (0 clears it), or null
   */
  public void updateAutoScalingGroup(
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
    groups.updateAutoScalingGroup(
        name,
        minSize,
        maxSize,
        desiredCapacity,
        launchTemplateId,
        launchTemplateName,
        launchTemplateVersion,
        mixed,
        capacityRebalance,
        maxInstanceLifetime);
  }

  /** {@code DeleteAutoScalingGroup}. */
  public void deleteAutoScalingGroup(String name, boolean forceDelete) {
    groups.deleteAutoScalingGroup(name, forceDelete);
  }

  /** {@code DescribeAutoScalingGroups}: groups sorted by name; unknown names are left out. */
  public Page<GroupDescription> describeAutoScalingGroups(
      @Nullable List<String> names, @Nullable String nextToken, @Nullable Integer maxRecords) {
    return groups.describeAutoScalingGroups(names, nextToken, maxRecords);
  }

  /** {@code DescribeAutoScalingInstances}: every group's instances, or the ones named. */
  public Page<InstanceDescription> describeAutoScalingInstances(
      @Nullable List<String> instanceIds,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return groups.describeAutoScalingInstances(instanceIds, nextToken, maxRecords);
  }

  /** {@code SetDesiredCapacity}. */
  public void setDesiredCapacity(String name, Integer desiredCapacity, boolean honorCooldown) {
    groups.setDesiredCapacity(name, desiredCapacity, honorCooldown);
  }

  /**
   * The group, or AWS's ValidationError for a name that does not exist.
   *
   * @param name the name
   * @return the group
   */
  public AutoScalingGroup group(String name) {
    return lookup.group(name);
  }

  // ------------------------------------------------------------------ policies

  /** {@code PutScalingPolicy}: creates or replaces the policy. */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    return policies.putScalingPolicy(spec);
  }

  /** {@code DeletePolicy}: by name or ARN. */
  public void deletePolicy(String groupName, String policyNameOrArn) {
    policies.deletePolicy(groupName, policyNameOrArn);
  }

  /**
   * {@code DescribePolicies}: policies of one group or of all, dynamic and predictive, sorted by
   * group and name.
   */
  public Page<PolicyDescription> describePolicies(
      @Nullable String groupName,
      @Nullable List<String> policyNames,
      @Nullable List<String> policyTypes,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return policies.describePolicies(groupName, policyNames, policyTypes, nextToken, maxRecords);
  }

  /**
   * AWS's PolicyType of a policy definition.
   *
   * @param spec the spec
   * @return {@code SimpleScaling}, {@code StepScaling} or {@code TargetTrackingScaling}
   */
  public static String policyType(ScalingPolicySpec spec) {
    return PolicyOperations.policyType(spec);
  }

  /**
   * {@return the predictive scaling policies' operations, GetPredictiveScalingForecast among them}
   */
  public PredictiveScalingOperations predictiveScaling() {
    return predictiveScaling;
  }

  /** {@code ExecutePolicy}. */
  public void executePolicy(
      String groupName,
      String policyNameOrArn,
      boolean honorCooldown,
      Double metricValue,
      Double breachThreshold) {
    policies.executePolicy(groupName, policyNameOrArn, honorCooldown, metricValue, breachThreshold);
  }

  // ------------------------------------------------------------------ activities

  /** {@code DescribeScalingActivities}: newest first, one group or all. */
  public Page<ScalingActivity> describeScalingActivities(
      @Nullable String groupName,
      @Nullable List<String> activityIds,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return activities.describeScalingActivities(groupName, activityIds, nextToken, maxRecords);
  }

  // ------------------------------------------------------------------ scheduled actions

  /** {@code PutScheduledUpdateGroupAction}. */
  public void putScheduledUpdateGroupAction(
      String groupName,
      String actionName,
      Instant startTime,
      Instant endTime,
      String recurrence,
      Integer minSize,
      Integer maxSize,
      Integer desiredCapacity) {
    scheduledActions.putScheduledUpdateGroupAction(
        groupName, actionName, startTime, endTime, recurrence, minSize, maxSize, desiredCapacity);
  }

  /** {@code DescribeScheduledActions}: one group's or all, sorted by group and name. */
  public Page<ScheduledActionSpec> describeScheduledActions(
      @Nullable String groupName,
      @Nullable List<String> actionNames,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return scheduledActions.describeScheduledActions(groupName, actionNames, nextToken, maxRecords);
  }

  /** {@code DeleteScheduledAction}. */
  public void deleteScheduledAction(String groupName, String actionName) {
    scheduledActions.deleteScheduledAction(groupName, actionName);
  }

  // ------------------------------------------------------------------ lifecycle hooks

  /**
   * {@code PutLifecycleHook}; the transition is AWS's name, timeout and default result may be null.
   */
  public void putLifecycleHook(
      String groupName,
      String hookName,
      String transition,
      Integer heartbeatTimeout,
      String defaultResult) {
    lifecycleHooks.putLifecycleHook(
        groupName, hookName, transition, heartbeatTimeout, defaultResult);
  }

  /** {@code DescribeLifecycleHooks}: all of a group's hooks, or the ones named. */
  public List<LifecycleHookSpec> describeLifecycleHooks(
      String groupName, @Nullable List<String> hookNames) {
    return lifecycleHooks.describeLifecycleHooks(groupName, hookNames);
  }

  /** {@code DeleteLifecycleHook}. */
  public void deleteLifecycleHook(String groupName, String hookName) {
    lifecycleHooks.deleteLifecycleHook(groupName, hookName);
  }

  /** {@code CompleteLifecycleAction}. */
  public void completeLifecycleAction(
      String groupName, String hookName, String instanceId, String result) {
    lifecycleHooks.completeLifecycleAction(groupName, hookName, instanceId, result);
  }

  /** {@code RecordLifecycleActionHeartbeat}. */
  public void recordLifecycleActionHeartbeat(String groupName, String hookName, String instanceId) {
    lifecycleHooks.recordLifecycleActionHeartbeat(groupName, hookName, instanceId);
  }

  // ------------------------------------------------------------------ instances

  /** {@code EnterStandby}; returns the activities it started. */
  public List<ScalingActivity> enterStandby(
      String groupName, @Nullable List<String> instanceIds, @Nullable Boolean decrement) {
    return instances.enterStandby(groupName, instanceIds, decrement);
  }

  /** {@code ExitStandby}; returns the activities it started. */
  public List<ScalingActivity> exitStandby(String groupName, @Nullable List<String> instanceIds) {
    return instances.exitStandby(groupName, instanceIds);
  }

  /** {@code SetInstanceHealth}: {@code Healthy} or {@code Unhealthy}. */
  public void setInstanceHealth(
      String instanceId, String healthStatus, Boolean shouldRespectGracePeriod) {
    instances.setInstanceHealth(instanceId, healthStatus, shouldRespectGracePeriod);
  }

  /** {@code SetInstanceProtection}. */
  public void setInstanceProtection(
      String groupName, @Nullable List<String> instanceIds, Boolean protectedFromScaleIn) {
    instances.setInstanceProtection(groupName, instanceIds, protectedFromScaleIn);
  }

  /** {@code TerminateInstanceInAutoScalingGroup}; returns the activity it started. */
  public @Nullable ScalingActivity terminateInstanceInAutoScalingGroup(
      String instanceId, Boolean decrement) {
    return instances.terminateInstanceInAutoScalingGroup(instanceId, decrement);
  }

  /** {@code SuspendProcesses}; no names suspends all. */
  public void suspendProcesses(String groupName, @Nullable List<String> processes) {
    instances.suspendProcesses(groupName, processes);
  }

  /** {@code ResumeProcesses}; no names resumes all. */
  public void resumeProcesses(String groupName, @Nullable List<String> processes) {
    instances.resumeProcesses(groupName, processes);
  }

  // ------------------------------------------------------------------ target groups

  /**
   * {@code AttachLoadBalancerTargetGroups} / {@code AttachTrafficSources}: 1 to 10 target groups by
   * ARN.
   */
  public void attachLoadBalancerTargetGroups(
      String groupName, @Nullable List<String> targetGroupArns) {
    targetGroups.attachLoadBalancerTargetGroups(groupName, targetGroupArns);
  }

  /**
   * {@code DetachLoadBalancerTargetGroups} / {@code DetachTrafficSources}: their instances drain.
   */
  public void detachLoadBalancerTargetGroups(
      String groupName, @Nullable List<String> targetGroupArns) {
    targetGroups.detachLoadBalancerTargetGroups(groupName, targetGroupArns);
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
  public Page<TargetGroupState> describeLoadBalancerTargetGroups(
      String groupName,
      @Nullable String nextToken,
      @Nullable Integer maxRecords,
      int defaultPage,
      int maxPage,
      String operation) {
    return targetGroups.describeLoadBalancerTargetGroups(
        groupName, nextToken, maxRecords, defaultPage, maxPage, operation);
  }

  // ------------------------------------------------------------------ instance refreshes

  /**
   * {@code StartInstanceRefresh}: Strategy {@code Rolling} (null: the default); the desired launch
   * template (all null: none) is resolved to its numbered version.
   *
   * @param groupName the group
   * @param strategy the strategy, or null
   * @param launchTemplateId {@code DesiredConfiguration.LaunchTemplate.LaunchTemplateId}, or null
   * @param launchTemplateName its name, or null
   * @param launchTemplateVersion its version ({@code $Default} when null)
   * @param preferences the preferences
   * @return the instance refresh id
   */
  public String startInstanceRefresh(
      String groupName,
      String strategy,
      @Nullable String launchTemplateId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      AutoScalingRequests.@Nullable MixedPolicy mixedInstancesPolicy,
      RefreshPreferences preferences) {
    return instanceRefreshes.startInstanceRefresh(
        groupName,
        strategy,
        launchTemplateId,
        launchTemplateName,
        launchTemplateVersion,
        mixedInstancesPolicy,
        preferences);
  }

  /**
   * {@code DescribeInstanceRefreshes}: newest first, 50 a page by default, at most 100; unknown ids
   * are left out.
   *
   * @param groupName the group
   * @param instanceRefreshIds the ids to describe, or null / empty for all
   * @param nextToken the token of the page
   * @param maxRecords the page size
   * @return a page of instance refreshes
   */
  public Page<InstanceRefresh> describeInstanceRefreshes(
      String groupName,
      @Nullable List<String> instanceRefreshIds,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    return instanceRefreshes.describeInstanceRefreshes(
        groupName, instanceRefreshIds, nextToken, maxRecords);
  }

  /**
   * {@code CancelInstanceRefresh}.
   *
   * @param groupName the group
   * @param waitForTransitioningInstances null for AWS's default (true)
   * @return the instance refresh id
   */
  public String cancelInstanceRefresh(String groupName, Boolean waitForTransitioningInstances) {
    return instanceRefreshes.cancelInstanceRefresh(groupName, waitForTransitioningInstances);
  }

  /**
   * {@code RollbackInstanceRefresh}.
   *
   * @param groupName the group
   * @return the instance refresh id
   */
  public String rollbackInstanceRefresh(String groupName) {
    return instanceRefreshes.rollbackInstanceRefresh(groupName);
  }
}
