package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.elb.LoadBalancer;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A load balancer routed requests to targets in a zone that should have had none, or routed none at
 * all.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveRoutedNoRequestsTo extends CloudTwinErrorMessage {

  private ShouldHaveRoutedNoRequestsTo(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param lb the load balancer
   * @param zone the zone
   * @param counts the counts
   * @return the message
   */
  public static ShouldHaveRoutedNoRequestsTo shouldHaveRoutedNoRequestsTo(
      LoadBalancer lb, String zone, Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting load balancer ")
        .append(ScalingFacts.quoted(lb.name()))
        .append(" to have routed no requests to targets in ")
        .append(zone)
        .append('\n');
    if (RoutedTotals.total(counts) == 0) {
      sb.append(
          "but it routed no request at all, to any zone, so that would prove nothing: send requests or apply a workload first.\n");
    } else {
      sb.append("but it routed ")
          .append(counts.get(zone))
          .append(" there (requests per zone: ")
          .append(ScalingFacts.counts(counts))
          .append(").\n");
    }
    sb.append(
        TimelineSlice.of(
            lb.timeline(),
            e -> e.resource().equals("lb/" + lb.name()) || e.resource().equals("zone/" + zone)));
    return new ShouldHaveRoutedNoRequestsTo(sb.toString().stripTrailing());
  }
}
