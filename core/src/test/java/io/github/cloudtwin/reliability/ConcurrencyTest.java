package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.RoutedResponse;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.realtime.RealTimeDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The public API from 16 threads while a real-time driver advances the twin; the HTTP listener
 * under concurrent keep-alive clients, malformed and oversized requests and slow clients. Every
 * wait is bounded; a stuck run fails with a thread dump instead of hanging the build.
 */
class ConcurrencyTest {

  static final int THREADS = 16;
  static final String A = "us-east-1a";
  static final String B = "us-east-1b";

  static CloudTwin twinWithGroup() {
    CloudTwin t = CloudTwin.builder().seed(11).build();
    t.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(A, B).build());
    t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    t.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    t.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(2)
                .maxSize(6)
                .desiredCapacity(4)
                .availabilityZones(A, B)
                .detailedMonitoring(true)
                .targetGroupNames("tg")
                .build());
    t.advance(Duration.ofMinutes(3));
    return t;
  }

  static String threadDump() {
    StringBuilder s = new StringBuilder("thread dump:\n");
    for (ThreadInfo i : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) s.append(i);
    return s.toString();
  }

  /** Waits for the latch; on timeout fails with a thread dump (a deadlock or a lost wake-up). */
  static void await(CountDownLatch done, long seconds, String what) throws InterruptedException {
    if (!done.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError(what + " did not finish within " + seconds + " s; " + threadDump());
    }
  }

  @Test
  void sixteenThreadsOnThePublicApiWhileTheTwinAdvancesInRealTime() throws Exception {
    try (CloudTwin twin = twinWithGroup()) {
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("busy")
                  .metric(MetricId.of("App", "Load", "Worker", "0"))
                  .threshold(50)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .build());
      RealTimeDriver driver =
          RealTimeDriver.start(twin, 600, Duration.ofMillis(1)); // 10 virtual minutes per second
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      CountDownLatch done = new CountDownLatch(THREADS);
      int perThread = 2_000;
      AtomicLong sent = new AtomicLong();
      AtomicLong routed = new AtomicLong();
      try {
        for (int k = 0; k < THREADS; k++) {
          int id = k;
          pool.execute(
              () -> {
                try {
                  start.await();
                  MetricId mine = MetricId.of("App", "Load", "Worker", Integer.toString(id % 4));
                  for (int n = 0; n < perThread; n++) {
                    switch (id % 4) {
                      case 0: // metric injection
                        twin.cloudWatch()
                            .putMetricData(mine, twin.now(), n % 100, StandardUnit.PERCENT);
                        break;
                      case 1: // sends through the load balancer
                        RoutedResponse r = twin.loadBalancing().send("web");
                        sent.incrementAndGet();
                        if (r.targetId() != null) routed.incrementAndGet();
                        twin.cloudWatch().putMetricData(mine, twin.now(), 1, StandardUnit.COUNT);
                        break;
                      case 2: // reads
                        twin.autoScaling().group("web").instances();
                        twin.loadBalancing().targetHealths("tg");
                        twin.cloudWatch()
                            .statistic(
                                mine, twin.now().minusSeconds(600), twin.now(), Statistic.AVERAGE);
                        twin.timeline().lastText(5);
                        twin.cloudWatch().putMetricData(mine, twin.now(), 2, StandardUnit.COUNT);
                        break;
                      default: // assertions on views and the timeline while it grows
                        List<TimelineEvent> events = twin.timeline().events();
                        for (int e = 1; e < events.size(); e++) {
                          assertThat(events.get(e).time())
                              .isAfterOrEqualTo(events.get(e - 1).time());
                        }
                        assertThat(twin.autoScaling().group("web").desiredCapacity())
                            .isBetween(2, 6);
                        twin.cloudWatch().alarm("busy").state();
                        twin.cloudWatch().putMetricData(mine, twin.now(), 3, StandardUnit.COUNT);
                    }
                  }
                } catch (Throwable e) {
                  errors.add(e);
                } finally {
                  done.countDown();
                }
              });
        }
        Instant virtualStart = twin.now();
        start.countDown();
        await(done, 120, "16 API threads");
        assertThat(errors).as("exceptions in API threads").isEmpty();
        assertThat(driver.failure()).isNull();
        assertThat(driver.isRunning()).isTrue();
        assertThat(twin.now()).as("the driver advanced meanwhile").isAfter(virtualStart);
      } finally {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      }
      driver.close();
      for (int w = 0; w < 4; w++) {
        MetricId id = MetricId.of("App", "Load", "Worker", Integer.toString(w));
        assertThat(twin.cloudWatch().storedSampleCount(id))
            .as("samples stored for worker %d", w)
            .isEqualTo(4L * perThread);
      }
      assertThat(sent.get()).isEqualTo(4L * perThread);
      assertThat(routed.get()).as("requests answered by targets").isPositive();
      long counted =
          twin.loadBalancing().loadBalancer("web").requestCounts().values().stream()
              .mapToLong(Long::longValue)
              .sum();
      assertThat(counted).as("requests counted per target").isEqualTo(routed.get());
    }
  }

  // ------------------------------------------------------------------ HTTP listener

  static String rawExchange(int port, byte[] request, int readTimeoutMillis) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(readTimeoutMillis);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String status = in.readLine();
      return status == null ? "" : status;
    } catch (java.net.SocketException e) {
      return ""; // reset: closed without a status
    }
  }

  static int statusOf(String line) {
    String[] parts = line.split(" ");
    return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
  }

  @Test
  void httpListenerServesConcurrentKeepAliveClientsAndSurvivesHostileOnes() throws Exception {
    try (CloudTwin twin = twinWithGroup()) {
      HttpListener http = twin.loadBalancing().startHttpListener("web");
      int port = http.port();
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest get =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .timeout(Duration.ofSeconds(10))
              .build();
      assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);

      // Slow clients: connected, sending a request line and one header byte by byte, never
      // finishing.
      List<Socket> slow = new ArrayList<>();
      for (int k = 0;
          k < 32;
          k++) { // more than the old 16-thread listener had: none may starve the others
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.getOutputStream()
            .write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        slow.add(s);
      }
      try {
        // Malformed and oversized requests, each on its own connection: a 4xx/5xx or a closed
        // connection, never a hang.
        // name -> request, and the statuses that are proper for it (-1: the connection is closed
        // without one)
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        Map<String, List<Integer>> proper = new java.util.LinkedHashMap<>();
        hostile.put(
            "garbage request line",
            "\u0001\u0002 nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        proper.put("garbage request line", List.of(400));
        hostile.put("no version", "GET /\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        proper.put("no version", List.of(400));
        hostile.put(
            "header line without colon",
            "GET / HTTP/1.1\r\nHost x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        proper.put("header line without colon", List.of(400));
        hostile.put(
            "negative content length",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        proper.put("negative content length", List.of(400, 411));
        hostile.put(
            "headers over 64 KB",
            ("GET / HTTP/1.1\r\nHost: x\r\n"
                    + ("X-H: " + "v".repeat(100) + "\r\n").repeat(1_000)
                    + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        proper.put("headers over 64 KB", List.of(431, 400));
        hostile.put(
            "one 1 MB header line",
            ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        proper.put("one 1 MB header line", List.of(431));
        hostile.put(
            "ten thousand short headers",
            ("GET / HTTP/1.1\r\nHost: x\r\n" + "X-H: v\r\n".repeat(10_000) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        proper.put("ten thousand short headers", List.of(200, 431));
        hostile.put(
            "unknown method",
            "BREW / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        proper.put("unknown method", List.of(200, 400, 405, 501));
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : hostile.entrySet()) {
          String line = rawExchange(port, e.getValue(), 10_000);
          answers.put(e.getKey(), line);
          assertThat(statusOf(line)).as(e.getKey() + " -> " + line).isIn(proper.get(e.getKey()));
        }
        // Concurrent keep-alive clients while the hostile ones hold their connections.
        int clients = 8;
        int perClient = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
          List<Future<int[]>> results = new ArrayList<>();
          for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> keepAlive(port, perClient)));
          }
          for (Future<int[]> f : results) {
            int[] r = f.get(60, TimeUnit.SECONDS);
            assertThat(r[0]).as("200 answers on one keep-alive connection").isEqualTo(perClient);
            assertThat(r[1]).as("connections used").isEqualTo(1);
          }
        } finally {
          pool.shutdownNow();
        }
        assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);
        System.out.println("hostile HTTP answers: " + answers);
      } finally {
        for (Socket s : slow) s.close();
      }
      // A 503 from the load balancer when the target group is empty, through the real listener.
      twin.autoScaling().updateAutoScalingGroup("web", 0, 0, 0);
      twin.advance(Duration.ofMinutes(10));
      assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(503);
    }
  }

  /** Sends {@code n} GETs on one keep-alive socket; returns {200 count, connections}. */
  static int[] keepAlive(int port, int n) throws IOException {
    int ok = 0;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int k = 0; k < n; k++) {
        out.write(
            "GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line(in);
        int length = 0;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
          if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
            length = Integer.parseInt(h.substring(15).trim());
        }
        in.readNBytes(length);
        if (statusOf(status) == 200) ok++;
      }
    }
    return new int[] {ok, 1};
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new IOException("connection closed after: " + b);
      if (c != '\r') b.append((char) c);
    }
    return b.toString();
  }
}
