package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.ServiceLinkedPolicy;
import io.github.cloudtwin.internal.scaling.TargetTrackingAlarms;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleToIntFunction;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * EC2 Auto Scaling of one twin: groups, scaling policies, lifecycle hooks, Standby, scheduled
 * actions, activities and the {@code AWS/AutoScaling} group metrics.
 *
 * <p>Obtain it from {@code twin.autoScaling()}. Thread-safe: every method runs under the simulation
 * lock. Names, defaults and messages follow AWS (see docs/autoscaling.md).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class AutoScaling {

  /** The namespace of the group metrics. */
  public static final String NAMESPACE = "AWS/AutoScaling";

  final Kernel kernel;
  final Ec2 ec2;
  final CloudWatch cloudWatch;
  private final Map<String, GroupRuntime> groups = new LinkedHashMap<>();
  private final ActivityListeners listeners = new ActivityListeners();
  private final Uuids ids;
  private final GroupRegistry registry = new GroupRegistry(groups);
  private final TrafficSourceCommands trafficSources;
  private final GroupCommands groupCommands;
  private final LifecycleHookCommands hookCommands;
  private final InstanceCommands instanceCommands;
  private final ScheduledActions scheduledActions;
  private final PolicyEngine policies;

  /**
   * Creates the service; the twin does this, tests use {@code twin.autoScaling()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param cloudWatch the cloud watch
   * @param wiring the twin's connections (target groups and Classic Load Balancers by name)
   */
  AutoScaling(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    this.ec2 = Require.notNull("ec2", ec2);
    this.cloudWatch = Require.notNull("cloudWatch", cloudWatch);
    this.ids = new Uuids(kernel.randomness().stream("autoscaling.ids"));
    this.policies = new PolicyEngine(kernel, cloudWatch, this::runtime, groups::values, ids::next);
    this.trafficSources = new TrafficSourceCommands(kernel, registry);
    this.groupCommands = new GroupCommands(kernel, ec2, registry, trafficSources, ids, listeners);
    this.hookCommands = new LifecycleHookCommands(kernel, registry);
    this.instanceCommands = new InstanceCommands(kernel, registry);
    this.scheduledActions = new ScheduledActions(kernel, registry);
    trafficSources.setTargetGroupResolver(name -> wiring.targetGroups().apply(name));
    trafficSources.setLoadBalancerResolver(name -> wiring.loadBalancers().apply(name));
    GroupMetrics metrics = new GroupMetrics(kernel.clock(), cloudWatch, groups.values());
    ec2.addListener(registry);
    kernel.every(Duration.ofMinutes(1), Phase.OBSERVE, metrics::publish);
    kernel.every(
        Duration.ofMinutes(1),
        Phase.ACT,
        () -> {
          for (GroupRuntime g : List.copyOf(groups.values())) g.periodicCheck();
        });
  }

  /**
   * Replaces how target group names resolve to targets (the twin wires the ELB service; tests in
   * this package a fake); unknown names must return null.
   *
   * @param resolver the resolver
   */
  void setTargetGroupResolver(Function<String, LoadBalancerTargets> resolver) {
    trafficSources.setTargetGroupResolver(resolver);
  }

  /**
   * Replaces how Classic Load Balancer names resolve to targets (the twin wires the ELB service;
   * tests in this package a fake); a name that is not a Classic Load Balancer must throw a
   * ValidationException.
   *
   * @param resolver the resolver
   */
  void setLoadBalancerResolver(Function<String, LoadBalancerTargets> resolver) {
    trafficSources.setLoadBalancerResolver(resolver);
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
    trafficSources.attachLoadBalancers(groupName, loadBalancerNames);
  }

  /**
   * Attaches target groups to a group, as {@code AttachLoadBalancerTargetGroups} (and {@code
   * AttachTrafficSources} of type {@code elbv2}): the group's InService instances register now,
   * later instances as they enter service; with ELB health checks the group heeds the target
   * groups' health. Every name is checked before anything changes; one already attached is left as
   * it is.
   *
   * @param groupName the group name
   * @param targetGroupNames 1 to 10 target group names
   */
  public void attachLoadBalancerTargetGroups(String groupName, String... targetGroupNames) {
    trafficSources.attachLoadBalancerTargetGroups(groupName, targetGroupNames);
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
    trafficSources.detachLoadBalancerTargetGroups(groupName, targetGroupNames);
  }

  // ------------------------------------------------------------------ groups

  /**
   * Creates a group, as {@code CreateAutoScalingGroup}; it launches toward desired at once, with
   * the spec's lifecycle hooks already in place.
   *
   * @param spec the spec
   * @return the new group, a live view
   */
  public AutoScalingGroup createAutoScalingGroup(AutoScalingGroupSpec spec) {
    return groupCommands.createAutoScalingGroup(spec);
  }

  GroupRuntime runtime(String name) {
    return registry.runtime(name);
  }

  /**
   * The group named {@code name}, or a ValidationException.
   *
   * @param name the name
   * @return the group named {@code name}, or a ValidationException
   */
  public AutoScalingGroup group(String name) {
    return kernel.call(() -> new AutoScalingGroup(kernel, runtime(name)));
  }

  /** {@return every group, in creation order} */
  public List<AutoScalingGroup> groups() {
    return kernel.call(
        () -> groups.values().stream().map(g -> new AutoScalingGroup(kernel, g)).toList());
  }

  /**
   * Changes min, max and desired, as {@code UpdateAutoScalingGroup}; null keeps a value. Without a
   * new desired value, desired moves up to a new min or down to a new max.
   *
   * @param name the name
   * @param minSize the min size
   * @param maxSize the max size
   * @param desiredCapacity the desired capacity
   */
  public void updateAutoScalingGroup(
      String name, Integer minSize, Integer maxSize, Integer desiredCapacity) {
    groupCommands.updateAutoScalingGroup(name, minSize, maxSize, desiredCapacity);
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
      MixedInstancesPolicy mixedInstancesPolicy,
      Boolean capacityRebalance,
      Duration maxInstanceLifetime) {
    groupCommands.updateAutoScalingGroupSettings(
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
    groupCommands.updateLaunchTemplate(name, launchTemplateName, launchTemplateVersion);
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
    groupCommands.setDesiredCapacity(
        name,
        desiredCapacity,
        honorCooldown,
        "a user request explicitly set group desired capacity");
  }

  /**
   * Sets the desired capacity on behalf of a service that scales the group for the user (ECS
   * managed scaling), with the cause clause AWS records for it, such as {@code a monitor alarm X in
   * state ALARM triggered policy Y}. Validated like {@code SetDesiredCapacity}.
   *
   * @param name the name
   * @param desiredCapacity the desired capacity
   * @param causeClause the cause clause
   */
  public void setDesiredCapacity(String name, int desiredCapacity, String causeClause) {
    Require.name("causeClause", causeClause);
    groupCommands.setDesiredCapacity(name, desiredCapacity, false, causeClause);
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
    kernel.run(
        () -> {
          GroupRuntime g = runtime(name);
          if (!forceDelete && !g.members.isEmpty()) {
            throw new ValidationException(
                "ForceDelete",
                false,
                "true while the group still has instances (" + g.members.size() + ")",
                "You cannot delete an AutoScalingGroup while there are instances or pending Spot"
                    + " instance request(s) still in the group.");
          }
          for (PolicyRuntime p : List.copyOf(g.policies.values())) deleteOwnedAlarms(p);
          g.policies.clear();
          long id =
              g.record(new AutoScalingFact.GroupDeleted(g.name, forceDelete, g.members.size()));
          kernel.runWithCause(id, g::delete);
          groups.remove(name);
        });
  }

  /**
   * The scaling policies of a group, in the order they were put.
   *
   * @param groupName the group name
   * @return the scaling policies of a group, in the order they were put
   */
  public List<ScalingPolicy> policies(String groupName) {
    return kernel.call(
        () -> runtime(groupName).policies.values().stream().map(ScalingPolicy::new).toList());
  }

  /**
   * The lifecycle hooks of a group, in the order they were put.
   *
   * @param groupName the group name
   * @return the lifecycle hooks of a group, in the order they were put
   */
  public List<LifecycleHookSpec> lifecycleHooks(String groupName) {
    return hookCommands.lifecycleHooks(groupName);
  }

  /**
   * Deletes a lifecycle hook, as {@code DeleteLifecycleHook}; instances waiting on it proceed with
   * the hook's default result.
   *
   * @param groupName the group name
   * @param hookName the hook name
   */
  public void deleteLifecycleHook(String groupName, String hookName) {
    hookCommands.deleteLifecycleHook(groupName, hookName);
  }

  /**
   * Restarts the heartbeat timeout of a waiting lifecycle action, as {@code
   * RecordLifecycleActionHeartbeat}.
   *
   * @param groupName the group name
   * @param hookName the hook name
   * @param instanceId the instance id
   */
  public void recordLifecycleActionHeartbeat(String groupName, String hookName, String instanceId) {
    hookCommands.recordLifecycleActionHeartbeat(groupName, hookName, instanceId);
  }

  /**
   * The scheduled actions of a group that have not yet run out, in the order they were put.
   *
   * @param groupName the group name
   * @return the scheduled actions of a group that have not yet run out, in the order they were put
   */
  public List<ScheduledActionSpec> scheduledActions(String groupName) {
    return scheduledActions.scheduledActions(groupName);
  }

  // ------------------------------------------------------------------ policies

  /**
   * Creates or replaces a scaling policy, as {@code PutScalingPolicy}; target tracking creates its
   * alarms.
   *
   * @param spec the spec
   * @return the policy as stored
   */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    return policies.putScalingPolicy(spec);
  }

  /**
   * Internal, not API: puts the target tracking policy that ECS managed scaling owns on a group
   * ({@code ECSManagedAutoScalingPolicy-<uuid>}; the twin's ECS calls this). It is a policy of the
   * group like any other, with its alarm pair in CloudWatch shaped as ECS's (AlarmHigh 1 of 1 above
   * the target, AlarmLow 15 of 15 below it); when an alarm triggers it, ECS decides the capacity.
   *
   * @param spec the policy
   * @param scaleOut the desired capacity to ask for when AlarmHigh triggers, given its newest
   *     datapoint; -1 for none
   * @param scaleIn the same for AlarmLow
   * @return the policy as stored
   */
  public ScalingPolicy putEcsManagedScalingPolicy(
      TargetTrackingScalingPolicy spec, DoubleToIntFunction scaleOut, DoubleToIntFunction scaleIn) {
    Require.notNull("scaleOut", scaleOut);
    Require.notNull("scaleIn", scaleIn);
    return policies.putScalingPolicy(
        spec,
        new ServiceLinkedPolicy() {
          @Override
          public TargetTrackingAlarms.Shape shape() {
            return TargetTrackingAlarms.Shape.ECS_MANAGED_SCALING;
          }

          @Override
          public int capacity(boolean out, double metric, int desiredCapacity) {
            return out ? scaleOut.applyAsInt(metric) : scaleIn.applyAsInt(metric);
          }
        });
  }

  /**
   * Deletes a policy, as {@code DeletePolicy}, with the alarms it owns.
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  public void deletePolicy(String groupName, String policyName) {
    policies.deletePolicy(groupName, policyName);
  }

  /**
   * The policy of {@code groupName} named {@code policyName}, or a ValidationException.
   *
   * @param groupName the group name
   * @param policyName the policy name
   * @return the policy of {@code groupName} named {@code policyName}, or a ValidationException
   */
  public ScalingPolicy policy(String groupName, String policyName) {
    return policies.policy(groupName, policyName);
  }

  /**
   * The policy named {@code policyName} in whichever group has it (it must be exactly one).
   *
   * @param policyName the policy name
   * @return the policy named {@code policyName} in whichever group has it (it must be exactly one)
   */
  public ScalingPolicy policy(String policyName) {
    return policies.policy(policyName);
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
   * {@code breachThreshold}; target tracking policies cannot be executed.
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
      Double metricValue,
      Double breachThreshold) {
    policies.executePolicy(groupName, policyName, honorCooldown, metricValue, breachThreshold);
  }

  private void deleteOwnedAlarms(PolicyRuntime p) {
    policies.deleteOwnedAlarms(p);
  }

  // ------------------------------------------------------------------ instances

  /**
   * Adds a lifecycle hook, as {@code PutLifecycleHook}; it applies to launches and terminations
   * from now on.
   *
   * @param spec the spec
   */
  public void putLifecycleHook(LifecycleHookSpec spec) {
    hookCommands.putLifecycleHook(spec);
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
    hookCommands.completeLifecycleAction(groupName, hookName, instanceId, result);
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
    instanceCommands.setInstanceProtection(groupName, protectedFromScaleIn, instanceIds);
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
    instanceCommands.setInstanceHealth(instanceId, health, shouldRespectGracePeriod);
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
    instanceCommands.enterStandby(groupName, shouldDecrementDesiredCapacity, instanceIds);
  }

  /**
   * Returns Standby instances to service, as {@code ExitStandby}.
   *
   * @param groupName the group name
   * @param instanceIds the instance ids
   */
  public void exitStandby(String groupName, String... instanceIds) {
    instanceCommands.exitStandby(groupName, instanceIds);
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
    instanceCommands.terminateInstanceInAutoScalingGroup(
        instanceId, shouldDecrementDesiredCapacity);
  }

  /**
   * Suspends processes, as {@code SuspendProcesses}; none given suspends all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void suspendProcesses(String groupName, ScalingProcess... processes) {
    instanceCommands.suspendProcesses(groupName, processes);
  }

  /**
   * Resumes processes, as {@code ResumeProcesses}; none given resumes all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void resumeProcesses(String groupName, ScalingProcess... processes) {
    instanceCommands.resumeProcesses(groupName, processes);
  }

  // ------------------------------------------------------------------ scheduled actions

  /**
   * Creates or replaces a scheduled action, as {@code PutScheduledUpdateGroupAction}.
   *
   * @param spec the spec
   */
  public void putScheduledUpdateGroupAction(ScheduledActionSpec spec) {
    scheduledActions.putScheduledUpdateGroupAction(spec);
  }

  /**
   * Deletes a scheduled action, as {@code DeleteScheduledAction}.
   *
   * @param groupName the group name
   * @param scheduledActionName the scheduled action name
   */
  public void deleteScheduledAction(String groupName, String scheduledActionName) {
    scheduledActions.deleteScheduledAction(groupName, scheduledActionName);
  }

  // ------------------------------------------------------------------ activities and metrics

  /**
   * The group's scaling activities, newest first.
   *
   * @param groupName the group name
   * @return the group's scaling activities, newest first
   */
  public List<ScalingActivity> activities(String groupName) {
    return kernel.call(() -> new AutoScalingGroup(kernel, runtime(groupName)).activities());
  }

  /**
   * Calls {@code listener} when activities start and end (on the simulation thread).
   *
   * @param listener the listener
   */
  public void addScalingActivityListener(ScalingActivityListener listener) {
    listeners.add(Require.notNull("listener", listener));
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeScalingActivityListener(ScalingActivityListener listener) {
    kernel.checkOpen();
    listeners.remove(listener);
  }
}
