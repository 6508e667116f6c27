package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.internal.scaling.ServiceLinkedPolicy;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Phase;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
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
  private final Map<String, MetricWriter[]> writers = new LinkedHashMap<>();
  private Function<String, LoadBalancerTargets> targetGroupResolver;
  private Function<String, LoadBalancerTargets> loadBalancerResolver;
  private final PolicyEngine policies;

  private static final String[] METRICS = {
    "GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances", "GroupPendingInstances",
    "GroupStandbyInstances", "GroupTerminatingInstances", "GroupTotalInstances"
  };

  /**
   * Creates the service; the twin does this, tests use {@code twin.autoScaling()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param cloudWatch the cloud watch
   */
  public AutoScaling(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch) {
    this.kernel = Require.notNull("kernel", kernel);
    this.ec2 = Require.notNull("ec2", ec2);
    this.cloudWatch = Require.notNull("cloudWatch", cloudWatch);
    this.ids = new Uuids(kernel.randomness().stream("autoscaling.ids"));
    this.policies = new PolicyEngine(kernel, cloudWatch, this::runtime, groups::values, ids::next);
    ec2.addListener(new InstanceListener() {
      @Override
      public void stateChanged(Instance instance, InstanceState from) {
        Member m = member(instance);
        if (m != null) groups.get(instance.tags().get(Ec2.GROUP_TAG)).ec2StateChanged(m, from);
      }

      @Override
      public void reachabilityChanged(Instance instance, boolean reachable) {
        Member m = member(instance);
        if (m != null) groups.get(instance.tags().get(Ec2.GROUP_TAG)).reachabilityChanged(m, reachable);
      }

      @Override
      public void rebalanceRecommended(Instance instance) {
        Member m = member(instance);
        if (m != null) groups.get(instance.tags().get(Ec2.GROUP_TAG)).rebalanceRecommended(m);
      }
    });
    kernel.every(Duration.ofMinutes(1), Phase.OBSERVE, this::publishMetrics);
    kernel.every(Duration.ofMinutes(1), Phase.ACT, () -> {
      for (GroupRuntime g : List.copyOf(groups.values())) g.periodicCheck();
    });
  }

  private Member member(Instance instance) {
    String g = instance.tags().get(Ec2.GROUP_TAG);
    GroupRuntime rt = g == null ? null : groups.get(g);
    return rt == null ? null : rt.members.get(instance.instanceId());
  }

  /**
   * Sets how target group names resolve to targets (the twin wires the ELB service here); unknown
   * names must return null.
   *
   * @param resolver the resolver
   */
  public void setTargetGroupResolver(Function<String, LoadBalancerTargets> resolver) {
    Require.notNull("resolver", resolver);
    kernel.run(() -> this.targetGroupResolver = resolver);
  }

  /**
   * Sets how Classic Load Balancer names resolve to targets (the twin wires the ELB service here);
   * a name that is not a Classic Load Balancer must throw a ValidationException.
   *
   * @param resolver the resolver
   */
  public void setLoadBalancerResolver(Function<String, LoadBalancerTargets> resolver) {
    Require.notNull("resolver", resolver);
    kernel.run(() -> this.loadBalancerResolver = resolver);
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
    Require.notNull("LoadBalancerNames", loadBalancerNames);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<LoadBalancerTargets> add = new ArrayList<>();
      for (String n : loadBalancerNames) {
        Require.name("LoadBalancerNames", n);
        if (loadBalancerResolver == null) throw new ValidationException("LoadBalancerNames", n, "a Classic Load Balancer of the twin");
        LoadBalancerTargets t = loadBalancerResolver.apply(n);
        boolean attached = g.traffic.targetGroups.stream().anyMatch(x -> x.name().equals(n)) || add.stream().anyMatch(x -> x.name().equals(n));
        if (!attached) add.add(t);
      }
      if (add.isEmpty()) return;
      long id = g.record(new AutoScalingFact.LoadBalancersAttached(g.name, add.stream().map(LoadBalancerTargets::name).toList()));
      kernel.runWithCause(id, () -> g.traffic.attach(add));
    });
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
    Require.notNull("TargetGroupARNs", targetGroupNames);
    Require.between("TargetGroupARNs", targetGroupNames.length, 1, 10);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<LoadBalancerTargets> add = new ArrayList<>();
      for (LoadBalancerTargets t : resolveTargetGroups(java.util.Arrays.asList(targetGroupNames))) {
        boolean attached = g.traffic.targetGroups.stream().anyMatch(x -> x.name().equals(t.name()))
            || add.stream().anyMatch(x -> x.name().equals(t.name()));
        if (!attached) add.add(t);
      }
      if (add.isEmpty()) return;
      List<String> names = add.stream().map(LoadBalancerTargets::name).toList();
      List<String> all = new ArrayList<>(g.spec.targetGroupNames());
      all.addAll(names);
      g.spec = g.spec.toBuilder().targetGroupNames(all.toArray(String[]::new)).build();
      for (String n : names) g.traffic.removingTargetGroups.remove(n);
      long id = g.record(new AutoScalingFact.TargetGroupsAttached(g.name, names));
      kernel.runWithCause(id, () -> g.traffic.attach(add));
    });
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
    Require.notNull("TargetGroupARNs", targetGroupNames);
    Require.between("TargetGroupARNs", targetGroupNames.length, 1, 10);
    for (String n : targetGroupNames) Require.name("TargetGroupARNs", n);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<LoadBalancerTargets> remove = new ArrayList<>();
      for (String n : new java.util.LinkedHashSet<>(java.util.Arrays.asList(targetGroupNames))) {
        for (LoadBalancerTargets t : g.traffic.targetGroups) if (t.name().equals(n)) remove.add(t);
      }
      if (remove.isEmpty()) return;
      List<String> names = remove.stream().map(LoadBalancerTargets::name).toList();
      List<String> rest = new ArrayList<>(g.spec.targetGroupNames());
      rest.removeAll(names);
      g.spec = g.spec.toBuilder().targetGroupNames(rest.toArray(String[]::new)).build();
      long id = g.record(new AutoScalingFact.TargetGroupsDetached(g.name, names));
      kernel.runWithCause(id, () -> g.traffic.detach(remove));
    });
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
    Require.notNull("spec", spec);
    return kernel.call(() -> {
      if (groups.containsKey(spec.autoScalingGroupName())) {
        throw new ValidationException("AutoScalingGroupName", spec.autoScalingGroupName(),
            "a name not in use (AlreadyExists: AutoScalingGroup by this name already exists)");
      }
      for (String z : spec.availabilityZones()) ec2.zone(z);
      List<LoadBalancerTargets> tgs = resolveTargetGroups(spec.targetGroupNames());
      GroupRuntime g = new GroupRuntime(kernel, ec2, spec, tgs, ids, listeners);
      groups.put(g.name, g);
      long id = g.record(new AutoScalingFact.GroupCreated(g.name, spec.minSize(), spec.maxSize(), spec.desiredCapacity(),
          spec.availabilityZones()));
      kernel.runWithCause(id, () -> {
        for (LifecycleHookSpec h : spec.lifecycleHookSpecifications()) g.hooks.putHook(h);
        g.start();
      });
      return new AutoScalingGroup(kernel, g);
    });
  }

  private List<LoadBalancerTargets> resolveTargetGroups(List<String> names) {
    List<LoadBalancerTargets> out = new ArrayList<>();
    for (String n : names) {
      LoadBalancerTargets t;
      try {
        t = targetGroupResolver == null ? null : targetGroupResolver.apply(n);
      } catch (ValidationException e) {
        throw new ValidationException("TargetGroupARNs", n, "the name of an existing target group (" + e.getMessage() + ")");
      }
      if (t == null) {
        throw new ValidationException("TargetGroupARNs", n, "the name of an existing target group");
      }
      out.add(t);
    }
    return out;
  }

  GroupRuntime runtime(String name) {
    Require.name("AutoScalingGroupName", name);
    GroupRuntime g = groups.get(name);
    if (g == null) {
      throw new ValidationException("AutoScalingGroupName", name, "the name of an existing group " + groups.keySet());
    }
    return g;
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
    kernel.run(() -> {
      GroupRuntime g = runtime(name);
      int min = minSize == null ? g.spec.minSize() : minSize;
      int max = maxSize == null ? g.spec.maxSize() : maxSize;
      int desired = desiredCapacity == null ? Math.min(max, Math.max(min, g.spec.desiredCapacity())) : desiredCapacity;
      AutoScalingGroupSpec.checkCapacity(min, max, desired);
      g.setLimits(min, max, desired, "a user request update of AutoScalingGroup constraints to min: " + min + ", max: "
          + max + ", desired: " + desired);
    });
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
    kernel.run(() -> {
      GroupRuntime g = runtime(name);
      AutoScalingGroupSpec.Builder b = g.spec.toBuilder();
      List<String> changed = new ArrayList<>();
      if (mixedInstancesPolicy != null) {
        b.mixedInstancesPolicy(mixedInstancesPolicy);
        changed.add("MixedInstancesPolicy");
      }
      if (capacityRebalance != null) {
        b.capacityRebalance(capacityRebalance);
        changed.add("CapacityRebalance");
      }
      if (maxInstanceLifetime != null) {
        b.maxInstanceLifetime(maxInstanceLifetime);
        changed.add("MaxInstanceLifetime");
      }
      if (changed.isEmpty()) return;
      AutoScalingGroupSpec next = b.build();
      g.spec = next;
      long id = g.record(new AutoScalingFact.GroupSettingsUpdated(g.name, List.copyOf(changed)));
      kernel.runWithCause(id, g::reconcile);
    });
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
    kernel.run(() -> {
      GroupRuntime g = runtime(name);
      AutoScalingGroupSpec next = g.spec.toBuilder().launchTemplate(launchTemplateName, launchTemplateVersion).build();
      g.spec = next;
      g.record(new AutoScalingFact.LaunchTemplateUpdated(g.name, launchTemplateName, launchTemplateVersion));
    });
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
    setDesiredCapacity(name, desiredCapacity, honorCooldown, "a user request explicitly set group desired capacity");
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
    setDesiredCapacity(name, desiredCapacity, false, causeClause);
  }

  private void setDesiredCapacity(String name, int desiredCapacity, boolean honorCooldown, String clause) {
    kernel.run(() -> {
      GroupRuntime g = runtime(name);
      if (desiredCapacity > g.spec.maxSize()) {
        throw new ValidationException("DesiredCapacity", desiredCapacity, "at most MaxSize " + g.spec.maxSize(),
            "New SetDesiredCapacity value " + desiredCapacity + " is above max value " + g.spec.maxSize()
                + " for the AutoScalingGroup.");
      }
      if (desiredCapacity < g.spec.minSize()) {
        throw new ValidationException("DesiredCapacity", desiredCapacity, "at least MinSize " + g.spec.minSize(),
            "New SetDesiredCapacity value " + desiredCapacity + " is below min value " + g.spec.minSize()
                + " for the AutoScalingGroup.");
      }
      if (honorCooldown && g.inCooldownOrActivity()) {
        throw new ScalingActivityInProgressException(name, "cooldown until " + g.cooldownEnd);
      }
      if (desiredCapacity != g.spec.desiredCapacity()) {
        g.changeDesired(desiredCapacity, clause, false, null);
      }
    });
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
    return kernel.call(() -> List.copyOf(runtime(groupName).hooks.byName.values()));
  }

  /**
   * Deletes a lifecycle hook, as {@code DeleteLifecycleHook}; instances waiting on it proceed
   * with the hook's default result.
   *
   * @param groupName the group name
   * @param hookName the hook name
   */
  public void deleteLifecycleHook(String groupName, String hookName) {
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      LifecycleHookSpec h = g.hooks.byName.get(Require.name("LifecycleHookName", hookName));
      if (h == null) {
        throw new ValidationException("LifecycleHookName", hookName, "the name of a hook of group " + groupName + " "
            + g.hooks.byName.keySet());
      }
      g.hooks.byName.remove(hookName);
      g.record(new AutoScalingFact.LifecycleHookDeleted(g.name, hookName));
      for (Member m : List.copyOf(g.members.values())) {
        if (m.waitingHooks.containsKey(hookName)) g.hooks.completeHook(m, hookName, h.defaultResult());
      }
    });
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
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      Member m = memberOf(g, instanceId);
      if (!m.waitingHooks.containsKey(hookName)) {
        throw new ValidationException("LifecycleHookName", hookName,
            "a hook instance " + instanceId + " waits for " + m.waitingHooks.keySet() + " (No active Lifecycle Action found)");
      }
      g.hooks.heartbeat(m, g.hooks.byName.get(hookName));
    });
  }

  /**
   * The scheduled actions of a group that have not yet run out, in the order they were put.
   *
   * @param groupName the group name
   * @return the scheduled actions of a group that have not yet run out, in the order they were put
   */
  public List<ScheduledActionSpec> scheduledActions(String groupName) {
    return kernel.call(() -> List.copyOf(runtime(groupName).scheduledSpecs.values()));
  }

  // ------------------------------------------------------------------ policies

  /**
   * Creates or replaces a scaling policy, as {@code PutScalingPolicy}; target tracking creates its alarms.
   *
   * @param spec the spec
   * @return the policy as stored
   */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    return policies.putScalingPolicy(spec);
  }

  /**
   * Internal, not API: puts a target tracking policy that another service of the twin owns and
   * decides for (ECS managed scaling's {@code ECSManagedAutoScalingPolicy-<uuid>}); it is a policy
   * of the group like any other, with its alarms in CloudWatch.
   *
   * @param spec the policy
   * @param owner the owning service's alarm shape and capacity rule
   * @return the policy as stored
   */
  public ScalingPolicy putServiceLinkedPolicy(TargetTrackingScalingPolicy spec, ServiceLinkedPolicy owner) {
    Require.notNull("owner", owner);
    return policies.putScalingPolicy(spec, owner);
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
      String groupName, String policyName, boolean honorCooldown, Double metricValue, Double breachThreshold) {
    policies.executePolicy(groupName, policyName, honorCooldown, metricValue, breachThreshold);
  }

  private void deleteOwnedAlarms(PolicyRuntime p) {
    policies.deleteOwnedAlarms(p);
  }

  // ------------------------------------------------------------------ instances

  /**
   * Adds a lifecycle hook, as {@code PutLifecycleHook}; it applies to launches and terminations from now on.
   *
   * @param spec the spec
   */
  public void putLifecycleHook(LifecycleHookSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(() -> {
      runtime(spec.autoScalingGroupName()).hooks.putHook(spec);
    });
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
    Require.notNull("LifecycleActionResult", result);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      Member m = memberOf(g, instanceId);
      if (!m.waitingHooks.containsKey(hookName)) {
        throw new ValidationException("LifecycleHookName", hookName,
            "a hook instance " + instanceId + " waits for " + m.waitingHooks.keySet() + " (No active Lifecycle Action found)");
      }
      g.record(new AutoScalingFact.LifecycleActionCompleted(g.name, hookName, instanceId, result, false));
      g.hooks.completeHook(m, hookName, result);
    });
  }

  private Member memberOf(GroupRuntime g, String instanceId) {
    Require.name("InstanceId", instanceId);
    Member m = g.members.get(instanceId);
    if (m == null) {
      throw new ValidationException("InstanceId", instanceId, "an instance of group " + g.name);
    }
    return m;
  }

  private GroupRuntime groupOf(String instanceId) {
    Require.name("InstanceId", instanceId);
    for (GroupRuntime g : groups.values()) {
      if (g.members.containsKey(instanceId)) return g;
    }
    throw new ValidationException("InstanceId", instanceId, "an instance of an Auto Scaling group");
  }

  /**
   * Sets scale-in protection, as {@code SetInstanceProtection}.
   *
   * @param groupName the group name
   * @param protectedFromScaleIn the protected from scale in
   * @param instanceIds the instance ids
   */
  public void setInstanceProtection(String groupName, boolean protectedFromScaleIn, String... instanceIds) {
    Require.notNull("InstanceIds", instanceIds);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<Member> ms = new ArrayList<>();
      for (String id : instanceIds) ms.add(memberOf(g, id));
      for (Member m : ms) {
        m.protectedFromScaleIn = protectedFromScaleIn;
        g.record(new AutoScalingFact.InstanceProtectionChanged(g.name, m.instanceId, protectedFromScaleIn));
      }
      g.reconcile();
    });
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
    Require.notNull("HealthStatus", health);
    kernel.run(() -> {
      GroupRuntime g = groupOf(instanceId);
      Member m = g.members.get(instanceId);
      if (health == HealthStatus.HEALTHY) {
        if (!m.terminationStarted) m.health = HealthStatus.HEALTHY;
        return;
      }
      if (shouldRespectGracePeriod && m.inServiceAt != null
          && m.inServiceAt.plus(g.spec.healthCheckGracePeriod()).isAfter(kernel.clock().now())) {
        return;
      }
      g.markUnhealthy(m, "an instance was taken out of service in response to a user health-check", false);
    });
  }

  /**
   * Moves InService instances to Standby, as {@code EnterStandby}.
   *
   * @param groupName the group name
   * @param shouldDecrementDesiredCapacity the should decrement desired capacity
   * @param instanceIds the instance ids
   */
  public void enterStandby(String groupName, boolean shouldDecrementDesiredCapacity, String... instanceIds) {
    Require.notNull("InstanceIds", instanceIds);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<Member> ms = new ArrayList<>();
      for (String id : instanceIds) {
        Member m = memberOf(g, id);
        if (ms.contains(m)) throw new ValidationException("InstanceIds", id, "each instance at most once");
        if (m.state != LifecycleState.IN_SERVICE || m.terminationStarted) {
          throw new ValidationException("InstanceIds", id, "an InService instance (it is " + m.state + ")");
        }
        ms.add(m);
      }
      if (shouldDecrementDesiredCapacity && g.spec.desiredCapacity() - ms.size() < g.spec.minSize()) {
        throw new ValidationException("ShouldDecrementDesiredCapacity", true,
            "a desired capacity that stays at least MinSize " + g.spec.minSize() + " (it would be "
                + (g.spec.desiredCapacity() - ms.size()) + ")");
      }
      for (Member m : ms) g.enterStandby(m, shouldDecrementDesiredCapacity);
    });
  }

  /**
   * Returns Standby instances to service, as {@code ExitStandby}.
   *
   * @param groupName the group name
   * @param instanceIds the instance ids
   */
  public void exitStandby(String groupName, String... instanceIds) {
    Require.notNull("InstanceIds", instanceIds);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<Member> ms = new ArrayList<>();
      int increments = 0;
      for (String id : instanceIds) {
        Member m = memberOf(g, id);
        if (ms.contains(m)) throw new ValidationException("InstanceIds", id, "each instance at most once");
        if (m.state != LifecycleState.STANDBY) {
          throw new ValidationException("InstanceIds", id, "an instance in Standby (it is " + m.state + ")");
        }
        if (m.standbyDecremented) increments++;
        ms.add(m);
      }
      if (g.spec.desiredCapacity() + increments > g.spec.maxSize()) {
        throw new ValidationException("InstanceIds", List.of(instanceIds),
            "instances whose return keeps desired capacity at most MaxSize " + g.spec.maxSize());
      }
      for (Member m : ms) g.exitStandby(m);
    });
  }

  /**
   * Terminates an instance of a group, as {@code TerminateInstanceInAutoScalingGroup}; without
   * decrementing desired capacity a replacement launches.
   *
   * @param instanceId the instance id
   * @param shouldDecrementDesiredCapacity the should decrement desired capacity
   */
  public void terminateInstanceInAutoScalingGroup(String instanceId, boolean shouldDecrementDesiredCapacity) {
    kernel.run(() -> {
      GroupRuntime g = groupOf(instanceId);
      Member m = g.members.get(instanceId);
      if (m.terminationStarted) {
        throw new ValidationException("InstanceId", instanceId, "an instance that is not already terminating");
      }
      int old = g.spec.desiredCapacity();
      int less = old - m.weight; // with weights, desired drops by the instance's units
      if (shouldDecrementDesiredCapacity && less < g.spec.minSize()) {
        throw new ValidationException("ShouldDecrementDesiredCapacity", true,
            "a desired capacity that stays at least MinSize " + g.spec.minSize() + " (it would be " + less + ")");
      }
      if (shouldDecrementDesiredCapacity) {
        g.spec = GroupRuntime.withCapacity(g.spec, g.spec.minSize(), g.spec.maxSize(), less);
      }
      g.startTermination(m, g.at() + "instance " + instanceId + " was taken out of service in response to a user request"
          + (shouldDecrementDesiredCapacity ? ", shrinking the capacity from " + old + " to " + less : "") + ".",
          false);
      g.reconcile();
    });
  }

  /**
   * Suspends processes, as {@code SuspendProcesses}; none given suspends all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void suspendProcesses(String groupName, ScalingProcess... processes) {
    Require.notNull("ScalingProcesses", processes);
    for (ScalingProcess p : processes) Require.notNull("ScalingProcesses", p);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<ScalingProcess> ps = processes.length == 0 ? List.of(ScalingProcess.values()) : List.of(processes);
      String reason = "User suspended at " + kernel.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      for (ScalingProcess p : ps) {
        if (g.suspended.add(p)) g.suspensionReasons.put(p, reason);
      }
      g.record(new AutoScalingFact.ProcessesSuspended(g.name, List.copyOf(ps)));
    });
  }

  /**
   * Resumes processes, as {@code ResumeProcesses}; none given resumes all.
   *
   * @param groupName the group name
   * @param processes the processes
   */
  public void resumeProcesses(String groupName, ScalingProcess... processes) {
    Require.notNull("ScalingProcesses", processes);
    for (ScalingProcess p : processes) Require.notNull("ScalingProcesses", p);
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      List<ScalingProcess> ps = processes.length == 0 ? List.of(ScalingProcess.values()) : List.of(processes);
      ps.forEach(g.suspended::remove);
      ps.forEach(g.suspensionReasons::remove);
      g.record(new AutoScalingFact.ProcessesResumed(g.name, List.copyOf(ps)));
      g.reconcile();
    });
  }

  // ------------------------------------------------------------------ scheduled actions

  /**
   * Creates or replaces a scheduled action, as {@code PutScheduledUpdateGroupAction}.
   *
   * @param spec the spec
   */
  public void putScheduledUpdateGroupAction(ScheduledActionSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(() -> {
      GroupRuntime g = runtime(spec.autoScalingGroupName());
      Instant now = kernel.clock().now();
      if (spec.recurrence() == null && spec.startTime().isBefore(now)) {
        throw new ValidationException("StartTime", spec.startTime(), "a time not in the past (now " + now + ")");
      }
      Scheduler.Task old = g.scheduled.remove(spec.scheduledActionName());
      if (old != null) old.cancel();
      g.scheduledSpecs.put(spec.scheduledActionName(), spec);
      g.record(new AutoScalingFact.ScheduledActionPut(g.name, spec.scheduledActionName(), spec.recurrence(), spec.startTime()));
      scheduleNext(g, spec, spec.recurrence() == null ? null
          : (spec.startTime() != null && spec.startTime().isAfter(now) ? spec.startTime().minusSeconds(60) : now));
    });
  }

  /**
   * Deletes a scheduled action, as {@code DeleteScheduledAction}.
   *
   * @param groupName the group name
   * @param scheduledActionName the scheduled action name
   */
  public void deleteScheduledAction(String groupName, String scheduledActionName) {
    kernel.run(() -> {
      GroupRuntime g = runtime(groupName);
      Scheduler.Task t = g.scheduled.remove(scheduledActionName);
      if (g.scheduledSpecs.remove(scheduledActionName) == null) {
        throw new ValidationException("ScheduledActionName", scheduledActionName, "an existing scheduled action");
      }
      if (t != null) t.cancel();
    });
  }

  private void scheduleNext(GroupRuntime g, ScheduledActionSpec spec, Instant after) {
    Instant at = spec.recurrence() == null ? spec.startTime() : Cron.parse(spec.recurrence()).next(after);
    if (at == null || (spec.endTime() != null && at.isAfter(spec.endTime()))) {
      g.scheduled.remove(spec.scheduledActionName());
      return;
    }
    g.scheduled.put(spec.scheduledActionName(), kernel.scheduler().at(at, 0, () -> {
      runScheduled(g, spec);
      if (spec.recurrence() != null && g.scheduledSpecs.get(spec.scheduledActionName()) == spec) {
        scheduleNext(g, spec, at);
      } else {
        g.scheduled.remove(spec.scheduledActionName());
      }
    }));
  }

  private void runScheduled(GroupRuntime g, ScheduledActionSpec spec) {
    if (g.deleted || g.scheduledSpecs.get(spec.scheduledActionName()) != spec) return;
    long id = g.record(new AutoScalingFact.ScheduledActionStarted(g.name, spec.scheduledActionName()));
    kernel.runWithCause(id, () -> {
      if (g.isSuspended(ScalingProcess.ScheduledActions)) {
        g.record(new AutoScalingFact.ScheduledActionSkipped(g.name, spec.scheduledActionName()));
        return;
      }
      int min = spec.minSize() == null ? g.spec.minSize() : spec.minSize();
      int max = spec.maxSize() == null ? g.spec.maxSize() : spec.maxSize();
      int desired = spec.desiredCapacity() == null ? Math.min(max, Math.max(min, g.spec.desiredCapacity())) : spec.desiredCapacity();
      try {
        AutoScalingGroupSpec.checkCapacity(min, max, desired);
      } catch (ValidationException e) {
        g.record(new AutoScalingFact.ScheduledActionFailed(g.name, spec.scheduledActionName(), e.getMessage()));
        return;
      }
      if (spec.scheduledActionName() != null && spec.recurrence() == null) g.scheduledSpecs.remove(spec.scheduledActionName());
      g.setLimits(min, max, desired, "a scheduled action update of AutoScalingGroup constraints to min: " + min
          + ", max: " + max + ", desired: " + desired);
    });
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

  private void publishMetrics() {
    long stamp = kernel.clock().now().toEpochMilli() - 60_000L;
    for (GroupRuntime g : groups.values()) {
      if (g.deleted) continue;
      MetricWriter[] w = writers.get(g.name);
      if (w == null) {
        w = new MetricWriter[METRICS.length];
        for (int i = 0; i < METRICS.length; i++) {
          w[i] = cloudWatch.writer(MetricId.of(NAMESPACE, METRICS[i], "AutoScalingGroupName", g.name), StandardUnit.NONE);
        }
        writers.put(g.name, w);
      }
      int[] c = g.state.stateCounts;
      int inService = c[LifecycleState.IN_SERVICE.ordinal()];
      int pending = c[LifecycleState.PENDING.ordinal()] + c[LifecycleState.PENDING_WAIT.ordinal()]
          + c[LifecycleState.PENDING_PROCEED.ordinal()];
      int standby = c[LifecycleState.STANDBY.ordinal()] + c[LifecycleState.ENTERING_STANDBY.ordinal()];
      int terminating = c[LifecycleState.TERMINATING.ordinal()] + c[LifecycleState.TERMINATING_WAIT.ordinal()]
          + c[LifecycleState.TERMINATING_PROCEED.ordinal()];
      w[0].put(stamp, g.spec.minSize());
      w[1].put(stamp, g.spec.maxSize());
      w[2].put(stamp, g.spec.desiredCapacity());
      w[3].put(stamp, inService);
      w[4].put(stamp, pending);
      w[5].put(stamp, standby);
      w[6].put(stamp, terminating);
      w[7].put(stamp, inService + pending + standby + terminating);
    }
  }
}
