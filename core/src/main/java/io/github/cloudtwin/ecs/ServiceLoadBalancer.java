package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * A service's load balancer entry: the target group its tasks are registered in, and which
 * container port.
 *
 * @param targetGroupName the target group (as the load-balancing service names it)
 * @param containerName the container in the task definition
 * @param containerPort a port mapped by that container
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ServiceLoadBalancer(String targetGroupName, String containerName, int containerPort) {

  /**
   * Validates.
   *
   * @param targetGroupName the target group (as the load-balancing service names it)
   * @param containerName the container in the task definition
   * @param containerPort a port mapped by that container
   */
  public ServiceLoadBalancer {
    Require.name("loadBalancers.targetGroupArn", targetGroupName);
    Require.name("loadBalancers.containerName", containerName);
    Require.between("loadBalancers.containerPort", containerPort, 1, 65535);
  }
}
