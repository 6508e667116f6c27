package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How each load balancer type picks a target, as "How Elastic Load Balancing works", section
 * "Routing algorithm"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#routing-algorithm)
 * and the target group attributes of "Target groups for your Application Load Balancers"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html)
 * describe it.
 */
class RoutingAlgorithmRulesTest {

  private static String instance(CloudTwin twin, String zone) {
    return twin.ec2()
        .runInstance(InstanceSpec.builder().availabilityZone(zone).bootTime(Duration.ZERO).build())
        .instanceId();
  }

  @Test
  void
      aClassicLoadBalancerUsesRoundRobinOnTcpListenersAndLeastOutstandingRequestsOnHttpListeners() {
    // "With Classic Load Balancers, the load balancer node that receives the request selects a
    // registered instance as follows: uses the round robin routing algorithm for TCP listeners;
    // uses the least outstanding requests routing algorithm for HTTP and HTTPS listeners"
    for (Protocol protocol : new Protocol[] {Protocol.TCP, Protocol.HTTP}) {
      try (CloudTwin twin = CloudTwin.create()) {
        LoadBalancing elb = twin.loadBalancing();
        elb.createLoadBalancer(
            LoadBalancerSpec.classic("old").availabilityZones(ElbFixture.A).build());
        elb.createListener(
            ListenerSpec.builder("old", 80).protocol(protocol).forwardTo("old").build());
        String slow = instance(twin, ElbFixture.A);
        String fast = instance(twin, ElbFixture.A);
        elb.registerInstancesWithLoadBalancer("old", slow, fast);
        twin.advance(Duration.ofMinutes(6)); // ten passes at 30 s
        elb.target(slow).slow(Duration.ofSeconds(2));
        elb.target(fast).slow(Duration.ofMillis(10));
        for (int i = 0; i < 100; i++) {
          elb.send("old");
          twin.advance(Duration.ofMillis(100));
        }
        if (protocol == Protocol.TCP) {
          assertThat(elb.loadBalancer("old").requestCount(slow))
              .as("round robin ignores latency")
              .isEqualTo(50);
          assertThat(elb.loadBalancer("old").requestCount(fast)).isEqualTo(50);
        } else {
          assertThat(elb.loadBalancer("old").requestCount(slow))
              .as("least outstanding requests avoids the slow one")
              .isLessThan(10);
          assertThat(elb.loadBalancer("old").requestCount(fast)).isGreaterThan(90);
        }
      }
    }
  }

  @Test
  void aRequestIsOutstandingUntilExactlyItsAnswerArrives() {
    // least_outstanding_requests: "routes requests to the targets with the lowest number of
    // in-progress requests"; a request is in progress until it is answered
    try (var f =
        ElbFixture.alb(
                TargetGroupSpec.builder("tg")
                    .algorithm(LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS),
                2,
                0)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String slow = e.zoneA.get(0);
      String instant = e.zoneA.get(1);
      e.elb.target(slow).setBehavior(TargetBehavior.healthy(Duration.ofSeconds(1)));
      e.elb
          .target(instant)
          .setBehavior(TargetBehavior.healthy(Duration.ZERO)); // never has a request in progress
      while (e.elb.loadBalancer("web").requestCount(slow) == 0) e.elb.send("web");
      e.elb.loadBalancer("web").resetRequestCounts();
      e.twin.advance(Duration.ofMillis(999));
      e.send(6);
      assertThat(e.elb.loadBalancer("web").requestCount(slow))
          .as("still answering its request")
          .isZero();
      e.twin.advance(Duration.ofMillis(1));
      e.send(6);
      assertThat(e.elb.loadBalancer("web").requestCount(slow))
          .as("answered: idle again")
          .isPositive();
    }
  }

