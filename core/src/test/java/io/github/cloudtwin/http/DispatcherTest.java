package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudtwin.kernel.TwinClosedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the listener answers for each outcome its router decides, and when it tells {@code done}.
 */
class DispatcherTest {

  private static final IncomingRequest GET =
      new IncomingRequest("GET", "/items?x=1", Map.of(), "127.0.0.1", 50_000, new byte[0]);

  private final Upstream upstream = new Upstream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Integer> done = new ArrayList<>();

  @AfterEach
  void closeUpstream() {
    upstream.close();
  }

  private boolean answer(HttpRouter router, boolean clientAskedToClose) throws IOException {
    return new Dispatcher(router, upstream).answer(GET, out, clientAskedToClose);
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
    List<Integer> bytesWrittenWhenDone = new ArrayList<>();
    boolean close =
        answer(
            r ->
                HttpOutcome.respond(
                    200,
                    "hello",
                    Map.of("X-Node", "a"),
                    status -> {
                      done.add(status);
                      bytesWrittenWhenDone.add(out.size());
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
    List<String> seen = new ArrayList<>();
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
