package io.github.cloudtwin.ecs;

import io.github.cloudtwin.kernel.Arns;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A registered task definition revision: {@code family:revision}. Immutable, except that
 * deregistration marks it INACTIVE (running tasks and services keep it).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TaskDefinition {

  private final TaskDefinitionSpec spec;
  private final int revision;
  private final String arn;
  private final String familyRevision;
  private volatile boolean active = true;

  TaskDefinition(TaskDefinitionSpec spec, int revision, Arns arns) {
    this.spec = spec;
    this.revision = revision;
    this.familyRevision = spec.family() + ":" + revision;
    this.arn = arns.of("ecs", "task-definition/" + spec.family() + ":" + revision);
  }

  /** {@return what was registered} */
  public TaskDefinitionSpec spec() {
    return spec;
  }

  /** {@return the family} */
  public String family() {
    return spec.family();
  }

  /** {@return the revision, from 1} */
  public int revision() {
    return revision;
  }

  /** {@return {@code family:revision}} */
  public String familyRevision() {
    return familyRevision;
  }

  /** {@return the ARN} */
  public String taskDefinitionArn() {
    return arn;
  }

  /** {@return the network mode} */
  public NetworkMode networkMode() {
    return spec.networkMode();
  }

  /** {@return the containers} */
  public List<ContainerDefinition> containerDefinitions() {
    return spec.containerDefinitions();
  }

  /** {@return ACTIVE or INACTIVE (deregistered)} */
  public String status() {
    return active ? "ACTIVE" : "INACTIVE";
  }

  void deactivate() {
    active = false;
  }

  /** {@return CPU units placement reserves: the task-level value, otherwise the containers' sum} */
  public int reservedCpu() {
    if (spec.cpu() > 0) return spec.cpu();
    int sum = 0;
    for (ContainerDefinition c : spec.containerDefinitions()) sum += c.cpu();
    return sum;
  }

  /**
   * {@return memory (MiB) placement reserves: task-level, otherwise the containers' soft-or-hard
   * sum}
   */
  public int reservedMemory() {
    if (spec.memory() > 0) return spec.memory();
    int sum = 0;
    for (ContainerDefinition c : spec.containerDefinitions()) sum += c.reservedMemory();
    return sum;
  }

  /** The container named {@code name}, or null. */
  @Nullable ContainerDefinition container(String name) {
    for (ContainerDefinition c : spec.containerDefinitions()) {
      if (c.name().equals(name)) return c;
    }
    return null;
  }

  @Override
  public String toString() {
    return familyRevision();
  }
}
