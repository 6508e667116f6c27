package io.github.cloudtwin.internal;

import io.github.cloudtwin.elb.Request;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Internal, not API: offered traffic as Elastic Load Balancing carries it, for the services that
 * drive it or bill its cost in CPU ({@code twin.traffic()}'s workloads, ECS's awsvpc tasks).
 * Elastic Load Balancing offers it on the twin's {@link Wiring}; users apply workloads through
 * {@code twin.traffic()}. Every method runs under the twin's lock.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface LoadBalancerTraffic {

  /**
   * Offers a steady flow of {@code requestsPerSecond} requests shaped like {@code request} to the
   * load balancer, from now until changed.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @param requestsPerSecond 0 to 10^9 requests per second
   * @return the flow's id, for {@link #setRate}
   */
  long offer(String loadBalancerName, Request request, double requestsPerSecond);

  /**
   * Changes the rate of an offered flow (0 stops it).
   *
   * @param flowId the flow id
   * @param requestsPerSecond 0 to 10^9 requests per second
   */
  void setRate(long flowId, double requestsPerSecond);

  /**
   * {@return whether any target has ever served offered traffic (a fast path for CPU models; once
   * true it stays true)}
   */
  boolean hasServedTraffic();

  /**
   * {@return the average requests per second the target served over {@code [from, to)} of offered
   * traffic}
   *
   * @param targetId the target id
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   */
  double averageServedRate(String targetId, Instant from, Instant to);

  /**
   * {@return as {@link #averageServedRate(String, Instant, Instant)}, the window in epoch ms}
   *
   * @param targetId the target id
   * @param fromMillis the window's start (inclusive)
   * @param toMillis the window's end (exclusive)
   */
  default double averageServedRate(String targetId, long fromMillis, long toMillis) {
    return averageServedRate(
        targetId, Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis));
  }

  /**
   * {@return a handle on the target's served rate, for a caller that asks for it every minute (a
   * CPU model): it answers as {@link #averageServedRate(String, long, long)} without a look-up by
   * id}
   *
   * @param targetId the target id (it need not be a target yet)
   */
  default ServedRate servedRateOf(String targetId) {
    return (fromMillis, toMillis) -> averageServedRate(targetId, fromMillis, toMillis);
  }

  /**
   * One target's served rate, as {@link #servedRateOf} hands it out; asked under the twin's lock.
   */
  @FunctionalInterface
  @API(status = API.Status.INTERNAL, since = "0.1.0")
  interface ServedRate {
    /**
     * {@return the average requests per second the target served over {@code [fromMillis,
     * toMillis)} of offered traffic}
     *
     * @param fromMillis the window's start (inclusive, epoch ms)
     * @param toMillis the window's end (exclusive, epoch ms)
     */
    double average(long fromMillis, long toMillis);
  }

  /**
   * {@return the requests per second the target serves now, of offered traffic}
   *
   * @param targetId the target id
   */
  double servedRate(String targetId);
}
