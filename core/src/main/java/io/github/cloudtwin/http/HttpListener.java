package io.github.cloudtwin.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cloudtwin.kernel.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP listener on 127.0.0.1 and an ephemeral port (never any other interface). Each
 * request is routed by an {@link HttpRouter} and answered directly or proxied to a real address.
 * {@link #close()} frees the port and stops its threads. Thread-safe.
 */
public final class HttpListener implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length");

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ExecutorService clientExecutor;
  private final HttpClient client;
  private final HttpRouter router;
  private volatile boolean closed;

  private HttpListener(String name, HttpRouter router, int threads) throws IOException {
    this.name = name;
    this.router = router;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "cloudtwin-http-" + name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.clientExecutor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cloudtwin-http-" + name + "-proxy-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    this.server.setExecutor(executor);
    this.server.createContext("/", this::handle);
    this.client =
        HttpClient.newBuilder()
            .executor(clientExecutor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.server.start();
  }

  /**
   * Starts a listener named {@code name} (for thread names) on 127.0.0.1 and an ephemeral port.
   *
   * @param threads request threads (at least 1)
   */
  public static HttpListener start(String name, HttpRouter router, int threads) {
    Require.name("name", name);
    Require.notNull("router", router);
    Require.between("threads", threads, 1, 1024);
    try {
      return new HttpListener(name, router, threads);
    } catch (IOException e) {
      throw new IllegalStateException("Could not open an HTTP listener on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base address, such as {@code http://127.0.0.1:53124/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ex.getRequestHeaders().entrySet()) {
      headers.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(e.getValue()));
    }
    InetSocketAddress remote = ex.getRemoteAddress();
    IncomingRequest req =
        new IncomingRequest(ex.getRequestMethod(), ex.getRequestURI().toString(), headers,
            remote.getAddress().getHostAddress(), remote.getPort(), body);
    HttpOutcome out;
    try {
      out = router.route(req);
    } catch (RuntimeException e) {
      out = HttpOutcome.respond(500, "Internal error: " + e, Map.of(), null);
    }
    if (out.abort()) {
      done(out, 0);
      ex.close(); // the client sees the connection drop
      return;
    }
    Headers rh = ex.getResponseHeaders();
    out.responseHeaders().forEach(rh::set);
    if (out.proxyTo() == null) {
      send(ex, out.status(), out.body() == null ? new byte[0] : out.body().getBytes(StandardCharsets.UTF_8));
      done(out, out.status());
      return;
    }
    int status;
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(out.proxyTo().resolve(req.path())).timeout(Duration.ofSeconds(60));
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (HOP_BY_HOP.contains(e.getKey()) || out.headers().containsKey(e.getKey())) continue;
        for (String v : e.getValue()) b.header(e.getKey(), v);
      }
      out.headers().forEach(b::header);
      b.method(req.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      status = resp.statusCode();
      resp.headers().map().forEach((k, v) -> {
        if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) rh.put(k, v);
      });
      send(ex, status, resp.body());
    } catch (IOException | IllegalArgumentException e) {
      status = 502;
      send(ex, 502, "502 Bad Gateway".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 502;
      ex.close();
    }
    done(out, status);
  }

  private static void done(HttpOutcome out, int status) {
    if (out.done() != null) out.done().accept(status);
  }

  private static void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
    ex.close();
  }

  /** Frees the port and stops the request threads; idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    clientExecutor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
      clientExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "HttpListener[" + name + " on " + uri() + (closed ? ", closed" : "") + "]";
  }
}
