package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance and process API of one Auto Scaling service: SetInstanceProtection,
 * SetInstanceHealth, EnterStandby, ExitStandby, TerminateInstanceInAutoScalingGroup,
 * SuspendProcesses and ResumeProcesses, each validated before anything changes.
 */
final class InstanceCommands {

  private final Kernel kernel;
  private final GroupRegistry registry;

  InstanceCommands(Kernel kernel, GroupRegistry registry) {
    this.kernel = kernel;
    this.registry = registry;
  }

  void setInstanceProtection(
      String groupName, boolean protectedFromScaleIn, String... instanceIds) {
    Require.notNull("InstanceIds", instanceIds);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<Member> ms = new ArrayList<>();
          for (String id : instanceIds) ms.add(GroupRegistry.memberOf(g, id));
          for (Member m : ms) {
            m.protectedFromScaleIn = protectedFromScaleIn;
            g.record(
                new AutoScalingFact.InstanceProtectionChanged(
                    g.name, m.instanceId, protectedFromScaleIn));
          }
          g.reconcile();
        });
  }

  void setInstanceHealth(String instanceId, HealthStatus health, boolean shouldRespectGracePeriod) {
    Require.notNull("HealthStatus", health);
    kernel.run(
        () -> {
          GroupRuntime g = registry.groupOf(instanceId);
          Member m = GroupRegistry.memberOf(g, instanceId);
          if (health == HealthStatus.HEALTHY) {
            if (!m.terminationStarted) m.health = HealthStatus.HEALTHY;
            return;
          }
          if (shouldRespectGracePeriod
              && m.inServiceAt != null
              && m.inServiceAt
                  .plus(g.spec.healthCheckGracePeriod())
                  .isAfter(kernel.clock().now())) {
            return;
          }
          g.markUnhealthy(
              m, "an instance was taken out of service in response to a user health-check", false);
        });
  }

  void enterStandby(
      String groupName, boolean shouldDecrementDesiredCapacity, String... instanceIds) {
    Require.notNull("InstanceIds", instanceIds);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<Member> ms = new ArrayList<>();
          for (String id : instanceIds) {
            Member m = GroupRegistry.memberOf(g, id);
            if (ms.contains(m))
              throw new ValidationException("InstanceIds", id, "each instance at most once");
            if (m.state != LifecycleState.IN_SERVICE || m.terminationStarted) {
              throw new ValidationException(
                  "InstanceIds", id, "an InService instance (it is " + m.state + ")");
            }
            ms.add(m);
          }
          if (shouldDecrementDesiredCapacity
              && g.spec.desiredCapacity() - ms.size() < g.spec.minSize()) {
            throw new ValidationException(
                "ShouldDecrementDesiredCapacity",
                true,
                "a desired capacity that stays at least MinSize "
                    + g.spec.minSize()
                    + " (it would be "
                    + (g.spec.desiredCapacity() - ms.size())
                    + ")");
          }
          for (Member m : ms) g.enterStandby(m, shouldDecrementDesiredCapacity);
        });
  }

  void exitStandby(String groupName, String... instanceIds) {
    Require.notNull("InstanceIds", instanceIds);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<Member> ms = new ArrayList<>();
          int increments = 0;
          for (String id : instanceIds) {
            Member m = GroupRegistry.memberOf(g, id);
            if (ms.contains(m))
              throw new ValidationException("InstanceIds", id, "each instance at most once");
            if (m.state != LifecycleState.STANDBY) {
              throw new ValidationException(
                  "InstanceIds", id, "an instance in Standby (it is " + m.state + ")");
            }
            if (m.standbyDecremented) increments++;
            ms.add(m);
          }
          if (g.spec.desiredCapacity() + increments > g.spec.maxSize()) {
            throw new ValidationException(
                "InstanceIds",
                List.of(instanceIds),
                "instances whose return keeps desired capacity at most MaxSize "
                    + g.spec.maxSize());
          }
          for (Member m : ms) g.exitStandby(m);
        });
  }

  void terminateInstanceInAutoScalingGroup(
      String instanceId, boolean shouldDecrementDesiredCapacity) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.groupOf(instanceId);
          Member m = GroupRegistry.memberOf(g, instanceId);
          if (m.terminationStarted) {
            throw new ValidationException(
                "InstanceId", instanceId, "an instance that is not already terminating");
          }
          int old = g.spec.desiredCapacity();
          int less = old - m.weight; // with weights, desired drops by the instance's units
          if (shouldDecrementDesiredCapacity && less < g.spec.minSize()) {
            throw new ValidationException(
                "ShouldDecrementDesiredCapacity",
                true,
                "a desired capacity that stays at least MinSize "
                    + g.spec.minSize()
                    + " (it would be "
                    + less
                    + ")");
          }
          if (shouldDecrementDesiredCapacity) {
            g.spec = GroupRuntime.withCapacity(g.spec, g.spec.minSize(), g.spec.maxSize(), less);
          }
          g.startTermination(
              m,
              g.at()
                  + "instance "
                  + instanceId
                  + " was taken out of service in response to a user request"
                  + (shouldDecrementDesiredCapacity
                      ? ", shrinking the capacity from " + old + " to " + less
                      : "")
                  + ".",
              false);
          g.reconcile();
        });
  }

  void suspendProcesses(String groupName, ScalingProcess... processes) {
    List<ScalingProcess> ps = processesOrAll(processes);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          String reason =
              "User suspended at " + kernel.clock().now().truncatedTo(ChronoUnit.SECONDS);
          for (ScalingProcess p : ps) {
            if (g.suspended.add(p)) g.suspensionReasons.put(p, reason);
          }
          g.record(new AutoScalingFact.ProcessesSuspended(g.name, List.copyOf(ps)));
        });
  }

  void resumeProcesses(String groupName, ScalingProcess... processes) {
    List<ScalingProcess> ps = processesOrAll(processes);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          ps.forEach(g.suspended::remove);
          ps.forEach(g.suspensionReasons::remove);
          g.record(new AutoScalingFact.ProcessesResumed(g.name, List.copyOf(ps)));
          g.reconcile();
        });
  }

  /** {@return the processes named (none null), or every process when none is named} */
  private static List<ScalingProcess> processesOrAll(ScalingProcess... processes) {
    Require.notNull("ScalingProcesses", processes);
    for (ScalingProcess p : processes) Require.notNull("ScalingProcesses", p);
    return processes.length == 0 ? List.of(ScalingProcess.values()) : List.of(processes);
  }
}
