package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The request a target receives: the load balancer's X-Forwarded headers and, on Classic, the
 * instance port.
 */
class RequestRoutingTest {

  private static RoutingSnapshot.ListenerSnap listener(
      int port, Protocol protocol, int instancePort) {
    return new RoutingSnapshot.ListenerSnap(
        port, protocol, new RuleSpec[0], new RoutingSnapshot.ActionSnap[0], null, instancePort);
  }

  @Test
  void theClientIsAppendedToAnXForwardedForChainTheRequestAlreadyCarries() {
    Request viaProxy =
        Request.get("/cart")
            .withHeader("X-Forwarded-For", "192.0.2.1")
            .from("203.0.113.9", 40000)
            .toListener(443);

    Request seen = RequestRouting.forwarded(viaProxy, listener(443, Protocol.HTTPS, 0));

    assertThat(seen.header("X-Forwarded-For")).isEqualTo("192.0.2.1, 203.0.113.9");
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(seen.header("X-Forwarded-Port")).isEqualTo("443");
    assertThat(seen.listenerPort()).isEqualTo(443);
    assertThat(seen.path()).isEqualTo("/cart");
    assertThat(viaProxy.header("X-Forwarded-For"))
        .as("the client's request is not changed")
        .isEqualTo("192.0.2.1");
  }

  @Test
  void withoutAChainTheClientAloneIsForwardedAndAClassicListenerSendsToItsInstancePort() {
    Request direct = Request.get().from("198.51.100.20", 1234).toListener(80);

    Request seen = RequestRouting.forwarded(direct, listener(80, Protocol.HTTP, 8080));

    assertThat(seen.header("X-Forwarded-For")).isEqualTo("198.51.100.20");
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.header("X-Forwarded-Port"))
        .as("the port the client connected to")
        .isEqualTo("80");
    assertThat(seen.listenerPort()).as("the instance port, as health checks use").isEqualTo(8080);
  }
}
