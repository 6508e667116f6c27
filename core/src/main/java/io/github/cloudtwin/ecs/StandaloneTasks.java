package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tasks outside services: {@code RunTask} (placed now, randomly by default, or on Fargate), {@code
 * StartTask} (on the container instances the caller names) with AWS's failure reasons, and {@code
 * StopTask}.
 */
final class StandaloneTasks {

  private final Kernel kernel;
  private final ClusterRegistry clusters;
  private final TaskDefinitions taskDefinitions;
  private final ContainerInstances containerInstances;
  private final TaskRegistry tasks;
  private final Placement placement;
  private final TaskLifecycle lifecycle;

  StandaloneTasks(
      Kernel kernel,
      ClusterRegistry clusters,
      TaskDefinitions taskDefinitions,
      ContainerInstances containerInstances,
      TaskRegistry tasks,
      Placement placement,
      TaskLifecycle lifecycle) {
    this.kernel = kernel;
    this.clusters = clusters;
    this.taskDefinitions = taskDefinitions;
    this.containerInstances = containerInstances;
    this.tasks = tasks;
    this.placement = placement;
    this.lifecycle = lifecycle;
  }

  /** Runs standalone tasks; see {@link Ecs#runTask}. */
  RunTaskResult runTask(String cluster, String taskDefinition, int count, LaunchType launchType) {
    Cluster c = clusters.active(cluster);
    TaskDefinition td = taskDefinitions.resolve(taskDefinition);
    Require.between("count", count, 1, 10);
    Require.notNull("launchType", launchType);
    return kernel.call(
        () -> {
          if (!td.spec().requiresCompatibilities().contains(launchType)) {
            throw new ValidationException(
                "launchType",
                launchType,
                "a launch type the task definition is compatible with "
                    + td.spec().requiresCompatibilities());
          }
          List<Task> started = new ArrayList<>();
          List<String> failures = new ArrayList<>();
          List<Task> group;
          synchronized (c.standaloneTasks) {
            group = new ArrayList<>(c.standaloneTasks);
          }
          for (int n = 0; n < count; n++) {
            if (launchType == LaunchType.FARGATE) {
              if (!lifecycle.hasFargateZone()) {
                failures.add("AvailabilityZone");
                continue;
              }
              Task t = tasks.create(c, td, "family:" + td.family(), launchType, null, null, null);
              lifecycle.launchFargate(t, group);
              synchronized (c.standaloneTasks) {
                c.standaloneTasks.add(t);
              }
              group.add(t);
              started.add(t);
              continue;
            }
            Placement.Choice choice =
                placement.choose(
                    c.containerInstances.values(),
                    td,
                    List.of(PlacementStrategy.random()),
                    List.of(),
                    group);
            if (choice.instance() == null) {
              failures.add(
                  failureReason(
                      Objects.requireNonNull(choice.failure(), "no instance: a failure says why")));
              continue;
            }
            Task t = tasks.create(c, td, "family:" + td.family(), launchType, null, null, null);
            synchronized (c.standaloneTasks) {
              c.standaloneTasks.add(t);
            }
            lifecycle.launchOn(t, choice.instance());
            group.add(t);
            started.add(t);
          }
          return new RunTaskResult(started, failures);
        });
  }

  /** Starts one task on each named container instance; see {@link Ecs#startTask}. */
  StartTaskResult startTask(
      String cluster, String taskDefinition, List<String> containerInstanceIds, String group) {
    Cluster c = clusters.active(cluster);
    TaskDefinition td = taskDefinitions.resolve(taskDefinition);
    Require.notNull("containerInstances", containerInstanceIds);
    Require.between("containerInstances", containerInstanceIds.size(), 1, 10);
    List<ContainerInstance> targets = new ArrayList<>();
    for (String id : containerInstanceIds)
      targets.add(containerInstances.containerInstance(c.clusterName(), id));
    return kernel.call(
        () -> {
          if (!td.spec().requiresCompatibilities().contains(LaunchType.EC2)) {
            throw new ValidationException(
                "taskDefinition",
                td.familyRevision(),
                "a task definition compatible with EC2 "
                    + "(it requires "
                    + td.spec().requiresCompatibilities()
                    + ")");
          }
          List<Task> started = new ArrayList<>();
          Map<String, String> failures = new LinkedHashMap<>();
          String taskGroup = group == null ? "family:" + td.family() : group;
          for (ContainerInstance ci : targets) {
            String reason = null;
            if (ci.status() == ContainerInstanceStatus.INACTIVE) {
              reason = "INACTIVE";
            } else if (!ci.agentConnected()
                || ci.instance().state() != InstanceState.RUNNING
                || !ci.instance().isReachable()) {
              reason = "AGENT";
            } else {
              String misfit = Placement.misfit(ci, td);
              if (misfit != null) reason = failureReason(misfit);
            }
            if (reason != null) {
              failures.put(ci.containerInstanceArn(), reason);
              continue;
            }
            Task t = tasks.create(c, td, taskGroup, LaunchType.EC2, null, null, null);
            synchronized (c.standaloneTasks) {
              c.standaloneTasks.add(t);
            }
            lifecycle.launchOn(t, ci);
            started.add(t);
          }
          return new StartTaskResult(started, failures);
        });
  }

  /** {@return RunTask's failure reason for a placement failure} */
  static String failureReason(String placementFailure) {
    if (placementFailure.contains("CPU")) return "RESOURCE:CPU";
    if (placementFailure.contains("memory")) return "RESOURCE:MEMORY";
    if (placementFailure.contains("port")) return "RESOURCE:PORTS";
    if (placementFailure.contains("network interfaces")) return "RESOURCE:ENI";
    return "MISSING";
  }

  /** Stops a task of the cluster; see {@link Ecs#stopTask}. */
  void stopTask(String cluster, String taskId, String reason) {
    Cluster c = clusters.active(cluster);
    Task t = tasks.task(taskId);
    if (!t.clusterName().equals(c.clusterName())) {
      throw new ValidationException(
          "task",
          taskId,
          "a task of cluster " + c.clusterName() + " (it runs in " + t.clusterName() + ")",
          "The referenced task was not found.");
    }
    kernel.run(
        () -> {
          if (t.desiredStatus() == TaskStatus.STOPPED) return;
          lifecycle.stop(
              t, StopCode.UserInitiated, reason == null ? "Task stopped by user" : reason);
        });
  }
}
