package io.github.cloudtwin.facts;

import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerInstanceStatus;
import io.github.cloudtwin.ecs.HealthStatus;
import io.github.cloudtwin.ecs.StopCode;
import io.github.cloudtwin.ecs.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What ECS records: clusters, capacity providers and managed scaling, container instances, task
 * definitions, services and deployments, tasks from placement to STOPPED.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface EcsFact extends Fact {

  /**
   * An ECS cluster was created.
   *
   * @param clusterName the cluster name
   */
  record ClusterCreated(String clusterName) implements EcsFact {
    @Override
    public String resource() {
      return "cluster/" + clusterName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "cluster " + clusterName + " created";
    }
  }

  /**
   * A cluster's capacity providers and default strategy were set.
   *
   * @param clusterName the cluster name
   * @param capacityProviders the capacity providers
   * @param defaultStrategy the default strategy
   */
  record ClusterCapacityProvidersSet(
      String clusterName,
      List<String> capacityProviders,
      List<CapacityProviderStrategyItem> defaultStrategy)
      implements EcsFact {
    @Override
    public String resource() {
      return "cluster/" + clusterName;
    }

    @Override
    public String kind() {
      return "capacity-providers";
    }

    @Override
    public String message() {
      return "capacity providers " + capacityProviders + ", default strategy " + defaultStrategy;
    }
  }

  /**
   * A capacity provider was created for an Auto Scaling group.
   *
   * @param capacityProviderName the capacity provider name
   * @param groupName the Auto Scaling group name
   */
  record CapacityProviderCreated(String capacityProviderName, String groupName) implements EcsFact {
    @Override
    public String resource() {
      return "capacity-provider/" + capacityProviderName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "capacity provider " + capacityProviderName + " created for group " + groupName;
    }
  }

  /**
   * A capacity provider's managed scaling was updated ({@code UpdateCapacityProvider}).
   *
   * @param capacityProviderName the capacity provider name
   * @param managedScaling whether managed scaling is now on
   * @param targetCapacity the target capacity, in percent
   */
  record CapacityProviderUpdated(
      String capacityProviderName, boolean managedScaling, int targetCapacity) implements EcsFact {
    @Override
    public String resource() {
      return "capacity-provider/" + capacityProviderName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "capacity provider "
          + capacityProviderName
          + " updated: managed scaling "
          + (managedScaling ? "ENABLED, target capacity " + targetCapacity : "DISABLED");
    }
  }

  /**
   * A capacity provider was deleted ({@code DeleteCapacityProvider}).
   *
   * @param capacityProviderName the capacity provider name
   */
  record CapacityProviderDeleted(String capacityProviderName) implements EcsFact {
    @Override
    public String resource() {
      return "capacity-provider/" + capacityProviderName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "capacity provider " + capacityProviderName + " deleted";
    }
  }

  /**
   * ECS managed scaling changed its group's desired capacity: CapacityProviderReservation above
   * target for 1 minute (scale out) or below it for 15 (scale in).
   *
   * @param capacityProviderName the capacity provider name
   * @param scaleOut whether it scales out
   * @param reservation the CapacityProviderReservation, in percent
   * @param targetCapacity the target capacity, in percent
   * @param from the desired capacity before
   * @param to the desired capacity after
   * @param instancesNeeded M: the instances the tasks need
   * @param instancesRunning N: the instances running
   */
  record ManagedScalingTriggered(
      String capacityProviderName,
      boolean scaleOut,
      double reservation,
      int targetCapacity,
      int from,
      int to,
      int instancesNeeded,
      int instancesRunning)
      implements EcsFact {
    @Override
    public String resource() {
      return "capacity-provider/" + capacityProviderName;
    }

    @Override
    public String kind() {
      return scaleOut ? "scale-out" : "scale-in";
    }

    @Override
    public String message() {
      return "CapacityProviderReservation "
          + percent(reservation)
          + (scaleOut ? " > " : " < ")
          + targetCapacity
          + (scaleOut ? " (1 of 1)" : " (15 of 15)")
          + ": desired capacity "
          + from
          + " -> "
          + to;
    }

    @Override
    public Map<String, String> details() {
      return Details.of(
          "M", Integer.toString(instancesNeeded), "N", Integer.toString(instancesRunning));
    }

    private static String percent(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
  }

  /**
   * An EC2 instance registered with a cluster as a container instance.
   *
   * @param containerInstanceId the container instance id
   * @param clusterName the cluster name
   * @param ec2InstanceId the EC2 instance id
   * @param instanceType its instance type
   * @param availabilityZone its zone
   * @param cpu registered CPU units
   * @param memory registered memory, MiB
   */
  record ContainerInstanceRegistered(
      String containerInstanceId,
      String clusterName,
      String ec2InstanceId,
      String instanceType,
      String availabilityZone,
      int cpu,
      int memory)
      implements EcsFact {
    @Override
    public String resource() {
      return "container-instance/" + containerInstanceId;
    }

    @Override
    public String kind() {
      return "register";
    }

    @Override
    public String message() {
      return "registered "
          + ec2InstanceId
          + " ("
          + instanceType
          + ", "
          + availabilityZone
          + ") with cluster "
          + clusterName
          + ": "
          + cpu
          + " CPU units, "
          + memory
          + " MiB";
    }

    @Override
    public Map<String, String> details() {
      return Details.of("cluster", clusterName, "ec2InstanceId", ec2InstanceId);
    }
  }

  /**
   * A container instance's status changed (to INACTIVE when it deregisters).
   *
   * @param containerInstanceId the container instance id
   * @param from the status before
   * @param to the status after
   */
  record ContainerInstanceStatusChanged(
      String containerInstanceId, ContainerInstanceStatus from, ContainerInstanceStatus to)
      implements EcsFact {
    @Override
    public String resource() {
      return "container-instance/" + containerInstanceId;
    }

    @Override
    public String kind() {
      return to == ContainerInstanceStatus.INACTIVE ? "deregister" : "state";
    }

    @Override
    public String message() {
      return from + " -> " + to;
    }
  }

  /**
   * A container instance's agent connected or disconnected.
   *
   * @param containerInstanceId the container instance id
   * @param connected whether it is connected
   */
  record ContainerAgentChanged(String containerInstanceId, boolean connected) implements EcsFact {
    @Override
    public String resource() {
      return "container-instance/" + containerInstanceId;
    }

    @Override
    public String kind() {
      return "agent";
    }

    @Override
    public String message() {
      return connected ? "agent connected" : "agent disconnected";
    }
  }

  /**
   * A task definition revision was registered.
   *
   * @param familyRevision family:revision
   */
  record TaskDefinitionRegistered(String familyRevision) implements EcsFact {
    @Override
    public String resource() {
      return "task-definition/" + familyRevision;
    }

    @Override
    public String kind() {
      return "register";
    }

    @Override
    public String message() {
      return "registered " + familyRevision;
    }
  }

  /**
   * A task definition revision was deregistered.
   *
   * @param familyRevision family:revision
   */
  record TaskDefinitionDeregistered(String familyRevision) implements EcsFact {
    @Override
    public String resource() {
      return "task-definition/" + familyRevision;
    }

    @Override
    public String kind() {
      return "deregister";
    }

    @Override
    public String message() {
      return "deregistered " + familyRevision;
    }
  }

  /**
   * An ECS service was created.
   *
   * @param serviceName the ECS service name
   * @param taskDefinition its task definition, family:revision
   * @param desiredCount its desired count
   */
  record ServiceCreated(String serviceName, String taskDefinition, int desiredCount)
      implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "service " + serviceName + " created: " + taskDefinition + ", desired " + desiredCount;
    }
  }

  /**
   * An ECS service was updated to a task definition (a new deployment follows).
   *
   * @param serviceName the ECS service name
   * @param taskDefinition its task definition, family:revision
   */
  record ServiceUpdated(String serviceName, String taskDefinition) implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "service " + serviceName + " updated: " + taskDefinition;
    }
  }

  /**
   * An ECS service's desired count changed.
   *
   * @param serviceName the ECS service name
   * @param from the desired count before
   * @param to the desired count after
   * @param cause who changed it, in words
   */
  record ServiceDesiredCountChanged(String serviceName, int from, int to, String cause)
      implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "desired-count";
    }

    @Override
    public String message() {
      return cause;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("desiredCount", Integer.toString(to));
    }
  }

  /**
   * An ECS service's status changed (deleting it: ACTIVE, DRAINING, INACTIVE).
   *
   * @param serviceName the ECS service name
   * @param from the status before
   * @param to the status after
   */
  record ServiceStatusChanged(String serviceName, String from, String to) implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return from + " -> " + to;
    }
  }

  /**
   * A deployment of an ECS service started.
   *
   * @param serviceName the ECS service name
   * @param deploymentId the deployment id
   * @param taskDefinition its task definition, family:revision
   * @param desiredCount the service's desired count
   */
  record DeploymentStarted(
      String serviceName, String deploymentId, String taskDefinition, int desiredCount)
      implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "deployment";
    }

    @Override
    public String message() {
      return "deployment "
          + deploymentId
          + " started: "
          + taskDefinition
          + ", desired "
          + desiredCount;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("deploymentId", deploymentId, "taskDefinition", taskDefinition);
    }
  }

  /**
   * A failed deployment was rolled back: the last completed deployment is PRIMARY again.
   *
   * @param serviceName the ECS service name
   * @param deploymentId the deployment that is PRIMARY again
   * @param taskDefinition its task definition, family:revision
   */
  record DeploymentRolledBack(String serviceName, String deploymentId, String taskDefinition)
      implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "deployment";
    }

    @Override
    public String message() {
      return "deployment " + deploymentId + " is PRIMARY again: " + taskDefinition;
    }
  }

  /**
   * ECS published a service event (what {@code DescribeServices} lists under events).
   *
   * @param serviceName the ECS service name
   * @param text the event's message, in AWS's words
   */
  record ServiceEventPublished(String serviceName, String text) implements EcsFact {
    @Override
    public String resource() {
      return "service/" + serviceName;
    }

    @Override
    public String kind() {
      return "event";
    }

    @Override
    public String message() {
      return text;
    }
  }

  /**
   * A task was placed on a container instance or on Fargate.
   *
   * @param taskId the task id
   * @param taskDefinition its task definition, family:revision
   * @param ec2InstanceId the EC2 instance it runs on, or null on Fargate
   * @param availabilityZone its zone
   * @param serviceName the service it belongs to, or null
   */
  record TaskPlaced(
      String taskId,
      String taskDefinition,
      @Nullable String ec2InstanceId,
      String availabilityZone,
      @Nullable String serviceName)
      implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "placed";
    }

    @Override
    public String message() {
      return "placed "
          + taskDefinition
          + " on "
          + (ec2InstanceId == null ? "Fargate" : ec2InstanceId)
          + " ("
          + availabilityZone
          + ")"
          + (serviceName == null ? "" : " for service " + serviceName);
    }
  }

  /**
   * A task waits in PROVISIONING for capacity from a capacity provider.
   *
   * @param taskId the task id
   * @param capacityProviderName the capacity provider
   */
  record TaskProvisioning(String taskId, String capacityProviderName) implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "provisioning";
    }

    @Override
    public String message() {
      return "PROVISIONING: waiting for capacity from capacity provider " + capacityProviderName;
    }
  }

  /**
   * A task's last status changed (STOPPED is a {@link TaskStopped}).
   *
   * @param taskId the task id
   * @param from the status before
   * @param to the status after
   */
  record TaskStateChanged(String taskId, TaskStatus from, TaskStatus to) implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "state";
    }

    @Override
    public String message() {
      return from + " -> " + to;
    }
  }

  /**
   * A task was registered as a target of a target group.
   *
   * @param taskId the task id
   * @param targetId the target: the instance id or the task's IP address
   * @param port the port
   * @param targetGroupName the target group name
   */
  record TaskTargetRegistered(String taskId, String targetId, int port, String targetGroupName)
      implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "register-target";
    }

    @Override
    public String message() {
      return "registered " + targetId + ":" + port + " in target group " + targetGroupName;
    }
  }

  /**
   * A task's container health status changed.
   *
   * @param taskId the task id
   * @param from the health before
   * @param to the health after
   */
  record TaskHealthChanged(String taskId, HealthStatus from, HealthStatus to) implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "health";
    }

    @Override
    public String message() {
      return "health status " + from + " -> " + to;
    }
  }

  /**
   * A task's desired status became STOPPED.
   *
   * @param taskId the task id
   * @param stopCode AWS's stop code
   * @param reason AWS's stopped reason
   */
  record TaskStopRequested(String taskId, StopCode stopCode, String reason) implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "stop";
    }

    @Override
    public String message() {
      return "desired STOPPED: " + reason;
    }
  }

  /**
   * A task stopped.
   *
   * @param taskId the task id
   * @param from its last status before
   * @param stopCode AWS's stop code, or null when the stop set none
   * @param reason AWS's stopped reason, or null
   */
  record TaskStopped(
      String taskId, TaskStatus from, @Nullable StopCode stopCode, @Nullable String reason)
      implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "stopped";
    }

    @Override
    public String message() {
      return "STOPPED (" + stopCode + "): " + reason;
    }
  }

  /**
   * A container of a task exited.
   *
   * @param taskId the task id
   * @param containerName the container name
   * @param exitCode its exit code
   */
  record ContainerExited(String taskId, String containerName, int exitCode) implements EcsFact {
    @Override
    public String resource() {
      return "task/" + taskId;
    }

    @Override
    public String kind() {
      return "container-exit";
    }

    @Override
    public String message() {
      return "container " + containerName + " exited with code " + exitCode;
    }
  }

  /**
   * A cluster was deleted (DeleteCluster): it is INACTIVE.
   *
   * @param clusterName the cluster name
   */
  record ClusterDeleted(String clusterName) implements EcsFact {
    @Override
    public String resource() {
      return "cluster/" + clusterName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "cluster " + clusterName + " deleted (INACTIVE)";
    }
  }
}
