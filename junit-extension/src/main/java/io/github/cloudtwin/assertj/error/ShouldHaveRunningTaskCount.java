package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.EcsService;
import org.apiguardian.api.API;

/** An ECS service has another number of RUNNING tasks than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveRunningTaskCount extends CloudTwinErrorMessage {

  private ShouldHaveRunningTaskCount(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param service the service
   * @param expected the expected value
   * @return the message
   */
  public static ShouldHaveRunningTaskCount shouldHaveRunningTaskCount(
      EcsService service, int expected) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ECS service ")
        .append(ScalingFacts.quoted(service.serviceName()))
        .append(" to have ")
        .append(expected)
        .append(" running tasks\n");
    sb.append("but it has ")
        .append(service.runningCount())
        .append(" (desired ")
        .append(service.desiredCount())
        .append(", pending ")
        .append(service.pendingCount())
        .append(").\n");
    sb.append(TimelineSlice.about(service.timeline(), "service/" + service.serviceName()));
    EcsServiceFacts.newestEvent(service, sb);
    return new ShouldHaveRunningTaskCount(sb.toString().stripTrailing());
  }
}
