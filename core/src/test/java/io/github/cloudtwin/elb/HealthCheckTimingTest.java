package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health-check state changes at the exact edges of the thresholds (aws-behaviour.md 4.3, E8). */
class HealthCheckTimingTest {

  @Test
  void unhealthyAfterExactlyTwoFailedChecksAndNotOneSecondEarlier() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(503);
      e.twin.advance(Duration.ofSeconds(30));
      assertThat(e.elb.targetHealth("tg", id).state())
          .as("one failure of two")
          .isEqualTo(TargetHealthState.HEALTHY);
      e.twin.advance(Duration.ofSeconds(29));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.HEALTHY);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(e.elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNHEALTHY,
                  "Target.ResponseCodeMismatch",
                  "Health checks failed with these codes: [503]"));
    }
  }

  @Test
  void recoveryNeedsFiveConsecutivePassesThatIsOneHundredFiftySeconds() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(500);
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.UNHEALTHY);
      e.elb.target(id).setBehavior(null);
      e.twin.advance(Duration.ofSeconds(149));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.UNHEALTHY);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void aFailureBetweenPassesRestartsTheHealthyCount() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.elb.target(id).respondWith(500);
      e.twin.advance(Duration.ofSeconds(60));
      e.elb.target(id).setBehavior(null);
      e.twin.advance(Duration.ofSeconds(120)); // 4 passes
      e.elb.target(id).respondWith(500);
      e.twin.advance(Duration.ofSeconds(30)); // 1 failure resets
      e.elb.target(id).setBehavior(null);
      e.twin.advance(Duration.ofSeconds(120));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.UNHEALTHY);
      e.twin.advance(Duration.ofSeconds(30));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void aSlowAnswerAtTheTimeoutIsATimeoutAndJustBelowItPasses() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String slowOk = e.zoneA.get(0);
      String tooSlow = e.zoneB.get(0);
      e.elb.target(slowOk).slow(Duration.ofMillis(4999));
      e.elb.target(tooSlow).slow(Duration.ofSeconds(5));
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealth("tg", slowOk).state()).isEqualTo(TargetHealthState.HEALTHY);
      assertThat(e.elb.targetHealth("tg", tooSlow))
          .isEqualTo(
              new TargetHealth(TargetHealthState.UNHEALTHY, "Target.Timeout", "Request timed out"));
    }
  }

  @Test
  void newAlbTargetIsInitialUntilItsFirstPassingCheck() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("web")
              .availabilityZones("us-east-1a", "us-east-1b")
              .build());
      elb.createTargetGroup(TargetGroupSpec.builder("tg").build());
      elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      twin.advance(Duration.ofSeconds(40));
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone("us-east-1a")
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      twin.advance(Duration.ofSeconds(1));
      elb.registerTargets("tg", id);
      assertThat(elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.INITIAL,
                  "Elb.RegistrationInProgress",
                  "Target registration is in progress"));
      twin.advance(Duration.ofSeconds(18)); // checks run at 30, 60, 90 ...: 59 s now
      assertThat(elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.INITIAL);
      twin.advance(Duration.ofSeconds(1));
      assertThat(elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void aTargetRegisteredWhileAnotherLeavesIsCheckedInTheNextRound() {
    // DescribeTargetHealth: a registered target is checked at the group's next health-check round
    // (HealthCheckIntervalSeconds, 30 s for an ALB), whatever else registered or left meanwhile
    try (var f =
        ElbFixture.alb(
                TargetGroupSpec.builder("tg").deregistrationDelay(Duration.ofSeconds(10)), 2, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture; // 120 s: a round just ran, the next at 150 s
      String leaving = e.zoneA.get(0);
      e.twin.advance(Duration.ofSeconds(5));
      e.elb.deregisterTargets("tg", leaving);
      e.twin.advance(Duration.ofSeconds(10)); // 135 s: drained, the registration is gone
      assertThat(e.elb.targetHealths("tg")).doesNotContainKey(leaving);
      String joining =
          e.twin
              .ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(ElbFixture.B)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      e.twin.advance(Duration.ofSeconds(5));
      e.elb.registerTargets("tg", joining);
      e.twin.advance(Duration.ofSeconds(9)); // 149 s
      assertThat(e.elb.targetHealth("tg", joining).state()).isEqualTo(TargetHealthState.INITIAL);
      e.twin.advance(Duration.ofSeconds(1)); // 150 s: the round checks the new target too
      assertThat(e.elb.targetHealth("tg", joining).state()).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void classicInstanceNeedsTenPassesThatIsThreeHundredSeconds() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.classic("old")
              .availabilityZones("us-east-1a")
              .healthCheck(HealthCheckSpec.classicTarget("HTTP:80/index.html").build())
              .build());
      elb.createListener(ListenerSpec.builder("old", 80).forwardTo("old").build());
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone("us-east-1a")
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      twin.advance(Duration.ofSeconds(1));
      elb.registerInstancesWithLoadBalancer("old", id);
      LoadBalancer lb = elb.loadBalancer("old");
      twin.advance(Duration.ofSeconds(269)); // checks at 30 .. 270: 9 passes
      assertThat(lb.instanceHealth(id).classicState()).isEqualTo("OutOfService");
      twin.advance(Duration.ofSeconds(30));
      assertThat(lb.instanceHealth(id).classicState()).isEqualTo("InService");
      assertThat(elb.loadBalancer("old").instanceHealth(id).state())
          .isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void crashedInstanceTimesOutAndStoppedInstanceIsUnusedInvalidState() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String crashed = e.zoneA.get(0);
      String stopped = e.zoneA.get(1);
      e.twin.faults().crashInstance(crashed);
      e.twin.ec2().stopInstance(stopped);
      assertThat(e.elb.targetHealth("tg", stopped))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.InvalidState",
                  "Target is in the stopping state"));
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.targetHealth("tg", crashed))
          .isEqualTo(
              new TargetHealth(TargetHealthState.UNHEALTHY, "Target.Timeout", "Request timed out"));
    }
  }

  @Test
  void defaultsFollowTheLoadBalancerType() {
    HealthCheckSpec alb = HealthCheckSpec.defaults(LoadBalancerType.APPLICATION, Protocol.HTTP);
    assertThat(alb)
        .isEqualTo(
            new HealthCheckSpec(
                Protocol.HTTP,
                null,
                "/",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                5,
                2,
                "200",
                true));
    HealthCheckSpec nlb = HealthCheckSpec.defaults(LoadBalancerType.NETWORK, Protocol.TCP);
    assertThat(nlb)
        .isEqualTo(
            new HealthCheckSpec(
                Protocol.TCP,
                null,
                null,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                5,
                2,
                null,
                true));
    HealthCheckSpec nlbHttp =
        HealthCheckSpec.builder()
            .protocol(Protocol.HTTP)
            .build()
            .resolve(LoadBalancerType.NETWORK, Protocol.TCP);
    assertThat(nlbHttp.timeout()).isEqualTo(Duration.ofSeconds(6));
    assertThat(nlbHttp.matcher()).isEqualTo("200-399");
    HealthCheckSpec classic = HealthCheckSpec.defaults(LoadBalancerType.CLASSIC, Protocol.TCP);
    assertThat(classic.classicTarget(80)).isEqualTo("TCP:80");
    assertThat(classic.healthyThresholdCount()).isEqualTo(10);
    HealthCheckSpec classicHttp =
        HealthCheckSpec.classicTarget("HTTP:80/index.html")
            .build()
            .resolve(LoadBalancerType.CLASSIC, Protocol.TCP);
    assertThat(classicHttp.path()).isEqualTo("/index.html");
    assertThat(classicHttp.matcher()).isEqualTo("200");
    assertThat(TargetGroupSpec.builder("t").build().deregistrationDelay())
        .isEqualTo(Duration.ofSeconds(300));
  }
}
