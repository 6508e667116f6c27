package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container lifecycle on its own, against a real Docker engine. */
@EnabledIfDocker
class ContainerSessionTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ContainerSession session;

  @BeforeEach
  void open() {
    TestImage.requirePresent();
    session = new ContainerSession(TestImage.sessionId());
  }

  @AfterEach
  void closeAndCheckNothingIsLeft() {
    session.close();
    assertThat(session.containersOnEngine())
        .as("containers labelled with session " + session.id())
        .isEmpty();
  }

  private ContainerRequest request(
      String suffix,
      List<Integer> ports,
      Map<String, String> env,
      List<String> command,
      int readyPort) {
    return new ContainerRequest(
        session.id() + "-" + suffix,
        TestImage.NAME,
        ports,
        env,
        command,
        Map.of("purpose", "lifecycle-test"),
        readyPort,
        Duration.ofSeconds(30));
  }

  private static String get(URI uri, Duration timeout) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri).timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body().trim();
  }

  @Test
  void startsFromTheImageWithPortsEnvironmentCommandAndLabels() throws Exception {
    ContainerHandle h =
        session.start(
            request(
                "web",
                List.of(9090),
                Map.of("GREETING", "hello"),
                List.of("/bin/busybox", "httpd", "-f", "-p", "9090", "-h", "/www"),
                9090),
            code -> {});

    assertThat(get(h.httpAddress(9090).resolve("/cgi-bin/whoami"), Duration.ofSeconds(5)))
        .startsWith("200 host=")
        .endsWith("greeting=hello");
    assertThat(get(h.httpAddress(9090).resolve("/health"), Duration.ofSeconds(5)))
        .isEqualTo("200 ok");
    Map<String, String> labels =
        session.docker().inspectContainerCmd(h.id()).exec().getConfig().getLabels();
    assertThat(labels)
        .containsEntry(ContainerSession.SESSION_LABEL, session.id())
        .containsEntry(ContainerSession.MANAGED_BY_LABEL, "cloudtwin-testcontainers")
        .containsEntry("purpose", "lifecycle-test");
    assertThat(session.docker().inspectContainerCmd(h.id()).exec().getName())
        .isEqualTo("/" + session.id() + "-web");
  }

  @Test
  void pauseFreezesTheContainerAndUnpauseResumesIt() throws Exception {
    ContainerHandle h =
        session.start(request("paused", List.of(8080), Map.of(), List.of(), 8080), code -> {});
    URI health = h.httpAddress(8080).resolve("/health");

    h.pause();

    assertThat(h.isPaused()).isTrue();
    assertThat(session.docker().inspectContainerCmd(h.id()).exec().getState().getPaused()).isTrue();
    assertThatThrownBy(() -> get(health, Duration.ofMillis(800)))
        .isInstanceOf(HttpTimeoutException.class);

    h.unpause();

    assertThat(get(health, Duration.ofSeconds(5))).isEqualTo("200 ok");
  }

  @Test
  void commandsRunInsideTheContainerReportTheirExitCode() {
    ContainerHandle h =
        session.start(request("exec", List.of(8080), Map.of(), List.of(), 8080), code -> {});

    assertThat(
            h.exec(
                List.of("/bin/sh", "-c", "wget -q -O /dev/null http://localhost:8080/health"),
                Duration.ofSeconds(5)))
        .isZero();
    assertThat(h.exec(List.of("/bin/sh", "-c", "exit 3"), Duration.ofSeconds(5))).isEqualTo(3);
    assertThat(h.exec(List.of("/no/such/binary"), Duration.ofSeconds(5))).isNotZero();
    h.pause();
    assertThat(h.exec(List.of("/bin/true"), Duration.ofSeconds(5)))
        .as("a paused container runs nothing")
        .isEqualTo(-1);
  }

  @Test
  void aContainerThatExitsOnItsOwnIsReportedWithItsExitCode() throws Exception {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    ContainerHandle h =
        session.start(
            request("exits", List.of(), Map.of(), List.of("/bin/sh", "-c", "sleep 1; exit 7"), 0),
            exit::complete);

    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(h.hasExited()).isTrue();
    assertThat(h.exitCode()).isEqualTo(7);
  }

  @Test
  void aKilledContainerIsReportedWithExitCode137() throws Exception {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    ContainerHandle h =
        session.start(request("killed", List.of(8080), Map.of(), List.of(), 8080), exit::complete);

    session.docker().killContainerCmd(h.id()).exec();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(137);
  }

  @Test
  void stoppingRemovesTheContainerAndIsNotReportedAsAnExit() {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    ContainerHandle h =
        session.start(request("stopped", List.of(8080), Map.of(), List.of(), 8080), exit::complete);
    String id = h.id();

    h.stop(Duration.ofSeconds(1));

    assertThat(session.containersOnEngine()).doesNotContain(id);
    assertThat(h.hasExited()).isFalse();
    assertThat(exit).isNotDone();
  }

  @Test
  void stoppingAPausedContainerRemovesIt() {
    ContainerHandle h =
        session.start(request("paused-stop", List.of(8080), Map.of(), List.of(), 8080), code -> {});
    h.pause();

    h.stop(Duration.ZERO);

    assertThat(session.containersOnEngine()).doesNotContain(h.id());
  }

  @Test
  void closingRemovesEveryContainerCarryingTheSessionLabelEvenOnesItDidNotStart() {
    session.start(request("one", List.of(8080), Map.of(), List.of(), 0), code -> {});
    session.start(request("two", List.of(8080), Map.of(), List.of(), 0), code -> {});
    String stray =
        session
            .docker()
            .createContainerCmd(TestImage.NAME)
            .withName(session.id() + "-stray")
            .withLabels(Map.of(ContainerSession.SESSION_LABEL, session.id()))
            .exec()
            .getId();
    assertThat(session.containersOnEngine()).hasSize(3).contains(stray);

    session.close();

    assertThat(session.containersOnEngine()).isEmpty();
  }

  @Test
  void aMissingImageFailsTheStartWithTheImageNamedAndLeavesNothingBehind() {
    ContainerRequest r =
        new ContainerRequest(
            session.id() + "-missing",
            "cloudtwin/no-such-image:never",
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            0,
            Duration.ofSeconds(10));

    assertThatThrownBy(() -> session.start(r, code -> {}))
        .isInstanceOf(ContainerStartException.class)
        .hasMessageContaining("cloudtwin/no-such-image:never");
    assertThat(session.containersOnEngine()).isEmpty();
  }
}
