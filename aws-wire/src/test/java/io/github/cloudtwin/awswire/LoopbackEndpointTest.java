package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loopback endpoint: bound to 127.0.0.1 only, keep-alive HTTP/1.1, the control API, bad HTTP.
 */
class LoopbackEndpointTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(4).build();
  private final LoopbackEndpoint endpoint = AwsWire.of(twin).startEndpoint();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    twin.close();
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint.uri().resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) b.header("Content-Type", contentType);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void itListensOnLoopbackOnlyOnAnEphemeralPort() {
    assertThat(endpoint.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.port()).isPositive();
    assertThatThrownBy(
            () -> {
              InetAddress external = InetAddress.getLocalHost();
              if (external.isLoopbackAddress())
                throw new java.net.ConnectException("no non-loopback address on this machine");
              new Socket(external, endpoint.port()).close();
            })
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void theControlApiAdvancesTimeInjectsMetricsAndFailsZones() throws Exception {
    assertThat(send("GET", "/_cloudtwin/time", null, null).body())
        .contains("\"now\":\"2026-01-01T00:00:00Z\"");
    HttpResponse<String> advanced = send("POST", "/_cloudtwin/advance?minutes=10", null, null);
    assertThat(advanced.statusCode()).isEqualTo(200);
    assertThat(advanced.body())
        .contains("\"now\":\"2026-01-01T00:10:00Z\"")
        .contains("\"elapsedSeconds\":600");
    assertThat(twin.elapsed().toMinutes()).isEqualTo(10);

    HttpResponse<String> failed =
        send(
            "POST",
            "/_cloudtwin/fail-zone",
            "application/x-www-form-urlencoded",
            "zone=us-east-1b");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(twin.ec2().zoneState("us-east-1b").name()).isNotEqualTo("AVAILABLE");
    assertThat(send("POST", "/_cloudtwin/restore-zone?zone=us-east-1b", null, null).statusCode())
        .isEqualTo(200);
    assertThat(twin.ec2().zoneState("us-east-1b").name()).isEqualTo("AVAILABLE");

    HttpResponse<String> badZone = send("POST", "/_cloudtwin/fail-zone?zone=mars-1a", null, null);
    assertThat(badZone.statusCode()).isEqualTo(400);
    assertThat(badZone.body()).contains("ValidationError").contains("mars-1a");
    assertThat(send("GET", "/_cloudtwin/advance?minutes=1", null, null).statusCode())
        .isEqualTo(405);
    assertThat(send("POST", "/_cloudtwin/advance?minutes=-1", null, null).statusCode())
        .isEqualTo(400);
    assertThat(send("POST", "/_cloudtwin/teleport", null, null).statusCode()).isEqualTo(404);
    assertThat(twin.elapsed().toMinutes()).isEqualTo(10);
  }

  @Test
  void oneConnectionCarriesManyRequestsAndMalformedHttpIsA400() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      String body = "Action=DescribeAvailabilityZones&Version=2016-11-15";
      String request =
          "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body;
      out.write((request + request).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String first = readResponse(in);
      String second = readResponse(in);
      assertThat(first)
          .startsWith("HTTP/1.1 200")
          .contains("Connection: keep-alive")
          .contains("<zoneName>us-east-1a</zoneName>");
      assertThat(second).startsWith("HTTP/1.1 200").contains("<zoneName>us-east-1b</zoneName>");
      out.write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 400").doesNotContain("Exception");
    }
  }

  /**
   * A client that writes a request's head and body in two segments with Nagle's algorithm on (the
   * JDK's URL connection does) holds the body back until the head is acknowledged; with delayed
   * acknowledgements that is about 40 ms per request on Linux unless the server acknowledges at
   * once. Not a speed test: it counts requests that waited a delayed-ACK period, which is every one
   * of them without the immediate acknowledgement.
   */
  @Test
  void aClientThatSendsHeadAndBodySeparatelyIsNotHeldUpByDelayedAcknowledgements()
      throws Exception {
    String body = "Action=DescribeAvailabilityZones&Version=2016-11-15";
    byte[] head =
        ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    int requests = 20;
    int heldUp = 0;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
      s.setTcpNoDelay(false);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int i = 0; i < requests; i++) {
        long start = System.nanoTime();
        out.write(head);
        out.flush();
        out.write(body.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(readResponse(in))
            .startsWith("HTTP/1.1 200")
            .contains("<zoneName>us-east-1a</zoneName>");
        if (System.nanoTime() - start >= 35_000_000L) heldUp++;
      }
    }
    assertThat(heldUp)
        .as("requests of %d that waited a delayed-ACK period (>= 35 ms)", requests)
        .isLessThan(requests / 2);
  }

  @Test
  void anOversizedBodyIs413BeforeItIsRead() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
      s.getOutputStream()
          .write(
              ("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\n"
                      + "X-Amz-Target: AmazonEC2ContainerServiceV20141113.CreateCluster\r\nContent-Length: 999999999\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      assertThat(readResponse(s.getInputStream()))
          .startsWith("HTTP/1.1 413")
          .contains("Connection: close");
    }
    assertThat(twin.ecs().clusters()).isEmpty();
  }

  @Test
  void theCommandLineStartsATwinAndPrintsItsEndpoint() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (LoopbackEndpoint started =
        LoopbackMain.start(
            new String[] {"--zones", "1", "--seed", "3"},
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertThat(printed.toString(StandardCharsets.UTF_8).strip())
          .isEqualTo("endpoint " + started.uri());
      HttpResponse<String> time =
          http.send(
              HttpRequest.newBuilder(URI.create(started.uri() + "/_cloudtwin/time")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(time.body()).contains("2026-01-01T00:00:00Z");
    }
    assertThatThrownBy(() -> LoopbackMain.start(new String[] {"--port", "80"}, System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port");
  }

  private static String readResponse(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) throw new IllegalStateException("closed after " + head);
      head.append((char) c);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
        length = Integer.parseInt(line.substring(15).trim());
    }
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
