package io.github.cloudtwin.http;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TwinClosedException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import org.apiguardian.api.API;

/**
 * A real HTTP/1.1 listener on 127.0.0.1 and an ephemeral port (never any other interface). Each
 * request is routed by an {@link HttpRouter} and answered directly or proxied to a real {@code
 * http://} address over pooled keep-alive connections.
 *
 * <p>Connections are kept alive; one thread serves one connection at a time, at most {@link
 * Limits#maxConnections()} at once: a connection beyond that is answered {@code 503} and closed. A
 * request head must arrive within {@link Limits#headerTimeout()} ({@code 408} otherwise), an idle
 * keep-alive connection is closed after {@link Limits#idleTimeout()}. Malformed requests get a
 * status (400, 413, 414, 431), never a stack trace: an error inside routing is a plain {@code 500}.
 * {@link #close()} frees the port and stops its threads. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class HttpListener implements AutoCloseable {

  /**
   * The bounds of one listener.
   *
   * @param maxConnections connections served at once (1 to 4096)
   * @param headerTimeout how long a client may take to send a request head
   * @param idleTimeout how long a keep-alive connection may wait for its next request, and a body
   *     read for its next bytes
   * @param maxBodyBytes the largest request body (413 above)
   */
  public record Limits(
      int maxConnections, Duration headerTimeout, Duration idleTimeout, int maxBodyBytes) {

    /** 1,024 connections, 10 s for a request head, 60 s idle (an ALB's default), 16 MB bodies. */
    public static final Limits DEFAULT =
        new Limits(1024, Duration.ofSeconds(10), Duration.ofSeconds(60), 16 * 1024 * 1024);

    /**
     * Validates.
     *
     * @param maxConnections connections served at once (1 to 4096)
     * @param headerTimeout how long a client may take to send a request head
     * @param idleTimeout how long a keep-alive connection may wait for its next request
     * @param maxBodyBytes the largest request body
     */
    public Limits {
      Require.between("maxConnections", maxConnections, 1, 4096);
      Require.positive("headerTimeout", headerTimeout);
      Require.positive("idleTimeout", idleTimeout);
      if (headerTimeout.compareTo(Duration.ofHours(1)) > 0
          || idleTimeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new io.github.cloudtwin.kernel.ValidationException(
            "headerTimeout", headerTimeout + "/" + idleTimeout, "at most 1 hour each");
      }
      Require.between("maxBodyBytes", maxBodyBytes, 0, Integer.MAX_VALUE - 8);
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "host",
          "content-length");
  private static final String ALLOW = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";

  private final String name;
  private final Limits limits;
  private final ServerSocket server;
  private final ThreadPoolExecutor connections;
  private final ThreadPoolExecutor refusals;
  private final Upstream upstream = new Upstream();
  private final HttpRouter router;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean closed;

  private HttpListener(String name, HttpRouter router, Limits limits) throws IOException {
    this.name = name;
    this.router = router;
    this.limits = limits;
    AtomicInteger n = new AtomicInteger();
    this.connections =
        new ThreadPoolExecutor(
            0,
            limits.maxConnections(),
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "cloudtwin-http-" + name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.refusals =
        new ThreadPoolExecutor(
            0,
            2,
            5,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            r -> {
              Thread t = new Thread(r, "cloudtwin-http-" + name + "-refuse");
              t.setDaemon(true);
              return t;
            });
    this.server = new ServerSocket();
    this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    this.acceptor = new Thread(this::acceptLoop, "cloudtwin-http-" + name + "-accept");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /**
   * Starts a listener named {@code name} (for thread names) on 127.0.0.1 and an ephemeral port,
   * with the {@link Limits#DEFAULT default limits}.
   *
   * @param threads unused hint kept for compatibility; one thread serves each open connection
   * @param name the name
   * @param router the router
   * @return the started listener; close it to stop
   */
  public static HttpListener start(String name, HttpRouter router, int threads) {
    Require.between("threads", threads, 1, Limits.DEFAULT.maxConnections());
    return start(name, router, Limits.DEFAULT);
  }

  /**
   * Starts a listener named {@code name} on 127.0.0.1 and an ephemeral port with {@code limits}.
   *
   * @param name the name (for thread names)
   * @param router what to do with each request
   * @param limits the bounds of the listener
   * @return the running listener
   */
  public static HttpListener start(String name, HttpRouter router, Limits limits) {
    Require.name("name", name);
    Require.notNull("router", router);
    Require.notNull("limits", limits);
    try {
      return new HttpListener(name, router, limits);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not open an HTTP listener on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** {@return the port on 127.0.0.1} */
  public int port() {
    return server.getLocalPort();
  }

  /** {@return the base address, such as {@code http://127.0.0.1:53124/}} */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** {@return the bounds of this listener} */
  public Limits limits() {
    return limits;
  }

  /** {@return how many connections were answered 503 because all connection threads were busy} */
  public int refusedConnections() {
    return refused.get();
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return closed;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (closed) return;
        continue;
      }
      open.add(s);
      try {
        connections.execute(() -> serve(s));
      } catch (RuntimeException full) {
        refused.incrementAndGet();
        try {
          refusals.execute(() -> refuse(s));
        } catch (RuntimeException alsoFull) {
          open.remove(s);
          closeQuietly(s);
        }
      }
    }
  }

  /** Answers a connection beyond the limit with 503 and closes it. */
  private void refuse(Socket s) {
    try (s) {
      OutputStream out = s.getOutputStream();
      write(
          out,
          503,
          Map.of("Retry-After", "1"),
          text(
              "503 Service Unavailable: all "
                  + limits.maxConnections()
                  + " connections of this listener are busy"),
          true);
      drainBeforeClose(s, s.getInputStream(), 200);
    } catch (IOException | RuntimeException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  /**
   * Acknowledges what has arrived now rather than after the delayed-ACK timer: a client that writes
   * a request's head and body in two segments with Nagle's algorithm on holds the body back until
   * the head is acknowledged, about 40 ms on Linux otherwise.
   */
  private static void acknowledgeNow(Socket s) {
    try {
      s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    } catch (IOException | UnsupportedOperationException e) {
      // an optimisation only: without it the request is still answered
    }
  }

  private void serve(Socket s) {
    OutputStream out = null;
    try (s) {
      s.setTcpNoDelay(true);
      DeadlineInputStream din = new DeadlineInputStream(s);
      InputStream in = new BufferedInputStream(din, 16 * 1024);
      out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      RequestReader reader = new RequestReader(in, limits.maxBodyBytes());
      String remoteIp = s.getInetAddress().getHostAddress();
      int remotePort = s.getPort();
      boolean first = true;
      boolean quickAck = s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
      while (!closed) {
        // the first request's head must arrive within the header timeout; later ones may idle first
        din.deadline((first ? limits.headerTimeout() : limits.idleTimeout()).toMillis());
        in.mark(1);
        try {
          if (in.read() < 0) return;
        } catch (SocketTimeoutException idle) {
          if (first) write(out, 408, Map.of(), text("408 Request Timeout"), true);
          return;
        }
        in.reset();
        din.deadline(limits.headerTimeout().toMillis());
        RequestReader.Parsed p;
        try {
          String line = reader.requestLine();
          if (line == null) return;
          if (quickAck) acknowledgeNow(s);
          p = reader.readHead(line, din, limits.idleTimeout());
        } catch (BadRequest e) {
          write(out, e.status, Map.of(), text(e.getMessage()), true);
          if (e.drain) drainBeforeClose(s, in, 2_000);
          return;
        } catch (SocketTimeoutException e) {
          write(
              out,
              408,
              Map.of(),
              text(
                  "408 Request Timeout: the request did not arrive within "
                      + limits.headerTimeout()),
              true);
          return;
        }
        first = false;
        if (p.target().equals("*")) {
          write(out, 200, Map.of("Allow", ALLOW), new byte[0], !p.keepAlive());
          if (!p.keepAlive()) return;
          continue;
        }
        IncomingRequest req =
            new IncomingRequest(
                p.method(), p.target(), p.headers(), remoteIp, remotePort, p.body());
        boolean close = !p.keepAlive();
        close |= handle(req, out, close);
        if (close) return;
      }
    } catch (IOException e) {
      // the client went away or idled out
    } catch (RuntimeException e) {
      // never a stack trace on the wire, nor an exception escaping a listener thread
      if (out != null) {
        try {
          write(out, 500, Map.of(), text("500 Internal Server Error"), true);
        } catch (IOException | RuntimeException ignored) {
          // the client went away
        }
      }
    } finally {
      open.remove(s);
    }
  }

  /** Handles one request; returns whether the connection must be closed afterwards. */
  private boolean handle(IncomingRequest req, OutputStream out, boolean close) throws IOException {
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
    if (o.proxyTo() == null) {
      // Counted (and no longer in flight) before the client can read the answer: a client that
      // reads a count right after its response sees its own request, and a client that hangs up
      // mid-write cannot leave the request in flight forever.
      done(o, o.status());
      write(
          out,
          o.status(),
          o.responseHeaders(),
          o.body() == null ? new byte[0] : text(o.body()),
          close);
      return false;
    }
    int status;
    Map<String, String> rh = new LinkedHashMap<>();
    byte[] respBody;
    try {
      Upstream.Reply r =
          upstream.send(
              o.proxyTo(),
              req.method(),
              req.path(),
              req.headers(),
              o.headers(),
              HOP_BY_HOP,
              req.body());
      status = r.status();
      r.headers()
          .forEach(
              (k, v) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) rh.put(k, v);
              });
      respBody = r.body();
    } catch (IOException | RuntimeException e) {
      status = 502;
      respBody = text("502 Bad Gateway");
    }
    rh.putAll(o.responseHeaders());
    done(o, status);
    write(out, status, rh, respBody, close);
    return false;
  }

  private static void done(HttpOutcome out, int status) {
    if (out.done() != null) out.done().accept(status);
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * After an error answer to a client that may still be sending (an oversized header or body),
   * half-closes and discards what it sends (at most 4 MB, at most {@code millis}), so closing does
   * not reset the connection before the client has read the answer.
   */
  private static void drainBeforeClose(Socket s, InputStream in, int millis) {
    try {
      s.shutdownOutput();
      s.setSoTimeout(millis);
      long until = System.nanoTime() + millis * 1_000_000L;
      byte[] sink = new byte[16 * 1024];
      long left = 4L * 1024 * 1024;
      int n;
      while (left > 0 && System.nanoTime() < until && (n = in.read(sink)) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing more to do
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(
      OutputStream out, int status, Map<String, String> headers, byte[] body, boolean close)
      throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> e : headers.entrySet()) {
      sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    sb.append("Content-Length: ").append(body.length).append("\r\n");
    if (close) sb.append("Connection: close\r\n");
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Frees the port, closes open connections and stops the threads; idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) closeQuietly(s);
    upstream.close();
    connections.shutdownNow();
    refusals.shutdownNow();
    try {
      acceptor.join(5_000);
      connections.awaitTermination(5, TimeUnit.SECONDS);
      refusals.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "HttpListener[" + name + " on " + uri() + (closed ? ", closed" : "") + "]";
  }
}
