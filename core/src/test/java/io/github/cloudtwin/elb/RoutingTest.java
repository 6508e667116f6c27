package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.LongSummaryStatistics;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing algorithms, rules, weights and ELB error statuses. */
class RoutingTest {

  @Test
  void roundRobinIsFairToWithinOneRequest() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 3, 4).twinCloser()) {
      ElbFixture e = f.fixture;
      e.send(7001);
      LongSummaryStatistics s =
          e.all().stream()
              .mapToLong(id -> e.elb.loadBalancer("web").requestCount(id))
              .summaryStatistics();
      assertThat(s.getSum()).isEqualTo(7001);
      assertThat(s.getMax() - s.getMin()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void leastOutstandingRequestsPrefersTheFastTargetWhenOneIsSlow() {
    try (var f =
        ElbFixture.alb(
                TargetGroupSpec.builder("tg")
                    .algorithm(LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS),
                1,
                1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String slow = e.zoneA.get(0);
      String fast = e.zoneB.get(0);
      e.elb.target(slow).slow(Duration.ofSeconds(1));
      e.elb.target(fast).slow(Duration.ofMillis(10));
      for (int i = 0; i < 100; i++) {
        e.elb.send("web");
        e.twin.advance(Duration.ofMillis(100));
      }
      assertThat(e.elb.loadBalancer("web").requestCount(slow)).isBetween(5L, 12L);
      assertThat(e.elb.loadBalancer("web").requestCount(fast)).isGreaterThanOrEqualTo(88L);
      // the rate model agrees: share in proportion to 1 / latency (Little's law at equal
      // outstanding counts)
      assertThat(e.elb.loadBalancer("web").expectedShares(Request.get()).get(fast))
          .isCloseTo(100.0 / 101.0, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void weightedRandomIsSeededAndRoughlyEven() {
    long[] first = new long[4];
    for (int run = 0; run < 2; run++) {
      try (var f =
          ElbFixture.alb(
                  TargetGroupSpec.builder("tg").algorithm(LoadBalancingAlgorithm.WEIGHTED_RANDOM),
                  2,
                  2)
              .twinCloser()) {
        ElbFixture e = f.fixture;
        e.send(4000);
        for (int i = 0; i < 4; i++) {
          long c = e.elb.loadBalancer("web").requestCount(e.all().get(i));
          assertThat(c).isBetween(850L, 1150L);
          if (run == 0) first[i] = c;
          else assertThat(c).as("same seed, same choices").isEqualTo(first[i]);
        }
      }
    }
  }

  @Test
  void rulesMatchPathHostAndHeaderInPriorityOrderAndWeightsSplitGroups() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("web")
              .availabilityZones("us-east-1a", "us-east-1b")
              .build());
      for (String g : new String[] {"api", "blue", "green", "beta"})
        elb.createTargetGroup(TargetGroupSpec.builder(g).build());
      elb.createListener(
          ListenerSpec.builder("web", 80)
              .defaultAction(RuleAction.fixedResponse(404, "text/plain", "no route"))
              .rule(20, RuleCondition.pathPattern("/api/*"), RuleAction.forward("api"))
              .rule(10, RuleCondition.httpHeader("X-Beta", "yes"), RuleAction.forward("beta"))
              .rule(
                  30,
                  RuleCondition.hostHeader("*.example.com"),
                  RuleAction.forward("blue", 3, "green", 1))
              .build());
      String[] ids = new String[4];
      String[] groups = {"api", "blue", "green", "beta"};
      for (int i = 0; i < 4; i++) {
        ids[i] =
            twin.ec2()
                .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
                .instanceId();
        elb.registerTargets(groups[i], ids[i]);
      }
      twin.advance(Duration.ofMinutes(2));
      assertThat(elb.send("web", Request.get("/api/orders")).targetId()).isEqualTo(ids[0]);
      assertThat(elb.send("web", Request.get("/api/orders").withHeader("x-beta", "YES")).targetId())
          .as("priority 10 first")
          .isEqualTo(ids[3]);
      RoutedResponse none = elb.send("web", Request.get("/other"));
      assertThat(none.status()).isEqualTo(404);
      assertThat(none.body()).isEqualTo("no route");
      assertThat(none.fromLoadBalancer()).isTrue();
      int blue = 0;
      int green = 0;
      for (int i = 0; i < 400; i++) {
        String t = elb.send("web", Request.get("/x").withHost("Shop.Example.com")).targetId();
        if (t.equals(ids[1])) blue++;
        if (t.equals(ids[2])) green++;
      }
      assertThat(blue).isEqualTo(300);
      assertThat(green).isEqualTo(100);
    }
  }

  @Test
  void noRegisteredTargetGives503RefusedGives502HungGives504AndTarget5xxPassesThrough() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String a = e.zoneA.get(0);
      String b = e.zoneB.get(0);
      e.elb.target(a).setBehavior(TargetBehavior.refused());
      e.elb.target(b).setBehavior(TargetBehavior.status(500, Duration.ofMillis(5)));
      Set<Integer> statuses = new HashSet<>();
      for (int i = 0; i < 4; i++) {
        RoutedResponse r = e.elb.send("web");
        statuses.add(r.status());
        if (r.status() == 502) assertThat(r.fromLoadBalancer()).isTrue();
        if (r.status() == 500) assertThat(r.fromLoadBalancer()).isFalse();
      }
      assertThat(statuses).containsExactlyInAnyOrder(502, 500);
      e.elb.target(a).setBehavior(TargetBehavior.noResponse());
      e.elb.target(b).setBehavior(TargetBehavior.noResponse());
      RoutedResponse hung = e.elb.send("web");
      assertThat(hung.status()).isEqualTo(504);
      assertThat(hung.latency()).isEqualTo(Duration.ofSeconds(60));
      e.elb.deregisterTargets("tg", a, b);
      RoutedResponse empty = e.elb.send("web");
      assertThat(empty.status()).isEqualTo(503);
      assertThat(empty.targetId()).isNull();
    }
  }

  @Test
  void forwardedHeadersReachTheTarget() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.all()) {
        e.elb
            .target(id)
            .setBehavior(
                req ->
                    req.healthCheck()
                        ? Response.of(200, Duration.ZERO)
                        : Response.of(
                            200,
                            Duration.ofMillis(1),
                            req.header("X-Forwarded-For")
                                + "|"
                                + req.header("X-Forwarded-Proto")
                                + "|"
                                + req.header("X-Forwarded-Port")));
      }
      RoutedResponse r = e.elb.send("web", Request.get("/").from("203.0.113.9", 5555));
      assertThat(r.body()).isEqualTo("203.0.113.9|http|80");
    }
  }

  @Test
  void networkLoadBalancerKeepsAFlowOnOneTargetAndCrossZoneIsOffByDefault() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.network("nlb").availabilityZones("us-east-1a", "us-east-1b").build());
      elb.createTargetGroup(
          TargetGroupSpec.builder("tcp").protocol(Protocol.TCP).port(443).build());
      elb.createListener(
          ListenerSpec.builder("nlb", 443).protocol(Protocol.TCP).forwardTo("tcp").build());
      String a =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
              .instanceId();
      String b1 =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build())
              .instanceId();
      String b2 =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build())
              .instanceId();
      elb.registerTargets("tcp", a, b1, b2);
      twin.advance(Duration.ofMinutes(4)); // NLB: 5 passes at 30 s (fake choice for new targets)
      assertThat(elb.targetHealths("tcp").values())
          .allMatch(h -> h.state() == TargetHealthState.HEALTHY);
      var shares = elb.loadBalancer("nlb").expectedShares(Request.get());
      assertThat(shares.get(a)).isEqualTo(0.5);
      assertThat(shares.get(b1)).isEqualTo(0.25);
      Request flow = Request.get().from("203.0.113.5", 40000);
      String first = null;
      for (int i = 0; i < 20; i++) {
        RoutedResponse r = elb.send("nlb", flow);
        if (r.nodeZone().equals("us-east-1b")) {
          if (first == null) first = r.targetId();
          assertThat(r.targetId()).isEqualTo(first);
        }
      }
      assertThat(first).isIn(b1, b2);
    }
  }

  @Test
  void slowStartRampsTheNewTargetsShareLinearly() {
    try (var f =
        ElbFixture.alb(TargetGroupSpec.builder("tg").slowStart(Duration.ofSeconds(100)), 1, 0)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String fresh =
          e.twin
              .ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(ElbFixture.A)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      e.elb.registerTargets("tg", fresh);
      e.twin.advance(Duration.ofSeconds(30)); // healthy now: slow start begins
      assertThat(e.elb.targetHealth("tg", fresh).state()).isEqualTo(TargetHealthState.HEALTHY);
      double early = e.elb.loadBalancer("web").expectedShares(Request.get()).get(fresh);
      e.twin.advance(Duration.ofSeconds(50));
      double middle = e.elb.loadBalancer("web").expectedShares(Request.get()).get(fresh);
      e.twin.advance(Duration.ofSeconds(60));
      double done = e.elb.loadBalancer("web").expectedShares(Request.get()).get(fresh);
      assertThat(early).isCloseTo(0.05 / 1.05, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(middle).isCloseTo(0.55 / 1.55, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(done).isEqualTo(0.5);
    }
  }
}
