package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudtwin.kernel.TwinClosedException;
import java.io.ByteArrayOutputStream;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the listener answers for each outcome its router decides, and when it tells {@code done}:
 * the exact bytes a client reads for {@code GET /items?x=1}, and whether the connection stays open.
 */
class DispatcherTest {

  private static final HttpListener.Limits LIMITS =
      new HttpListener.Limits(8, Duration.ofSeconds(10), Duration.ofSeconds(30), 1024);

  private final List<Integer> done = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private HttpListener listener;
  private Socket client;

  @AfterEach
  void closeListener() throws IOException {
    if (client != null) client.close();
    if (listener != null) listener.close();
  }

  /** {@return the bytes the client has not read yet, readable without waiting} */
  private int unreadByTheClient() {
    try {
      return client.getInputStream().available();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Sends {@code GET /items?x=1} through a listener routing by {@code router}, reads one answer
   * into {@link #out}, and tells whether the listener closed the connection after it.
   */
  private boolean answer(HttpRouter router, boolean clientAskedToClose) throws IOException {
    listener = HttpListener.start("dispatch", router, LIMITS);
    client = new Socket(InetAddress.getLoopbackAddress(), listener.port());
    client.setSoTimeout(10_000);
    String request =
        "GET /items?x=1 HTTP/1.1\r\nHost: x\r\n"
            + (clientAskedToClose ? "Connection: close\r\n" : "")
            + "\r\n";
    client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = client.getInputStream();
    int length = -1;
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0; c = in.read()) {
      out.write(c);
      if (c != '\n') {
        line.append((char) c);
        continue;
      }
      String l = line.toString().trim();
      line.setLength(0);
      if (l.isEmpty()) break;
      if (l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
        length = Integer.parseInt(l.substring(15).trim());
    }
    out.write(in.readNBytes(Math.max(0, length)));
    client.setSoTimeout(300);
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    }
  }

  private String written() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRouterThatFailsGetsA500AndTheConnectionClosed() throws IOException {
    boolean close =
        answer(
            r -> {
              throw new IllegalStateException("routing broke");
            },
            false);

    assertThat(close).isTrue();
    assertThat(written())
        .startsWith("HTTP/1.1 500 Internal Server Error\r\n")
        .contains("Connection: close\r\n")
        .endsWith("\r\n\r\n500 Internal Server Error")
        .doesNotContain("routing broke");
  }

  @Test
  void aClosedTwinGetsA503SayingSo() throws IOException {
    boolean close =
        answer(
            r -> {
              throw new TwinClosedException(Instant.parse("2026-01-01T00:00:00Z"));
            },
            false);

    assertThat(close).isTrue();
    assertThat(written())
        .startsWith("HTTP/1.1 503 Service Unavailable\r\n")
        .endsWith("503 Service Unavailable: the twin is closed");
  }

  @Test
  void aDirectAnswerIsCountedBeforeTheClientCanReadItAndKeepsTheConnection() throws IOException {
    List<Integer> bytesWrittenWhenDone = new CopyOnWriteArrayList<>();
    boolean close =
        answer(
            r ->
                HttpOutcome.respond(
                    200,
                    "hello",
                    Map.of("X-Node", "a"),
                    status -> {
                      done.add(status);
                      bytesWrittenWhenDone.add(unreadByTheClient());
                    }),
            false);

    assertThat(close).isFalse();
    assertThat(done).containsExactly(200);
    assertThat(bytesWrittenWhenDone).containsExactly(0);
    assertThat(written())
        .isEqualTo("HTTP/1.1 200 OK\r\nX-Node: a\r\nContent-Length: 5\r\n\r\nhello");
  }

  @Test
  void aDirectAnswerToAClientThatAskedToCloseSaysConnectionClose() throws IOException {
    answer(r -> HttpOutcome.respond(204, null, Map.of(), null), true);

    assertThat(written())
        .isEqualTo("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }

  @Test
  void anUnreachableNodeGetsA502NamingItAndTheConnectionClosed() throws IOException {
    boolean close = answer(r -> HttpOutcome.abort(Map.of("X-Node", "b"), done::add), false);

    assertThat(close).isTrue();
    assertThat(done).containsExactly(502);
    assertThat(written())
        .startsWith("HTTP/1.1 502 Bad Gateway\r\nX-Node: b\r\n")
        .contains("Connection: close\r\n")
        .endsWith("502 Bad Gateway: load balancer node unreachable");
  }

  @Test
  void aProxiedAnswerKeepsTheUpstreamsEndToEndHeadersAndAddsTheRoutersOwn() throws IOException {
    HttpServer target =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> seen = new CopyOnWriteArrayList<>();
    target.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
          exchange.getResponseHeaders().add("X-Target", "t1");
          exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
          byte[] body = "from target".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    target.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + target.getAddress().getPort());
      boolean close =
          answer(
              r ->
                  HttpOutcome.proxy(
                      base,
                      Map.of("X-Forwarded-For", "127.0.0.1"),
                      Map.of("X-Node", "c"),
                      done::add),
              false);

      assertThat(close).isFalse();
      assertThat(seen).containsExactly("/items?x=1 127.0.0.1");
      assertThat(done).containsExactly(201);
      assertThat(written())
          .startsWith("HTTP/1.1 201 Created\r\n")
          .containsIgnoringCase("X-Target: t1\r\n")
          .contains("X-Node: c\r\n")
          .doesNotContainIgnoringCase("Keep-Alive")
          .endsWith("\r\n\r\nfrom target");
    } finally {
      target.stop(0);
    }
  }

  @Test
  void aTargetThatCannotBeReachedGetsA502() throws IOException {
    int freedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freedPort = s.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + freedPort);

    boolean close = answer(r -> HttpOutcome.proxy(base, Map.of(), Map.of(), done::add), false);

    assertThat(close).isFalse();
    assertThat(done).containsExactly(502);
    assertThat(written()).startsWith("HTTP/1.1 502 Bad Gateway\r\n").endsWith("502 Bad Gateway");
  }
}
