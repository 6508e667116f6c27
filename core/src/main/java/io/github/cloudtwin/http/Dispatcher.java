package io.github.cloudtwin.http;

import static io.github.cloudtwin.http.Responses.text;
import static io.github.cloudtwin.http.Responses.write;

import io.github.cloudtwin.kernel.TwinClosedException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Carries out what the router decides for one request: answers it directly, proxies it over the
 * listener's {@link Upstream} pool, or answers 502 for an unreachable node; tells the outcome's
 * {@code done} the status the client gets, before the client can read it.
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

  private final HttpRouter router;
  private final Upstream upstream;

  Dispatcher(HttpRouter router, Upstream upstream) {
    this.router = router;
    this.upstream = upstream;
  }

  /**
   * Answers one request on {@code out}.
   *
   * @param close whether the answer closes the connection anyway (the client asked to)
   * @return whether the connection must be closed afterwards
   */
  boolean answer(IncomingRequest req, OutputStream out, boolean close) throws IOException {
    HttpOutcome o;
    try {
      o = router.route(req);
    } catch (TwinClosedException e) {
      write(out, 503, Map.of(), text("503 Service Unavailable: the twin is closed"), true);
      return true;
    } catch (RuntimeException e) {
      write(out, 500, Map.of(), text("500 Internal Server Error"), true);
      return true;
    }
    if (o.abort()) {
      // A loopback listener cannot make one node unreachable: the client gets a 502 that names the
      // lost node, and the connection is closed (docs/load-balancing.md, fake choices).
      done(o, 502);
      write(
          out,
          502,
          o.responseHeaders(),
          text("502 Bad Gateway: load balancer node unreachable"),
          true);
      return true;
    }
    URI target = o.proxyTo();
    if (target == null) {
      // Counted (and no longer in flight) before the client can read the answer: a client that
      // reads a count right after its response sees its own request, and a client that hangs up
      // mid-write cannot leave the request in flight forever.
      done(o, o.status());
      String body = o.body();
      write(out, o.status(), o.responseHeaders(), body == null ? new byte[0] : text(body), close);
      return false;
    }
    proxy(req, o, target, out, close);
    return false;
  }

  private void proxy(
      IncomingRequest req, HttpOutcome o, URI target, OutputStream out, boolean close)
      throws IOException {
    int status;
    Map<String, String> rh;
    byte[] respBody;
    try {
      Upstream.Reply r =
          upstream.send(
              target, req.method(), req.path(), req.headers(), o.headers(), HOP_BY_HOP, req.body());
      status = r.status();
      rh = new LinkedHashMap<>(r.headers()); // end-to-end only
      respBody = r.body();
    } catch (IOException | RuntimeException e) {
      status = 502;
      rh = new LinkedHashMap<>();
      respBody = text("502 Bad Gateway");
    }
    rh.putAll(o.responseHeaders());
    done(o, status);
    write(out, status, rh, respBody, close);
  }

  private static void done(HttpOutcome out, int status) {
    IntConsumer done = out.done();
    if (done != null) done.accept(status);
  }
}
