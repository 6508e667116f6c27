package io.github.cloudtwin.http;

import static io.github.cloudtwin.http.Responses.encode;
import static io.github.cloudtwin.http.Responses.text;

import io.github.cloudtwin.kernel.TwinClosedException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Carries out what the router decides for one request: answers it directly, proxies it over the
 * event loop's {@link Upstream} pool, or answers 502 for an unreachable node; tells the outcome's
 * {@code done} the status the client gets, before the client can read it. Shared by a listener's
 * loops: the router is called on each loop's thread.
 */
final class Dispatcher {

  /** Headers that belong to one connection and are never forwarded in either direction. */
  static final List<String> HOP_BY_HOP_NAMES =
      List.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "host",
          "content-length");

  /** {@link #HOP_BY_HOP_NAMES} as a set. */
  static final Set<String> HOP_BY_HOP = Set.copyOf(HOP_BY_HOP_NAMES);

  /** Where the answer to one request goes. */
  interface Reply {
    /** Writes {@code response}, a whole answer; the connection closes after it if {@code close}. */
    void respond(byte[] response, boolean close);
  }

  private final HttpRouter router;

  Dispatcher(HttpRouter router) {
    this.router = router;
  }

  /**
   * Answers one request through {@code reply}, now or (when proxied) once {@code upstream} has the
   * target's answer; on the loop's thread.
   *
   * @param close whether the answer closes the connection anyway (the client asked to)
   */
  void answer(IncomingRequest req, boolean close, Upstream upstream, Reply reply) {
    HttpOutcome o;
    try {
      o = router.route(req);
    } catch (TwinClosedException e) {
      reply.respond(
          encode(503, Map.of(), text("503 Service Unavailable: the twin is closed"), true), true);
      return;
    } catch (RuntimeException e) {
      reply.respond(encode(500, Map.of(), text("500 Internal Server Error"), true), true);
      return;
    }
    if (o.abort()) {
      // A loopback listener cannot make one node unreachable: the client gets a 502 that names the
      // lost node, and the connection is closed (docs/load-balancing.md, fake choices).
      done(o, 502);
      reply.respond(
          encode(
              502,
              o.responseHeaders(),
              text("502 Bad Gateway: load balancer node unreachable"),
              true),
          true);
      return;
    }
    URI target = o.proxyTo();
    if (target == null) {
      // Counted (and no longer in flight) before the client can read the answer: a client that
      // reads a count right after its response sees its own request, and a client that hangs up
      // mid-write cannot leave the request in flight forever.
      done(o, o.status());
      String body = o.body();
      reply.respond(
          encode(o.status(), o.responseHeaders(), body == null ? new byte[0] : text(body), close),
          close);
      return;
    }
    byte[] request;
    try {
      request =
          Upstream.request(
              target, req.method(), req.path(), req.headers(), o.headers(), HOP_BY_HOP, req.body());
    } catch (RuntimeException e) {
      proxied(o, null, close, reply);
      return;
    }
    upstream.send(target, request, req.method().equals("HEAD"), r -> proxied(o, r, close, reply));
  }

  /** Answers with the target's reply, or 502 when there is none. */
  private static void proxied(
      HttpOutcome o, Upstream.@Nullable Reply r, boolean close, Reply reply) {
    int status;
    Map<String, String> rh;
    byte[] respBody;
    if (r != null) {
      status = r.status();
      rh = new LinkedHashMap<>(r.headers()); // end-to-end only
      respBody = r.body();
    } else {
      status = 502;
      rh = new LinkedHashMap<>();
      respBody = text("502 Bad Gateway");
    }
    rh.putAll(o.responseHeaders());
    try {
      done(o, status);
    } catch (RuntimeException e) {
      reply.respond(encode(500, Map.of(), text("500 Internal Server Error"), true), true);
      return;
    }
    reply.respond(encode(status, rh, respBody, close), close);
  }

  private static void done(HttpOutcome out, int status) {
    IntConsumer done = out.done();
    if (done != null) done.accept(status);
  }
}
