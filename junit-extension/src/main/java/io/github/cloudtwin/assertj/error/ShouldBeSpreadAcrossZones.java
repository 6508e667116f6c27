package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ecs.EcsService;
import org.apiguardian.api.API;

/** An ECS service's running tasks differ by more than one between zones. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldBeSpreadAcrossZones extends CloudTwinErrorMessage {

  private ShouldBeSpreadAcrossZones(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param service the service
   * @param counts the counts
   * @return the message
   */
  public static ShouldBeSpreadAcrossZones shouldBeSpreadAcrossZones(
      EcsService service, java.util.SortedMap<String, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting ECS service ")
        .append(ScalingFacts.quoted(service.serviceName()))
        .append(" to be spread across ")
        .append(counts.keySet())
        .append(" (running tasks per zone differing by at most 1)\n");
    if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      sb.append("but it runs no task there, so there is nothing spread to show.\n");
    } else {
      sb.append("but it runs ").append(ScalingFacts.counts(counts)).append(".\n");
    }
    sb.append(
        TimelineSlice.of(
            service.timeline(),
            e ->
                e.resource().equals("service/" + service.serviceName())
                    || e.resource().startsWith("zone/")));
    return new ShouldBeSpreadAcrossZones(sb.toString().stripTrailing());
  }
}
