package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.internal.WarmPoolInstances;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The composition root of one twin's EC2 Auto Scaling: builds the facade's collaborators in
 * dependency order (the order fixes the order of the seeded random streams and of the minute work
 * at one instant), connects them to EC2, CloudWatch, the twin's wiring and the kernel, and holds
 * them for {@link AutoScaling}.
 */
final class AutoScalingComponents {

  private final Map<String, GroupRuntime> groups = new LinkedHashMap<>();
  final ActivityListeners listeners = new ActivityListeners();
  final GroupRegistry registry = new GroupRegistry(groups);
  final PolicyEngine policies;
  final TrafficSourceCommands trafficSources;
  final GroupCommands groupCommands;
  final LifecycleHookCommands hookCommands;
  final InstanceCommands instanceCommands;
  final ScheduledActions scheduledActions;
  final WarmPools warmPools;
  final InstanceRefreshes instanceRefreshes;
  final PredictiveScaling predictiveScaling;

  /**
   * Builds and connects the collaborators.
   *
   * @param kernel the kernel
   * @param ec2 the instances groups launch
   * @param cloudWatch where the group metrics and the target tracking alarms go
   * @param wiring the twin's connections: target groups and Classic Load Balancers by name in, the
   *     channel for ECS managed scaling out
   */
  AutoScalingComponents(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, Wiring wiring) {
    Require.notNull("ec2", ec2);
    Require.notNull("cloudWatch", cloudWatch);
    Require.notNull("wiring", wiring);
    Uuids ids = new Uuids(kernel.randomness().stream("autoscaling.ids"));
    policies = new PolicyEngine(kernel, cloudWatch, registry::runtime, groups::values, ids::next);
    trafficSources = new TrafficSourceCommands(kernel, registry);
    groupCommands =
        new GroupCommands(
            kernel, ec2, registry, trafficSources, ids, listeners, policies::deleteOwnedAlarms);
    hookCommands = new LifecycleHookCommands(kernel, registry);
    instanceCommands = new InstanceCommands(kernel, registry);
    scheduledActions = new ScheduledActions(kernel, registry);
    warmPools = new WarmPools(kernel, registry);
    instanceRefreshes =
        new InstanceRefreshes(
            kernel,
            registry,
            cloudWatch,
            new Uuids(kernel.randomness().stream("autoscaling.instance-refresh.ids")));
    predictiveScaling =
        new PredictiveScaling(
            kernel,
            cloudWatch,
            registry,
            new Uuids(kernel.randomness().stream("autoscaling.predictive.ids"))::next);
    wiring.groupIndex(registry::contains);
    wiring.warmPoolInstances(
        new WarmPoolInstances() {
          @Override
          public boolean inWarmPool(String instanceId, @Nullable String groupName) {
            GroupRuntime g = groupName == null ? null : groups.get(groupName);
            return g != null && g.warmPool.pool.containsKey(instanceId);
          }

          @Override
          public boolean anyInWarmPool(@Nullable String groupName) {
            GroupRuntime g = groupName == null ? null : groups.get(groupName);
            return g != null && !g.warmPool.pool.isEmpty();
          }
        });
    trafficSources.setTargetGroupResolver(name -> wiring.targetGroups().apply(name));
    trafficSources.setLoadBalancerResolver(name -> wiring.loadBalancers().apply(name));
    wiring.managedScalingPolicies(new EcsManagedScaling(policies, groupCommands));
    cloudWatch.addAlarmListener(
        (alarm, from, to, reason) -> {
          if (to != AlarmState.ALARM) return;
          for (GroupRuntime g : List.copyOf(groups.values())) {
            RefreshRun r = g.refresh.active;
            if (r != null && r.prefs.alarms().contains(alarm.alarmName())) g.reconcile();
          }
        });
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

  /** {@return every group's runtime, in creation order (the live collection)} */
  Collection<GroupRuntime> groups() {
    return groups.values();
  }
}
