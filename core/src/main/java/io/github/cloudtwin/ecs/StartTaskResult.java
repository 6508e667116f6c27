package io.github.cloudtwin.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What {@code StartTask} answers: the tasks started (one per container instance that could take it)
 * and, for each container instance that could not, the failure reason ({@code RESOURCE:CPU}, {@code
 * RESOURCE:MEMORY}, {@code RESOURCE:PORTS}, {@code RESOURCE:ENI}, {@code AGENT}, {@code INACTIVE}).
 *
 * @param tasks the tasks started, in the order of the container instances (immutable)
 * @param failures the reason by container instance ARN, for those where no task started (immutable)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StartTaskResult(List<Task> tasks, Map<String, String> failures) {

  /**
   * Copies.
   *
   * @param tasks the tasks started, in the order of the container instances (immutable)
   * @param failures the reason by container instance ARN, for those where no task started
   *     (immutable)
   */
  public StartTaskResult {
    tasks = List.copyOf(tasks);
    failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }
}
