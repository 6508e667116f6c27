package io.github.cloudtwin.testcontainers;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to start: one container.
 *
 * @param name the Docker container name (unique on the engine)
 * @param image the image reference
 * @param containerPorts ports to publish on ephemeral host ports
 * @param environment environment variables
 * @param command the command, or empty for the image's
 * @param labels labels besides the session's
 * @param readyPort a published port that must answer HTTP before the start counts as done, or 0
 * @param startupTimeout how long (real time) the start may take
 */
record ContainerRequest(
    String name,
    String image,
    List<Integer> containerPorts,
    Map<String, String> environment,
    List<String> command,
    Map<String, String> labels,
    int readyPort,
    Duration startupTimeout) {

  ContainerRequest {
    containerPorts = List.copyOf(containerPorts);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    command = List.copyOf(command);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }
}
