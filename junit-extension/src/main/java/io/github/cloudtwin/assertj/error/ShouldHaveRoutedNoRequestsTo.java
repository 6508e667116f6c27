package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.elb.LoadBalancer;
import java.util.Map;

/** A load balancer routed requests to targets in a zone that should have had none. */
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
  public static ShouldHaveRoutedNoRequestsTo shouldHaveRoutedNoRequestsTo(LoadBalancer lb, String zone, Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting load balancer ").append(ScalingFacts.quoted(lb.name())).append(" to have routed no requests to targets in ").append(zone).append('\n');
    sb.append("but it routed ").append(counts.get(zone)).append(" there (requests per zone: ").append(ScalingFacts.counts(counts)).append(").\n");
    sb.append(TimelineSlice.of(lb.timeline(), e -> e.resource().equals("lb/" + lb.name()) || e.resource().equals("zone/" + zone)));
    return new ShouldHaveRoutedNoRequestsTo(sb.toString().stripTrailing());
  }
}
