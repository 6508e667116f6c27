package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every task of the twin by id, in launch order: creates tasks (with their ids) and finds them, as
 * {@code ListTasks} and {@code DescribeTasks} see them; stopped tasks leave after {@link
 * Ecs#STOPPED_TASK_RETENTION}.
 */
final class TaskRegistry {

  private final Kernel kernel;
  private final EcsIds ids;
  private final Map<String, Task> tasks = new LinkedHashMap<>();

  TaskRegistry(Kernel kernel, EcsIds ids) {
    this.kernel = kernel;
    this.ids = ids;
  }

  /**
   * Creates a task of {@code td} in {@code c} (of service {@code s} and deployment {@code d}, if
   * any).
   */
  Task create(
      Cluster c,
      TaskDefinition td,
      String group,
      LaunchType lt,
      @Nullable EcsService s,
      @Nullable Deployment d,
      @Nullable String provider) {
    Task t =
        new Task(
            ids.hex32(),
            kernel.arns(),
            c.clusterName(),
            td,
            group,
            lt,
            s,
            d,
            provider,
            kernel.clock().now(),
            kernel.timeline());
    tasks.put(t.taskId(), t);
    if (s != null) {
      synchronized (s.tasks) {
        s.tasks.add(t);
      }
    }
    return t;
  }

  /** {@return the tasks of cluster {@code c}, in launch order} */
  List<Task> inCluster(Cluster c) {
    return kernel.call(
        () ->
            tasks.values().stream().filter(t -> t.clusterName().equals(c.clusterName())).toList());
  }

  /** The task with that id (or ARN); see {@link Ecs#task}. */
  Task task(String taskId) {
    Require.name("task", taskId);
    return kernel.call(
        () -> {
          String id = taskId.substring(taskId.lastIndexOf('/') + 1);
          Task t = tasks.get(id);
          if (t == null)
            throw new ValidationException("task", taskId, "the id of a task of this twin");
          return t;
        });
  }

  /** Forgets a task that stopped long enough ago. */
  void remove(Task t) {
    tasks.remove(t.taskId());
  }
}
