package io.github.cloudtwin.http;

import io.github.cloudtwin.internal.kernel.Require;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP/1.1 listener on 127.0.0.1 and an ephemeral port (never any other interface). Each
 * request is routed by an {@link HttpRouter} and answered directly or proxied to a real {@code
 * http://} address over pooled keep-alive connections.
 *
 * <p>Connections are kept alive and served by a few event loops (one thread per core, at most four;
 * non-blocking sockets for clients and targets alike), at most {@link Limits#maxConnections()} at
 * once: a connection beyond that is answered {@code 503} and closed. A request head must arrive
 * within {@link Limits#headerTimeout()} ({@code 408} otherwise), an idle keep-alive connection is
 * closed after {@link Limits#idleTimeout()}. Malformed requests get a status (400, 413, 414, 431),
 * never a stack trace: an error inside routing is a plain {@code 500}. {@link #close()} frees the
 * port and stops its threads. Thread-safe.
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

  private static final int MAX_LOOPS = 4;
  private static final int MAX_REFUSING = 256;

  private final String name;
  private final Limits limits;
  private final ServerSocketChannel server;
  private final int port;
  private final EventLoop[] loops;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private int refusing; // refusals still draining; on the first loop's thread
  private int nextLoop;
  private volatile boolean closed;

  private HttpListener(String name, HttpRouter router, Limits limits) throws IOException {
    this.name = name;
    this.limits = limits;
    int n = Math.max(1, Math.min(MAX_LOOPS, Runtime.getRuntime().availableProcessors()));
    this.loops = new EventLoop[n];
    this.server = ServerSocketChannel.open();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      server.configureBlocking(false);
      this.port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      for (int i = 0; i < n; i++)
        loops[i] = new EventLoop(this, "cloudtwin-http-" + name + "-loop-" + (i + 1), router);
      loops[0].register(server, SelectionKey.OP_ACCEPT, new Acceptor());
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    for (EventLoop l : loops) l.start();
  }

  /** Accepts on the first loop and hands each connection to the next loop in turn. */
  private final class Acceptor implements EventLoop.Ready {
    @Override
    public void ready(int ops) throws IOException {
      for (SocketChannel ch; (ch = server.accept()) != null; ) {
        if (open.incrementAndGet() > limits.maxConnections()) {
          open.decrementAndGet();
          refused.incrementAndGet();
          if (refusing >= MAX_REFUSING) {
            EventLoop.closeQuietly(ch);
          } else {
            refusing++;
            loops[0].refuse(ch, () -> refusing--);
          }
          continue;
        }
        loops[nextLoop].adopt(ch);
        nextLoop = (nextLoop + 1) % loops.length;
      }
    }

    @Override
    public void failed(Exception e) {
      // an accept failed (out of descriptors, say): the next one may succeed
    }
  }

  /** A connection served by a loop has closed. */
  void connectionClosed() {
    open.decrementAndGet();
  }

  /**
   * Starts a listener named {@code name} (for thread names) on 127.0.0.1 and an ephemeral port,
   * with the {@link Limits#DEFAULT default limits}.
   *
   * @param threads unused hint kept for compatibility; a few event loops serve every connection
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
    return port;
  }

  /** {@return the base address, such as {@code http://127.0.0.1:53124/}} */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** {@return the bounds of this listener} */
  public Limits limits() {
    return limits;
  }

  /** {@return how many connections were answered 503 because all connections were taken} */
  public int refusedConnections() {
    return refused.get();
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return closed;
  }

  static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Frees the port, closes open connections and stops the threads; idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    EventLoop.closeQuietly(server);
    for (EventLoop l : loops) l.close();
    try {
      for (EventLoop l : loops) l.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "HttpListener[" + name + " on " + uri() + (closed ? ", closed" : "") + "]";
  }
}
