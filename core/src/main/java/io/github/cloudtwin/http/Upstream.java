package io.github.cloudtwin.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A minimal non-blocking HTTP/1.1 client for proxying, one per {@link EventLoop}: persistent
 * connections pooled per address, one request at a time per connection. Only {@code http://}
 * addresses. A request that fails on a pooled connection before any byte of its answer arrived is
 * sent once more on a new connection (the target may have closed the idle one).
 */
final class Upstream {

  /**
   * A proxied response.
   *
   * @param headers its end-to-end headers, the first value of each name: the {@link
   *     Dispatcher#HOP_BY_HOP hop-by-hop} ones are left out
   */
  record Reply(int status, Map<String, String> headers, byte[] body, boolean keepAlive) {}

  /** Told the reply of one exchange, or null when it failed (the client gets a 502). */
  @FunctionalInterface
  interface Callback {
    void completed(@Nullable Reply reply);
  }

  /** One request to send: its bytes, where to, and whom to tell. */
  record Exchange(
      InetSocketAddress address, String key, byte[] request, boolean head, Callback callback) {}

  private final EventLoop loop;
  private final Map<String, ArrayDeque<UpstreamConnection>> idle = new HashMap<>();

  Upstream(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * The bytes of a request to {@code base}: the request line with base's path before {@code
   * pathAndQuery}, Host, {@code headers} except those in {@code skip} or {@code extra}, then {@code
   * extra}, a Content-Length when there is a body or the method may have one, and the body.
   */
  static byte[] request(
      URI base,
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      Map<String, String> extra,
      Set<String> skip,
      byte[] body) {
    StringBuilder sb = new StringBuilder(256);
    String basePath =
        base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/")
            ? ""
            : base.getRawPath();
    sb.append(method).append(' ').append(basePath).append(pathAndQuery).append(" HTTP/1.1\r\n");
    sb.append("Host: ").append(key(base)).append("\r\n");
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (skip.contains(e.getKey()) || extra.containsKey(e.getKey())) continue;
      for (String v : e.getValue()) sb.append(e.getKey()).append(": ").append(v).append("\r\n");
    }
    for (Map.Entry<String, String> e : extra.entrySet())
      sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    if (body.length > 0 || !(method.equals("GET") || method.equals("HEAD")))
      sb.append("Content-Length: ").append(body.length).append("\r\n");
    sb.append("\r\n");
    return Responses.bytes(sb, body);
  }

  private static String key(URI base) {
    return base.getHost() + ":" + (base.getPort() < 0 ? 80 : base.getPort());
  }

  /**
   * Sends {@code request} to {@code base} and tells {@code callback} the reply (on this loop's
   * thread, possibly before this returns).
   */
  void send(URI base, byte[] request, boolean head, Callback callback) {
    if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      callback.completed(null); // only http:// targets can be proxied
      return;
    }
    String key = key(base);
    InetSocketAddress address =
        new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
    Exchange x = new Exchange(address, key, request, head, callback);
    ArrayDeque<UpstreamConnection> pool = idle.get(key);
    UpstreamConnection c = pool == null ? null : pool.pollFirst();
    if (c != null) c.send(x, true);
    else open(x);
  }

  /** Sends {@code x} on a new connection. */
  void open(Exchange x) {
    UpstreamConnection c;
    try {
      c = UpstreamConnection.open(loop, this, x.address());
    } catch (IOException | RuntimeException e) {
      x.callback().completed(null);
      return;
    }
    c.send(x, false);
  }

  /** Keeps {@code c}, idle, for the next request to its address. */
  void release(String key, UpstreamConnection c) {
    idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(c);
  }

  /** Forgets {@code c}, closed while idle. */
  void forget(String key, UpstreamConnection c) {
    ArrayDeque<UpstreamConnection> pool = idle.get(key);
    if (pool != null) pool.remove(c);
  }
}
