package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.event;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Response;
import io.github.cloudtwin.elb.TargetBehavior;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import org.junit.jupiter.api.Test;

/**
 * Story 7, a wrong health-check path. In production: the target group checks {@code /health} but
 * the new framework serves {@code /healthz}. Every target answers 404 to the check and turns
 * unhealthy; the load balancer fails open and still serves users from all of them, so nobody
 * notices, until the group's ELB health checks start replacing instances, which are unhealthy in
 * turn: a replacement storm. The timeline shows it.
 */
@CloudTwinTest
class WrongHealthCheckPathTest {

  /** The application: 200 on {@code /healthz} and on user requests, 404 elsewhere for checks. */
  static final TargetBehavior APP =
      request ->
          request.healthCheck() && !request.path().equals("/healthz")
              ? Response.of(404, ofMillis(2))
              : Response.of(200, ofMillis(20));

  @CloudTwinSetup
  void webTier(CloudTwin twin) {
    // every instance that starts runs the application
    twin.ec2()
        .addListener(
            new InstanceListener() {
              @Override
              public void stateChanged(Instance instance, InstanceState from) {
                if (instance.state() == InstanceState.RUNNING) {
                  twin.loadBalancing().target(instance.instanceId()).setBehavior(APP);
                }
              }
            });
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    // tag::wrong-path[]
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-tg")
                .port(80)
                .healthCheck(
                    HealthCheckSpec.builder().path("/health").build()) // the app serves /healthz
                .build());
    // end::wrong-path[]
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(4)
                .maxSize(4)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames("web-tg")
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(ofMinutes(2))
                .build());
  }

  @Test
  void everyTargetTurnsUnhealthyTheBalancerFailsOpenAndTheGroupReplacesInstancesInAStorm(
      CloudTwin twin, @FromTwin("web") AutoScalingGroup web) {
    twin.advance(ofMinutes(2));

    // 404 does not match the default matcher 200: two failed checks 30 s apart make a target
    // unhealthy
    assertThat(twin.loadBalancing().targetHealths("web-tg").values())
        .allSatisfy(h -> assertThat(h.state()).isEqualTo(TargetHealthState.UNHEALTHY));
    // all targets unhealthy: the load balancer routes to all of them (fail open)
    for (int i = 0; i < 100; i++) {
      assertThat(twin.loadBalancing().send("web").status()).isEqualTo(200);
    }

    twin.advance(ofMinutes(60));
    assertThat(twin.timeline())
        .containsInOrder(
            event("target/*", "initial -> unhealthy"),
            event(
                "group/web",
                "an instance was taken out of service in response to an ELB system health check failure"),
            event("group/web", "Terminating EC2 instance"),
            event("group/web", "Launching a new EC2 instance"),
            event("target/*", "initial -> unhealthy"),
            event(
                "group/web",
                "an instance was taken out of service in response to an ELB system health check failure"));
    long replaced =
        web.activities().stream()
            .filter(a -> a.cause().contains("ELB system health check failure"))
            .count();
    // replacement goes one instance at a time (10 % of 4, at least 1); an unhealthy instance has
    // no request in flight, so it leaves the target group at once (no 300 s drain, as AWS ends
    // draining when nothing is in flight): a replacement storm that never settles
    assertThat(replaced).as("instances replaced in the first hour").isEqualTo(80);
  }
}
