package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.EcsService;

/** An ECS service has another desired count than expected. */
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
