package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A zone outage: replacement in the other zones, then AZRebalance when the zone returns. */
class ZoneOutageTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  @Test
  void losesZoneAReplacesInBAndCThenRebalancesTo222() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 6, 6).build());
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.inServiceCountByZone())
          .containsExactly(Map.entry(A, 2), Map.entry(B, 2), Map.entry(C, 2));

      twin.faults().failZone(A);
      // impaired status checks are tolerated 3 minutes; then 10 % of desired (at least 1) at a time
      twin.advanceTo(T0.plus(Duration.ofMinutes(8)).minusSeconds(1));
      assertThat(g.instances()).allMatch(i -> i.healthStatus() == HealthStatus.HEALTHY);
      twin.advanceTo(T0.plus(Duration.ofMinutes(8)));
      assertThat(g.instances())
          .filteredOn(i -> i.healthStatus() == HealthStatus.UNHEALTHY)
          .hasSize(2);
      // one replacement per batch: launch 30 s, then the next
      twin.advanceTo(T0.plus(Duration.ofMinutes(9)));
      assertThat(g.inServiceCount()).isEqualTo(6);
      assertThat(g.inServiceCountByZone())
          .containsExactly(Map.entry(A, 0), Map.entry(B, 3), Map.entry(C, 3));
      assertThat(g.activities())
          .filteredOn(a -> a.statusCode() == ActivityStatus.Failed)
          .isNotEmpty()
          .allSatisfy(
              a ->
                  assertThat(a.statusMessage())
                      .contains("InsufficientInstanceCapacity")
                      .contains(A));
      assertThat(g.activities())
          .filteredOn(a -> a.description().startsWith("Terminating"))
          .allSatisfy(
              a ->
                  assertThat(a.cause())
                      .endsWith(
                          "an instance was taken out of service in response to an EC2"
                              + " instance status check failure."));
      assertThat(twin.ec2().instances())
          .filteredOn(i -> i.availabilityZone().equals(A))
          .allSatisfy(i -> assertThat(i.launchTime()).isBefore(T0.plus(Duration.ofMinutes(5))));

      twin.advanceTo(T0.plus(Duration.ofMinutes(30)));
      assertThat(g.inServiceCountByZone())
          .containsExactly(Map.entry(A, 0), Map.entry(B, 3), Map.entry(C, 3));
      twin.faults().restoreZone(A);
      // AZRebalance: launch in a first, then terminate in the fullest zone; max 6 allows 1 extra
      // (10 % or 1)
      boolean balanced =
          twin.advanceUntil(
              () ->
                  g.inServiceCountByZone().equals(Map.of(A, 2, B, 2, C, 2))
                      && g.instances().size() == 6,
              Duration.ofMinutes(10));
      assertThat(balanced).isTrue();
      assertThat(g.activities())
          .filteredOn(a -> a.cause().contains("launched to aid in balancing the group's zones"))
          .hasSize(2);
      twin.advance(Duration.ofMinutes(30));
      assertThat(g.inServiceCountByZone())
          .containsExactly(Map.entry(A, 2), Map.entry(B, 2), Map.entry(C, 2));
      assertThat(g.desiredCapacity()).isEqualTo(6);
    }
  }

  @Test
  void rebalancingNeverExceedsMaxByMoreThanTenPercentOrOne() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 6, 6).build());
      twin.advance(Duration.ofMinutes(5));
      twin.faults().failZone(A);
      twin.advance(Duration.ofMinutes(10));
      twin.faults().restoreZone(A);
      int[] most = {0};
      twin.timeline().addListener(e -> most[0] = Math.max(most[0], countActive(g)));
      twin.advance(Duration.ofMinutes(15));
      assertThat(most[0]).isEqualTo(7);
    }
  }

  private static int countActive(AutoScalingGroup g) {
    return (int)
        g.instances().stream()
            .filter(
                i ->
                    switch (i.lifecycleState()) {
                      case PENDING, PENDING_WAIT, PENDING_PROCEED, IN_SERVICE -> true;
                      default -> false;
                    })
            .count();
  }

  @Test
  void balancedOnlyKeepsRetryingTheFailingZoneAndStaysShort() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 1, 6, 6)
                      .capacityDistributionStrategy(CapacityDistributionStrategy.BALANCED_ONLY)
                      .build());
      twin.advance(Duration.ofMinutes(5));
      twin.faults().failZone(A);
      twin.advance(Duration.ofMinutes(20));
      // the replacement keeps failing in a, so the downtime limiter holds the second unhealthy
      // instance
      assertThat(g.instances())
          .filteredOn(i -> i.healthStatus() == HealthStatus.HEALTHY)
          .extracting(AutoScalingInstance::availabilityZone)
          .containsOnly(B, C)
          .hasSize(4);
      assertThat(g.activities())
          .filteredOn(a -> a.statusCode() == ActivityStatus.Failed)
          .hasSizeGreaterThan(10)
          .allSatisfy(a -> assertThat(a.statusMessage()).contains(A));
      twin.faults().restoreZone(A);
      twin.advance(Duration.ofMinutes(2));
      assertThat(g.inServiceCountByZone())
          .containsExactly(Map.entry(A, 2), Map.entry(B, 2), Map.entry(C, 2));
    }
  }
}
