package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeRunningTask.shouldBeRunningTask;
import static io.github.cloudtwin.assertj.error.ShouldHaveBeenStoppedWithReason.shouldHaveBeenStoppedWithReason;

import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.internal.Failures;

/** Assertions on an ECS {@link Task}; failures show the task's timeline. */
public class TaskAssert extends AbstractObjectAssert<TaskAssert, Task> {

  /** Assertions on {@code actual}. */
  public TaskAssert(Task actual) {
    super(actual, TaskAssert.class);
  }

  /** Verifies that the task's lastStatus is RUNNING. */
  public TaskAssert isRunning() {
    isNotNull();
    if (actual.lastStatus() != TaskStatus.RUNNING) {
      throw Failures.instance().failure(info, shouldBeRunningTask(actual));
    }
    return myself;
  }

  /** Verifies that the task was stopped with exactly this {@code stoppedReason}. */
  public TaskAssert wasStoppedWithReason(String reason) {
    isNotNull();
    if (!reason.equals(actual.stoppedReason())) {
      throw Failures.instance().failure(info, shouldHaveBeenStoppedWithReason(actual, reason));
    }
    return myself;
  }
}
