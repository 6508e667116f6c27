package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

/**
 * Story 2, losing a zone. In production: us-east-1a goes dark for half an hour. Does the load
 * balancer stop sending requests there, does the group replace the lost capacity in b and c, and
 * does it come back to 2/2/2 afterwards without blowing past its maximum?
 */
@CloudTwinTest
class ZoneOutageTest {

  @CloudTwinSetup
  void sixInstancesOverThreeZones(CloudTwin twin) {
    LoadBalancing elb = twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web")
            .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
            .build());
    elb.createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(6)
                .maxSize(6)
                .desiredCapacity(6)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames("web-tg")
                .healthCheckType(HealthCheckType.ELB)
                .build());
    twin.traffic().apply("web", Workload.constant(600));
  }

  @Test
  void theBalancerRoutesAroundTheZoneTheGroupReplacesItAndRebalancesWithinMaxPlusOne(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    twin.advance(ofMinutes(5));
    assertThat(web.inServiceCountByZone())
        .containsExactly(entry("us-east-1a", 2), entry("us-east-1b", 2), entry("us-east-1c", 2));
    int[] peak = {0};
    twin.timeline()
        .addListener(
            e ->
                peak[0] =
                    Math.max(
                        peak[0],
                        (int)
                            web.instances().stream()
                                .filter(
                                    i ->
                                        i.lifecycleState() == LifecycleState.PENDING
                                            || i.lifecycleState() == LifecycleState.IN_SERVICE)
                                .count()));

    // tag::zone-outage[]
    twin.faults().zoneOutage("us-east-1a", ofMinutes(5), ofMinutes(30));
    // end::zone-outage[]

    // ALB health checks: every 30 s, 2 failures (the ALB default unhealthy threshold)
    twin.advance(ofSeconds(61));
    twin.loadBalancing().loadBalancer("web").resetRequestCounts();
    for (int i = 0; i < 300; i++) {
      twin.loadBalancing().send("web");
    }
    assertThat(twin.loadBalancing().loadBalancer("web"))
        .routedRequestsOnlyTo("us-east-1b", "us-east-1c");

    // ELB health checks take each unhealthy instance out of service; it drains for the
    // deregistration delay (300 s) before it terminates, then its replacement launches in b or c
    twin.advance(ofMinutes(14));
    assertThat(web.inServiceCountByZone())
        .containsExactly(entry("us-east-1a", 0), entry("us-east-1b", 3), entry("us-east-1c", 3));
    assertThat(web.activities())
        .filteredOn(a -> a.statusMessage() != null)
        .allSatisfy(
            a ->
                assertThat(a.statusMessage())
                    .contains("InsufficientInstanceCapacity")
                    .contains("us-east-1a"));

    twin.advance(ofMinutes(30)); // a came back at minute 35
    assertThat(web).hasInServiceCount(6).isBalancedAcross("us-east-1a", "us-east-1b", "us-east-1c");
    assertThat(web.inServiceCountByZone())
        .containsExactly(entry("us-east-1a", 2), entry("us-east-1b", 2), entry("us-east-1c", 2));
    assertThat(web.activities())
        .filteredOn(a -> a.cause().contains("launched to aid in balancing the group's zones"))
        .hasSize(2);
    // AZRebalance may exceed maxSize by 10 % or one instance, whichever is more: 7
    assertThat(peak[0]).isEqualTo(7);
  }
}
