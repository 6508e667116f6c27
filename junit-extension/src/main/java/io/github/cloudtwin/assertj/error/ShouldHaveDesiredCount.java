package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.EcsService;
import org.apiguardian.api.API;

/** An ECS service has another desired count than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveDesiredCount extends CloudTwinErrorMessage {

  private ShouldHaveDesiredCount(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param service the service
   * @param expected the expected value
   * @return the message
   */
  public static ShouldHaveDesiredCount shouldHaveDesiredCount(EcsService service, int expected) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ECS service ")
        .append(ScalingFacts.quoted(service.serviceName()))
        .append(" to have desired count ")
        .append(expected)
        .append('\n');
    sb.append("but it has ").append(service.desiredCount()).append(".\n");
    sb.append(TimelineSlice.about(service.timeline(), "service/" + service.serviceName()));
    return new ShouldHaveDesiredCount(sb.toString().stripTrailing());
  }
}
