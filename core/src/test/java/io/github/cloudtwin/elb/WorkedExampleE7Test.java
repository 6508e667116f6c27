package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * aws-behaviour.md worked example E7: ALB distribution and failures, zone a with 2 targets, b with
 * 8.
 */
class WorkedExampleE7Test {

  private static TargetGroupSpec.Builder group() {
    return TargetGroupSpec.builder("tg");
  }

  @Test
  void crossZoneOnGivesEveryTargetOneHundredOfAThousand() {
    try (var f = ElbFixture.alb(group(), 2, 8).twinCloser()) {
      ElbFixture e = f.fixture;
      assertThat(e.elb.targetHealths("tg").values())
          .allMatch(h -> h.state() == TargetHealthState.HEALTHY);
      e.send(1000);
      for (String id : e.all())
        assertThat(e.elb.loadBalancer("web").requestCount(id)).as(id).isEqualTo(100);
      Map<String, Double> shares = e.elb.loadBalancer("web").expectedShares(Request.get());
      for (String id : e.all()) assertThat(shares.get(id) * 1000).isCloseTo(100.0, within(1e-9));
    }
  }

  @Test
  void crossZoneOffGivesTwoHundredFiftyInAAndSixtyTwoAndAHalfInB() {
    try (var f = ElbFixture.alb(group().crossZoneEnabled(false), 2, 8).twinCloser()) {
      ElbFixture e = f.fixture;
      Map<String, Double> shares = e.elb.loadBalancer("web").expectedShares(Request.get());
      for (String id : e.zoneA) assertThat(shares.get(id) * 1000).isCloseTo(250.0, within(1e-9));
      for (String id : e.zoneB) assertThat(shares.get(id) * 1000).isCloseTo(62.5, within(1e-9));
      e.send(1000);
      for (String id : e.zoneA)
        assertThat(e.elb.loadBalancer("web").requestCount(id)).isEqualTo(250);
      long b = 0;
      for (String id : e.zoneB) {
        assertThat(e.elb.loadBalancer("web").requestCount(id)).isBetween(62L, 63L);
        b += e.elb.loadBalancer("web").requestCount(id);
      }
      assertThat(b).isEqualTo(500);
      assertThat(e.elb.loadBalancer("web").requestCountByZone())
          .containsEntry(ElbFixture.A, 500L)
          .containsEntry(ElbFixture.B, 500L);
    }
  }

  @Test
  void targetsInBThatStopAnsweringAreUnhealthyAtSixtySecondsAndAGetsFiveHundredEach() {
    try (var f = ElbFixture.alb(group(), 2, 8).twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.zoneB) e.elb.target(id).stopAnswering();
      e.twin.advance(Duration.ofSeconds(59));
      for (String id : e.zoneB)
        assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.HEALTHY);
      e.twin.advance(Duration.ofSeconds(1));
      for (String id : e.zoneB) {
        assertThat(e.elb.targetHealth("tg", id))
            .isEqualTo(
                new TargetHealth(
                    TargetHealthState.UNHEALTHY, "Target.Timeout", "Request timed out"));
      }
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(1000);
      for (String id : e.zoneA)
        assertThat(e.elb.loadBalancer("web").requestCount(id)).isEqualTo(500);
      for (String id : e.zoneB) assertThat(e.elb.loadBalancer("web").requestCount(id)).isZero();
    }
  }

  @Test
  void allTenUnhealthyFailsOpenAndEachGetsOneHundredAgain() {
    try (var f = ElbFixture.alb(group(), 2, 8).twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.all()) e.elb.target(id).failHealthChecks();
      e.twin.advance(Duration.ofSeconds(60));
      for (String id : e.all()) {
        assertThat(e.elb.targetHealth("tg", id))
            .isEqualTo(
                new TargetHealth(
                    TargetHealthState.UNHEALTHY,
                    "Target.ResponseCodeMismatch",
                    "Health checks failed with these codes: [500]"));
      }
      e.elb.loadBalancer("web").resetRequestCounts();
      List<RoutedResponse> responses = new ArrayList<>();
      for (int i = 0; i < 1000; i++) responses.add(e.elb.send("web"));
      for (String id : e.all())
        assertThat(e.elb.loadBalancer("web").requestCount(id)).isEqualTo(100);
      assertThat(responses).allMatch(r -> r.status() == 200);
    }
  }

  @Test
  void deregisteredTargetDrainsWhileARequestIsInFlightAndGetsNoNewRequests() {
    // AWS ends draining as soon as the target has no in-flight request (issue 12): here one
    // request of 40 s is in flight when the target is deregistered.
    try (var f = ElbFixture.alb(group(), 2, 8).twinCloser()) {
      ElbFixture e = f.fixture;
      String leaving = e.zoneB.get(0);
      e.elb.target(leaving).setBehavior(TargetBehavior.healthy(Duration.ofSeconds(40)));
      for (int i = 0; i < 20 && e.elb.loadBalancer("web").requestCount(leaving) == 0; i++)
        e.elb.send("web");
      assertThat(e.elb.loadBalancer("web").requestCount(leaving)).isEqualTo(1);
      List<String> drained = new ArrayList<>();
      e.elb.loadBalancer("web").resetRequestCounts();
      e.elb.targetGroup("tg").deregister(leaving, () -> drained.add(e.twin.elapsed().toString()));
      assertThat(e.elb.targetHealth("tg", leaving))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.DRAINING,
                  "Target.DeregistrationInProgress",
                  "Target deregistration is in progress"));
      e.send(900);
      assertThat(e.elb.loadBalancer("web").requestCount(leaving)).isZero();
      for (String id : e.all())
        if (!id.equals(leaving))
          assertThat(e.elb.loadBalancer("web").requestCount(id)).isEqualTo(100);
      e.twin.advance(Duration.ofSeconds(39));
      assertThat(e.elb.targetHealth("tg", leaving).state()).isEqualTo(TargetHealthState.DRAINING);
      assertThat(drained).isEmpty();
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(e.elb.targetHealth("tg", leaving))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.NotRegistered",
                  "Target is not registered to the target group"));
      assertThat(drained)
          .containsExactly("PT2M40S"); // deregistered at 2 min, its request answered 40 s later
    }
  }

  @Test
  void deregisteredTargetWithNothingInFlightLeavesAtOnceWithoutWaitingForTheDelay() {
    try (var f = ElbFixture.alb(group(), 2, 8).twinCloser()) {
      ElbFixture e = f.fixture;
      String leaving = e.zoneB.get(0);
      List<String> drained = new ArrayList<>();
      e.elb.targetGroup("tg").deregister(leaving, () -> drained.add(e.twin.elapsed().toString()));
      assertThat(e.elb.targetHealth("tg", leaving).state()).isEqualTo(TargetHealthState.UNUSED);
      assertThat(drained).containsExactly("PT2M");
    }
  }
}
