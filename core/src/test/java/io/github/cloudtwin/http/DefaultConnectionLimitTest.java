package io.github.cloudtwin.http;

import static io.github.cloudtwin.http.HostileClientsTest.ascii;
import static io.github.cloudtwin.http.HostileClientsTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.http.HostileClientsTest.Answer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 6, at the listener's default limits ({@link HttpListener.Limits#DEFAULT}: 1,024
 * connections, 10 s for a request head): 1,100 real half-open connections (each sends half a
 * request head and nothing more) do not starve the listener. The connections beyond the limit are
 * answered 503 with {@code Retry-After} instead of being dropped, a client that already has its
 * connection keeps being served, the header deadline answers the half-open ones 408 and frees their
 * threads, after which new clients are served again, and once everything is closed the listener's
 * threads and the process's file descriptors are back to where they were.
 *
 * <p>Nothing here measures speed: every wait is bounded generously (a loaded 2-core machine) and
 * polls for the state it needs.
 */
class DefaultConnectionLimitTest {

  private static final int HALF_OPEN = 1_100;
  private static final long PATIENCE_MILLIS = 120_000;

  private final HttpRouter echo =
      r -> HttpOutcome.respond(200, r.method() + " " + r.path(), Map.of(), null);

  @Test
  void elevenHundredHalfOpenConnectionsGetAnswersAndLeaveNothingBehind() throws Exception {
    warmUp(); // opens what the JVM opens once (classes, jars), so the baseline below is stable
    int fdsBefore = openFileDescriptors();
    HttpListener.Limits limits = HttpListener.Limits.DEFAULT;
    assertThat(limits.maxConnections()).isEqualTo(1_024);
    HttpListener l = HttpListener.start("limit", echo, limits);
    List<Socket> halfOpen = new ArrayList<>();
    try (Socket good = new Socket(InetAddress.getLoopbackAddress(), l.port())) {
      good.setSoTimeout(30_000);
      BufferedReader goodIn =
          new BufferedReader(
              new InputStreamReader(good.getInputStream(), StandardCharsets.ISO_8859_1));
      good.getOutputStream().write(ascii("GET /first HTTP/1.1\r\nHost: good\r\n\r\n"));
      assertThat(read(goodIn).status()).isEqualTo(200);

      long opening = System.nanoTime();
      for (int i = 0; i < HALF_OPEN; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), l.port());
        s.setSoTimeout(30_000);
        halfOpen.add(s);
        s.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: x\r\n"));
      }
      System.out.printf(
          "[DefaultConnectionLimitTest] %d half-open connections opened in %d ms%n",
          HALF_OPEN, (System.nanoTime() - opening) / 1_000_000);
      // 1,023 connections fill the limit with the good one; the listener refuses the others
      int beyond = HALF_OPEN - (limits.maxConnections() - 1);
      awaitAtLeast(l::refusedConnections, beyond, "connections refused");

      Answer refused = exchange(l.port(), "/new");
      assertThat(refused.status()).as("a new client while the listener is full").isEqualTo(503);
      assertThat(refused.headers()).containsEntry("retry-after", "1");

      good.getOutputStream().write(ascii("GET /during HTTP/1.1\r\nHost: good\r\n\r\n"));
      assertThat(read(goodIn).body()).isEqualTo("GET /during");

      // every half-open connection gets an answer: 503 beyond the limit, 408 at the head deadline
      int served408 = 0;
      int refused503 = 0;
      for (Socket s : halfOpen) {
        int status =
            read(new BufferedReader(
                    new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)))
                .status();
        assertThat(status).as("the answer to a half-open connection").isIn(408, 503);
        if (status == 408) served408++;
        else refused503++;
      }
      assertThat(served408).isEqualTo(limits.maxConnections() - 1);
      assertThat(refused503).isEqualTo(beyond);
      assertThat(l.refusedConnections()).isEqualTo(beyond + 1); // and the new client above

      // their threads are free again: new clients are served
      assertThat(exchange(l.port(), "/after").body()).isEqualTo("GET /after");
      good.getOutputStream().write(ascii("GET /last HTTP/1.1\r\nHost: good\r\n\r\n"));
      assertThat(read(goodIn).body()).isEqualTo("GET /last");
    } finally {
      for (Socket s : halfOpen) s.close();
      l.close();
    }
    awaitAtMost(() -> listenerThreads("limit"), 0, "threads of the listener alive after close");
    if (new File("/proc/self/fd").isDirectory()) {
      awaitAtMost(
          DefaultConnectionLimitTest::openFileDescriptors,
          fdsBefore,
          "open file descriptors after close");
    }
  }

  /** One GET on a new connection, waiting up to a minute (refusals queue behind each other). */
  private static Answer exchange(int port, String path) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(60_000);
      s.getOutputStream().write(ascii("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"));
      return read(
          new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)));
    }
  }

  private void warmUp() throws IOException, InterruptedException {
    try (HttpListener w =
        HttpListener.start(
            "warm-up",
            echo,
            new HttpListener.Limits(
                1, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 1024))) {
      try (Socket hold = new Socket(InetAddress.getLoopbackAddress(), w.port())) {
        hold.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        read(
            new BufferedReader(
                new InputStreamReader(hold.getInputStream(), StandardCharsets.ISO_8859_1)));
        exchange(w.port(), "/"); // refused: the one slot is taken
      }
    }
    awaitAtMost(() -> listenerThreads("warm-up"), 0, "threads of the warm-up listener");
  }

  private static int listenerThreads(String name) {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("cloudtwin-http-" + name + "-"))
            .count();
  }

  private static int openFileDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? 0 : fds.length; // Linux; elsewhere the descriptor check is not made
  }

  private static void awaitAtLeast(IntSupplier value, int least, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
    while (value.getAsInt() < least && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(value.getAsInt()).as(what).isGreaterThanOrEqualTo(least);
  }

  private static void awaitAtMost(IntSupplier value, int most, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
    while (value.getAsInt() > most && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(value.getAsInt()).as(what).isLessThanOrEqualTo(most);
  }
}
