package io.github.cloudtwin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetDescription;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 2, through the real HTTP listener: a target deregistered while a slow real
 * request is in flight through the load balancer's listener stays {@code draining} until that
 * request has been answered, then leaves at once (the next virtual second), long before the
 * deregistration delay; a request that outlasts the delay does not hold the target beyond it. AWS
 * (ELB user guide, "Target groups for your Application Load Balancers", section "Deregistration
 * delay"): "If a deregistering target has no in-flight requests and no active connections, Elastic
 * Load Balancing immediately completes the deregistration process".
 *
 * <p>The slow request is held by a real backend (a loopback {@code HttpServer} that answers {@code
 * /slow} only when the test releases it), so what is in flight is decided by the test, not by
 * wall-clock timing; virtual time moves only through {@code advance}.
 */
class HttpDrainingTest {

  private static final String TARGET = "10.0.1.5";
  private static final long WAIT_SECONDS = 60; // generous: a loaded 2-core machine

  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpServer backend;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private CloudTwin twin;
  private Instant deregisteredAt;

  HttpDrainingTest() throws Exception {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext(
        "/slow",
        ex -> {
          arrived.countDown();
          try {
            release.await(WAIT_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] b = "slow answer".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    backend.start();
  }

  @AfterEach
  void close() {
    release.countDown();
    if (twin != null) twin.close();
    backend.stop(0);
  }

  /** An ALB whose one IP target proxies real requests to the backend; returns its listener. */
  private HttpListener albWithOneRealTarget(Duration deregistrationDelay) {
    twin = CloudTwin.create();
    LoadBalancing elb = twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web").availabilityZones("us-east-1a", "us-east-1b").build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("tg")
            .targetType(TargetType.IP)
            .port(8080)
            .deregistrationDelay(deregistrationDelay)
            .build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    elb.registerTargets(
        "tg",
        TargetDescription.ip(TARGET, "us-east-1a")
            .withEndpoint(URI.create("http://127.0.0.1:" + backend.getAddress().getPort())));
    twin.advance(Duration.ofMinutes(1));
    assertThat(elb.targetHealth("tg", TARGET).state()).isEqualTo(TargetHealthState.HEALTHY);
    return elb.startHttpListener("web");
  }

  /** Sends {@code GET /slow} through the listener and waits until the backend holds it. */
  private CompletableFuture<HttpResponse<String>> slowRequestInFlight(HttpListener http)
      throws InterruptedException {
    CompletableFuture<HttpResponse<String>> answer =
        client.sendAsync(
            HttpRequest.newBuilder(http.uri().resolve("/slow"))
                .timeout(Duration.ofSeconds(2 * WAIT_SECONDS))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("the slow request reached the backend")
        .isTrue();
    return answer;
  }

  private List<Instant> unusedAt() {
    return twin
        .timeline()
        .events(e -> e.resource().equals("target/" + TARGET) && e.message().contains("-> unused"))
        .stream()
        .map(TimelineEvent::time)
        .toList();
  }

  private TargetHealthState state() {
    return twin.loadBalancing().targetHealth("tg", TARGET).state();
  }

  /**
   * Deregisters the target while a slow request is in flight through the listener: the target is
   * draining; returns the request's answer to come ({@link #deregisteredAt} is set).
   */
  private CompletableFuture<HttpResponse<String>> deregisterWhileASlowRequestIsInFlight(
      Duration deregistrationDelay) throws InterruptedException {
    CompletableFuture<HttpResponse<String>> answer =
        slowRequestInFlight(albWithOneRealTarget(deregistrationDelay));
    deregisteredAt = twin.now();
    twin.loadBalancing().deregisterTargets("tg", TARGET);
    assertThat(state()).isEqualTo(TargetHealthState.DRAINING);
    return answer;
  }

  @Test
  void aSlowRealRequestKeepsTheTargetDrainingUntilItIsAnsweredThenDrainingEndsBeforeTheDelay()
      throws Exception {
    CompletableFuture<HttpResponse<String>> answer =
        deregisterWhileASlowRequestIsInFlight(Duration.ofSeconds(300));

    twin.advance(Duration.ofSeconds(10)); // the request is still held by the backend
    assertThat(state()).isEqualTo(TargetHealthState.DRAINING);
    assertThat(unusedAt()).isEmpty();
    assertThat(answer).isNotDone();

    release.countDown();
    HttpResponse<String> r = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("slow answer");
    twin.advance(
        Duration.ofSeconds(1)); // the next check, one virtual second later, finds nothing in flight
    assertThat(state()).isEqualTo(TargetHealthState.UNUSED);
    assertThat(unusedAt()).containsExactly(deregisteredAt.plusSeconds(11));
  }

  @Test
  void aRealRequestThatOutlastsTheDelayDoesNotHoldTheTargetBeyondIt() throws Exception {
    CompletableFuture<HttpResponse<String>> answer =
        deregisterWhileASlowRequestIsInFlight(Duration.ofSeconds(30));

    twin.advance(Duration.ofSeconds(29));
    assertThat(state()).isEqualTo(TargetHealthState.DRAINING);
    twin.advance(Duration.ofSeconds(11));
    assertThat(answer).as("the request is still in flight").isNotDone();
    assertThat(state()).isEqualTo(TargetHealthState.UNUSED);
    assertThat(unusedAt()).containsExactly(deregisteredAt.plusSeconds(30));

    release.countDown();
    assertThat(answer.get(WAIT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(unusedAt()).hasSize(1);
  }
}
