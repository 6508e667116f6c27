package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle hook API of one Auto Scaling service: PutLifecycleHook, DeleteLifecycleHook,
 * CompleteLifecycleAction and RecordLifecycleActionHeartbeat, and the hooks of a group.
 */
final class LifecycleHookCommands {

  private final Kernel kernel;
  private final GroupRegistry registry;

  LifecycleHookCommands(Kernel kernel, GroupRegistry registry) {
    this.kernel = kernel;
    this.registry = registry;
  }

  List<LifecycleHookSpec> lifecycleHooks(String groupName) {
    return kernel.call(() -> List.copyOf(registry.runtime(groupName).hooks.byName.values()));
  }

  void putLifecycleHook(LifecycleHookSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(
        () -> {
          registry.runtime(spec.autoScalingGroupName()).hooks.putHook(spec);
        });
  }

  void deleteLifecycleHook(String groupName, String hookName) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          LifecycleHookSpec h = g.hooks.byName.get(Require.name("LifecycleHookName", hookName));
          if (h == null) {
            throw new ValidationException(
                "LifecycleHookName",
                hookName,
                "the name of a hook of group " + groupName + " " + g.hooks.byName.keySet());
          }
          g.hooks.byName.remove(hookName);
          g.record(new AutoScalingFact.LifecycleHookDeleted(g.name, hookName));
          List<Member> all = new java.util.ArrayList<>(g.members.values());
          all.addAll(g.warmPool.pool.values());
          for (Member m : all) {
            if (m.waitingHooks.containsKey(hookName))
              g.hooks.completeHook(m, hookName, h.defaultResult());
          }
        });
  }

  void recordLifecycleActionHeartbeat(String groupName, String hookName, String instanceId) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          Member m = waiting(g, hookName, instanceId);
          g.hooks.heartbeat(
              m,
              Objects.requireNonNull(
                  g.hooks.byName.get(hookName), "deleting a hook ends the waits on it"));
        });
  }

  void completeLifecycleAction(
      String groupName, String hookName, String instanceId, LifecycleActionResult result) {
    Require.notNull("LifecycleActionResult", result);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          Member m = waiting(g, hookName, instanceId);
          g.record(
              new AutoScalingFact.LifecycleActionCompleted(
                  g.name, hookName, instanceId, result, false));
          g.hooks.completeHook(m, hookName, result);
        });
  }

  /**
   * The member {@code instanceId} of {@code g} waiting on {@code hookName}, or a
   * ValidationException.
   */
  private static Member waiting(GroupRuntime g, String hookName, String instanceId) {
    Member pooled = g.warmPool.pool.get(instanceId);
    Member m = pooled != null ? pooled : GroupRegistry.memberOf(g, instanceId);
    if (!m.waitingHooks.containsKey(hookName)) {
      throw new ValidationException(
          "LifecycleHookName",
          hookName,
          "a hook instance "
              + instanceId
              + " waits for "
              + m.waitingHooks.keySet()
              + " (No active Lifecycle Action found)");
    }
    return m;
  }
}
