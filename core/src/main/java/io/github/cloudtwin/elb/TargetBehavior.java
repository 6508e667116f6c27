package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How a target answers requests and health checks. Targets are healthy or not because of what their
 * behaviour answers, never because of a flag. Called on request threads (real HTTP) and on the
 * simulation thread: implementations must be thread-safe and must not call into the twin.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface TargetBehavior {

  /**
   * The answer to {@code request}.
   *
   * @param request the request
   * @return the answer to {@code request}
   */
  Response handle(Request request);

  /**
   * Answers everything with 200 after {@code latency}.
   *
   * @param latency the latency
   * @return the behaviour
   */
  static TargetBehavior healthy(Duration latency) {
    Require.notNegative("latency", latency);
    Response r = Response.of(200, latency);
    return req -> r;
  }

  /**
   * Answers everything with {@code status} after {@code latency}.
   *
   * @param status the status
   * @param latency the latency
   * @return the behaviour
   */
  static TargetBehavior status(int status, Duration latency) {
    Response r = Response.of(status, latency);
    return req -> r;
  }

  /** {@return never answers (a hung process)} */
  static TargetBehavior noResponse() {
    Response r = Response.noResponse();
    return req -> r;
  }

  /**
   * Refuses connections (a stopped process).
   *
   * @return the behaviour
   */
  static TargetBehavior refused() {
    Response r = Response.refused();
    return req -> r;
  }

  /**
   * {@return this behaviour for traffic, but health checks answer 500 (a broken health endpoint)}
   */
  default TargetBehavior failingHealthChecks() {
    TargetBehavior self = this;
    Response fail = Response.of(500, Duration.ofMillis(1));
    return req -> req.healthCheck() ? fail : self.handle(req);
  }
}
