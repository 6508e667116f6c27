package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * HealthyHostCount and UnHealthyHostCount per Availability Zone, as "CloudWatch metrics for your
 * Application Load Balancer"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html)
 * defines them: the targets considered healthy (unhealthy), published with the dimensions {@code
 * TargetGroup, LoadBalancer} and {@code TargetGroup, AvailabilityZone, LoadBalancer}.
 */
class HostCountMetricsTest {

  @Test
  void eachZoneCountsItsOwnTargetsAndAZoneTheLoadBalancerDoesNotEnableCountsNowhere() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 1).twinCloser()) {
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
      e.elb.registerTargets("tg", outside); // Target.NotInUse: counted in no zone
      e.elb.target(e.zoneB.get(0)).respondWith(503); // unhealthy after two checks, by 3 min
      e.twin.advance(Duration.ofMinutes(3));
      Instant from = e.twin.now();
      e.twin.advance(Duration.ofMinutes(1));

      assertThat(count(e, "HealthyHostCount", ElbFixture.A, from)).hasValue(2.0);
      assertThat(count(e, "UnHealthyHostCount", ElbFixture.A, from)).hasValue(0.0);
      assertThat(count(e, "HealthyHostCount", ElbFixture.B, from)).hasValue(0.0);
      assertThat(count(e, "UnHealthyHostCount", ElbFixture.B, from)).hasValue(1.0);
      assertThat(count(e, "HealthyHostCount", ElbFixture.C, from)).isEmpty();
      assertThat(count(e, "HealthyHostCount", null, from)).hasValue(2.0);
      assertThat(count(e, "UnHealthyHostCount", null, from)).hasValue(1.0);
    }
  }

  @Test
  void theCountsFollowAHealthChangeWithNoRegistrationChangeMinutesAfterTheLastOne() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      e.twin.advance(Duration.ofMinutes(5)); // every target healthy, minute after minute
      Instant healthy = e.twin.now().minusSeconds(60);
      assertThat(count(e, "HealthyHostCount", null, healthy)).hasValue(3.0);
      assertThat(count(e, "UnHealthyHostCount", null, healthy)).hasValue(0.0);

      // no target registers or leaves: only a state changes
      e.elb.target(e.zoneB.get(0)).respondWith(503);
      e.twin.advance(Duration.ofMinutes(3));
      Instant unhealthy = e.twin.now().minusSeconds(60);
      assertThat(count(e, "HealthyHostCount", null, unhealthy)).hasValue(2.0);
      assertThat(count(e, "UnHealthyHostCount", null, unhealthy)).hasValue(1.0);
      assertThat(count(e, "UnHealthyHostCount", ElbFixture.B, unhealthy)).hasValue(1.0);

      e.elb.target(e.zoneB.get(0)).respondWith(200);
      e.twin.advance(Duration.ofMinutes(4));
      Instant again = e.twin.now().minusSeconds(60);
      assertThat(count(e, "HealthyHostCount", null, again)).hasValue(3.0);
      assertThat(count(e, "UnHealthyHostCount", ElbFixture.B, again)).hasValue(0.0);
    }
  }

  private static OptionalDouble count(ElbFixture e, String name, String zone, Instant from) {
    String lb = e.elb.loadBalancer("web").dimensionValue();
    String tg = e.elb.targetGroup("tg").dimensionValue();
    MetricId id =
        zone == null
            ? MetricId.of("AWS/ApplicationELB", name, "LoadBalancer", lb, "TargetGroup", tg)
            : MetricId.of(
                "AWS/ApplicationELB",
                name,
                "LoadBalancer",
                lb,
                "TargetGroup",
                tg,
                "AvailabilityZone",
                zone);
    return e.twin.cloudWatch().statistic(id, from, from.plusSeconds(60), Statistic.MAXIMUM);
  }
}
