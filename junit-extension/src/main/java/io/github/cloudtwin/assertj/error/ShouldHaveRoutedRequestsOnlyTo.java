package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.elb.LoadBalancer;
import java.util.Map;
import org.apiguardian.api.API;

/** A load balancer routed requests to targets outside the expected zones. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveRoutedRequestsOnlyTo extends CloudTwinErrorMessage {

  private ShouldHaveRoutedRequestsOnlyTo(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param lb the load balancer
   * @param zones the zones
   * @param counts the counts
   * @return the message
   */
  public static ShouldHaveRoutedRequestsOnlyTo shouldHaveRoutedRequestsOnlyTo(
      LoadBalancer lb, java.util.List<String> zones, Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting load balancer ")
        .append(ScalingFacts.quoted(lb.name()))
        .append(" to have routed requests only to targets in ")
        .append(zones)
        .append('\n');
    if (RoutedTotals.total(counts) == 0) {
      sb.append(
          "but it routed no request at all, to any zone: send requests or apply a workload first.\n");
    } else {
      sb.append("but it routed requests per zone: ")
          .append(ScalingFacts.counts(counts))
          .append(".\n");
    }
    sb.append(
        TimelineSlice.of(
            lb.timeline(),
            e -> e.resource().equals("lb/" + lb.name()) || e.resource().startsWith("zone/")));
    return new ShouldHaveRoutedRequestsOnlyTo(sb.toString().stripTrailing());
  }
}
