package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 3: six instances over a/b/c behind an ALB with ELB health checks and a grace
 * period of 0, under traffic; zone a fails. The group is whole again (6 InService in b and c) after
 * the EC2 status check marks a's instances impaired, one replacement at a time (10 % of 6, at least
 * 1), each launch booting for 30 s; nothing waits for a 300 s drain any more, because an
 * unreachable target gets no request once it is unhealthy and leaves the target group at once.
 */
class ZoneLossRebuildTest {

  @Test
  void afterAZoneLossTheGroupIsWholeAgainAfterDetectionAndOneBootPerReplacementNotElevenMinutes() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("web")
                  .availabilityZones(Fixtures.A, Fixtures.B, Fixtures.C)
                  .build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
      twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 6, 6, 6)
                      .targetGroupNames("tg")
                      .healthCheckType(HealthCheckType.ELB)
                      .healthCheckGracePeriod(Duration.ZERO)
                      .build());
      twin.advance(Duration.ofMinutes(5));
      twin.traffic().apply("web", Workload.constant(300));
      twin.advance(Duration.ofMinutes(1));
      Duration failedAt = twin.elapsed();
      twin.faults().failZone(A);
      boolean whole =
          twin.advanceUntil(
              () ->
                  g.inServiceCount() == 6
                      && g.instances(LifecycleState.IN_SERVICE).stream()
                          .noneMatch(i -> i.availabilityZone().equals(A)),
              Duration.ofMinutes(30));
      assertThat(whole).isTrue();
      Duration took = twin.elapsed().minus(failedAt);
      // +2:00 the ELB health check reports a's two targets unhealthy; they leave the target group
      // at once (nothing in flight) and are replaced one at a time, each launch booting for 30 s
      assertThat(took).isEqualTo(Duration.ofMinutes(3));
    }
  }

  @Test
  void aGroupInOneZoneTerminatesEveryUnhealthyInstanceWhileItsReplacementsCannotLaunch() {
    // "Instance maintenance policy for Auto Scaling group", table "Instance maintenance event
    // default behaviors": a health-check failure is handled by terminate and launch, so the
    // termination of an Unhealthy instance does not wait for a replacement that cannot launch
    // (https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-maintenance-policy-overview-and-considerations.html).
    // "Health checks for instances in an Auto Scaling group": an InService instance found
    // unhealthy is replaced.
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("one", 0, 4, 2, A).build());
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.inServiceCount()).isEqualTo(2);
      twin.faults().failZone(A);
      twin.advance(Duration.ofMinutes(30));
      // both were impaired 3 minutes, then Unhealthy and terminated; every launch into the lost
      // zone fails with InsufficientInstanceCapacity, so none is left in service
      assertThat(g.instances()).isEmpty();
      assertThat(g.activities())
          .filteredOn(a -> a.description().startsWith("Terminating EC2 instance"))
          .hasSize(2)
          .allSatisfy(
              a ->
                  assertThat(a.cause())
                      .contains("in response to an EC2 instance status check failure"));
      assertThat(g.activities())
          .filteredOn(a -> a.statusCode() == ActivityStatus.Failed)
          .isNotEmpty()
          .allSatisfy(
              a -> assertThat(a.statusMessage()).startsWith("InsufficientInstanceCapacity"));
      twin.faults().restoreZone(A);
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.inServiceCount()).isEqualTo(2);
    }
  }
}
