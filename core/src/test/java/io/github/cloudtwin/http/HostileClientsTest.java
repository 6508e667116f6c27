package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.TwinClosedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The HTTP listener under hostile clients (issue 13, item 6): every hostile request gets a proper
 * status and never an exception text, resources are bounded (503 when every connection thread is
 * busy, 408 when a head does not arrive in time), and a well-behaved client on its own keep-alive
 * connection keeps getting answers throughout.
 */
class HostileClientsTest {

  /** A router that answers 200 with the method, path and Host it saw. */
  private final List<IncomingRequest> seen = new CopyOnWriteArrayList<>();

  private final HttpRouter echo =
      r -> {
        seen.add(r);
        return HttpOutcome.respond(
            200, r.method() + " " + r.path() + " host=" + r.header("host"), Map.of(), null);
      };

  private static final HttpListener.Limits TIGHT =
      new HttpListener.Limits(8, Duration.ofMillis(1500), Duration.ofSeconds(30), 1024 * 1024);

  /** A status line and body read from a raw socket. */
  record Answer(int status, Map<String, String> headers, String body) {}

  /**
   * Sends {@code request} on a new connection and reads one answer (status -1: closed without one).
   */
  static Answer exchange(int port, byte[] request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      try {
        s.getOutputStream().write(request);
        s.getOutputStream().flush();
      } catch (IOException e) {
        // the server may answer and close before it read everything: read what it said
      }
      return read(
          new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)));
    }
  }

  static Answer read(BufferedReader in) throws IOException {
    String status;
    try {
      status = in.readLine();
    } catch (IOException e) {
      return new Answer(-1, Map.of(), "");
    }
    if (status == null) return new Answer(-1, Map.of(), "");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
      int c = l.indexOf(':');
      headers.put(l.substring(0, c).toLowerCase(), l.substring(c + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    char[] body = new char[length];
    int n = 0;
    while (n < length) {
      int r = in.read(body, n, length - n);
      if (r < 0) break;
      n += r;
    }
    return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, 0, n));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Every hostile request of the issue with the status it must get. */
  static Map<String, Object[]> hostileRequests() {
    Map<String, Object[]> m = new LinkedHashMap<>();
    m.put(
        "absolute-form target",
        new Object[] {
          ascii("GET http://example.com/a/b?q=1 HTTP/1.1\r\nHost: ignored\r\n\r\n"), 200
        });
    m.put("OPTIONS *", new Object[] {ascii("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"), 200});
    m.put("GET * (not OPTIONS)", new Object[] {ascii("GET * HTTP/1.1\r\nHost: x\r\n\r\n"), 400});
    m.put(
        "path without a leading slash",
        new Object[] {ascii("GET index.html HTTP/1.1\r\nHost: x\r\n\r\n"), 400});
    m.put(
        "chunk size zz",
        new Object[] {
          ascii(
              "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
          400
        });
    m.put(
        "chunk size -5",
        new Object[] {
          ascii(
              "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n0\r\n\r\n"),
          400
        });
    m.put(
        "chunk size 7fffffff",
        new Object[] {
          ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7fffffff\r\nabc"),
          413
        });
    m.put(
        "chunk without its CRLF",
        new Object[] {
          ascii(
              "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n"),
          400
        });
    m.put(
        "100 MB body announced",
        new Object[] {
          ascii(
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n"
                  + "x".repeat(10_000)),
          413
        });
    m.put(
        "Content-Length not a number",
        new Object[] {ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n"), 400});
    m.put(
        "conflicting Content-Lengths",
        new Object[] {
          ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
          400
        });
    m.put(
        "unknown transfer coding",
        new Object[] {ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"), 400});
    m.put("HTTP/1.1 without Host", new Object[] {ascii("GET / HTTP/1.1\r\n\r\n"), 400});
    m.put(
        "HTTP/1.1 with two Hosts",
        new Object[] {ascii("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400});
    m.put("HTTP/1.0 without Host", new Object[] {ascii("GET / HTTP/1.0\r\n\r\n"), 200});
    m.put("HTTP/2.0 request line", new Object[] {ascii("GET / HTTP/2.0\r\nHost: x\r\n\r\n"), 400});
    m.put(
        "space in the header name",
        new Object[] {ascii("GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n"), 400});
    return m;
  }

  @Test
  void everyHostileRequestGetsItsStatusWhileAWellBehavedClientKeepsGettingAnswers()
      throws IOException {
    try (HttpListener l = HttpListener.start("hostile", echo, TIGHT);
        Socket good = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      good.setSoTimeout(10_000);
      BufferedReader goodIn =
          new BufferedReader(
              new InputStreamReader(good.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream goodOut = good.getOutputStream();
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, Object[]> e : hostileRequests().entrySet()) {
        Answer a = exchange(l.port(), (byte[]) e.getValue()[0]);
        int expected = (Integer) e.getValue()[1];
        if (a.status() != expected)
          wrong.add(
              e.getKey() + ": expected " + expected + " but got " + a.status() + " " + a.body());
        if (a.body().contains("Exception") || a.body().contains("\tat "))
          wrong.add(e.getKey() + ": exception text on the wire: " + a.body());
        goodOut.write(ascii("GET /still-here HTTP/1.1\r\nHost: good\r\n\r\n"));
        goodOut.flush();
        Answer g = read(goodIn);
        if (g.status() != 200 || !g.body().equals("GET /still-here host=good"))
          wrong.add("the good client after " + e.getKey() + ": " + g);
      }
      assertThat(wrong).isEmpty();
    }
  }

  @Test
  void anAbsoluteFormTargetIsRoutedByItsPathWithItsAuthorityAsHost() throws IOException {
    try (HttpListener l = HttpListener.start("absolute", echo, TIGHT)) {
      Answer a =
          exchange(
              l.port(),
              ascii("GET http://example.com:8080/a/b?q=1 HTTP/1.1\r\nHost: ignored\r\n\r\n"));
      assertThat(a.body()).isEqualTo("GET /a/b?q=1 host=example.com:8080");
      Answer bare = exchange(l.port(), ascii("GET http://example.com HTTP/1.1\r\nHost: x\r\n\r\n"));
      assertThat(bare.body()).isEqualTo("GET / host=example.com");
    }
  }

  @Test
  void optionsAsteriskIsAnsweredByTheListenerWithAllow() throws IOException {
    try (HttpListener l = HttpListener.start("options", echo, TIGHT)) {
      Answer a =
          exchange(l.port(), ascii("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.headers().get("allow")).contains("GET").contains("OPTIONS");
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void anErrorInsideRoutingIsAPlain500WithoutItsText() throws IOException {
    HttpRouter failing =
        r -> {
          throw new IllegalStateException("secret internal detail");
        };
    try (HttpListener l = HttpListener.start("failing", failing, TIGHT)) {
      Answer a = exchange(l.port(), ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
      assertThat(a.status()).isEqualTo(500);
      assertThat(a.body()).isEqualTo("500 Internal Server Error").doesNotContain("secret");
    }
  }

  @Test
  void aClosedTwinBehindTheListenerIs503() throws IOException {
    HttpRouter closed =
        r -> {
          throw new TwinClosedException(CloudTwin.DEFAULT_START);
        };
    try (HttpListener l = HttpListener.start("closed", closed, TIGHT)) {
      assertThat(exchange(l.port(), ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).status())
          .isEqualTo(503);
    }
  }

  @Test
  void aHeadThatDoesNotArriveInTimeIs408() throws IOException, InterruptedException {
    try (HttpListener l = HttpListener.start("slow", echo, TIGHT);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      s.setSoTimeout(10_000);
      long start = System.nanoTime();
      OutputStream out = s.getOutputStream();
      byte[] head = ascii("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(40));
      Answer a = null;
      try {
        for (byte b : head) { // a byte every 100 ms: the head would take 6 s, the deadline is 1.5 s
          out.write(b);
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException closedByServer) {
        // expected: the server answered and closed
      }
      a =
          read(
              new BufferedReader(
                  new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(a.status()).isEqualTo(408);
      assertThat(millis)
          .as("answered after the header deadline, well before the head was complete")
          .isBetween(1_400L, 5_000L);
    }
  }

  @Test
  void connectionsBeyondTheLimitGet503AndTheListenerRecoversAfterTheHeaderDeadline()
      throws Exception {
    try (HttpListener l = HttpListener.start("full", echo, TIGHT);
        Socket good = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      good.setSoTimeout(10_000);
      BufferedReader goodIn =
          new BufferedReader(
              new InputStreamReader(good.getInputStream(), StandardCharsets.ISO_8859_1));
      good.getOutputStream().write(ascii("GET /first HTTP/1.1\r\nHost: good\r\n\r\n"));
      assertThat(read(goodIn).status()).isEqualTo(200);
      List<Socket> halfOpen = new ArrayList<>();
      try {
        for (int i = 0; i < 30; i++) { // 7 fill the remaining threads, the rest are refused
          Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port());
          s.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: x\r\n"));
          halfOpen.add(s);
        }
        Answer refused = exchange(l.port(), ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers()).containsEntry("retry-after", "1");
        assertThat(l.refusedConnections()).isGreaterThanOrEqualTo(23);
        // the client that already has its connection is still served
        good.getOutputStream().write(ascii("GET /during HTTP/1.1\r\nHost: good\r\n\r\n"));
        assertThat(read(goodIn).body()).isEqualTo("GET /during host=good");
        // the half-open heads time out (408) and free their threads
        Thread.sleep(2_500);
        assertThat(exchange(l.port(), ascii("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")).status())
            .isEqualTo(200);
      } finally {
        for (Socket s : halfOpen) s.close();
      }
    }
  }

  @Test
  void theLoadBalancersListenerAnswersHostileTargetsWithoutAnInternalError() throws IOException {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("web")
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
      twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      twin.loadBalancing()
          .registerTargets(
              "tg",
              twin.ec2()
                  .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
                  .instanceId());
      twin.advance(Duration.ofMinutes(2));
      int port = twin.loadBalancing().startHttpListener("web").port();
      Answer absolute =
          exchange(port, ascii("GET http://web.example.com/x HTTP/1.1\r\nHost: y\r\n\r\n"));
      Answer options = exchange(port, ascii("OPTIONS * HTTP/1.1\r\nHost: y\r\n\r\n"));
      Answer noSlash = exchange(port, ascii("GET x HTTP/1.1\r\nHost: y\r\n\r\n"));
      assertThat(absolute.status()).isEqualTo(200);
      assertThat(options.status()).isEqualTo(200);
      assertThat(noSlash.status()).isEqualTo(400);
      assertThat(List.of(absolute.body(), options.body(), noSlash.body()))
          .noneMatch(b -> b.contains("Exception") || b.contains("Internal"));
    }
  }
}
