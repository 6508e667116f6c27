package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.PortMapping;
import io.github.cloudtwin.ecs.ServiceLoadBalancer;
import io.github.cloudtwin.ecs.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to start for a task: one {@link ContainerRequest} per container of its task definition,
 * named after the session, the task and the container, labelled with what it runs for, publishing
 * each distinct container port; a task behind a load balancer (awsvpc) waits until the load
 * balancer's container port answers HTTP.
 */
final class ContainerRequests {

  private final String sessionId;
  private final ContainerOptions options;

  ContainerRequests(String sessionId, ContainerOptions options) {
    this.sessionId = sessionId;
    this.options = options;
  }

  /**
   * {@return the request of each container of {@code definition}, by container name, in the
   * definition's order}
   *
   * @param taskArn the task's ARN
   * @param taskId the task's id (its first 12 characters name the containers)
   * @param zone the task's zone, or null
   * @param loadBalancer the first load balancer of the task's service, or null
   */
  Map<String, ContainerRequest> forTask(
      String taskArn,
      String taskId,
      TaskDefinition definition,
      @Nullable String zone,
      @Nullable ServiceLoadBalancer loadBalancer) {
    int readyPort = 0;
    String readyContainer = null;
    if (loadBalancer != null && definition.networkMode() == NetworkMode.AWSVPC) {
      readyContainer = loadBalancer.containerName();
      readyPort = loadBalancer.containerPort();
    }
    Map<String, ContainerRequest> out = new LinkedHashMap<>();
    for (ContainerDefinition c : definition.containerDefinitions()) {
      List<Integer> ports = new ArrayList<>();
      for (PortMapping p : c.portMappings())
        if (!ports.contains(p.containerPort())) ports.add(p.containerPort());
      Map<String, String> labels = new LinkedHashMap<>(options.labels());
      labels.put(ContainerTaskRuntime.TASK_ARN_LABEL, taskArn);
      labels.put(ContainerTaskRuntime.CONTAINER_NAME_LABEL, c.name());
      labels.put("io.github.cloudtwin.task-definition", definition.familyRevision());
      if (zone != null) labels.put("io.github.cloudtwin.availability-zone", zone);
      out.put(
          c.name(),
          new ContainerRequest(
              sessionId + "-" + taskId.substring(0, 12) + "-" + c.name(),
              c.image(),
              ports,
              c.environment(),
              c.command(),
              labels,
              c.name().equals(readyContainer) && ports.contains(readyPort) ? readyPort : 0,
              options.startupTimeout()));
    }
    return out;
  }
}
