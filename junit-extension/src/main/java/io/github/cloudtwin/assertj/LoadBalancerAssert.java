package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldHaveRoutedNoRequestsTo.shouldHaveRoutedNoRequestsTo;
import static io.github.cloudtwin.assertj.error.ShouldHaveRoutedRequestsOnlyTo.shouldHaveRoutedRequestsOnlyTo;

import io.github.cloudtwin.elb.LoadBalancer;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link LoadBalancer}: where it routed requests (counted per target zone since
 * creation or the last reset, as {@link LoadBalancer#requestCountByZone()}: requests sent one by
 * one, through the HTTP listener, and of workloads). Both fail when no request was routed at all.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class LoadBalancerAssert extends AbstractObjectAssert<LoadBalancerAssert, LoadBalancer> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public LoadBalancerAssert(@Nullable LoadBalancer actual) {
    super(actual, LoadBalancerAssert.class);
  }

  /**
   * Verifies that no request was routed to a target in {@code zone}, and that requests were routed
   * (to other zones): with no request at all the assertion would prove nothing, so it fails.
   *
   * @param zone verifies that no request was routed to a target in {@code zone}, and that requests
   *     were routed (to other zones): with no request at all the assertion would prove nothing, so
   *     it fails
   * @return this assertion
   */
  public LoadBalancerAssert routedNoRequestsTo(String zone) {
    isNotNull();
    Map<String, Long> counts = actual.requestCountByZone();
    long total = 0;
    for (long c : counts.values()) total += c;
    if (total == 0 || counts.getOrDefault(zone, 0L) > 0) {
      throw assertionError(shouldHaveRoutedNoRequestsTo(actual, zone, counts));
    }
    return myself;
  }

  /**
   * Verifies that every request was answered by a target in one of {@code zones}, and some were.
   *
   * @param zones verifies that every request was answered by a target in one of {@code zones}, and
   *     some were
   * @return this assertion
   */
  public LoadBalancerAssert routedRequestsOnlyTo(String... zones) {
    isNotNull();
    List<String> allowed = List.of(zones);
    Map<String, Long> counts = actual.requestCountByZone();
    boolean any = false;
    boolean outside = false;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() == 0) continue;
      any = true;
      if (!allowed.contains(e.getKey())) outside = true;
    }
    if (!any || outside) {
      throw assertionError(shouldHaveRoutedRequestsOnlyTo(actual, allowed, counts));
    }
    return myself;
  }
}
