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
 * (127.0.0.1, an ephemeral port) while us-east-1a fails: for the DNS TTL a third of fresh
 * connections still go to a's node and fail, and the client's retries must absorb them.
 */
@CloudTwinTest
class HttpClientDuringOutageTest {

  @CloudTwinSetup
  void webTier(CloudTwin twin) {
    twin.loadBalancing().createLoadBalancer(LoadBalancerSpec.application("api")
        .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c").build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("api-tg").port(80).build());
    twin.loadBalancing().createListener(ListenerSpec.builder("api", 80).forwardTo("api-tg").build());
    twin.autoScaling().createAutoScalingGroup(AutoScalingGroupSpec.builder()
        .autoScalingGroupName("api").minSize(6).maxSize(6)
        .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c").targetGroupNames("api-tg")
        .build());
  }

  @Test
  void theClientsRetriesKeepItsErrorRateUnderOnePercentWhileAZoneFails(CloudTwin twin) throws Exception {
    twin.advance(ofMinutes(2)); // instances booted, targets healthy
    // tag::http-client[]
    HttpListener listener = twin.loadBalancing().startHttpListener("api");
    HttpClient client = HttpClient.newHttpClient();
    twin.faults().failZone("us-east-1a");
    int failed = 0;
    int requests = 300;
    for (int i = 0; i < requests; i++) {
      if (!getWithRetries(client, listener.uri().resolve("/orders/" + i), 3)) {
        failed++;
      }
      if (i % 100 == 99) {
        twin.advance(ofSeconds(30)); // the outage goes on while the client works
      }
    }
    // end::http-client[]

    assertThat(failed * 100.0 / requests).as("error rate in %").isLessThan(1.0);
    // without retries, the first 100 requests alone lose a third
    assertThat(twin.loadBalancing().failedConnectionCount("api")).isPositive();
  }

  /** The client under test: up to {@code attempts} tries on connection errors and 5xx. */
  private static boolean getWithRetries(HttpClient client, URI uri, int attempts) throws InterruptedException {
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
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
