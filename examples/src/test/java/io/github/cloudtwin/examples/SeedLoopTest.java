package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.event;
import static io.github.cloudtwin.cloudwatch.AlarmState.OK;
import static io.github.cloudtwin.cloudwatch.ComparisonOperator.GreaterThanThreshold;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.traffic.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Story 1, the seed's loop. In production: a marketing mail triples traffic and the team wants to
 * know, before it happens, when the fleet grows and whether it grows enough. Three m5.large
 * instances behind an Application Load Balancer; the alarm "average CPU above 80 % for two
 * consecutive 5-minute periods" (basic monitoring) runs the simple policy "add two instances".
 */
@CloudTwinTest(seed = 42)
class SeedLoopTest {

  @CloudTwinSetup
  void webTier(CloudTwin twin) {
    // tag::seed-setup[]
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
                .minSize(3)
                .maxSize(10)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames("web-tg")
                .build());
    ScalingPolicy addTwo =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("add-two")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(2)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(ofMinutes(5))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(GreaterThanThreshold)
                .alarmActions(addTwo.asAlarmAction())
                .build());
    // end::seed-setup[]
  }

  @Test
  void trafficTriplesAndTheGroupAddsTwoThenTwoMore(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    // 10 CPU ms per request on 2 vCPUs: 100 requests/s per instance is 50 % CPU
    twin.traffic().apply("web", Workload.step(300).then(ofMinutes(10), 900).build());

    twin.advance(ofMinutes(30));

    // tag::assertions[]
    // [10, 15) and [15, 20) both average above 80 %: the alarm fires when the second one completes
    assertThat(twin).alarm("cpu-high").transitionedToAlarmAt(ofMinutes(20));
    // five instances still run at 90 %: the alarm stays in ALARM and re-runs the policy every
    // minute,
    // which the simple policy's 300 s cooldown (from the launches' end at +00:20:30) holds until
    // +00:26
    assertThat(twin.timeline())
        .containsInOrder(
            event("alarm/cpu-high", "state-change", "OK -> ALARM"),
            event("group/web", "desired capacity 3 -> 5"),
            event("group/web", "desired capacity 5 -> 7"));
    assertThat(twin.timeline()).hasEventAt(ofMinutes(26), "group/web", "desired capacity 5 -> 7");
    // seven instances at 900 requests/s: about 64 % CPU, the alarm returns to OK
    assertThat(twin).alarm("cpu-high").isInState(OK).transitionedToStateAt(OK, ofMinutes(30));
    // end::assertions[]
    ScalingActivity first =
        web.activities().stream()
            .filter(a -> a.cause().contains("from 3 to 5"))
            .findFirst()
            .orElseThrow();
    assertThat(first.cause())
        .contains(
            "a monitor alarm cpu-high in state ALARM triggered policy add-two"
                + " changing the desired capacity from 3 to 5");
    assertThat(web).hasDesiredCapacity(7).hasInServiceCount(7).neverExceededCapacity(7);
    assertThat(twin.loadBalancing().targetGroup("web-tg")).hasHealthyTargetCount(7);
    // each launch goes to a zone with the fewest instances: 1/1/1 -> 2/2/1 -> 3/2/2
    assertThat(web.inServiceCountByZone().values()).containsExactlyInAnyOrder(3, 2, 2);
    List<String> ids = web.instances().stream().map(AutoScalingInstance::instanceId).toList();
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(twin.loadBalancing().targetHealth("web-tg", id).state())
                    .isEqualTo(TargetHealthState.HEALTHY));
    // 900 requests/s over 7 targets instead of 300 over 3
    assertThat(ids)
        .allSatisfy(id -> assertThat(twin.traffic().servedRate(id)).isBetween(128.0, 129.0));
  }

  @Test
  void theLaunchTracesBackToTheAlarmThroughItsCauseChain(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    twin.traffic().apply("web", Workload.step(300).then(ofMinutes(10), 900).build());
    twin.advance(ofMinutes(21));
    // tag::cause-chain[]
    ScalingActivity launch =
        web.activities().stream()
            .filter(a -> a.cause().contains("from 3 to 5"))
            .findFirst()
            .orElseThrow();
    List<TimelineEvent> why = twin.timeline().causeChain(launch.timelineEventId());
    why.forEach(e -> System.out.println(e.format(twin.config().start())));
    // +00:20:00  alarm/cpu-high  OK -> ALARM: Threshold Crossed: 2 datapoints [...] were greater
    // than ...
    // +00:20:00  policy/add-two  alarm cpu-high in state ALARM: desired capacity 3 -> 5
    // +00:20:00  group/web  desired capacity 3 -> 5: a monitor alarm cpu-high in state ALARM
    // triggered policy add-two
    // +00:20:00  group/web  Launching a new EC2 instance: i-0... (PreInService)
    // end::cause-chain[]
    assertThat(why)
        .extracting(TimelineEvent::resource)
        .containsSubsequence("alarm/cpu-high", "policy/add-two", "group/web");
    assertThat(why.get(0).message()).startsWith("OK -> ALARM: Threshold Crossed");
  }

  @Test
  void theSameSeedGivesTheSameTimeline() {
    // tag::determinism[]
    String first = run(42);
    String again = run(42);
    assertThat(again).isEqualTo(first); // byte for byte, ids included
    assertThat(run(43)).isNotEqualTo(first); // another seed: other instance ids
    // end::determinism[]
  }

  private static String run(long seed) {
    try (CloudTwin twin = CloudTwin.builder().seed(seed).build()) {
      new SeedLoopTest().webTier(twin);
      twin.traffic().apply("web", Workload.step(300).then(ofMinutes(10), 900).build());
      twin.advance(ofMinutes(30));
      return twin.timeline().text();
    }
  }
}
