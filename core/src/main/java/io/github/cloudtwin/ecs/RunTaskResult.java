package io.github.cloudtwin.ecs;

import java.util.List;

/**
 * What {@code RunTask} answers: the tasks started and, for those that could not be placed, failure
 * reasons such as {@code RESOURCE:CPU}.
 *
 * @param tasks the tasks started (immutable)
 * @param failures one reason per task not started (immutable)
 */
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
