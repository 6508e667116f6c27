package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.EcsService;
import org.apiguardian.api.API;

/** An ECS service is not in a steady state. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveReachedSteadyState extends CloudTwinErrorMessage {

  private ShouldHaveReachedSteadyState(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param service the service
   * @return the message
   */
  public static ShouldHaveReachedSteadyState shouldHaveReachedSteadyState(EcsService service) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ECS service ")
        .append(ScalingFacts.quoted(service.serviceName()))
        .append(" to have reached a steady state\n");
    sb.append("but it has not (desired ")
        .append(service.desiredCount())
        .append(", running ")
        .append(service.runningCount())
        .append(", pending ")
        .append(service.pendingCount())
        .append(", ")
        .append(service.deployments().size())
        .append(service.deployments().size() == 1 ? " deployment" : " deployments")
        .append(").\n");
    sb.append(TimelineSlice.about(service.timeline(), "service/" + service.serviceName()));
    EcsServiceFacts.newestEvent(service, sb);
    return new ShouldHaveReachedSteadyState(sb.toString().stripTrailing());
  }
}
