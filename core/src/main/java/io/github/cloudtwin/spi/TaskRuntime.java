package io.github.cloudtwin.spi;

import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.InProcessTaskRuntime;
import io.github.cloudtwin.ecs.Task;
import org.apiguardian.api.API;

/**
 * What runs a task's containers. The twin drives the lifecycle and tells the runtime when to start,
 * stop, pause (its instance became unreachable) and resume a task; the runtime reports container
 * exits back through the {@link Agent}. The default is the in-process runtime ({@link
 * InProcessTaskRuntime}); a Testcontainers runtime can run real containers instead.
 *
 * <p>Called on the simulation thread. An implementation that reports from other threads calls the
 * agent, which takes the simulation lock.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface TaskRuntime {

  /** The ECS agent a runtime reports to. */
  interface Agent {
    /**
     * A container of {@code task} exited with {@code exitCode}.
     *
     * @param task the task
     * @param containerName the container name
     * @param exitCode the exit code
     */
    void containerExited(Task task, String containerName, int exitCode);
  }

  /**
   * Start the task's containers (the task is PENDING).
   *
   * @param task the task
   * @param agent the agent
   */
  void start(Task task, Agent agent);

  /**
   * The task reached RUNNING.
   *
   * @param task the task
   */
  default void running(Task task) {}

  /**
   * Stop the task's containers (SIGTERM, then SIGKILL after the stop timeout).
   *
   * @param task the task
   */
  void stop(Task task);

  /**
   * The task's host became unreachable: freeze it.
   *
   * @param task the task
   */
  default void pause(Task task) {}

  /**
   * The task's host is reachable again.
   *
   * @param task the task
   */
  default void resume(Task task) {}

  /**
   * Whether {@code container}'s health check command passes now.
   *
   * @param task the task
   * @param container the container
   * @return whether {@code container}'s health check command passes now
   */
  default boolean healthCheckPasses(Task task, ContainerDefinition container) {
    return true;
  }

  /**
   * The task's average CPU units used over {@code [fromMillis, toMillis)}.
   *
   * @param task the task
   * @param fromMillis the from millis
   * @param toMillis the to millis
   * @return the task's average CPU units used over {@code [fromMillis, toMillis)}
   */
  default double cpuUnitsUsed(Task task, long fromMillis, long toMillis) {
    return 0;
  }

  /**
   * The task's average memory used (MiB) over {@code [fromMillis, toMillis)}.
   *
   * @param task the task
   * @param fromMillis the from millis
   * @param toMillis the to millis
   * @return the task's average memory used (MiB) over {@code [fromMillis, toMillis)}
   */
  default double memoryUsed(Task task, long fromMillis, long toMillis) {
    return 0;
  }
}
