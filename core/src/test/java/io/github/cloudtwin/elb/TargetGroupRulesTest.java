package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Target types, disabled health checks and instances that stop and start, as the target health
 * states and reason codes of "Health checks for Application Load Balancer target groups"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html,
 * sections "Target health status" and "Health check reason codes") and CreateTargetGroup
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html)
 * state them.
 */
class TargetGroupRulesTest {

  private static CloudTwin albWithGroup(TargetGroupSpec.Builder group) {
    CloudTwin twin = CloudTwin.create();
    LoadBalancing elb = twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web").availabilityZones(ElbFixture.A, ElbFixture.B).build());
    elb.createTargetGroup(group.build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo(group.build().name()).build());
    return twin;
  }

  @Test
  void anIpTargetGroupTakesAddressesWithTheirZoneAndRoutesToThem() {
    // TargetType ip: "Targets are specified by IP address"; RegisterTargets needs the zone of an
    // IP target outside the VPC's subnets (TargetDescription, AvailabilityZone)
    try (CloudTwin twin = albWithGroup(TargetGroupSpec.builder("ips").targetType(TargetType.IP))) {
      LoadBalancing elb = twin.loadBalancing();
      elb.registerTargets(
          "ips",
          TargetDescription.ip("10.0.1.10", ElbFixture.A),
          TargetDescription.ip("10.0.2.10", ElbFixture.B));
      assertThatThrownBy(() -> elb.registerTargets("ips", "i-0123456789abcdef0"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("IPv4");
      twin.advance(Duration.ofSeconds(30));
      assertThat(elb.targetHealths("ips").values())
          .allMatch(h -> h.state() == TargetHealthState.HEALTHY);
      for (int i = 0; i < 4; i++) assertThat(elb.send("web").status()).isEqualTo(200);
      assertThat(elb.loadBalancer("web").requestCount("10.0.1.10")).isEqualTo(2);
      assertThat(elb.loadBalancer("web").requestCount("10.0.2.10")).isEqualTo(2);
      twin.faults()
          .failZone(ElbFixture.B); // an IP target in an impaired zone stops answering its checks
      twin.advance(Duration.ofSeconds(60));
      assertThat(elb.targetHealth("ips", "10.0.2.10"))
          .isEqualTo(
              new TargetHealth(TargetHealthState.UNHEALTHY, "Target.Timeout", "Request timed out"));
      assertThat(elb.targetHealth("ips", "10.0.1.10").state()).isEqualTo(TargetHealthState.HEALTHY);
    }
  }

  @Test
  void aTargetIsRegisteredFromRegistrationUntilItsDrainingEnds() {
    // a terminated instance target drains for the deregistration delay ("Registered targets": the
    // load balancer deregisters it), then DescribeTargetHealth no longer lists it
    try (var f =
        ElbFixture.alb(
                TargetGroupSpec.builder("tg").deregistrationDelay(Duration.ofSeconds(60)), 2, 1)
            .twinCloser()) {
      ElbFixture e = f.fixture;
      TargetGroup tg = e.elb.targetGroup("tg");
      String kept = e.zoneA.get(0);
      String leaving = e.zoneA.get(1);
      assertThat(tg.isRegistered(kept)).isTrue();
      assertThat(tg.isRegistered("i-0000000000000000f")).isFalse();
      e.twin.ec2().terminateInstance(leaving);
      e.twin.advance(Duration.ofSeconds(1));
      assertThat(tg.health(leaving).state()).isEqualTo(TargetHealthState.DRAINING);
      assertThat(tg.isRegistered(leaving)).isTrue();
      e.twin.advance(Duration.ofSeconds(90));
      assertThat(tg.isRegistered(leaving)).isFalse();
      assertThat(tg.targetHealth()).doesNotContainKey(leaving).containsKey(kept);
      assertThat(tg.isRegistered(kept)).isTrue();
    }
  }

  @Test
  void aTargetInAZoneTheLoadBalancerDoesNotEnableIsUnusedAndGetsNoTraffic() {
    // Target.NotInUse: "Target is in an Availability Zone that is not enabled for the load
    // balancer"
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      String outside =
          e.twin
              .ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(ElbFixture.C)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      e.twin.advance(Duration.ofSeconds(1));
      e.elb.registerTargets("tg", outside);
      e.twin.advance(Duration.ofMinutes(2));
      assertThat(e.elb.targetHealth("tg", outside))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.NotInUse",
                  "Target is in an Availability Zone that is not enabled for the load balancer"));
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(20);
      assertThat(e.elb.loadBalancer("web").requestCount(outside)).isZero();
    }
  }

  @Test
  void withHealthChecksDisabledTargetsAreUnavailableAndStillServeTraffic() {
    // HealthCheckEnabled false: state unavailable, reason Target.HealthCheckDisabled
    try (CloudTwin twin =
        albWithGroup(
            TargetGroupSpec.builder("tg")
                .healthCheck(HealthCheckSpec.builder().enabled(false).build()))) {
      LoadBalancing elb = twin.loadBalancing();
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(ElbFixture.A)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      twin.advance(Duration.ofSeconds(1));
      elb.registerTargets("tg", id);
      elb.target(id).respondWith(500); // no check sees it
      twin.advance(Duration.ofMinutes(5));
      assertThat(elb.targetHealth("tg", id))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNAVAILABLE,
                  "Target.HealthCheckDisabled",
                  "Health checks are disabled"));
      RoutedResponse r = elb.send("web");
      assertThat(r.targetId()).isEqualTo(id);
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.fromLoadBalancer()).isFalse();
    }
  }

  @Test
  void aStoppedInstanceOfAGroupNoListenerUsesIsInvalidStateOnceAListenerForwardsToTheGroup() {
    // Target.InvalidState: "Target is in the stopped state"; Target.NotInUse while no listener
    // forwards to the group
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("web")
              .availabilityZones(ElbFixture.A, ElbFixture.B)
              .build());
      elb.createTargetGroup(TargetGroupSpec.builder("tg").build());
      String stopped =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(ElbFixture.A)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      String running =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .availabilityZone(ElbFixture.A)
                      .bootTime(Duration.ZERO)
                      .build())
              .instanceId();
      twin.advance(Duration.ofSeconds(1));
      elb.registerTargets("tg", stopped, running);
      twin.ec2().stopInstance(stopped);
      twin.advance(Ec2.SHUTDOWN_TIME);
      assertThat(elb.targetHealth("tg", stopped).reasonCode()).isEqualTo("Target.NotInUse");
      elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      assertThat(elb.targetHealth("tg", stopped))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.UNUSED,
                  "Target.InvalidState",
                  "Target is in the stopped state"));
      assertThat(elb.targetHealth("tg", running))
          .isEqualTo(
              new TargetHealth(
                  TargetHealthState.INITIAL,
                  "Elb.RegistrationInProgress",
                  "Target registration is in progress"));
    }
  }

  @Test
  void aStoppedInstanceThatStartsAgainIsHealthCheckedAndServesAgain() {
    // a stopped instance stays registered; once running it is checked from registration again
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 0).twinCloser()) {
      ElbFixture e = f.fixture;
      String id = e.zoneA.get(0);
      e.twin.ec2().stopInstance(id);
      e.twin.advance(Ec2.SHUTDOWN_TIME);
      assertThat(e.elb.targetHealth("tg", id).reasonCode()).isEqualTo("Target.InvalidState");
      e.twin.ec2().startInstance(id);
      e.twin.advance(Duration.ofMinutes(3));
      assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.HEALTHY);
      e.elb.loadBalancer("web").resetRequestCounts();
      e.send(10);
      assertThat(e.elb.loadBalancer("web").requestCount(id))
          .as("round robin on each of the two nodes")
          .isBetween(4L, 6L);
    }
  }

  @Test
  void aTargetGroupNameHasAtMost32CharactersAndAHealthCheckPathAtMost1024() {
    // CreateTargetGroup Name: "a maximum of 32 characters"; HealthCheckPath: "Maximum length of
    // 1024"
    String name32 = "a".repeat(32);
    assertThat(TargetGroupSpec.builder(name32).build().name()).isEqualTo(name32);
    assertThatThrownBy(() -> TargetGroupSpec.builder(name32 + "b").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Name");
    String path1024 = "/" + "p".repeat(1023);
    assertThatCode(() -> HealthCheckSpec.builder().path(path1024).build())
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> HealthCheckSpec.builder().path(path1024 + "p").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("HealthCheckPath");
  }
}
