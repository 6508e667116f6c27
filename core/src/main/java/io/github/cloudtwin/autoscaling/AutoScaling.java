package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * EC2 Auto Scaling of one twin: groups, scaling policies (predictive: {@link PredictiveScaling}),
 * lifecycle hooks, Standby, scheduled actions, activities, the {@code AWS/AutoScaling} metrics.
 * Obtain it from {@code twin.autoScaling()}. Thread-safe: every method runs under the simulation
 * lock. Names, defaults and messages follow AWS (see docs/autoscaling.md).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class AutoScaling {

  /** The namespace of the group metrics. */
  public static final String NAMESPACE = "AWS/AutoScaling";

  private final Kernel kernel;
  private final AutoScalingComponents parts;

  /** Creates the service (with the twin's EC2, CloudWatch and wiring); tests use the twin's. */
  AutoScaling(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    this.parts = new AutoScalingComponents(kernel, ec2, cloudWatch, wiring);
  }

  /**
   * Attaches Classic Load Balancers to a group, as {@code AttachLoadBalancers} (and as a group's
   * {@code LoadBalancerNames} at creation): instances in service register now, later instances as
   * they enter service; with ELB health checks the group then also heeds their health.
   *
   * @param groupName the group name
   * @param loadBalancerNames the load balancer names
   */
  public void attachLoadBalancers(String groupName, String... loadBalancerNames) {
    parts.trafficSources.attachLoadBalancers(groupName, loadBalancerNames);
  }

  /**
   * Attaches target groups to a group, as {@code AttachLoadBalancerTargetGroups} (and {@code
   * AttachTrafficSources} of type {@code elbv2}): the group's InService instances register now,
   * later instances as they enter service; with ELB health checks the group heeds the target
   * groups' health. Every name is checked before anything changes; one already attached stays.
   *
   * @param groupName the group name
   * @param targetGroupNames 1 to 10 target group names
   */
  public void attachLoadBalancerTargetGroups(String groupName, String... targetGroupNames) {
    parts.trafficSources.attachLoadBalancerTargetGroups(groupName, targetGroupNames);
  }

  /**
   * Detaches target groups from a group, as {@code DetachLoadBalancerTargetGroups} (and {@code
   * DetachTrafficSources}): the group's instances registered with them are deregistered and drain
   * for the target group's deregistration delay; meanwhile the target group is {@code Removing}
   * ({@link AutoScalingGroup#removingTargetGroups()}). The instances keep running. A name not
   * attached is ignored.
   *
   * @param groupName the group name
   * @param targetGroupNames 1 to 10 target group names
   */
  public void detachLoadBalancerTargetGroups(String groupName, String... targetGroupNames) {
    parts.trafficSources.detachLoadBalancerTargetGroups(groupName, targetGroupNames);
  }

  /**
   * Creates a group, as {@code CreateAutoScalingGroup}: it launches at once, its hooks in place.
   *
   * @param spec the spec
   * @return the new group, a live view
   */
  public AutoScalingGroup createAutoScalingGroup(AutoScalingGroupSpec spec) {
    return parts.groupCommands.createAutoScalingGroup(spec);
  }

  /**
   * {@return the group named {@code name}, or a ValidationException}
   *
   * @param name the name
   */
  public AutoScalingGroup group(String name) {
    return kernel.call(() -> new AutoScalingGroup(kernel, parts.registry.runtime(name)));
  }

  /** {@return every group, in creation order} */
  public List<AutoScalingGroup> groups() {
    return kernel.call(
        () -> parts.groups().stream().map(g -> new AutoScalingGroup(kernel, g)).toList());
  }

  /**
   * Changes min, max and desired ({@code UpdateAutoScalingGroup}); null keeps a value, and desired
   * then moves up to a new min or down to a new max.
   *
   * @param name the name
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   */
  public void updateAutoScalingGroup(
      String name,
      @Nullable Integer minSize,
      @Nullable Integer maxSize,
      @Nullable Integer desiredCapacity) {
    parts.groupCommands.updateAutoScalingGroup(name, minSize, maxSize, desiredCapacity);
  }

  /**
   * Changes a group's mixed instances policy, Capacity Rebalancing and maximum instance lifetime,
   * as {@code UpdateAutoScalingGroup} does with {@code MixedInstancesPolicy}, {@code
   * CapacityRebalance} and {@code MaxInstanceLifetime}: null keeps a value, a lifetime of zero
   * clears it. Everything is checked before anything changes. Running instances stay (with their
   * weights); new launches follow the new policy and scale-in aligns the instances with it.
   *
   * @param name the group name
   * @param mixedInstancesPolicy the new policy, or null to keep the current one
   * @param capacityRebalance the new CapacityRebalance, or null to keep it
   * @param maxInstanceLifetime zero (none) or at least 86,400 s, or null to keep it
   */
  public void updateAutoScalingGroupSettings(
      String name,
      @Nullable MixedInstancesPolicy mixedInstancesPolicy,
      @Nullable Boolean capacityRebalance,
      @Nullable Duration maxInstanceLifetime) {
    parts.groupCommands.updateAutoScalingGroupSettings(
        name, mixedInstancesPolicy, capacityRebalance, maxInstanceLifetime);
  }

  /**
   * Changes the launch template new instances use, as {@code UpdateAutoScalingGroup} with a {@code
   * LaunchTemplate}; running instances keep theirs (the termination policies prefer the old).
   *
   * @param name the name
   * @param launchTemplateName the launch template name
   * @param launchTemplateVersion the launch template version
   */
  public void updateLaunchTemplate(
      String name, String launchTemplateName, String launchTemplateVersion) {
    parts.groupCommands.updateLaunchTemplate(name, launchTemplateName, launchTemplateVersion);
  }

  /**
   * Sets desired capacity, as {@code SetDesiredCapacity}.
   *
   * @param honorCooldown when true, refuses with {@link ScalingActivityInProgressException} while a
   *     cooldown or scaling activity is in progress
   * @param name the name
   * @param desiredCapacity the desired capacity
   */
  public void setDesiredCapacity(String name, int desiredCapacity, boolean honorCooldown) {
    parts.groupCommands.setDesiredCapacity(name, desiredCapacity, honorCooldown);
  }

  /**
   * Deletes a group, as {@code DeleteAutoScalingGroup}. Without {@code forceDelete} the group must
   * have no instances and no scaling activity in progress; with it, its instances are terminated.
   * The group's policies (and the alarms they own) and scheduled actions go with it.
   *
   * @param name the name
   * @param forceDelete the force delete
   */
  public void deleteAutoScalingGroup(String name, boolean forceDelete) {
    parts.groupCommands.deleteAutoScalingGroup(name, forceDelete);
  }

  /**
   * {@return the scaling policies of a group, in the order they were put}
   *
   * @param groupName the group name
   */
  public List<ScalingPolicy> policies(String groupName) {
    return parts.policies.policies(groupName);
  }

  /**
   * {@return the lifecycle hooks of a group, in the order they were put}
   *
   * @param groupName the group name
   */
  public List<LifecycleHookSpec> lifecycleHooks(String groupName) {
    return parts.hookCommands.lifecycleHooks(groupName);
  }

  /**
   * Deletes a lifecycle hook, as {@code DeleteLifecycleHook}; instances waiting on it proceed with
   * the hook's default result.
   *
   * @param groupName the group name
   * @param hookName the hook name
   */
  public void deleteLifecycleHook(String groupName, String hookName) {
    parts.hookCommands.deleteLifecycleHook(groupName, hookName);
  }

  /**
   * Restarts a waiting lifecycle action's heartbeat ({@code RecordLifecycleActionHeartbeat}).
   *
   * @param groupName the group name
   * @param hookName the hook name
   * @param instanceId the instance id
   */
  public void recordLifecycleActionHeartbeat(String groupName, String hookName, String instanceId) {
    parts.hookCommands.recordLifecycleActionHeartbeat(groupName, hookName, instanceId);
  }

  /**
   * {@return the scheduled actions of a group that have not yet run out, in the order put}
   *
   * @param groupName the group name
   */
  public List<ScheduledActionSpec> scheduledActions(String groupName) {
    return parts.scheduledActions.scheduledActions(groupName);
  }

  /**
   * Creates or replaces a scaling policy, as {@code PutScalingPolicy}; target tracking creates its
   * alarms.
   *
   * @param spec the spec
   * @return the policy as stored
   */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    return parts.policies.putScalingPolicy(spec);
  }

  /**
   * Deletes a policy, as {@code DeletePolicy}, with the alarms it owns.
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  public void deletePolicy(String groupName, String policyName) {
    parts.policies.deletePolicy(groupName, policyName);
  }

  /**
   * {@return the policy of {@code groupName} named {@code policyName}, or a ValidationException}
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  public ScalingPolicy policy(String groupName, String policyName) {
    return parts.policies.policy(groupName, policyName);
  }

  /**
   * {@return the policy named {@code policyName} in the one group that has it}
   *
   * @param policyName the policy name
   */
  public ScalingPolicy policy(String policyName) {
    return parts.policies.policy(policyName);
  }

  /**
   * Executes a simple policy now, as {@code ExecutePolicy} (cooldown ignored).
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  public void executePolicy(String groupName, String policyName) {
    executePolicy(groupName, policyName, false, null, null);
  }

  /**
   * Executes a policy now, as {@code ExecutePolicy}. Step policies need {@code metricValue} and
   * {@code breachThreshold}; target tracking and predictive policies cannot be executed.
   *
   * @param groupName the group name
   * @param policyName the policy name
   * @param honorCooldown the honor cooldown
   * @param metricValue the metric value
   * @param breachThreshold the breach threshold
   */
  public void executePolicy(
      String groupName,
      String policyName,
      boolean honorCooldown,
      @Nullable Double metricValue,
      @Nullable Double breachThreshold) {
    parts.predictiveScaling.refuseExecute(groupName, policyName);
    parts.policies.executePolicy(
        groupName, policyName, honorCooldown, metricValue, breachThreshold);
  }

  /**
   * Adds a lifecycle hook, as {@code PutLifecycleHook}, for launches and terminations from now on.
   *
   * @param spec the spec
   */
  public void putLifecycleHook(LifecycleHookSpec spec) {
    parts.hookCommands.putLifecycleHook(spec);
  }

  /**
   * Completes a lifecycle action, as {@code CompleteLifecycleAction}.
   *
   * @param groupName the group name
   * @param hookName the hook name
   * @param instanceId the instance id
   * @param result the result
   */
  public void completeLifecycleAction(
      String groupName, String hookName, String instanceId, LifecycleActionResult result) {
    parts.hookCommands.completeLifecycleAction(groupName, hookName, instanceId, result);
  }

  /**
   * Sets scale-in protection, as {@code SetInstanceProtection}.
   *
   * @param groupName the group name
   * @param protectedFromScaleIn the protected from scale in
   * @param instanceIds the instance ids
   */
  public void setInstanceProtection(
      String groupName, boolean protectedFromScaleIn, String... instanceIds) {
    parts.instanceCommands.setInstanceProtection(groupName, protectedFromScaleIn, instanceIds);
  }

  /**
   * Sets an instance's health, as {@code SetInstanceHealth}: Unhealthy is replaced at once; with
   * {@code shouldRespectGracePeriod} it is ignored during the grace period.
   *
   * @param instanceId the instance id
   * @param health the health
   * @param shouldRespectGracePeriod the should respect grace period
   */
  public void setInstanceHealth(
      String instanceId, HealthStatus health, boolean shouldRespectGracePeriod) {
    parts.instanceCommands.setInstanceHealth(instanceId, health, shouldRespectGracePeriod);
  }

  /**
   * Moves InService instances to Standby, as {@code EnterStandby}.
   *
   * @param groupName the group name
   * @param shouldDecrementDesiredCapacity the should decrement desired capacity
   * @param instanceIds the instance ids
   */
  public void enterStandby(
      String groupName, boolean shouldDecrementDesiredCapacity, String... instanceIds) {
    parts.instanceCommands.enterStandby(groupName, shouldDecrementDesiredCapacity, instanceIds);
  }

  /**
   * Returns Standby instances to service, as {@code ExitStandby}.
   *
   * @param groupName the group name
   * @param instanceIds the instance ids
   */
  public void exitStandby(String groupName, String... instanceIds) {
    parts.instanceCommands.exitStandby(groupName, instanceIds);
  }

  /**
   * Terminates an instance of a group, as {@code TerminateInstanceInAutoScalingGroup}; without
   * decrementing desired capacity a replacement launches.
   *
   * @param instanceId the instance id
   * @param shouldDecrementDesiredCapacity the should decrement desired capacity
   */
  public void terminateInstanceInAutoScalingGroup(
      String instanceId, boolean shouldDecrementDesiredCapacity) {
    parts.instanceCommands.terminateInstanceInAutoScalingGroup(
        instanceId, shouldDecrementDesiredCapacity);
  }

  /**
   * Suspends processes, as {@code SuspendProcesses}; none given suspends all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void suspendProcesses(String groupName, ScalingProcess... processes) {
    parts.instanceCommands.suspendProcesses(groupName, processes);
  }

  /**
   * Resumes processes, as {@code ResumeProcesses}; none given resumes all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void resumeProcesses(String groupName, ScalingProcess... processes) {
    parts.instanceCommands.resumeProcesses(groupName, processes);
  }

  /**
   * Creates or replaces a scheduled action, as {@code PutScheduledUpdateGroupAction}.
   *
   * @param spec the spec
   */
  public void putScheduledUpdateGroupAction(ScheduledActionSpec spec) {
    parts.scheduledActions.putScheduledUpdateGroupAction(spec);
  }

  /**
   * Deletes a scheduled action, as {@code DeleteScheduledAction}.
   *
   * @param groupName the group name
   * @param scheduledActionName the scheduled action name
   */
  public void deleteScheduledAction(String groupName, String scheduledActionName) {
    parts.scheduledActions.deleteScheduledAction(groupName, scheduledActionName);
  }

  /** {@return the groups' warm pools: PutWarmPool, DescribeWarmPool, DeleteWarmPool} */
  public WarmPools warmPools() {
    kernel.checkOpen();
    return parts.warmPools;
  }

  /** {@return the groups' instance refreshes: Start, Cancel, Rollback and Describe} */
  public InstanceRefreshes instanceRefreshes() {
    kernel.checkOpen();
    return parts.instanceRefreshes;
  }

  /** {@return the groups' predictive scaling policies and their forecasts} */
  public PredictiveScaling predictiveScaling() {
    kernel.checkOpen();
    return parts.predictiveScaling;
  }

  /**
   * Calls {@code listener} when activities start and end (on the simulation thread).
   *
   * @param listener the listener
   */
  public void addScalingActivityListener(ScalingActivityListener listener) {
    parts.listeners.add(Require.notNull("listener", listener));
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeScalingActivityListener(ScalingActivityListener listener) {
    kernel.checkOpen();
    parts.listeners.remove(listener);
  }
}
