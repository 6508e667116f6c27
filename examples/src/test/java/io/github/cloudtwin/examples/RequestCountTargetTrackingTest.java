package io.github.cloudtwin.examples;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

/**
 * Story 6, request-count target tracking. In production: an API whose cost is per request, not per
 * CPU cycle, scales on ALBRequestCountPerTarget at 1,000 requests per target per minute. Over a
 * morning ramp from 50 to 200 requests/s the group must keep up (12,000 requests a minute need 12
 * targets); when the ramp falls it scales in only after 15 low one-minute datapoints.
 */
@CloudTwinTest
class RequestCountTargetTrackingTest {

  @CloudTwinSetup
  void api(CloudTwin twin) {
    LoadBalancer lb =
        twin.loadBalancing()
            .createLoadBalancer(
                LoadBalancerSpec.application("api")
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    TargetGroup tg =
        twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("api-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("api", 80).forwardTo("api-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("api")
                .minSize(3)
                .maxSize(20)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames("api-tg")
                .build());
    // tag::request-count[]
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("1000-per-target")
                .autoScalingGroupName("api")
                .predefinedMetric(
                    PredefinedMetricType.ALBRequestCountPerTarget,
                    lb.dimensionValue()
                        + "/"
                        + tg.dimensionValue()) // app/api/<id>/targetgroup/api-tg/<id>
                .targetValue(1000)
                .build());
    // end::request-count[]
  }

  @Test
  void theGroupKeepsUpWithTheMorningRampAndScalesInOnlyAfterFifteenLowMinutes(
      CloudTwin twin, @FromTwin("api") AutoScalingGroup api) {
    int[] peak = {0};
    twin.timeline().addListener(e -> peak[0] = Math.max(peak[0], api.desiredCapacity()));
    // tag::morning-ramp[]
    twin.traffic()
        .apply(
            "api",
            Workload.step(50)
                .then(ofMinutes(10), 100)
                .then(ofMinutes(20), 150)
                .then(ofMinutes(30), 200)
                .then(ofMinutes(90), 50)
                .build());
    // end::morning-ramp[]
    twin.advance(ofMinutes(90));
    // 200 requests/s = 12,000 a minute: 12 targets at 1,000 each
    assertThat(api.desiredCapacity()).isEqualTo(12);

    twin.advance(ofMinutes(14));
    assertThat(api.desiredCapacity()).as("14 minutes after the ramp fell").isEqualTo(12);
    twin.advance(ofHours(1));
    // 50 requests/s = 3,000 a minute: 3 targets, the group's minimum
    assertThat(api.desiredCapacity()).isEqualTo(3);
    assertThat(peak[0]).isEqualTo(12);
  }
}
