package io.github.cloudtwin.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 client for proxying: persistent connections pooled per address, one request at
 * a time per connection. Only {@code http://} addresses.
 */
final class Upstream implements AutoCloseable {

  /**
   * A proxied response.
   *
   * @param headers its end-to-end headers, the first value of each name: the {@link
   *     Dispatcher#HOP_BY_HOP hop-by-hop} ones are left out
   */
  record Reply(int status, Map<String, String> headers, byte[] body, boolean keepAlive) {}

  private static final class Conn {
    final Socket socket;
    final SocketInput in;
    final OutputStream out;

    Conn(Socket socket, @Nullable ReadDeadlines deadlines) throws IOException {
      this.socket = socket;
      this.in =
          deadlines == null
              ? new SocketInput(socket, 16 * 1024, false)
              : deadlines.watch(socket, 16 * 1024);
      this.in.perRead(READ_TIMEOUT_MILLIS);
      this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }
  }

  private static final int READ_TIMEOUT_MILLIS = 60_000;

  private final Map<String, ConcurrentLinkedQueue<Conn>> pools = new ConcurrentHashMap<>();
  private final Set<Conn> all = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private final @Nullable ReadDeadlines deadlines;

  /** A pool whose reads time out by their sockets' read timeouts. */
  Upstream() {
    this(null);
  }

  /** A pool whose reads {@code deadlines} ends at their timeout (null: the sockets' timeouts). */
  Upstream(@Nullable ReadDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  Reply send(
      URI base,
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      Map<String, String> extra,
      Set<String> skip,
      byte[] body)
      throws IOException {
    if (!"http".equalsIgnoreCase(base.getScheme()))
      throw new IOException("only http:// targets can be proxied: " + base);
    String host = base.getHost();
    int port = base.getPort() < 0 ? 80 : base.getPort();
    String key = host + ":" + port;
    StringBuilder sb = new StringBuilder(256);
    String basePath =
        base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/")
            ? ""
            : base.getRawPath();
    sb.append(method).append(' ').append(basePath).append(pathAndQuery).append(" HTTP/1.1\r\n");
    sb.append("Host: ").append(key).append("\r\n");
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (skip.contains(e.getKey()) || extra.containsKey(e.getKey())) continue;
      for (String v : e.getValue()) sb.append(e.getKey()).append(": ").append(v).append("\r\n");
    }
    for (Map.Entry<String, String> e : extra.entrySet())
      sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    if (body.length > 0 || !(method.equals("GET") || method.equals("HEAD")))
      sb.append("Content-Length: ").append(body.length).append("\r\n");
    sb.append("\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    ConcurrentLinkedQueue<Conn> pool =
        pools.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
    for (int attempt = 0; ; attempt++) {
      Conn c = pool.poll();
      boolean reused = c != null;
      if (c == null) c = open(host, port);
      try {
        c.out.write(head);
        c.out.write(body);
        c.out.flush();
        Reply r = read(c, method.equals("HEAD"));
        if (r.keepAlive() && !closed) pool.offer(c);
        else drop(c);
        return r;
      } catch (IOException e) {
        drop(c);
        if (!reused || attempt > 0) throw e; // a stale pooled connection gets one retry
      }
    }
  }

  private Conn open(String host, int port) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(host, port), 10_000);
    Conn c;
    try {
      c = new Conn(s, deadlines);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    all.add(c);
    return c;
  }

  private void drop(Conn c) {
    all.remove(c);
    if (deadlines != null) deadlines.forget(c.in);
    try {
      c.socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Reads one response, and whether the connection may be reused. */
  private static Reply read(Conn c, boolean head) throws IOException {
    String status = RequestReader.readLine(c.in);
    if (status == null) throw new IOException("connection closed by the target");
    int sp = status.indexOf(' ');
    int end = sp < 0 ? -1 : status.indexOf(' ', sp + 1);
    if (end < 0) end = status.length();
    if (sp < 0 || end == sp + 1 || !status.startsWith("HTTP/1."))
      throw new IOException("malformed status line: " + status);
    String version = status.substring(0, sp);
    int code;
    try {
      code = Integer.parseInt(status, sp + 1, end, 10);
    } catch (NumberFormatException e) {
      throw new IOException("malformed status line: " + status, e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, List<String>> lower = new HashMap<>(4); // the hop-by-hop ones, by lower-case name
    for (String line = RequestReader.readLine(c.in);
        line != null && !line.isEmpty();
        line = RequestReader.readLine(c.in)) {
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      String k = line.substring(0, colon).trim();
      String v = line.substring(colon + 1).trim();
      String hop = hopByHop(k);
      if (hop == null) headers.putIfAbsent(k, v);
      else lower.computeIfAbsent(hop, x -> new ArrayList<>(1)).add(v);
    }
    boolean keep =
        !"close".equalsIgnoreCase(HttpListener.first(lower, "connection"))
            && version.equals("HTTP/1.1");
    byte[] body;
    if (head || code == 204 || code == 304 || code / 100 == 1) {
      body = new byte[0];
    } else if (HttpListener.first(lower, "transfer-encoding") != null
        || HttpListener.first(lower, "content-length") != null) {
      body =
          new RequestReader(c.in, HttpListener.Limits.DEFAULT.maxBodyBytes())
              .body(lower); // a BadRequest is an IOException: 502
    } else {
      body = c.in.readAllBytes();
      keep = false;
    }
    return new Reply(code, headers, body, keep);
  }

  /** {@return the lower-case name of {@code name} if it is hop-by-hop, else null} */
  private static @Nullable String hopByHop(String name) {
    for (String h : Dispatcher.HOP_BY_HOP_NAMES) {
      if (h.length() == name.length() && h.equalsIgnoreCase(name)) return h;
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    for (Conn c : all) drop(c);
    pools.clear();
  }
}
