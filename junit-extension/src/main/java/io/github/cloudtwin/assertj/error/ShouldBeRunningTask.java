package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.Task;
import org.apiguardian.api.API;

/** An ECS task is not RUNNING. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldBeRunningTask extends CloudTwinErrorMessage {

  private ShouldBeRunningTask(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param task the task
   * @return the message
   */
  public static ShouldBeRunningTask shouldBeRunningTask(Task task) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting task ").append(task.taskId()).append(" to be RUNNING\n");
    sb.append("but its lastStatus is ")
        .append(task.lastStatus())
        .append(" (desired ")
        .append(task.desiredStatus())
        .append(")");
    if (task.stoppedReason() != null) sb.append(": ").append(task.stoppedReason());
    sb.append(".\n");
    sb.append(TimelineSlice.about(task.timeline(), "task/" + task.taskId()));
    if (task.startedAt() != null) {
      sb.append("It was RUNNING from ").append(ScalingFacts.at(task.timeline(), task.startedAt()));
      if (task.stoppingAt() != null)
        sb.append(" to ").append(ScalingFacts.at(task.timeline(), task.stoppingAt()));
      sb.append(".\n");
    }
    return new ShouldBeRunningTask(sb.toString().stripTrailing());
  }
}
