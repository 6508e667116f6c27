package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Story 15, your own HTTP client during an outage. In production: the mobile backend's client
 * retries twice on connection errors and 5xx, and the team promised "under 1 % errors while a zone
 * fails". A real {@code java.net.http.HttpClient} sends through the twin's real HTTP listener
 * (127.0.0.1, an ephemeral port) while us-east-1a fails. The test shows where the promise breaks:
 * not at the lost load-balancer node (retries absorb it) but in the minute before the health checks
 * notice that a's targets are gone.
 */
@CloudTwinTest
class HttpClientDuringOutageTest {

  @CloudTwinSetup
  void webTier(CloudTwin twin) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("api")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("api-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("api", 80).forwardTo("api-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("api")
                .minSize(6)
                .maxSize(6)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames("api-tg")
                .build());
  }

  @Test
  void retriesCutTheFailuresOfTheFirstMinuteAndAfterItTheBudgetHolds(CloudTwin twin)
      throws Exception {
    twin.advance(ofMinutes(2)); // instances booted, targets healthy
    // tag::http-client[]
    HttpListener listener = twin.loadBalancing().startHttpListener("api");
    HttpClient client = HttpClient.newHttpClient();
    twin.faults().failZone("us-east-1a");

    int failedWithoutRetries = failures(client, listener.uri(), 90, 1);
    int failedWithRetries = failures(client, listener.uri(), 90, 3);
    twin.advance(ofSeconds(60)); // two failed checks 30 s apart: a's targets are unhealthy
    int failedAfterwards = failures(client, listener.uri(), 90, 3);
    // end::http-client[]

    // a's node is gone from DNS but still cached for 60 s: round robin over the three cached
    // addresses sends every third request there (and the balancer still routes cross-zone to a's
    // targets, which time out: 504), so a client without retries fails far beyond its budget
    assertThat(failedWithoutRetries).as("failures without retries").isGreaterThanOrEqualTo(30);
    assertThat(failedWithRetries)
        .as("failures with three attempts")
        .isLessThan(failedWithoutRetries);
    // once a's targets are unhealthy and its node has left every cache, the budget holds
    assertThat(failedAfterwards * 100.0 / 90)
        .as("error rate in %% after the first minute")
        .isLessThan(1.0);
    assertThat(twin.loadBalancing().loadBalancer("api").failedConnectionCount()).isPositive();
  }

  /**
   * Sends {@code n} GETs of up to {@code attempts} tries each; returns how many failed every try.
   */
  private static int failures(HttpClient client, URI base, int n, int attempts)
      throws InterruptedException {
    int failed = 0;
    for (int i = 0; i < n; i++) {
      if (!getWithRetries(client, base.resolve("/orders/" + i), attempts)) {
        failed++;
      }
    }
    return failed;
  }

  /** The client under test: up to {@code attempts} tries on connection errors and 5xx. */
  private static boolean getWithRetries(HttpClient client, URI uri, int attempts)
      throws InterruptedException {
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> r =
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() < 500) {
          return true;
        }
      } catch (IOException e) {
        // connection reset: retry
      }
    }
    return false;
  }
}
