package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.autoscaling.WarmPoolSpec;
import io.github.cloudtwin.autoscaling.WarmPoolState;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Story 19, a warm pool halves time to capacity during the morning ramp. In production: at 08:00 a
 * scheduled action takes the web tier from 3 to 9 instances for the morning, but a new instance
 * spends 5 minutes in its first boot (the AMI pulls and unpacks the application), so the morning
 * starts on a third of the fleet. A warm pool of Stopped instances has done that first boot the
 * night before: at 08:00 the six instances only restart (30 s, the twin's restart time). The
 * service itself starts on every boot (2 minutes of 503s) and then has to pass five health checks,
 * with or without the pool. The test measures the time from 08:00 until nine targets are healthy: 9
 * minutes cold, 4.5 minutes from the pool.
 */
class WarmPoolMorningRampTest {

  private static final Instant EIGHT_AM = Instant.parse("2026-01-01T08:00:00Z");

  @Test
  void aStoppedWarmPoolAtLeastHalvesTheTimeToNineHealthyTargets() {
    Duration cold = timeToNineHealthy(false);
    Duration warm = timeToNineHealthy(true);
    // running at +05:00; the application answers 503 until +07:00 (the first check fails, the
    // target is unhealthy); five passing checks 30 s apart, the last at +09:00
    assertThat(cold).isEqualTo(ofMinutes(9));
    // running at +00:30 (the restart); 503 until +02:30; five passes, the last at +04:30
    assertThat(warm).isEqualTo(ofSeconds(270));
    assertThat(warm).isLessThanOrEqualTo(cold.dividedBy(2));
  }

  private static Duration timeToNineHealthy(boolean withWarmPool) {
    try (CloudTwin twin = CloudTwin.builder().seed(19).build()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("web")
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
      // the service starts on every boot, restarts included: 503 for 2 minutes
      twin.loadBalancing().setApplicationStartTime("web-tg", ofMinutes(2));
      // tag::warm-pool[]
      AutoScalingGroup web =
          twin.autoScaling()
              .createAutoScalingGroup(
                  AutoScalingGroupSpec.builder()
                      .autoScalingGroupName("web")
                      .minSize(3)
                      .maxSize(12)
                      .desiredCapacity(3)
                      .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                      .targetGroupNames("web-tg")
                      .bootTime(ofMinutes(5)) // the first boot unpacks the application
                      .build());
      if (withWarmPool) {
        twin.autoScaling()
            .warmPools()
            .putWarmPool(
                WarmPoolSpec.builder()
                    .autoScalingGroupName("web")
                    .poolState(WarmPoolState.STOPPED) // the default: pay for the volumes only
                    .maxGroupPreparedCapacity(9) // pool = 9 - desired
                    .build());
      }
      twin.autoScaling()
          .putScheduledUpdateGroupAction(
              ScheduledActionSpec.once("morning", "web", EIGHT_AM, null, null, 9));
      // end::warm-pool[]
      twin.advanceTo(EIGHT_AM.minusSeconds(60));
      if (withWarmPool) assertThat(web).hasWarmedInstances(6).hasInServiceCount(3);
      twin.advanceTo(EIGHT_AM);
      while (healthy(twin) < 9) twin.advance(ofSeconds(1));
      if (withWarmPool) assertThat(web).hasWarmPoolSize(0);
      return Duration.between(EIGHT_AM, twin.now());
    }
  }

  private static long healthy(CloudTwin twin) {
    return twin.loadBalancing().targetGroup("web-tg").targetHealth().values().stream()
        .filter(h -> h.state() == TargetHealthState.HEALTHY)
        .count();
  }
}
