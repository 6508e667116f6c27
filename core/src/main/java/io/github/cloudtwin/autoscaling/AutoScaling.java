package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.cloudwatch.AlarmActionContext;
import io.github.cloudtwin.cloudwatch.AlarmNames;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Phase;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * EC2 Auto Scaling of one twin: groups, scaling policies, lifecycle hooks, Standby, scheduled
 * actions, activities and the {@code AWS/AutoScaling} group metrics.
 *
 * <p>Obtain it from {@code twin.autoScaling()}. Thread-safe: every method runs under the
 * simulation lock. Names, defaults and messages follow AWS (see docs/autoscaling.md).
 */
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
  private final List<Proposal> proposals = new ArrayList<>();
  private Scheduler.Task resolveTask;

  private record Proposal(PolicyRuntime policy, int desired, String alarmName, long eventId) {}

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
    kernel.every(Duration.ofMinutes(1), Phase.ACT, () -> {
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
   * Attaches target groups to a group, as {@code AttachLoadBalancerTargetGroups} (and
   * {@code AttachTrafficSources} of type {@code elbv2}): the group's InService instances register
   * now, later instances as they enter service; with ELB health checks the group heeds the target
   * groups' health. Every name is checked before anything changes; one already attached is left
   * as it is.
   *
   * @param groupName the group name
   * @param targetGroupNames 1 to 10 target group names
   */
  public void attachLoadBalancerTargetGroups(String groupName, String... targetGroupNames) {
    trafficSources.attachLoadBalancerTargetGroups(groupName, targetGroupNames);
  }

  /**
   * Detaches target groups from a group, as {@code DetachLoadBalancerTargetGroups} (and
   * {@code DetachTrafficSources}): the group's instances registered with them are deregistered and
   * drain for the target group's deregistration delay; meanwhile the target group is
   * {@code Removing} ({@link AutoScalingGroup#removingTargetGroups()}). The instances keep running.
   * A name not attached is ignored.
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
    return kernel.call(() -> groups.values().stream().map(g -> new AutoScalingGroup(kernel, g)).toList());
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
  public void updateAutoScalingGroup(String name, Integer minSize, Integer maxSize, Integer desiredCapacity) {
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
  public void updateAutoScalingGroupSettings(String name, MixedInstancesPolicy mixedInstancesPolicy, Boolean capacityRebalance,
      Duration maxInstanceLifetime) {
    groupCommands.updateAutoScalingGroupSettings(name, mixedInstancesPolicy, capacityRebalance, maxInstanceLifetime);
  }

  /**
   * Changes the launch template new instances use, as {@code UpdateAutoScalingGroup} with a
   * {@code LaunchTemplate}; running instances keep theirs (the termination policies prefer the old).
   *
   * @param name the name
   * @param launchTemplateName the launch template name
   * @param launchTemplateVersion the launch template version
   */
  public void updateLaunchTemplate(String name, String launchTemplateName, String launchTemplateVersion) {
    groupCommands.updateLaunchTemplate(name, launchTemplateName, launchTemplateVersion);
  }

  /**
   * Sets desired capacity, as {@code SetDesiredCapacity}.
   *
   * @param honorCooldown when true, refuses with {@link ScalingActivityInProgressException} while
   *     a cooldown or scaling activity is in progress
   * @param name the name
   * @param desiredCapacity the desired capacity
   */
  public void setDesiredCapacity(String name, int desiredCapacity, boolean honorCooldown) {
    groupCommands.setDesiredCapacity(name, desiredCapacity, honorCooldown, "a user request explicitly set group desired capacity");
  }

  /**
   * Sets the desired capacity on behalf of a service that scales the group for the user (ECS
   * managed scaling), with the cause clause AWS records for it, such as {@code a monitor alarm
   * X in state ALARM triggered policy Y}. Validated like {@code SetDesiredCapacity}.
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
    kernel.run(() -> {
      GroupRuntime g = runtime(name);
      if (!forceDelete && !g.members.isEmpty()) {
        throw new ValidationException("ForceDelete", false, "true while the group still has instances ("
            + g.members.size() + ")", "You cannot delete an AutoScalingGroup while there are instances or pending Spot"
            + " instance request(s) still in the group.");
      }
      for (PolicyRuntime p : List.copyOf(g.policies.values())) deleteOwnedAlarms(p);
      g.policies.clear();
      long id = g.record(new AutoScalingFact.GroupDeleted(g.name, forceDelete, g.members.size()));
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
    return kernel.call(() -> runtime(groupName).policies.values().stream().map(ScalingPolicy::new).toList());
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
   * Deletes a lifecycle hook, as {@code DeleteLifecycleHook}; instances waiting on it proceed
   * with the hook's default result.
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
   * Creates or replaces a scaling policy, as {@code PutScalingPolicy}; target tracking creates its alarms.
   *
   * @param spec the spec
   * @return the policy as stored
   */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(() -> {
      GroupRuntime g = runtime(spec.autoScalingGroupName());
      PolicyRuntime old = g.policies.get(spec.policyName());
      String arn = kernel.arns().of("autoscaling", "scalingPolicy:" + uuid() + ":autoScalingGroupName/" + g.name
          + ":policyName/" + spec.policyName());
      PolicyRuntime p = new PolicyRuntime(g, spec, arn, this);
      // every alarm is built (and so validated) before anything changes: a rejection leaves no trace
      List<MetricAlarmSpec> alarms = spec instanceof TargetTrackingScalingPolicy t ? targetTrackingAlarms(p, t) : List.of();
      if (old != null) deleteOwnedAlarms(old);
      g.policies.put(spec.policyName(), p);
      long id = kernel.timeline().record(new AutoScalingFact.PolicyPut(spec.policyName(), g.name, spec, describe(spec)));
      kernel.runWithCause(id, () -> alarms.forEach(cloudWatch::putMetricAlarm));
      return new ScalingPolicy(p);
    });
  }

  private static String describe(ScalingPolicySpec s) {
    if (s instanceof SimpleScalingPolicy p) return "SimpleScaling " + p.adjustmentType() + " " + p.scalingAdjustment();
    if (s instanceof StepScalingPolicy p) return "StepScaling " + p.adjustmentType() + " " + p.stepAdjustments();
    TargetTrackingScalingPolicy t = (TargetTrackingScalingPolicy) s;
    if (t.isMetricMath()) {
      MetricDataQuery q = t.customMetrics().stream().filter(MetricDataQuery::returnData).findFirst().orElseThrow();
      return "TargetTrackingScaling metrics " + q.id() + " = " + (q.isExpression() ? q.expression() : q.metricStat().metric())
          + " target " + t.targetValue();
    }
    return "TargetTrackingScaling " + t.metric() + " target " + t.targetValue();
  }

  /**
   * The alarms of a target tracking policy, named as AWS names them (see {@link AlarmNames}): the
   * high alarm, and the low one unless the policy has {@code DisableScaleIn} (as Application Auto
   * Scaling does; docs/fidelity.md, "EC2 Auto Scaling").
   */
  private List<MetricAlarmSpec> targetTrackingAlarms(PolicyRuntime p, TargetTrackingScalingPolicy t) {
    p.highAlarmName = AlarmNames.targetTracking(p.group.name, "AlarmHigh", uuid());
    String description = "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + p.arn + ".";
    MetricAlarmSpec high = watching(t, MetricAlarmSpec.builder()
        .alarmName(p.highAlarmName)
        .alarmDescription(description))
        .evaluationPeriods(3)
        .datapointsToAlarm(3)
        .threshold(t.targetValue())
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .alarmActions(p.action)
        .build();
    if (t.disableScaleIn()) return List.of(high);
    p.lowAlarmName = AlarmNames.targetTracking(p.group.name, "AlarmLow", uuid());
    MetricAlarmSpec low = watching(t, MetricAlarmSpec.builder()
        .alarmName(p.lowAlarmName)
        .alarmDescription(description))
        .evaluationPeriods(15)
        .datapointsToAlarm(15)
        .threshold(0.7 * t.targetValue())
        .comparisonOperator(ComparisonOperator.LessThanThreshold)
        .alarmActions(p.lowAction)
        .build();
    return List.of(high, low);
  }

  /** The policy's metric, per minute: its metric and statistic, or its metric math. */
  private static MetricAlarmSpec.Builder watching(TargetTrackingScalingPolicy t, MetricAlarmSpec.Builder b) {
    if (t.isMetricMath()) return b.metrics(t.customMetrics());
    return b.metric(t.metric()).statistic(t.statistic()).period(Duration.ofSeconds(60));
  }

  private void deleteOwnedAlarms(PolicyRuntime p) {
    if (p.highAlarmName != null) cloudWatch.deleteAlarms(new ScalingPolicy(p).alarmNames().toArray(String[]::new));
  }

  /**
   * Deletes a policy, as {@code DeletePolicy}, with the alarms it owns.
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  public void deletePolicy(String groupName, String policyName) {
    kernel.run(() -> {
      PolicyRuntime p = policyRuntime(groupName, policyName);
      deleteOwnedAlarms(p);
      p.group.policies.remove(policyName);
      kernel.timeline().record(new AutoScalingFact.PolicyDeleted(policyName, p.group.name));
    });
  }

  private PolicyRuntime policyRuntime(String groupName, String policyName) {
    GroupRuntime g = runtime(groupName);
    Require.name("PolicyName", policyName);
    PolicyRuntime p = g.policies.get(policyName);
    if (p == null) {
      throw new ValidationException("PolicyName", policyName,
          "the name of a policy of group " + groupName + " " + g.policies.keySet());
    }
    return p;
  }

  /**
   * The policy of {@code groupName} named {@code policyName}, or a ValidationException.
   *
   * @param groupName the group name
   * @param policyName the policy name
   * @return the policy of {@code groupName} named {@code policyName}, or a ValidationException
   */
  public ScalingPolicy policy(String groupName, String policyName) {
    return kernel.call(() -> new ScalingPolicy(policyRuntime(groupName, policyName)));
  }

  /**
   * The policy named {@code policyName} in whichever group has it (it must be exactly one).
   *
   * @param policyName the policy name
   * @return the policy named {@code policyName} in whichever group has it (it must be exactly one)
   */
  public ScalingPolicy policy(String policyName) {
    Require.name("PolicyName", policyName);
    return kernel.call(() -> {
      List<PolicyRuntime> found = new ArrayList<>();
      for (GroupRuntime g : groups.values()) {
        PolicyRuntime p = g.policies.get(policyName);
        if (p != null) found.add(p);
      }
      if (found.size() != 1) {
        throw new ValidationException("PolicyName", policyName,
            found.isEmpty() ? "the name of an existing policy" : "a name used by one group only; use policy(group, name)");
      }
      return new ScalingPolicy(found.get(0));
    });
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
      String groupName, String policyName, boolean honorCooldown, Double metricValue, Double breachThreshold) {
    kernel.run(() -> {
      PolicyRuntime p = policyRuntime(groupName, policyName);
      if (p.spec instanceof TargetTrackingScalingPolicy) {
        throw new ValidationException("PolicyName", policyName, "a simple or step scaling policy (ExecutePolicy does"
            + " not support target tracking policies)");
      }
      if (p.spec instanceof StepScalingPolicy && (metricValue == null || breachThreshold == null)) {
        throw new ValidationException("MetricValue", metricValue, "MetricValue and BreachThreshold are required for a"
            + " step scaling policy");
      }
      if (honorCooldown && p.isSimple() && p.group.inCooldownOrActivity()) {
        throw new ScalingActivityInProgressException(groupName, "cooldown until " + p.group.cooldownEnd);
      }
      double m = metricValue == null ? Double.NaN : metricValue;
      double t = breachThreshold == null ? Double.NaN : breachThreshold;
      int desired = p.propose(m, t, false, cloudWatch);
      long id = kernel.timeline().record(new AutoScalingFact.PolicyExecuted(policyName, p.group.name, null,
          p.group.spec.desiredCapacity(), desired));
      if (desired >= 0) {
        kernel.runWithCause(id, () -> p.group.changeDesired(desired, "a user request executed policy " + policyName,
            p.isSimple(), p.cooldown()));
      }
    });
  }

  /** Called by a policy's alarm action, on the simulation thread. */
  void onAlarm(PolicyRuntime p, AlarmActionContext ctx, boolean low) {
    GroupRuntime g = p.group;
    if (g.deleted || g.policies.get(p.name()) != p) return;
    kernel.runWithCause(ctx.causeEventId(), () -> {
      if (g.isSuspended(ScalingProcess.AlarmNotification)) {
        if (!ctx.reinvocation()) {
          kernel.timeline().record(new AutoScalingFact.PolicyNotExecuted(p.name(), g.name,
              AutoScalingFact.Reason.ALARM_NOTIFICATION_SUSPENDED, null));
        }
        return;
      }
      if (p.isSimple() && g.inCooldownOrActivity()) {
        if (!ctx.reinvocation()) {
          kernel.timeline().record(new AutoScalingFact.PolicyNotExecuted(p.name(), g.name, AutoScalingFact.Reason.COOLDOWN,
              g.cooldownEnd));
        }
        return;
      }
      int desired = p.propose(ctx.newestDatapoint(), ctx.threshold(), low, cloudWatch);
      if (desired < 0) {
        return;
      }
      long id = kernel.timeline().record(new AutoScalingFact.PolicyExecuted(p.name(), g.name, ctx.alarmName(),
          g.spec.desiredCapacity(), desired));
      proposals.add(new Proposal(p, desired, ctx.alarmName(), id));
      if (resolveTask == null || !resolveTask.isPending()) {
        resolveTask = kernel.scheduler().at(kernel.clock().now(), 0, this::resolveProposals);
      }
    });
  }

  /** Policies that fired at the same instant: per group, the largest resulting capacity wins. */
  private void resolveProposals() {
    Map<GroupRuntime, Proposal> winners = new LinkedHashMap<>();
    for (Proposal pr : proposals) {
      Proposal w = winners.get(pr.policy().group);
      if (w == null || pr.desired() > w.desired()) winners.put(pr.policy().group, pr);
    }
    proposals.clear();
    for (Proposal w : winners.values()) {
      GroupRuntime g = w.policy().group;
      int desired = g.clamp(w.desired());
      if (g.deleted || desired == g.spec.desiredCapacity()) continue;
      kernel.runWithCause(w.eventId(), () -> g.changeDesired(desired, "a monitor alarm " + w.alarmName()
          + " in state ALARM triggered policy " + w.policy().name(), w.policy().isSimple(), w.policy().cooldown()));
    }
  }

  // ------------------------------------------------------------------ instances

  /**
   * Adds a lifecycle hook, as {@code PutLifecycleHook}; it applies to launches and terminations from now on.
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
  public void setInstanceProtection(String groupName, boolean protectedFromScaleIn, String... instanceIds) {
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
  public void setInstanceHealth(String instanceId, HealthStatus health, boolean shouldRespectGracePeriod) {
    instanceCommands.setInstanceHealth(instanceId, health, shouldRespectGracePeriod);
  }

  /**
   * Moves InService instances to Standby, as {@code EnterStandby}.
   *
   * @param groupName the group name
   * @param shouldDecrementDesiredCapacity the should decrement desired capacity
   * @param instanceIds the instance ids
   */
  public void enterStandby(String groupName, boolean shouldDecrementDesiredCapacity, String... instanceIds) {
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
  public void terminateInstanceInAutoScalingGroup(String instanceId, boolean shouldDecrementDesiredCapacity) {
    instanceCommands.terminateInstanceInAutoScalingGroup(instanceId, shouldDecrementDesiredCapacity);
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

  private String uuid() {
    return ids.next();
  }
}
