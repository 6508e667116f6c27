package io.github.cloudtwin.http;

import static io.github.cloudtwin.http.HostileClientsTest.ascii;
import static io.github.cloudtwin.http.HostileClientsTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.http.HostileClientsTest.Answer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listener's event loops: a few threads serve many connections, requests whose bytes arrive in
 * pieces or pipelined are answered whole and in order, and a target that closes its idle keep-alive
 * connections never costs a client a 502.
 */
@Timeout(60)
class EventLoopTest {

  private static final HttpListener.Limits LIMITS =
      new HttpListener.Limits(256, Duration.ofSeconds(10), Duration.ofSeconds(30), 4 << 20);

  /** Answers with the method, path and the body's length and first bytes. */
  private final HttpRouter echo =
      r -> {
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        return HttpOutcome.respond(
            200,
            r.method()
                + " "
                + r.path()
                + " "
                + body.length()
                + " "
                + body.substring(0, Math.min(5, body.length())),
            Map.of(),
            null);
      };

  /** Reads up to the end of a request head (or of the stream). */
  private static void readHead(InputStream in) throws IOException {
    int newlines = 0;
    while (newlines < 2) {
      int b = in.read();
      if (b < 0) return;
      if (b == '\n') newlines++;
      else if (b != '\r') newlines = 0;
    }
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(
        new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    try (HttpListener l = HttpListener.start("pipelined", echo, LIMITS);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      s.setSoTimeout(10_000);
      StringBuilder three = new StringBuilder();
      for (int i = 1; i <= 3; i++)
        three.append("GET /").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
      s.getOutputStream().write(ascii(three.toString()));
      BufferedReader in = reader(s);
      assertThat(List.of(read(in).body(), read(in).body(), read(in).body()))
          .containsExactly("GET /1 0 ", "GET /2 0 ", "GET /3 0 ");
    }
  }

  @Test
  void aChunkedBodyThatArrivesInPiecesIsReceivedWhole() throws Exception {
    try (HttpListener l = HttpListener.start("pieces", echo, LIMITS);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      s.setSoTimeout(10_000);
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      out.write(ascii("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
      for (String piece : List.of("5\r\nhel", "lo\r\n", "6\r\n world\r", "\n0\r\n", "\r\n")) {
        out.write(ascii(piece));
        out.flush();
        Thread.sleep(30);
      }
      assertThat(read(reader(s)).body()).isEqualTo("POST /c 11 hello");
    }
  }

  @Test
  void aLargeBodyIsReceivedWholeAndTheConnectionServesTheNextRequest() throws IOException {
    try (HttpListener l = HttpListener.start("large", echo, LIMITS);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      s.setSoTimeout(10_000);
      int length = 3 << 20;
      OutputStream out = s.getOutputStream();
      out.write(ascii("PUT /big HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n"));
      byte[] body = new byte[length];
      java.util.Arrays.fill(body, (byte) 'b');
      out.write(body);
      out.write(ascii("GET /next HTTP/1.1\r\nHost: x\r\n\r\n"));
      BufferedReader in = reader(s);
      assertThat(read(in).body()).isEqualTo("PUT /big " + length + " bbbbb");
      assertThat(read(in).body()).isEqualTo("GET /next 0 ");
    }
  }

  @Test
  void fiftyOpenConnectionsAreServedByAtMostFourThreads() throws IOException {
    try (HttpListener l = HttpListener.start("few-threads", echo, LIMITS)) {
      List<Socket> open = new ArrayList<>();
      try {
        for (int i = 0; i < 50; i++) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port());
          s.setSoTimeout(10_000);
          open.add(s);
          s.getOutputStream().write(ascii("GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        }
        for (int i = 0; i < 50; i++) {
          assertThat(read(reader(open.get(i))).body()).isEqualTo("GET /" + i + " 0 ");
        }
        long threads =
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cloudtwin-http-few-threads-"))
                .count();
        assertThat(threads).isBetween(1L, 4L);
      } finally {
        for (Socket s : open) s.close();
      }
    }
  }

  @Test
  void aTargetThatClosesIdleConnectionsNeverCostsAClientA502() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread backend =
          new Thread(
              () -> {
                while (!target.isClosed()) {
                  try (Socket c = target.accept()) {
                    connections.incrementAndGet();
                    InputStream in = c.getInputStream();
                    readHead(in);
                    c.getOutputStream()
                        .write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
                    // then closes the keep-alive connection when the next request arrives on it,
                    // without answering it (as when its idle timeout and the request cross)
                    readHead(in);
                  } catch (IOException e) {
                    // the test closed the target
                  }
                }
              });
      backend.setDaemon(true);
      backend.start();
      URI base = URI.create("http://127.0.0.1:" + target.getLocalPort());
      try (HttpListener l =
              HttpListener.start(
                  "stale", r -> HttpOutcome.proxy(base, Map.of(), Map.of(), null), LIMITS);
          Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
        s.setSoTimeout(10_000);
        BufferedReader in = reader(s);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          s.getOutputStream().write(ascii("GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n"));
          Answer a = read(in);
          statuses.add(a.status());
        }
        assertThat(statuses).containsOnly(200);
        assertThat(connections.get())
            .as("each request after the first sent again on a new connection")
            .isEqualTo(5);
      }
    }
  }
}
