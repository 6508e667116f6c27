package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * A container port mapping.
 *
 * @param containerPort the port the container listens on (1-65535)
 * @param hostPort the host port; 0 means dynamic (bridge mode: from the ephemeral range
 *     49153-65535); in host and awsvpc modes it must be 0 or equal to the container port
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record PortMapping(int containerPort, int hostPort) {

  /**
   * Validates.
   *
   * @param containerPort the port the container listens on (1-65535)
   * @param hostPort the host port; 0 means dynamic (bridge mode: from the ephemeral range
   *     49153-65535); in host and awsvpc modes it must be 0 or equal to the container port
   */
  public PortMapping {
    Require.between("containerPort", containerPort, 1, 65535);
    Require.between("hostPort", hostPort, 0, 65535);
  }

  /**
   * A mapping with a dynamic host port (bridge) or the container port itself (host, awsvpc).
   *
   * @param containerPort the container port
   * @return a mapping with a dynamic host port (bridge) or the container port itself (host, awsvpc)
   */
  public static PortMapping of(int containerPort) {
    return new PortMapping(containerPort, 0);
  }

  /**
   * A mapping with a fixed host port.
   *
   * @param containerPort the container port
   * @param hostPort the host port
   * @return a mapping with a fixed host port
   */
  public static PortMapping of(int containerPort, int hostPort) {
    return new PortMapping(containerPort, hostPort);
  }
}
