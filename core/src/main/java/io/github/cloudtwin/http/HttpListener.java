package io.github.cloudtwin.http;

import io.github.cloudtwin.internal.kernel.Require;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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

  private final String name;
  private final Limits limits;
  private final ServerSocket server;
  private final ThreadPoolExecutor connections;
  private final ThreadPoolExecutor refusals;
  private final ReadDeadlines deadlines;
  private final Upstream upstream;
  private final ConnectionLoop loop;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean closed;

  private HttpListener(String name, HttpRouter router, Limits limits) throws IOException {
    this.name = name;
    this.limits = limits;
    this.deadlines = new ReadDeadlines(name);
    this.upstream = new Upstream(deadlines);
    this.loop =
        new ConnectionLoop(limits, new Dispatcher(router, upstream), () -> closed, deadlines);
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
    this.deadlines.start();
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
        connections.execute(
            () -> {
              try {
                loop.serve(s);
              } finally {
                open.remove(s);
              }
            });
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
      Responses.write(
          out,
          503,
          Map.of("Retry-After", "1"),
          Responses.text(
              "503 Service Unavailable: all "
                  + limits.maxConnections()
                  + " connections of this listener are busy"),
          true);
      Responses.drainBeforeClose(s, s.getInputStream(), 200);
    } catch (IOException | RuntimeException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
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
    deadlines.close();
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
