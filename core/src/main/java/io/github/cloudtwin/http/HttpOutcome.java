package io.github.cloudtwin.http;

import java.net.URI;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the listener does with a request, as its {@link HttpRouter} decided: answer directly, proxy
 * to a real address, or drop the connection. {@code done} is told the status the client got (502
 * when proxying failed or the node was down).
 *
 * @param status the status to answer with (respond only)
 * @param headers response headers (respond) or headers to add to the proxied request (proxy)
 * @param body the body to answer with (respond only), or null
 * @param proxyTo the base address to proxy to (proxy only), or null
 * @param abort whether the client could not have reached a working node: answered with a 502 naming
 *     that, and the connection closed
 * @param responseHeaders headers added to the client's response in every case
 * @param done told the final status, on the request thread; may be null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HttpOutcome(
    int status,
    Map<String, String> headers,
    @Nullable String body,
    @Nullable URI proxyTo,
    boolean abort,
    Map<String, String> responseHeaders,
    @Nullable IntConsumer done) {

  /**
   * Answer with {@code status} and {@code body}.
   *
   * @param status the status
   * @param body the body
   * @param responseHeaders the response headers
   * @param done the done
   * @return answer with {@code status} and {@code body}
   */
  public static HttpOutcome respond(
      int status,
      @Nullable String body,
      Map<String, String> responseHeaders,
      @Nullable IntConsumer done) {
    return new HttpOutcome(status, Map.of(), body, null, false, responseHeaders, done);
  }

  /**
   * Proxy to {@code base} (path and query kept), adding {@code requestHeaders}.
   *
   * @param base the base
   * @param requestHeaders the request headers
   * @param responseHeaders the response headers
   * @param done the done
   * @return proxy to {@code base} (path and query kept), adding {@code requestHeaders}
   */
  public static HttpOutcome proxy(
      URI base,
      Map<String, String> requestHeaders,
      Map<String, String> responseHeaders,
      @Nullable IntConsumer done) {
    return new HttpOutcome(0, requestHeaders, null, base, false, responseHeaders, done);
  }

  /**
   * The node the client reached is down: 502 and the connection closed.
   *
   * @param responseHeaders the response headers
   * @param done the done
   * @return the node the client reached is down: 502 and the connection closed
   */
  public static HttpOutcome abort(Map<String, String> responseHeaders, @Nullable IntConsumer done) {
    return new HttpOutcome(502, Map.of(), null, null, true, responseHeaders, done);
  }
}
