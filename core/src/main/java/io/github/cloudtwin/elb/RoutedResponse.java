package io.github.cloudtwin.elb;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one request sent through a load balancer: who answered, the status the client saw
 * and the latency.
 *
 * @param status the HTTP status the client saw; 0 when the connection failed (the node it reached
 *     is down)
 * @param latency virtual time until the client had its answer
 * @param targetId the target that answered, or null (fixed response, ELB error before a target)
 * @param targetGroup the target group, or null
 * @param targetZone the target's zone, or null
 * @param nodeZone the zone of the load-balancer node that took the request, or null
 * @param fromLoadBalancer whether the load balancer produced the status (fixed response, 502, 503,
 *     504) rather than a target
 * @param body the body, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RoutedResponse(
    int status,
    Duration latency,
    @Nullable String targetId,
    @Nullable String targetGroup,
    @Nullable String targetZone,
    @Nullable String nodeZone,
    boolean fromLoadBalancer,
    @Nullable String body) {

  /** {@return whether the client got a 2xx or 3xx} */
  public boolean isSuccess() {
    return status >= 200 && status < 400;
  }
}
