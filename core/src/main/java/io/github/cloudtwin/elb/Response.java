package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a target answers to one request (or health check): a status after a latency, no answer at
 * all, or a refused connection.
 *
 * @param kind ANSWERED, NO_RESPONSE or REFUSED
 * @param status the HTTP status (0 unless answered)
 * @param latency virtual time to answer (0 unless answered)
 * @param body the body, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Response(Kind kind, int status, Duration latency, @Nullable String body) {

  /** How the target answered. */
  public enum Kind {
    /** An HTTP response. */
    ANSWERED,
    /**
     * Nothing within any timeout: the load balancer times out (504; health check Target.Timeout).
     */
    NO_RESPONSE,
    /** The connection was refused or reset (502; health check Target.FailedHealthChecks). */
    REFUSED
  }

  /**
   * Validates.
   *
   * @param kind ANSWERED, NO_RESPONSE or REFUSED
   * @param status the HTTP status (0 unless answered)
   * @param latency virtual time to answer (0 unless answered)
   * @param body the body, or null
   */
  public Response {
    Require.notNull("kind", kind);
    latency =
        latency == null
            ? Duration.ZERO
            : Require.between(
                "latency", Require.notNegative("latency", latency), Duration.ZERO, Require.LONGEST);
    if (kind == Kind.ANSWERED) Require.between("status", status, 100, 599);
  }

  /**
   * An answer with {@code status} after {@code latency}.
   *
   * @param status the status
   * @param latency the latency
   * @return an answer with {@code status} after {@code latency}
   */
  public static Response of(int status, Duration latency) {
    return new Response(Kind.ANSWERED, status, latency, null);
  }

  /**
   * An answer with {@code status} after {@code latency} and a body.
   *
   * @param status the status
   * @param latency the latency
   * @param body the body
   * @return an answer with {@code status} after {@code latency} and a body
   */
  public static Response of(int status, Duration latency, String body) {
    return new Response(Kind.ANSWERED, status, latency, body);
  }

  /** {@return no answer} */
  public static Response noResponse() {
    return new Response(Kind.NO_RESPONSE, 0, Duration.ZERO, null);
  }

  /** {@return a refused connection} */
  public static Response refused() {
    return new Response(Kind.REFUSED, 0, Duration.ZERO, null);
  }
}
