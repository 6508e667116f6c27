package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One container of a task definition.
 *
 * @param name unique within the task definition
 * @param image the image, such as {@code nginx:1.27}
 * @param cpu CPU units reserved for the container (0 = none)
 * @param memory the hard limit in MiB, or 0 for none
 * @param memoryReservation the soft limit in MiB, or 0 for none; placement reserves it when given,
 *     otherwise {@code memory}
 * @param portMappings port mappings (immutable)
 * @param essential whether the task stops when this container exits (default true)
 * @param healthCheck the container health check, or null
 * @param environment environment variables (immutable, insertion-ordered)
 * @param command the command, or empty for the image's default
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ContainerDefinition(
    String name,
    String image,
    int cpu,
    int memory,
    int memoryReservation,
    List<PortMapping> portMappings,
    boolean essential,
    @Nullable HealthCheck healthCheck,
    Map<String, String> environment,
    List<String> command) {

  /**
   * Validates and copies.
   *
   * @param name unique within the task definition
   * @param image the image, such as {@code nginx:1.27}
   * @param cpu CPU units reserved for the container (0 = none)
   * @param memory the hard limit in MiB, or 0 for none
   * @param memoryReservation the soft limit in MiB, or 0 for none; placement reserves it when
   *     given, otherwise {@code memory}
   * @param portMappings port mappings (immutable)
   * @param essential whether the task stops when this container exits (default true)
   * @param healthCheck the container health check, or null
   * @param environment environment variables (immutable, insertion-ordered)
   * @param command the command, or empty for the image's default
   */
  public ContainerDefinition {
    Require.name("containerDefinitions.name", name);
    if (!name.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new ValidationException(
          "containerDefinitions.name", name, "up to 255 letters, numbers, hyphens and underscores");
    }
    Require.name("containerDefinitions.image", image);
    Require.between("containerDefinitions.cpu", cpu, 0, 10 * 1024 * 192);
    Require.notNegative("containerDefinitions.memory", memory);
    Require.notNegative("containerDefinitions.memoryReservation", memoryReservation);
    if (memory > 0 && memory < 6) {
      throw new ValidationException(
          "containerDefinitions.memory", memory, "at least 6 MiB (Docker's minimum)");
    }
    if (memory > 0 && memoryReservation > memory) {
      throw new ValidationException(
          "containerDefinitions.memoryReservation",
          memoryReservation,
          "at most the container's memory (" + memory + " MiB)",
          "Invalid setting for container '"
              + name
              + "'. The value for 'memory' must be greater than or equal to the value for 'memoryReservation'.");
    }
    portMappings = List.copyOf(Require.notNull("containerDefinitions.portMappings", portMappings));
    environment =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Require.notNull("containerDefinitions.environment", environment)));
    command = List.copyOf(Require.notNull("containerDefinitions.command", command));
  }

  /** {@return the memory placement reserves: the soft limit if given, otherwise the hard one} */
  public int reservedMemory() {
    return memoryReservation > 0 ? memoryReservation : memory;
  }

  /**
   * A builder for a container named {@code name} running {@code image}.
   *
   * @param name the name
   * @param image the image
   * @return a builder for a container named {@code name} running {@code image}
   */
  public static Builder builder(String name, String image) {
    return new Builder(name, image);
  }

  /** Builds {@link ContainerDefinition}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String image;
    private int cpu;
    private int memory;
    private int memoryReservation;
    private final List<PortMapping> portMappings = new ArrayList<>();
    private boolean essential = true;
    private @Nullable HealthCheck healthCheck;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> command = new ArrayList<>();

    private Builder(String name, String image) {
      this.name = name;
      this.image = image;
    }

    /**
     * CPU units reserved.
     *
     * @param cpu CPU units reserved
     * @return this builder
     */
    public Builder cpu(int cpu) {
      this.cpu = cpu;
      return this;
    }

    /**
     * The hard memory limit in MiB.
     *
     * @param memory the hard memory limit in MiB
     * @return this builder
     */
    public Builder memory(int memory) {
      this.memory = memory;
      return this;
    }

    /**
     * The soft memory limit in MiB.
     *
     * @param memoryReservation the soft memory limit in MiB
     * @return this builder
     */
    public Builder memoryReservation(int memoryReservation) {
      this.memoryReservation = memoryReservation;
      return this;
    }

    /**
     * Adds a port mapping.
     *
     * @param containerPort the container port
     * @param hostPort the host port
     * @return this builder
     */
    public Builder portMapping(int containerPort, int hostPort) {
      portMappings.add(new PortMapping(containerPort, hostPort));
      return this;
    }

    /**
     * Adds a port mapping with a dynamic (bridge) or equal (host, awsvpc) host port.
     *
     * @param containerPort the container port
     * @return this builder
     */
    public Builder portMapping(int containerPort) {
      return portMapping(containerPort, 0);
    }

    /**
     * Whether the task stops when this container exits (default true).
     *
     * @param essential whether the task stops when this container exits (default true)
     * @return this builder
     */
    public Builder essential(boolean essential) {
      this.essential = essential;
      return this;
    }

    /**
     * The container health check.
     *
     * @param healthCheck the container health check
     * @return this builder
     */
    public Builder healthCheck(@Nullable HealthCheck healthCheck) {
      this.healthCheck = healthCheck;
      return this;
    }

    /**
     * Adds an environment variable.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder environment(String key, String value) {
      environment.put(
          Require.name("environment.name", key), Require.notNull("environment.value", value));
      return this;
    }

    /**
     * The command.
     *
     * @param command the command
     * @return this builder
     */
    public Builder command(String... command) {
      this.command.clear();
      this.command.addAll(Require.elements("command", command));
      return this;
    }

    /** {@return the definition; throws a ValidationException naming the first invalid field} */
    public ContainerDefinition build() {
      return new ContainerDefinition(
          name,
          image,
          cpu,
          memory,
          memoryReservation,
          portMappings,
          essential,
          healthCheck,
          environment,
          command);
    }
  }
}
