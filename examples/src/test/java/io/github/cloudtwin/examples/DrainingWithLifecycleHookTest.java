package io.github.cloudtwin.examples;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.elb.Response;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import org.junit.jupiter.api.Test;

/**
 * Story 10, draining with a lifecycle hook. In production: scale-in kills an instance that is still
 * answering requests and still has logs to ship. The target group drains it until its in-flight
 * request (a 90 s report) is answered, within the deregistration delay (here 120 s), then a
 * terminating lifecycle hook holds it in {@code Terminating:Wait} until the log shipper calls
 * {@code CompleteLifecycleAction}; no request is routed to it meanwhile.
 */
@CloudTwinTest
class DrainingWithLifecycleHookTest {

  @CloudTwinSetup
  void webTierWithHook(CloudTwin twin) {
    LoadBalancing elb = twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web")
            .availabilityZones("us-east-1a", "us-east-1b")
            .idleTimeout(ofSeconds(180))
            .build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg").port(80).deregistrationDelay(ofSeconds(120)).build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(1)
                .maxSize(4)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames("web-tg")
                .build());
    // tag::hook[]
    twin.autoScaling()
        .putLifecycleHook(
            LifecycleHookSpec.of("ship-logs", "web", LifecycleTransition.TERMINATING));
    // end::hook[]
  }

  @Test
  void theTargetDrainsThenTheHookHoldsTheInstanceUntilTheTestCompletesIt(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    twin.advance(ofMinutes(2));
    // every instance serves /report in 90 s, the rest in 20 ms; one report is in flight on each
    for (AutoScalingInstance i : web.instances(LifecycleState.IN_SERVICE)) {
      twin.loadBalancing()
          .target(i.instanceId())
          .setBehavior(
              request ->
                  request.path().equals("/report")
                      ? Response.of(200, ofSeconds(90))
                      : Response.of(200, ofMillis(20)));
    }
    for (int i = 0;
        i < 30 && twin.loadBalancing().loadBalancer("web").requestCounts().size() < 3;
        i++) {
      twin.loadBalancing().send("web", Request.get("/report"));
    }
    assertThat(twin.loadBalancing().loadBalancer("web").requestCounts()).hasSize(3);
    twin.autoScaling().setDesiredCapacity("web", 2, false);
    AutoScalingInstance leaving = web.instances(LifecycleState.TERMINATING).get(0);
    String id = leaving.instanceId();

    assertThat(twin.loadBalancing().targetHealth("web-tg", id).state())
        .isEqualTo(TargetHealthState.DRAINING);
    twin.loadBalancing().loadBalancer("web").resetRequestCounts();
    for (int i = 0; i < 200; i++) {
      assertThat(twin.loadBalancing().send("web").status()).isEqualTo(200);
    }
    assertThat(twin.loadBalancing().loadBalancer("web").requestCounts()).doesNotContainKey(id);

    twin.advance(ofSeconds(89));
    assertThat(twin.loadBalancing().targetHealth("web-tg", id).state())
        .isEqualTo(TargetHealthState.DRAINING);
    twin.advance(ofSeconds(1));
    // its report is answered, nothing is in flight: draining ends before the 120 s delay, and
    // now the hook holds it (for up to its 3600 s heartbeat)
    assertThat(web.instances(LifecycleState.TERMINATING_WAIT))
        .extracting(AutoScalingInstance::instanceId)
        .containsExactly(id);
    twin.advance(ofMinutes(30));
    assertThat(twin.ec2().instance(id).state()).isEqualTo(InstanceState.RUNNING);

    // tag::complete[]
    twin.autoScaling()
        .completeLifecycleAction("web", "ship-logs", id, LifecycleActionResult.CONTINUE);
    // end::complete[]
    twin.advance(ofMinutes(1));
    assertThat(twin.ec2().instance(id).state()).isEqualTo(InstanceState.TERMINATED);
    assertThat(web.inServiceCount()).isEqualTo(2);
    assertThat(twin.loadBalancing().loadBalancer("web").failedConnectionCount()).isZero();
  }
}
