package io.github.cloudtwin.http;

import org.apiguardian.api.API;

/**
 * Decides what a listener does with each request; the load balancer implements it over its routing
 * snapshot. Called on the listener's event-loop threads concurrently: implementations must be
 * thread-safe, must not wait on the simulation lock, and should not block (a slow route delays the
 * other connections of its loop).
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface HttpRouter {

  /**
   * The outcome for {@code request}.
   *
   * @param request the request
   * @return the outcome for {@code request}
   */
  HttpOutcome route(IncomingRequest request);
}