  @Test
  void aNetworkLoadBalancerSpreadsFlowsByTheirHashAndKeepsEachFlowOnOneTarget() {
    // NLB: "selects a target from the target group for the default rule using a flow hash
    // algorithm [...] protocol, source IP address and source port, destination IP address and
    // destination port"; "each individual TCP connection is routed to a single target for the
    // life of the connection"
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.network("nlb").availabilityZones(ElbFixture.A).build());
      elb.createTargetGroup(
          TargetGroupSpec.builder("tcp").protocol(Protocol.TCP).port(443).build());
      elb.createListener(
          ListenerSpec.builder("nlb", 443).protocol(Protocol.TCP).forwardTo("tcp").build());
      String[] ids = {
        instance(twin, ElbFixture.A), instance(twin, ElbFixture.A), instance(twin, ElbFixture.A)
      };
      elb.registerTargets("tcp", ids);
      twin.advance(Duration.ofMinutes(4));
      Map<String, String> firstTarget = new HashMap<>();
      for (int round = 0; round < 2; round++) {
        for (int port = 40000; port < 40600; port++) {
          String t = elb.send("nlb", Request.get().from("203.0.113.5", port)).targetId();
          String before = firstTarget.putIfAbsent("203.0.113.5:" + port, t);
          if (before != null) assertThat(t).as("flow from port %d", port).isEqualTo(before);
        }
        for (int host = 1; host <= 200; host++) {
          String t = elb.send("nlb", Request.get().from("198.51.100." + host, 5000)).targetId();
          String before = firstTarget.putIfAbsent("198.51.100." + host, t);
          if (before != null) assertThat(t).as("flow from host %d", host).isEqualTo(before);
        }
      }
      for (String id : ids) {
        long byPort =
            firstTarget.entrySet().stream()
                .filter(x -> x.getKey().startsWith("203.") && x.getValue().equals(id))
                .count();
        long byHost =
            firstTarget.entrySet().stream()
                .filter(x -> x.getKey().startsWith("198.") && x.getValue().equals(id))
                .count();
        assertThat(byPort).as("flows by source port to %s", id).isBetween(150L, 250L);
        assertThat(byHost).as("flows by source address to %s", id).isBetween(40L, 95L);
      }
    }
  }

  @Test
  void aTargetGroupMayTurnCrossZoneOnBehindANetworkLoadBalancerThatHasItOff() {
    // load_balancing.cross_zone.enabled: "true, false or use_load_balancer_configuration";
    // NLBs have cross-zone load balancing off by default
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.network("nlb").availabilityZones(ElbFixture.A, ElbFixture.B).build());
      elb.createTargetGroup(
          TargetGroupSpec.builder("tcp")
              .protocol(Protocol.TCP)
              .port(443)
              .crossZoneEnabled(true)
              .build());
      elb.createListener(
          ListenerSpec.builder("nlb", 443).protocol(Protocol.TCP).forwardTo("tcp").build());
      String a = instance(twin, ElbFixture.A);
      String b1 = instance(twin, ElbFixture.B);
      String b2 = instance(twin, ElbFixture.B);
      elb.registerTargets("tcp", a, b1, b2);
      twin.advance(Duration.ofMinutes(4));
      Map<String, Double> shares = elb.loadBalancer("nlb").expectedShares(Request.get());
      for (String id : new String[] {a, b1, b2})
        assertThat(shares.get(id)).as(id).isCloseTo(1.0 / 3, within(1e-9));
    }
  }

  @Test
  void duringSlowStartRoundRobinSendsTheNewTargetItsRampedShareOfSingleRequests() {
    // slow_start.duration_seconds: the load balancer "linearly increases the share of traffic"
    // of a target in slow start mode (Target groups, "Slow start mode")
    try (var f =
        ElbFixture.alb(TargetGroupSpec.builder("tg").slowStart(Duration.ofSeconds(100)), 1, 0)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String old = e.zoneA.get(0);
      String fresh = instance(e.twin, ElbFixture.A);
      e.elb.registerTargets("tg", fresh);
      e.twin.advance(Duration.ofSeconds(30)); // healthy: weight 0.05 of the old target's 1
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(210);
      assertThat(e.elb.loadBalancer("web").requestCount(fresh)).isEqualTo(10);
      assertThat(e.elb.loadBalancer("web").requestCount(old)).isEqualTo(200);
      e.twin.advance(Duration.ofSeconds(100));
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(200);
      assertThat(e.elb.loadBalancer("web").requestCount(fresh))
          .as("slow start over")
          .isEqualTo(100);
    }
  }

  @Test
  void slowStartEndsWhenTheTargetTurnsUnhealthyAndStartsAgainWhenItRecovers() {
    try (var f =
        ElbFixture.alb(TargetGroupSpec.builder("tg").slowStart(Duration.ofSeconds(300)), 1, 0)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      String fresh = instance(e.twin, ElbFixture.A);
      e.elb.registerTargets("tg", fresh);
      e.twin.advance(Duration.ofSeconds(30));
      e.elb.target(fresh).failHealthChecks();
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealth("tg", fresh).state()).isEqualTo(TargetHealthState.UNHEALTHY);
      assertThat(e.elb.loadBalancer("web").expectedShares(Request.get()).getOrDefault(fresh, 0.0))
          .isZero();
      e.elb.target(fresh).setBehavior(null);
      e.twin.advance(Duration.ofSeconds(150)); // five passes
      assertThat(e.elb.targetHealth("tg", fresh).state()).isEqualTo(TargetHealthState.HEALTHY);
      // 150 s after the first slow start began it would be at half weight; it restarted instead
      // (its weight at a ramp's start is half of the first 30 s step: 15 / 300)
      assertThat(e.elb.loadBalancer("web").expectedShares(Request.get()).get(fresh))
          .isCloseTo(0.05 / 1.05, within(1e-9));
    }
  }

  @Test
  void withEveryZoneDownNoNodeIsLeftOnceTheDnsTtlHasPassedAndConnectionsFail() {
    // one load balancer node per enabled zone; a node whose zone is down leaves DNS and clients
    // stop using its address once the 60 s TTL has passed ("How Elastic Load Balancing works")
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      e.twin.faults().failZone(ElbFixture.A);
      e.twin.faults().failZone(ElbFixture.B);
      e.twin.advance(LoadBalancing.DNS_TTL);
      assertThat(e.elb.loadBalancer("web").dnsZones()).isEmpty();
      e.elb.loadBalancer("web").resetRequestCounts();
      RoutedResponse r = e.elb.send("web");
      assertThat(r.status()).isZero();
      assertThat(r.nodeZone()).isNull();
      assertThat(e.elb.loadBalancer("web").failedConnectionCount()).isEqualTo(1);
    }
  }

  @Test
  void aLoadBalancerWithoutListenersTakesNoRequest() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("bare")
              .availabilityZones(ElbFixture.A, ElbFixture.B)
              .build());
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> elb.send("bare"))
          .isInstanceOf(io.github.cloudtwin.kernel.ValidationException.class)
          .hasMessageContaining("listenerPort");
    }
  }
}
