package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What {@code RegisterTaskDefinition} takes.
 *
 * @param family letters, numbers, hyphens and underscores; revisions count up per family
 * @param cpu task-level CPU units, or 0 for none (then the containers' sum is reserved)
 * @param memory task-level memory in MiB, or 0 for none
 * @param networkMode default {@code bridge}; Fargate requires {@code awsvpc}
 * @param requiresCompatibilities EC2 (default) and/or FARGATE
 * @param containerDefinitions 1 to 10 containers with unique names, at least one essential
 * @param stopTimeout SIGTERM to SIGKILL, default 30 s (2-120 s)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TaskDefinitionSpec(
    String family,
    int cpu,
    int memory,
    NetworkMode networkMode,
    Set<LaunchType> requiresCompatibilities,
    List<ContainerDefinition> containerDefinitions,
    Duration stopTimeout) {

  /**
   * Validates the way RegisterTaskDefinition does.
   *
   * @param family letters, numbers, hyphens and underscores; revisions count up per family
   * @param cpu task-level CPU units, or 0 for none (then the containers' sum is reserved)
   * @param memory task-level memory in MiB, or 0 for none
   * @param networkMode default {@code bridge}; Fargate requires {@code awsvpc}
   * @param requiresCompatibilities EC2 (default) and/or FARGATE
   * @param containerDefinitions 1 to 10 containers with unique names, at least one essential
   * @param stopTimeout SIGTERM to SIGKILL, default 30 s (2-120 s)
   */
  public TaskDefinitionSpec {
    Require.name("family", family);
    if (!family.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new ValidationException(
          "family", family, "up to 255 letters, numbers, hyphens and underscores");
    }
    Require.notNull("networkMode", networkMode);
    Require.notNull("requiresCompatibilities", requiresCompatibilities);
    requiresCompatibilities =
        requiresCompatibilities.isEmpty()
            ? Set.of(LaunchType.EC2)
            : Set.copyOf(EnumSet.copyOf(requiresCompatibilities));
    Require.notNull("containerDefinitions", containerDefinitions);
    if (containerDefinitions.isEmpty() || containerDefinitions.size() > 10) {
      throw new ValidationException(
          "containerDefinitions",
          containerDefinitions.size() + " containers",
          "1 to 10 containers");
    }
    containerDefinitions = List.copyOf(containerDefinitions);
    Require.seconds("stopTimeout", stopTimeout, 2, 120);
    Require.notNegative("cpu", cpu);
    Require.notNegative("memory", memory);
    Set<String> names = new HashSet<>();
    boolean essential = false;
    int containerCpu = 0;
    for (ContainerDefinition c : containerDefinitions) {
      if (!names.add(c.name())) {
        throw new ValidationException(
            "containerDefinitions.name",
            c.name(),
            "unique container names within the task definition");
      }
      essential |= c.essential();
      containerCpu += c.cpu();
      if (memory == 0 && c.memory() == 0 && c.memoryReservation() == 0) {
        throw new ValidationException(
            "containerDefinitions.memory",
            0,
            "a task-level memory, or memory or memoryReservation on every container",
            "Invalid setting for container '"
                + c.name()
                + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
      }
      if (memory > 0 && c.memory() > memory) {
        throw new ValidationException(
            "containerDefinitions.memory",
            c.memory(),
            "at most the task memory (" + memory + " MiB)");
      }
      for (PortMapping p : c.portMappings()) {
        if ((networkMode == NetworkMode.HOST || networkMode == NetworkMode.AWSVPC)
            && p.hostPort() != 0
            && p.hostPort() != p.containerPort()) {
          throw new ValidationException(
              "portMappings.hostPort",
              p.hostPort(),
              "0 or the container port (" + p.containerPort() + ") in " + networkMode + " mode");
        }
        if (networkMode == NetworkMode.NONE) {
          throw new ValidationException(
              "portMappings", p.containerPort(), "no port mappings in none mode");
        }
      }
    }
    if (!essential) {
      throw new ValidationException(
          "containerDefinitions.essential", false, "at least one essential container");
    }
    if (cpu > 0 && containerCpu > cpu) {
      throw new ValidationException(
          "containerDefinitions.cpu",
          containerCpu,
          "containers' cpu sum at most the task cpu (" + cpu + ")");
    }
    if (requiresCompatibilities.contains(LaunchType.FARGATE)) {
      if (networkMode != NetworkMode.AWSVPC) {
        throw new ValidationException(
            "networkMode", networkMode.awsName(), "awsvpc: Fargate supports only awsvpc");
      }
      if (cpu == 0 || memory == 0) {
        throw new ValidationException(
            "cpu", cpu == 0 ? "(none)" : cpu, "task-level cpu and memory on Fargate");
      }
      if (!FargateSizes.valid(cpu, memory)) {
        throw new ValidationException(
            "memory",
            memory,
            "a Fargate size: " + FargateSizes.table() + " (cpu " + cpu + " given)",
            "No Fargate configuration exists for given values: "
                + cpu
                + " CPU, "
                + memory
                + " memory.");
      }
    }
    if (requiresCompatibilities.contains(LaunchType.EC2)) {
      int maxCpu = 0;
      int maxMemory = 0;
      String maxCpuType = "";
      String maxMemType = "";
      for (InstanceType t : InstanceType.catalogue()) {
        if (t.cpuUnits() > maxCpu) {
          maxCpu = t.cpuUnits();
          maxCpuType = t.name();
        }
        int reg = ContainerInstance.registeredMemory(t);
        if (reg > maxMemory) {
          maxMemory = reg;
          maxMemType = t.name();
        }
      }
      int taskCpu = Math.max(cpu, containerCpu);
      if (cpu > 0 && cpu < 128) {
        throw new ValidationException("cpu", cpu, "between 128 and " + maxCpu + " units on EC2");
      }
      if (taskCpu > maxCpu) {
        throw new ValidationException(
            "cpu",
            taskCpu,
            "at most " + maxCpu + " units: no instance type registers more (" + maxCpuType + ")");
      }
      int taskMemory = memory;
      if (taskMemory == 0) {
        for (ContainerDefinition c : containerDefinitions) taskMemory += c.reservedMemory();
      }
      if (taskMemory > maxMemory) {
        throw new ValidationException(
            "memory",
            taskMemory,
            "at most " + maxMemory + " MiB: no instance type registers more (" + maxMemType + ")");
      }
    }
  }

  /**
   * A builder for {@code family}.
   *
   * @param family the family
   * @return a builder for {@code family}
   */
  public static Builder builder(String family) {
    return new Builder(family);
  }

  /** Builds {@link TaskDefinitionSpec}s. Not thread-safe. */
  public static final class Builder {
    private final String family;
    private int cpu;
    private int memory;
    private NetworkMode networkMode = NetworkMode.BRIDGE;
    private final Set<LaunchType> compat = EnumSet.noneOf(LaunchType.class);
    private final List<ContainerDefinition> containers = new ArrayList<>();
    private Duration stopTimeout = Duration.ofSeconds(30);

    private Builder(String family) {
      this.family = family;
    }

    /**
     * Task-level CPU units.
     *
     * @param cpu task-level CPU units
     * @return this builder
     */
    public Builder cpu(int cpu) {
      this.cpu = cpu;
      return this;
    }

    /**
     * Task-level memory in MiB.
     *
     * @param memory task-level memory in MiB
     * @return this builder
     */
    public Builder memory(int memory) {
      this.memory = memory;
      return this;
    }

    /**
     * The network mode (default bridge).
     *
     * @param networkMode the network mode (default bridge)
     * @return this builder
     */
    public Builder networkMode(NetworkMode networkMode) {
      this.networkMode = networkMode;
      return this;
    }

    /**
     * The launch types it must be compatible with (default EC2).
     *
     * @param types the launch types it must be compatible with (default EC2)
     * @return this builder
     */
    public Builder requiresCompatibilities(LaunchType... types) {
      compat.clear();
      compat.addAll(Require.elements("requiresCompatibilities", types));
      return this;
    }

    /**
     * Adds a container.
     *
     * @param container adds a container
     * @return this builder
     */
    public Builder container(ContainerDefinition container) {
      containers.add(Require.notNull("containerDefinitions", container));
      return this;
    }

    /**
     * SIGTERM to SIGKILL (default 30 s).
     *
     * @param stopTimeout SIGTERM to SIGKILL (default 30 s)
     * @return this builder
     */
    public Builder stopTimeout(Duration stopTimeout) {
      this.stopTimeout = stopTimeout;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public TaskDefinitionSpec build() {
      return new TaskDefinitionSpec(
          family, cpu, memory, networkMode, compat, containers, stopTimeout);
    }
  }
}
