package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.Task;
import org.apiguardian.api.API;

/** An ECS task was not stopped, or was stopped for another reason. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveBeenStoppedWithReason extends CloudTwinErrorMessage {

  private ShouldHaveBeenStoppedWithReason(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param task the task
   * @param reason the reason
   * @return the message
   */
  public static ShouldHaveBeenStoppedWithReason shouldHaveBeenStoppedWithReason(
      Task task, String reason) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting task ")
        .append(task.taskId())
        .append(" to have been stopped with reason\n  \"")
        .append(reason)
        .append("\"\n");
    if (task.stoppedReason() == null) {
      sb.append("but it was not stopped (lastStatus ").append(task.lastStatus()).append(").\n");
    } else {
      sb.append("but it was stopped (")
          .append(task.stopCode())
          .append(") with reason\n  \"")
          .append(task.stoppedReason())
          .append("\"\n");
    }
    sb.append(TimelineSlice.about(task.timeline(), "task/" + task.taskId()));
    return new ShouldHaveBeenStoppedWithReason(sb.toString().stripTrailing());
  }
}
