package io.github.cloudtwin.advice;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.CapacityDistributionStrategy;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

/** The capacity rules' predictions, each followed by the scenario that shows it. */
class CapacityAdviceTest {

  static AutoScalingGroup threeZones(CloudTwin twin, CapacityDistributionStrategy strategy) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    AutoScalingGroup web =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .instanceType("m5.large")
                    .minSize(6)
                    .maxSize(8)
                    .desiredCapacity(6)
                    .capacityDistributionStrategy(strategy)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .targetGroupNames("web-tg")
                    .detailedMonitoring(true)
                    .defaultInstanceWarmup(ofMinutes(2))
                    .healthCheckType(HealthCheckType.ELB)
                    .healthCheckGracePeriod(ofMinutes(5))
                    .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("cpu-50")
                .autoScalingGroupName("web")
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
    // 480 requests/s at 10 CPU ms on 2 vCPUs: 40 % on six instances, 60 % on four
    twin.traffic().apply("web", Workload.constant(480));
    return web;
  }

  /** Minutes of the outage with fewer than six healthy targets. */
  static int minutesShort(CloudTwin twin) {
    int minutes = 0;
    for (int i = 0; i < 30; i++) {
      twin.advance(ofMinutes(1));
      long healthy =
          twin.loadBalancing().targetHealths("web-tg").values().stream()
              .filter(h -> h.state() == TargetHealthState.HEALTHY)
              .count();
      if (healthy < 6) minutes++;
    }
    return minutes;
  }

  @Test
  void balancedOnlyIsPredictedToStayShortWhileTheZoneIsLostAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      // tag::balanced-only[]
      threeZones(twin, CapacityDistributionStrategy.BALANCED_ONLY);
      // end::balanced-only[]
      twin.advance(ofMinutes(10));
      assertThat(twin.advice().findings(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).containsExactly("group/web");
                assertThat(f.happens())
                    .contains("balanced-only")
                    .contains("(2 of 6 instances)")
                    .contains("runs 4 instances");
              });
      twin.faults().failZone("us-east-1a");
      assertThat(minutesShort(twin))
          .as("minutes of 30 with fewer than six healthy targets")
          .isEqualTo(30);
    }
  }

  @Test
  void balancedBestEffortIsNotFlaggedAndRestoresSixServingInstancesElsewhere() {
    try (CloudTwin twin = CloudTwin.create()) {
      threeZones(twin, CapacityDistributionStrategy.BALANCED_BEST_EFFORT);
      twin.advance(ofMinutes(10));
      assertThat(twin.advice().findings(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS)).isEmpty();
      twin.faults().failZone("us-east-1a");
      assertThat(minutesShort(twin)).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void aSingleZoneGroupIsPredictedToLoseEverythingWithItsZoneAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("web")
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(2)
                  .maxSize(4)
                  .availabilityZones("us-east-1a")
                  .targetGroupNames("web-tg")
                  .build());
      twin.advance(ofMinutes(5));
      assertThat(twin.advice().findings(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS))
          .singleElement()
          .satisfies(f -> assertThat(f.happens()).contains("all 2 instances in us-east-1a"));
      twin.faults().failZone("us-east-1a");
      twin.advance(ofMinutes(30));
      assertThat(twin.loadBalancing().targetHealths("web-tg").values())
          .noneMatch(h -> h.state() == TargetHealthState.HEALTHY);
      assertThat(twin.autoScaling().group("web").inServiceCountByZone())
          .doesNotContainKey("us-east-1b");
    }
  }
}
