package io.github.cloudtwin.ecs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The service event messages of the ECS service scheduler, in the form {@code DescribeServices}
 * returns them ({@code events[].message}): every message starts with {@code (service <name>)},
 * resources are named in parentheses ({@code (task …)}, {@code (deployment …)}, {@code
 * (target-group arn…)}). The console prints some of them without the parentheses; the API keeps
 * them. One method per form; docs/fidelity.md lists each with its source.
 */
final class ServiceEventMessages {

  /** AWS's pointer at the end of a placement failure. */
  static final String TROUBLESHOOTING =
      "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

  private ServiceEventMessages() {}

  private static String service(String service) {
    return "(service " + service + ")";
  }

  static String steadyState(String service) {
    return service(service) + " has reached a steady state.";
  }

  static String deploymentCompleted(String service, String deploymentId) {
    return service(service) + " (deployment " + deploymentId + ") deployment completed.";
  }

  /** {@code why}: {@code tasks failed to start} or {@code health checks failed}. */
  static String deploymentFailed(String service, String deploymentId, String why) {
    return service(service) + " (deployment " + deploymentId + ") deployment failed: " + why + ".";
  }

  static String rollingBack(String service, String toDeploymentId) {
    return service(service) + " rolling back to deployment " + toDeploymentId + ".";
  }

  static String startedTasks(String service, List<String> taskIds) {
    return service(service) + " has started " + taskIds.size() + " tasks: " + tasks(taskIds) + ".";
  }

  static String stoppedRunningTasks(String service, List<String> taskIds) {
    return service(service)
        + " has stopped "
        + taskIds.size()
        + " running tasks: "
        + tasks(taskIds)
        + ".";
  }

  static String registeredTargets(String service, int count, String targetGroupArn) {
    return service(service)
        + " registered "
        + count
        + " targets in (target-group "
        + targetGroupArn
        + ")";
  }

  static String deregisteredTargets(String service, int count, String targetGroupArn) {
    return service(service)
        + " deregistered "
        + count
        + " targets in (target-group "
        + targetGroupArn
        + ")";
  }

  /**
   * {@code (service web) (task t) (port 80) is unhealthy in (target-group arn…) due to (reason
   * Health checks failed)}; tasks on an instance name it too: {@code (instance i-…)} before the
   * port.
   */
  static String unhealthyInTargetGroup(
      String service,
      String taskId,
      @Nullable String instanceId,
      int port,
      String targetGroupArn,
      String reason) {
    return service(service)
        + " (task "
        + taskId
        + ")"
        + (instanceId == null ? "" : " (instance " + instanceId + ")")
        + " (port "
        + port
        + ") is unhealthy in (target-group "
        + targetGroupArn
        + ") due to (reason "
        + reason
        + ")";
  }

  static String failedContainerHealthChecks(String service, String taskId) {
    return service(service) + " (task " + taskId + ") failed container health checks.";
  }

  /**
   * {@code reason}: {@code The closest matching (container-instance …) has insufficient CPU units
   * available.} or {@code Reason: No Container Instances were found in your cluster.}
   */
  static String unableToPlace(String service, String reason) {
    return service(service)
        + " was unable to place a task because no container instance met all of its requirements. "
        + reason
        + " "
        + TROUBLESHOOTING;
  }

  static String deploymentConfigurationStall(String service) {
    return service(service)
        + " was unable to stop or start tasks during a deployment because of the service deployment"
        + " configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
  }

  static String unableToConsistentlyStart(String service) {
    return service(service) + " is unable to consistently start tasks successfully.";
  }

  private static String tasks(List<String> taskIds) {
    StringBuilder sb = new StringBuilder();
    for (String id : taskIds) {
      if (sb.length() > 0) sb.append(' ');
      sb.append("(task ").append(id).append(')');
    }
    return sb.toString();
  }
}
