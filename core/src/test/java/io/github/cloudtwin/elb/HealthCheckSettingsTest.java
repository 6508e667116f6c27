package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The health-check settings of a target group and what each one does, as AWS documents them:
 * "Health checks for Application Load Balancer target groups", section "Health check settings"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html),
 * the Network Load Balancer page of the same name
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html)
 * and the ranges of CreateTargetGroup
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html).
 * The fixture's clock stands on a check instant (checks every 30 s from the listener's creation).
 */
class HealthCheckSettingsTest {

  private static TargetGroupSpec.Builder group(HealthCheckSpec.Builder hc) {
    return TargetGroupSpec.builder("tg").healthCheck(hc.build());
  }

  private static TargetHealthState state(ElbFixture e, String id) {
    return e.elb.targetHealth("tg", id).state();
  }

  @Test
  void unhealthyThresholdCountOfThreeTakesThreeConsecutiveFailedChecks() {
    // UnhealthyThresholdCount: "the number of consecutive failed health checks required before
    // considering a target unhealthy"
    try (var f =
        ElbFixture.alb(group(HealthCheckSpec.builder().unhealthyThresholdCount(3)), 1, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(503);
      e.twin.advance(Duration.ofSeconds(89));
      assertThat(state(e, id)).as("two failures of three").isEqualTo(TargetHealthState.HEALTHY);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(state(e, id)).isEqualTo(TargetHealthState.UNHEALTHY);
    }
  }

  /**
   * HealthyThresholdCount: "the number of consecutive health checks successes required before
   * considering an unhealthy target healthy", at its least (2) and its most (10).
   */
  @ParameterizedTest(name = "HealthyThresholdCount {0} at an interval of {1} s")
  @CsvSource({"2, 30, 5", "10, 5, 2"})
  void anUnhealthyTargetIsHealthyAgainAfterExactlyHealthyThresholdCountPasses(
      int healthy, int interval, int timeout) {
    try (var f =
        ElbFixture.alb(
                group(
                    HealthCheckSpec.builder()
                        .healthyThresholdCount(healthy)
                        .interval(Duration.ofSeconds(interval))
                        .timeout(Duration.ofSeconds(timeout))),
                1,
                1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(500);
      e.twin.advance(Duration.ofSeconds(2L * interval));
      assertThat(state(e, id)).isEqualTo(TargetHealthState.UNHEALTHY);
      e.elb.target(id).setBehavior(null);
      e.twin.advance(Duration.ofSeconds((long) healthy * interval - 1));
      assertThat(state(e, id)).as("one pass short").isEqualTo(TargetHealthState.UNHEALTHY);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(state(e, id)).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void theIntervalIsTheTimeBetweenChecksSoTwoFailuresAtTenSecondsTakeTwentySeconds() {
    // HealthCheckIntervalSeconds: "the approximate amount of time, in seconds, between health
    // checks of an individual target"
    try (var f =
        ElbFixture.alb(group(HealthCheckSpec.builder().interval(Duration.ofSeconds(10))), 1, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(500);
      e.twin.advance(Duration.ofSeconds(19));
      assertThat(state(e, id)).isEqualTo(TargetHealthState.HEALTHY);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(state(e, id)).isEqualTo(TargetHealthState.UNHEALTHY);
    }
  }

  @Test
  void aNewTargetOfAnAlbNeedsOnePassEvenWithAHigherHealthyThreshold() {
    // "After your target is registered, it must pass one health check to be considered healthy."
    try (var f =
        ElbFixture.alb(group(HealthCheckSpec.builder().healthyThresholdCount(7)), 1, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String fresh =
          e.twin
              .ec2()
              .runInstance(
                  io.github.cloudtwin.ec2.InstanceSpec.builder()
                      .availabilityZone(ElbFixture.A)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      e.elb.registerTargets("tg", fresh);
      e.twin.advance(Duration.ofSeconds(29));
      assertThat(state(e, fresh)).isEqualTo(TargetHealthState.INITIAL);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(state(e, fresh)).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void aMatcherRangeAcceptsEveryCodeInItAndTheDefaultAcceptsOnly200() {
    // Matcher.HttpCode: "multiple values (for example, "200,202") or a range of values (for
    // example, "200-299")"; the ALB default is 200
    try (var f =
        ElbFixture.alb(group(HealthCheckSpec.builder().matcher("200-299")), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String noContent = e.zoneA.get(0);
      String redirect = e.zoneB.get(0);
      e.elb.target(noContent).respondWith(204);
      e.elb.target(redirect).respondWith(302);
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(state(e, noContent)).isEqualTo(TargetHealthState.HEALTHY);
      assertThat(e.elb.targetHealth("tg", redirect))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNHEALTHY,
                  "Target.ResponseCodeMismatch",
                  "Health checks failed with these codes: [302]"));
    }
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(204);
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNHEALTHY,
                  "Target.ResponseCodeMismatch",
                  "Health checks failed with these codes: [204]"));
    }
  }

  @Test
  void theCheckGoesToTheHealthCheckPathAndPortNotToTheTrafficPort() {
    // HealthCheckPath: "the destination for health checks on the targets"; HealthCheckPort: "the
    // port the load balancer uses when performing health checks on targets" (default: the
    // traffic port)
    TargetBehavior onlyHealthEndpoint =
        r ->
            r.healthCheck() && r.path().equals("/health") && r.listenerPort() == 8080
                ? Response.of(200, Duration.ofMillis(1))
                : Response.of(404, Duration.ofMillis(1));
    try (var f =
        ElbFixture.alb(group(HealthCheckSpec.builder().path("/health").port(8080)), 1, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.all()) e.elb.target(id).setBehavior(onlyHealthEndpoint);
      e.twin.advance(Duration.ofSeconds(120));
      for (String id : e.all()) assertThat(state(e, id)).isEqualTo(TargetHealthState.HEALTHY);
    }
    try (var f =
        ElbFixture.alb(group(HealthCheckSpec.builder().path("/health")), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.all()) e.elb.target(id).setBehavior(onlyHealthEndpoint);
      e.twin.advance(Duration.ofSeconds(60));
      for (String id : e.all()) {
        assertThat(e.elb.targetHealth("tg", id))
            .isEqualTo(
                new TargetHealth(
                    TargetHealthState.UNHEALTHY,
                    "Target.ResponseCodeMismatch",
                    "Health checks failed with these codes: [404]"));
      }
    }
  }

  @Test
  void aReasonChangeOfAnUnhealthyTargetIsShownButIsNoNewStateChange() {
    // DescribeTargetHealth shows the current reason code (section "Health check reason codes")
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(500);
      e.twin.advance(Duration.ofSeconds(60));
      long changes =
          e.twin.timeline().eventsOf("target/" + id).stream()
              .filter(ev -> ev.kind().equals("target-health"))
              .count();
      e.elb.target(id).stopAnswering();
      e.twin.advance(Duration.ofSeconds(30));
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(TargetHealthState.UNHEALTHY, "Target.Timeout", "Request timed out"));
      e.elb.target(id).setBehavior(TargetBehavior.refused());
      e.twin.advance(Duration.ofSeconds(30));
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNHEALTHY,
                  "Target.FailedHealthChecks",
                  "Health checks failed"));
      assertThat(
              e.twin.timeline().eventsOf("target/" + id).stream()
                  .filter(ev -> ev.kind().equals("target-health"))
                  .count())
          .isEqualTo(changes);
    }
  }

  @Test
  void thresholdsAreBetweenTwoAndTenBothEndsIncluded() {
    for (int ok : new int[] {2, 10}) {
      assertThatCode(
              () ->
                  HealthCheckSpec.builder()
                      .healthyThresholdCount(ok)
                      .unhealthyThresholdCount(ok)
                      .build())
          .doesNotThrowAnyException();
    }
    assertThatThrownBy(() -> HealthCheckSpec.builder().healthyThresholdCount(11).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthyThresholdCount");
    assertThatThrownBy(() -> HealthCheckSpec.builder().unhealthyThresholdCount(1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("UnhealthyThresholdCount");
  }

  @Test
  void intervalIsFiveToThreeHundredSecondsAndTimeoutTwoToOneHundredTwentyAndBelowTheInterval() {
    assertThatCode(
            () ->
                HealthCheckSpec.builder()
                    .interval(Duration.ofSeconds(5))
                    .timeout(Duration.ofSeconds(2))
                    .build()
                    .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                HealthCheckSpec.builder()
                    .interval(Duration.ofSeconds(300))
                    .timeout(Duration.ofSeconds(120))
                    .build()
                    .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                HealthCheckSpec.builder()
                    .interval(Duration.ofSeconds(6))
                    .timeout(Duration.ofSeconds(5))
                    .build()
                    .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP))
        .as("one second below the interval")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> HealthCheckSpec.builder().interval(Duration.ofSeconds(301)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckIntervalSeconds");
    assertThatThrownBy(() -> HealthCheckSpec.builder().timeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckTimeoutSeconds");
    assertThatThrownBy(() -> HealthCheckSpec.builder().timeout(Duration.ofSeconds(121)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckTimeoutSeconds");
    // the default timeout is checked against a shorter interval too: 5 s against 5 s
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .interval(Duration.ofSeconds(5))
                    .build()
                    .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Health check interval must be greater than the timeout.");
  }

  @Test
  void aClassicHealthCheckTimeoutIsAtMostSixtySeconds() {
    // Classic HealthCheck.Timeout: "Valid Range: Minimum value of 2. Maximum value of 60."
    // (https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_HealthCheck.html)
    HealthCheckSpec sixty =
        HealthCheckSpec.classicTarget("TCP:80")
            .interval(Duration.ofSeconds(90))
            .timeout(Duration.ofSeconds(60))
            .build();
    assertThat(sixty.resolve(LoadBalancerType.CLASSIC, Protocol.TCP).timeout())
        .isEqualTo(Duration.ofSeconds(60));
    HealthCheckSpec sixtyOne =
        HealthCheckSpec.classicTarget("TCP:80")
            .interval(Duration.ofSeconds(90))
            .timeout(Duration.ofSeconds(61))
            .build();
    assertThatThrownBy(() -> sixtyOne.resolve(LoadBalancerType.CLASSIC, Protocol.TCP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheck.Timeout");
    HealthCheckSpec albSixtyOne =
        HealthCheckSpec.builder()
            .interval(Duration.ofSeconds(90))
            .timeout(Duration.ofSeconds(61))
            .build();
    assertThat(albSixtyOne.resolve(LoadBalancerType.APPLICATION, Protocol.HTTP).timeout())
        .as("an ALB allows up to 120 s")
        .isEqualTo(Duration.ofSeconds(61));
  }

  @Test
  void successCodesAre200To499ForAnAlb200To599ForAnNlbAndOnly200ForClassic() {
    // Matcher.HttpCode: ALB "200 to 499", NLB "200 to 599" (CreateTargetGroup, Matcher);
    // Classic HTTP checks succeed only on 200 ("Health checks for your Classic Load Balancer")
    assertThat(
            HealthCheckSpec.builder()
                .matcher("499")
                .build()
                .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP)
                .matcher())
        .isEqualTo("499");
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .matcher("199")
                    .build()
                    .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Matcher");
    HealthCheckSpec nlb =
        HealthCheckSpec.builder()
            .protocol(Protocol.HTTP)
            .matcher("200-599")
            .build()
            .resolve(LoadBalancerType.NETWORK, Protocol.TCP);
    assertThat(nlb.matches(599)).isTrue();
    assertThat(nlb.matches(199)).isFalse();
    assertThatThrownBy(
            () ->
                HealthCheckSpec.classicTarget("HTTP:80/")
                    .matcher("201")
                    .build()
                    .resolve(LoadBalancerType.CLASSIC, Protocol.TCP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Matcher");
    HealthCheckSpec alb = HealthCheckSpec.defaults(LoadBalancerType.APPLICATION, Protocol.HTTP);
    assertThat(alb.matches(200)).isTrue();
    assertThat(alb.matches(201)).isFalse();
  }

  @Test
  void tlsIsNoHealthCheckProtocolOfANetworkLoadBalancerAndClassicChecksSpeakSsl() {
    // CreateTargetGroup, HealthCheckProtocol: "The GENEVE, TLS, UDP, and TCP_UDP protocols are not
    // supported for health checks." A TLS target group is checked over TCP by default.
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .protocol(Protocol.TLS)
                    .build()
                    .resolve(LoadBalancerType.NETWORK, Protocol.TLS))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckProtocol")
        .hasMessageContaining("TLS")
        .hasMessageContaining("HTTP, HTTPS or TCP");
    assertThat(HealthCheckSpec.defaults(LoadBalancerType.NETWORK, Protocol.TLS).protocol())
        .isEqualTo(Protocol.TCP);
    // Classic Load Balancer, HealthCheck.Target: "The protocol is either TCP, HTTP, HTTPS, or SSL"
    // (API_HealthCheck): SSL is the Classic name of a TLS connection check
    HealthCheckSpec ssl =
        HealthCheckSpec.classicTarget("SSL:443")
            .build()
            .resolve(LoadBalancerType.CLASSIC, Protocol.TCP);
    assertThat(ssl.protocol()).isEqualTo(Protocol.TLS);
    assertThat(ssl.port()).isEqualTo(443);
    assertThat(ssl.classicTarget(443)).isEqualTo("SSL:443");
    assertThatThrownBy(() -> HealthCheckSpec.classicTarget("TLS:443"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheck.Target");
  }

  @Test
  void theHealthCheckProtocolFollowsTheLoadBalancerType() {
    // ALB: HealthCheckProtocol HTTP or HTTPS, default HTTP (HTTPS for an HTTPS group); NLB: TCP by
    // default; a TCP check has no path and no matcher; UDP is no health-check protocol
    assertThat(HealthCheckSpec.defaults(LoadBalancerType.APPLICATION, Protocol.HTTPS).protocol())
        .isEqualTo(Protocol.HTTPS);
    assertThat(HealthCheckSpec.defaults(LoadBalancerType.APPLICATION, Protocol.HTTP).protocol())
        .isEqualTo(Protocol.HTTP);
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .protocol(Protocol.TCP)
                    .build()
                    .resolve(LoadBalancerType.APPLICATION, Protocol.HTTP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckProtocol");
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .protocol(Protocol.UDP)
                    .build()
                    .resolve(LoadBalancerType.NETWORK, Protocol.UDP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckProtocol");
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .path("/x")
                    .build()
                    .resolve(LoadBalancerType.NETWORK, Protocol.TCP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckPath");
    assertThatThrownBy(
            () ->
                HealthCheckSpec.builder()
                    .matcher("200")
                    .build()
                    .resolve(LoadBalancerType.NETWORK, Protocol.TCP))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Matcher");
    HealthCheckSpec nlbHttps =
        HealthCheckSpec.builder()
            .protocol(Protocol.HTTPS)
            .build()
            .resolve(LoadBalancerType.NETWORK, Protocol.TCP);
    assertThat(nlbHttps.timeout())
        .as("NLB: 10 s for HTTPS, 6 s only for HTTP")
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(nlbHttps.path()).isEqualTo("/");
  }
}
