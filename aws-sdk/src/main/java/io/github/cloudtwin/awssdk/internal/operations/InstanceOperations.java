package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.HealthStatus;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingProcess;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Auto Scaling's operations on a group's instances and processes: standby, health, scale-in
 * protection, termination, and suspending or resuming processes.
 */
final class InstanceOperations {

  private final AutoScaling autoScaling;
  private final GroupLookup groups;
  private final ScalingActivities activities;

  InstanceOperations(AutoScaling autoScaling, GroupLookup groups, ScalingActivities activities) {
    this.autoScaling = autoScaling;
    this.groups = groups;
    this.activities = activities;
  }

  List<ScalingActivity> enterStandby(
      String groupName, @Nullable List<String> instanceIds, @Nullable Boolean decrement) {
    groups.group(groupName);
    boolean d = required("shouldDecrementDesiredCapacity", decrement);
    autoScaling.enterStandby(groupName, d, ids(instanceIds));
    return activities.startedNow(groupName, instanceIds);
  }

  List<ScalingActivity> exitStandby(String groupName, @Nullable List<String> instanceIds) {
    groups.group(groupName);
    autoScaling.exitStandby(groupName, ids(instanceIds));
    return activities.startedNow(groupName, instanceIds);
  }

  void setInstanceHealth(String instanceId, String healthStatus, Boolean shouldRespectGracePeriod) {
    required("instanceId", instanceId);
    HealthStatus h =
        switch (required("healthStatus", healthStatus)) {
          case "Healthy" -> HealthStatus.HEALTHY;
          case "Unhealthy" -> HealthStatus.UNHEALTHY;
          default ->
              throw AwsErrorException.badRequest(
                  "ValidationError",
                  "Invalid health status " + healthStatus + ": use Healthy or Unhealthy");
        };
    autoScaling.setInstanceHealth(
        instanceId, h, shouldRespectGracePeriod == null || shouldRespectGracePeriod);
  }

  void setInstanceProtection(
      String groupName, @Nullable List<String> instanceIds, Boolean protectedFromScaleIn) {
    groups.group(groupName);
    required("protectedFromScaleIn", protectedFromScaleIn);
    autoScaling.setInstanceProtection(groupName, protectedFromScaleIn, ids(instanceIds));
  }

  @Nullable ScalingActivity terminateInstanceInAutoScalingGroup(
      String instanceId, Boolean decrement) {
    required("instanceId", instanceId);
    required("shouldDecrementDesiredCapacity", decrement);
    @Nullable String groupName = null;
    for (AutoScalingGroup g : autoScaling.groups()) {
      for (AutoScalingInstance i : g.instances())
        if (i.instanceId().equals(instanceId)) groupName = g.name();
    }
    autoScaling.terminateInstanceInAutoScalingGroup(instanceId, decrement);
    List<ScalingActivity> started = activities.startedNow(groupName, List.of(instanceId));
    return started.isEmpty() ? null : started.get(0);
  }

  void suspendProcesses(String groupName, @Nullable List<String> processes) {
    groups.group(groupName);
    autoScaling.suspendProcesses(groupName, processes(processes));
  }

  void resumeProcesses(String groupName, @Nullable List<String> processes) {
    groups.group(groupName);
    autoScaling.resumeProcesses(groupName, processes(processes));
  }

  private static ScalingProcess[] processes(@Nullable List<String> names) {
    if (names == null) return new ScalingProcess[0];
    List<ScalingProcess> out = new ArrayList<>();
    for (String n : names) {
      try {
        out.add(ScalingProcess.valueOf(n));
      } catch (IllegalArgumentException e) {
        throw AwsErrorException.badRequest(
            "ValidationError", "Process '" + n + "' is not a valid process name.");
      }
    }
    return out.toArray(ScalingProcess[]::new);
  }

  private static String[] ids(@Nullable List<String> instanceIds) {
    if (instanceIds == null || instanceIds.isEmpty()) {
      throw AwsErrorException.badRequest(
          "ValidationError", "InstanceIds must contain at least one instance id.");
    }
    return instanceIds.toArray(String[]::new);
  }
}
