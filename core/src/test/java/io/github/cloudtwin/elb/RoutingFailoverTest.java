package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing failover and fail-open, as AWS documents them in "Target group health"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health.html,
 * section "Unhealthy state actions"): "Routing failover – When the healthy targets in a zone fall
 * below the threshold, the load balancer sends traffic to all targets that are available to the
 * load balancer node, including unhealthy targets"; the threshold applies per zone when cross-zone
 * load balancing is off and to all enabled zones together when it is on; the default threshold is
 * one healthy target, which is the fail-open of "Health checks for Application Load Balancer target
 * groups"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html).
 */
class RoutingFailoverTest {

  private static Map<String, Double> shares(ElbFixture e) {
    return e.elb.loadBalancer("web").expectedShares(Request.get());
  }

  @Test
  void
      withAMinimumOfTwoHealthyAZoneWithOneHealthyTargetRoutesToAllItsTargetsWhileTheOtherZoneKeepsToTheHealthy() {
    try (var f =
        ElbFixture.alb(
                TargetGroupSpec.builder("tg").crossZoneEnabled(false).minimumHealthyTargetsCount(2),
                2,
                2)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String sick = e.zoneA.get(0);
      e.elb.target(sick).failHealthChecks(); // health checks get 500, traffic is still answered
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealth("tg", sick).state()).isEqualTo(TargetHealthState.UNHEALTHY);
      Map<String, Double> s = shares(e);
      for (String id : e.all()) assertThat(s.get(id)).as(id).isCloseTo(0.25, within(1e-9));
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(400);
      for (String id : e.all())
        assertThat(e.elb.loadBalancer("web").requestCount(id)).as(id).isEqualTo(100);
    }
  }

  @Test
  void withTheDefaultMinimumOfOneTheUnhealthyTargetGetsNothingWhileItsZoneStillHasAHealthyOne() {
    try (var f =
        ElbFixture.alb(TargetGroupSpec.builder("tg").crossZoneEnabled(false), 2, 2).twinCloser()) {
      ElbFixture e = f.fixture;
      String sick = e.zoneA.get(0);
      e.elb.target(sick).failHealthChecks();
      e.twin.advance(Duration.ofSeconds(60));
      Map<String, Double> s = shares(e);
      assertThat(s.getOrDefault(sick, 0.0)).isZero();
      assertThat(s.get(e.zoneA.get(1))).isCloseTo(0.5, within(1e-9));
      for (String id : e.zoneB) assertThat(s.get(id)).isCloseTo(0.25, within(1e-9));
    }
  }

  /** Cross-zone on, two targets per zone, the first of each zone failing its health checks. */
  private static ElbFixture.Closer twoOfFourUnhealthy(int minimumHealthy) {
    ElbFixture e =
        ElbFixture.alb(
            TargetGroupSpec.builder("tg").minimumHealthyTargetsCount(minimumHealthy), 2, 2);
    e.elb.target(e.zoneA.get(0)).failHealthChecks();
    e.elb.target(e.zoneB.get(0)).failHealthChecks();
    e.twin.advance(Duration.ofSeconds(60));
    return e.twinCloser();
  }

  @Test
  void withCrossZoneOnTheMinimumCountsHealthyTargetsOfEveryZoneTogether() {
    // two healthy of four: below a minimum of three, so every node routes to all four
    try (var f = twoOfFourUnhealthy(3)) {
      ElbFixture e = f.fixture;
      Map<String, Double> s = shares(e);
      for (String id : e.all()) assertThat(s.get(id)).as(id).isCloseTo(0.25, within(1e-9));
    }
    // the same two healthy of four meet a minimum of two: only they get traffic
    try (var f = twoOfFourUnhealthy(2)) {
      ElbFixture e = f.fixture;
      Map<String, Double> s = shares(e);
      assertThat(s.getOrDefault(e.zoneA.get(0), 0.0)).isZero();
      assertThat(s.getOrDefault(e.zoneB.get(0), 0.0)).isZero();
      assertThat(s.get(e.zoneA.get(1))).isCloseTo(0.5, within(1e-9));
      assertThat(s.get(e.zoneB.get(1))).isCloseTo(0.5, within(1e-9));
    }
  }

  @Test
  void failingOpenNeverSendsToADrainingTarget() {
    // Deregistration delay: "Elastic Load Balancing stops sending requests to targets that are
    // deregistering"
    // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay)
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 2).twinCloser()) {
      ElbFixture e = f.fixture;
      String leaving = e.zoneA.get(0);
      e.elb
          .target(leaving)
          .setBehavior(TargetBehavior.healthy(Duration.ofSeconds(100)).failingHealthChecks());
      for (String id : e.zoneB) e.elb.target(id).failHealthChecks();
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealths("tg").values())
          .allMatch(h -> h.state() == TargetHealthState.UNHEALTHY);
      while (e.elb.loadBalancer("web").requestCount(leaving) == 0)
        e.elb.send("web"); // one 100 s request in flight
      e.elb.deregisterTargets("tg", leaving);
      assertThat(e.elb.targetHealth("tg", leaving).state()).isEqualTo(TargetHealthState.DRAINING);
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(200);
      assertThat(e.elb.loadBalancer("web").requestCount(leaving)).isZero();
      for (String id : e.zoneB)
        assertThat(e.elb.loadBalancer("web").requestCount(id)).isEqualTo(100);
      assertThat(shares(e).getOrDefault(leaving, 0.0)).isZero();
    }
  }
}
