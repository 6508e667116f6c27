package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Creating and updating groups for one Auto Scaling service: CreateAutoScalingGroup,
 * UpdateAutoScalingGroup (sizes, mixed instances settings, launch template) and SetDesiredCapacity,
 * each validated before anything changes.
 */
final class GroupCommands {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final GroupRegistry registry;
  private final TrafficSourceCommands trafficSources;
  private final Uuids ids;
  private final ActivityListeners listeners;
  private final Consumer<PolicyRuntime> deleteOwnedAlarms;

  GroupCommands(
      Kernel kernel,
      Ec2 ec2,
      GroupRegistry registry,
      TrafficSourceCommands trafficSources,
      Uuids ids,
      ActivityListeners listeners,
      Consumer<PolicyRuntime> deleteOwnedAlarms) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.registry = registry;
    this.trafficSources = trafficSources;
    this.ids = ids;
    this.listeners = listeners;
    this.deleteOwnedAlarms = deleteOwnedAlarms;
  }

  /**
   * Deletes a group, as {@code DeleteAutoScalingGroup}: its policies (with the alarms they own) and
   * instances go with it; without {@code forceDelete} it must have no instances.
   */
  void deleteAutoScalingGroup(String name, boolean forceDelete) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(name);
          int instances = g.members.size() + g.warmPool.pool.size();
          if (!forceDelete && instances > 0) {
            throw new ValidationException(
                "ForceDelete",
                false,
                "true while the group still has instances (" + instances + ")",
                "You cannot delete an AutoScalingGroup while there are instances or pending Spot"
                    + " instance request(s) still in the group.");
          }
          for (PolicyRuntime p : List.copyOf(g.policies.values())) deleteOwnedAlarms.accept(p);
          g.policies.clear();
          long id =
              g.record(new AutoScalingFact.GroupDeleted(g.name, forceDelete, g.members.size()));
          kernel.runWithCause(id, g::delete);
          registry.remove(name);
        });
  }

  AutoScalingGroup createAutoScalingGroup(AutoScalingGroupSpec given) {
    Require.notNull("spec", given);
    return kernel.call(
        () -> {
          AutoScalingGroupSpec spec =
              Launch.check(
                  ec2,
                  given,
                  "LaunchTemplate.Version",
                  given.launchTemplateName(),
                  given.launchTemplateVersion());
          if (registry.contains(spec.autoScalingGroupName())) {
            throw new ValidationException(
                "AutoScalingGroupName",
                spec.autoScalingGroupName(),
                "a name not in use (AlreadyExists: AutoScalingGroup by this name already exists)");
          }
          for (String z : spec.availabilityZones()) ec2.zone(z);
          List<LoadBalancerTargets> tgs =
              trafficSources.resolveTargetGroups(spec.targetGroupNames());
          GroupRuntime g = new GroupRuntime(kernel, ec2, spec, tgs, ids, listeners);
          registry.add(g);
          long id =
              g.record(
                  new AutoScalingFact.GroupCreated(
                      g.name,
                      spec.minSize(),
                      spec.maxSize(),
                      spec.desiredCapacity(),
                      spec.availabilityZones()));
          kernel.runWithCause(
              id,
              () -> {
                for (LifecycleHookSpec h : spec.lifecycleHookSpecifications()) g.hooks.putHook(h);
                g.start();
              });
          return new AutoScalingGroup(kernel, g);
        });
  }

  void updateAutoScalingGroup(
      String name,
      @Nullable Integer minSize,
      @Nullable Integer maxSize,
      @Nullable Integer desiredCapacity) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(name);
          int min = minSize == null ? g.spec.minSize() : minSize;
          int max = maxSize == null ? g.spec.maxSize() : maxSize;
          int desired =
              desiredCapacity == null
                  ? Math.min(max, Math.max(min, g.spec.desiredCapacity()))
                  : desiredCapacity;
          GroupSpecValidation.checkCapacity(min, max, desired);
          g.setLimits(
              min,
              max,
              desired,
              "a user request update of AutoScalingGroup constraints to min: "
                  + min
                  + ", max: "
                  + max
                  + ", desired: "
                  + desired);
        });
  }

  void updateAutoScalingGroupSettings(
      String name,
      @Nullable MixedInstancesPolicy mixedInstancesPolicy,
      @Nullable Boolean capacityRebalance,
      @Nullable Duration maxInstanceLifetime) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(name);
          AutoScalingGroupSpec.Builder b = g.spec.toBuilder();
          List<String> changed = new ArrayList<>();
          if (mixedInstancesPolicy != null) {
            if (g.warmPool.spec != null) {
              throw new ValidationException(
                  "MixedInstancesPolicy",
                  mixedInstancesPolicy,
                  "none on a group with a warm pool (warm pools do not support mixed instances"
                      + " policies; delete the warm pool first)");
            }
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
          long id =
              g.record(new AutoScalingFact.GroupSettingsUpdated(g.name, List.copyOf(changed)));
          kernel.runWithCause(id, g::reconcile);
        });
  }

  void updateLaunchTemplate(String name, String launchTemplateName, String launchTemplateVersion) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(name);
          AutoScalingGroupSpec next =
              Launch.check(
                  ec2,
                  g.spec.toBuilder()
                      .launchTemplate(launchTemplateName, launchTemplateVersion)
                      .build(),
                  "LaunchTemplate.Version",
                  launchTemplateName,
                  launchTemplateVersion);
          g.spec = next;
          g.record(
              new AutoScalingFact.LaunchTemplateUpdated(
                  g.name, launchTemplateName, launchTemplateVersion));
        });
  }

  /** SetDesiredCapacity as a user request, with the cause AWS records for one. */
  void setDesiredCapacity(String name, int desiredCapacity, boolean honorCooldown) {
    setDesiredCapacity(
        name,
        desiredCapacity,
        honorCooldown,
        "a user request explicitly set group desired capacity");
  }

  /** SetDesiredCapacity with {@code clause} as the cause AWS records. */
  void setDesiredCapacity(String name, int desiredCapacity, boolean honorCooldown, String clause) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(name);
          if (desiredCapacity > g.spec.maxSize()) {
            throw new ValidationException(
                "DesiredCapacity",
                desiredCapacity,
                "at most MaxSize " + g.spec.maxSize(),
                "New SetDesiredCapacity value "
                    + desiredCapacity
                    + " is above max value "
                    + g.spec.maxSize()
                    + " for the AutoScalingGroup.");
          }
          if (desiredCapacity < g.spec.minSize()) {
            throw new ValidationException(
                "DesiredCapacity",
                desiredCapacity,
                "at least MinSize " + g.spec.minSize(),
                "New SetDesiredCapacity value "
                    + desiredCapacity
                    + " is below min value "
                    + g.spec.minSize()
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
}
