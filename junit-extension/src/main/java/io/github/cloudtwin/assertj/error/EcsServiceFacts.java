package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceEvent;
import java.util.List;

/** Facts about ECS services that failure messages share. */
final class EcsServiceFacts {

  private EcsServiceFacts() {}

  /** Appends the service's newest event (DescribeServices' events), if any. */
  static void newestEvent(EcsService service, StringBuilder sb) {
    List<ServiceEvent> events = service.events();
    if (events.isEmpty()) return;
    ServiceEvent newest = events.get(0);
    sb.append("Newest service event (")
        .append(ScalingFacts.at(service.timeline(), newest.createdAt()))
        .append("): ")
        .append(newest.message())
        .append('\n');
  }
}
