package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeRunningTask.shouldBeRunningTask;
import static io.github.cloudtwin.assertj.error.ShouldHaveBeenStoppedWithReason.shouldHaveBeenStoppedWithReason;

import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** Assertions on an ECS {@link Task}; failures show the task's timeline. */
@API(status = API.Status.STABLE, since = "0.1.0")
public class TaskAssert extends AbstractObjectAssert<TaskAssert, Task> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public TaskAssert(@Nullable Task actual) {
    super(actual, TaskAssert.class);
  }

  /**
   * Verifies that the task's lastStatus is RUNNING.
   *
   * @return this assertion
   */
  public TaskAssert isRunning() {
    isNotNull();
    if (actual.lastStatus() != TaskStatus.RUNNING) {
      throw EqualityFailure.of(
          info, shouldBeRunningTask(actual), TaskStatus.RUNNING, actual.lastStatus());
    }
    return myself;
  }

  /**
   * Verifies that the task was stopped with exactly this {@code stoppedReason}.
   *
   * @param reason verifies that the task was stopped with exactly this {@code stoppedReason}
   * @return this assertion
   */
  public TaskAssert wasStoppedWithReason(String reason) {
    isNotNull();
    if (!reason.equals(actual.stoppedReason())) {
      throw EqualityFailure.of(
          info, shouldHaveBeenStoppedWithReason(actual, reason), reason, actual.stoppedReason());
    }
    return myself;
  }
}
