package io.github.cloudtwin.ecs;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@code RunTask} answers: the tasks started and, for those that could not be placed, failure
 * reasons such as {@code RESOURCE:CPU}.
 *
 * @param tasks the tasks started (immutable)
 * @param failures one reason per task not started (immutable)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RunTaskResult(List<Task> tasks, List<String> failures) {

  /**
   * Copies.
   *
   * @param tasks the tasks started (immutable)
   * @param failures one reason per task not started (immutable)
   */
  public RunTaskResult {
    tasks = List.copyOf(tasks);
    failures = List.copyOf(failures);
  }
}
