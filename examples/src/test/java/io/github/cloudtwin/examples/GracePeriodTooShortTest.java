package io.github.cloudtwin.examples;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetBehavior;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Story 8, a grace period too short. In production: a JVM service needs three minutes to warm its
 * caches and answers its health check with 503 until then. The group uses ELB health checks with a
 * 30 s grace period: every new instance is declared unhealthy while still warming up, terminated
 * and replaced by another that meets the same fate. With a grace period longer than the warm-up
 * (300 s, the console's default) nothing is replaced.
 */
@CloudTwinTest
class GracePeriodTooShortTest {

  static final Duration WARM_UP = ofMinutes(3);

  @Test
  void aThirtySecondGracePeriodReplacesWarmingInstancesForever(CloudTwin twin) {
    AutoScalingGroup web = webTier(twin, ofSeconds(30));
    twin.advance(ofMinutes(60));
    // tag::grace-period[]
    long replaced =
        web.activities().stream()
            .filter(a -> a.cause().contains("in response to an ELB system health check failure"))
            .count();
    // end::grace-period[]
    // each new instance fails its first check 30 s after InService, the grace period is over, the
    // group's next ELB check (every minute) marks it Unhealthy; one is replaced at a time
    // (10 % of 2, at least 1): one dead instance a minute, and none lives to its third minute
    assertThat(replaced).as("instances killed while warming up in an hour").isEqualTo(59);
  }

  @Test
  void aGracePeriodLongerThanTheWarmUpReplacesNothing(CloudTwin twin) {
    AutoScalingGroup web = webTier(twin, ofSeconds(300));
    twin.advance(ofMinutes(60));
    assertThat(web.activities()).noneMatch(a -> a.cause().contains("health check failure"));
    assertThat(twin.loadBalancing().targetHealths("web-tg").values())
        .hasSize(2)
        .allSatisfy(h -> assertThat(h.state().awsName()).isEqualTo("healthy"));
  }

  /** Two instances behind an ALB; each answers checks with 503 for its first three minutes. */
  static AutoScalingGroup webTier(CloudTwin twin, Duration gracePeriod) {
    twin.ec2()
        .addListener(
            new InstanceListener() {
              @Override
              public void stateChanged(Instance instance, InstanceState from) {
                if (instance.state() == InstanceState.RUNNING) {
                  String id = instance.instanceId();
                  twin.loadBalancing()
                      .target(id)
                      .setBehavior(TargetBehavior.status(200, ofMillis(20)).failingHealthChecks());
                  twin.simulation()
                      .after(
                          WARM_UP,
                          () -> {
                            if (twin.ec2().instance(id).state() == InstanceState.RUNNING) {
                              twin.loadBalancing()
                                  .target(id)
                                  .setBehavior(TargetBehavior.healthy(ofMillis(20)));
                            }
                          });
                }
              }
            });
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-tg").port(80).deregistrationDelay(ofSeconds(30)).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    // tag::grace-period-setup[]
    return twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(2)
                .maxSize(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames("web-tg")
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(gracePeriod)
                .build());
    // end::grace-period-setup[]
  }
}
