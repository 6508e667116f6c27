package io.github.cloudtwin.advice;

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
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Response;
import io.github.cloudtwin.elb.TargetBehavior;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealthState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The health check rules' predictions, each followed by the scenario that shows it. */
class HealthAdviceTest {

  static void balancer(CloudTwin twin, HealthCheckSpec check) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    TargetGroupSpec.Builder tg =
        TargetGroupSpec.builder("web-tg").port(80).deregistrationDelay(ofSeconds(30));
    if (check != null) tg.healthCheck(check);
    twin.loadBalancing().createTargetGroup(tg.build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
  }

  static AutoScalingGroup group(CloudTwin twin, Duration grace, String... targetGroups) {
    return twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(2)
                .maxSize(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames(targetGroups)
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(grace)
                .build());
  }

  static long replacedForElbHealth(AutoScalingGroup web) {
    return web.activities().stream()
        .filter(a -> a.cause().contains("ELB system health check failure"))
        .count();
  }

  @Test
  void aGracePeriodShorterThanTheApplicationsStartIsPredictedToReplaceStartingInstancesAndDoes() {
    try (CloudTwin twin = CloudTwin.create()) {
      balancer(twin, null);
      // tag::grace[]
      twin.loadBalancing().setApplicationStartTime("web-tg", ofMinutes(3));
      AutoScalingGroup web = group(twin, ofSeconds(60), "web-tg");
      // end::grace[]

      assertThat(twin.advice().findings(AdviceRule.GRACE_SHORTER_THAN_APPLICATION_START))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).containsExactly("group/web", "target-group/web-tg");
                assertThat(f.happens())
                    .contains("needs 180 s to start")
                    .contains("about 330 s")
                    .contains("grace period is 60 s");
                assertThat(f.fix()).contains("at least 330 s");
              });

      twin.advance(ofMinutes(60));
      assertThat(replacedForElbHealth(web))
          .as("instances replaced while starting")
          .isGreaterThan(10);
    }
  }

  @Test
  void aGracePeriodCoveringTheStartIsNotFlaggedAndReplacesNothing() {
    try (CloudTwin twin = CloudTwin.create()) {
      balancer(twin, null);
      twin.loadBalancing().setApplicationStartTime("web-tg", ofMinutes(3));
      AutoScalingGroup web = group(twin, ofSeconds(330), "web-tg");
      assertThat(twin.advice().findings(AdviceRule.GRACE_SHORTER_THAN_APPLICATION_START)).isEmpty();
      twin.advance(ofMinutes(60));
      assertThat(replacedForElbHealth(web)).isZero();
      assertThat(twin.loadBalancing().targetHealths("web-tg").values())
          .hasSize(2)
          .allSatisfy(h -> assertThat(h.state()).isEqualTo(TargetHealthState.HEALTHY));
    }
  }

  @Test
  void elbHealthChecksWithoutATargetGroupArePredictedToServeNothingAndDo() {
    try (CloudTwin twin = CloudTwin.create()) {
      balancer(twin, null);
      // tag::elb-without-target-group[]
      AutoScalingGroup web = group(twin, ofSeconds(300)); // the target group was forgotten
      // end::elb-without-target-group[]

      assertThat(twin.advice().findings(AdviceRule.ELB_HEALTH_CHECK_WITHOUT_TARGET_GROUP))
          .singleElement()
          .satisfies(f -> assertThat(f.resources()).containsExactly("group/web"));

      twin.advance(ofMinutes(5));
      assertThat(web.inServiceCount()).isEqualTo(2);
      // the load balancer has nobody to send users to
      assertThat(twin.loadBalancing().send("web").status()).isEqualTo(503);
      assertThat(twin.loadBalancing().targetHealths("web-tg")).isEmpty();
    }
  }

  /** The application: 200 on /healthz and on user requests, 404 on any other health check path. */
  static final TargetBehavior APP =
      request ->
          request.healthCheck() && !request.path().equals("/healthz")
              ? Response.of(404, ofMillis(2))
              : Response.of(200, ofMillis(20));

  static void runApp(CloudTwin twin) {
    twin.ec2()
        .addListener(
            new InstanceListener() {
              @Override
              public void stateChanged(Instance instance, InstanceState from) {
                if (instance.state() == InstanceState.RUNNING)
                  twin.loadBalancing().target(instance.instanceId()).setBehavior(APP);
              }
            });
  }

  @Test
  void aHealthCheckPathTheTargetsDoNotServeIsPredictedToFailAndTheGroupReplacesInAStorm() {
    try (CloudTwin twin = CloudTwin.create()) {
      runApp(twin);
      // tag::health-check-path[]
      balancer(twin, HealthCheckSpec.builder().path("/health").build());
      // end::health-check-path[]
      AutoScalingGroup web = group(twin, ofMinutes(2), "web-tg");
      twin.advance(ofSeconds(31)); // the first instances run and are registered

      assertThat(twin.advice().findings(AdviceRule.HEALTH_CHECK_UNSATISFIABLE))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resources()).hasSize(3).startsWith("target-group/web-tg");
                assertThat(f.happens())
                    .contains("/health")
                    .contains("fails on 2 of 2")
                    .contains("Target.ResponseCodeMismatch");
              });

      twin.advance(ofMinutes(60));
      assertThat(replacedForElbHealth(web)).as("instances replaced in an hour").isGreaterThan(10);
    }
  }

  @Test
  void theHealthCheckPathTheTargetsServeIsNotFlaggedAndEveryTargetIsHealthy() {
    try (CloudTwin twin = CloudTwin.create()) {
      runApp(twin);
      balancer(twin, HealthCheckSpec.builder().path("/healthz").build());
      AutoScalingGroup web = group(twin, ofMinutes(2), "web-tg");
      twin.advance(ofSeconds(31));
      assertThat(twin.advice().findings(AdviceRule.HEALTH_CHECK_UNSATISFIABLE)).isEmpty();
      twin.advance(ofMinutes(60));
      assertThat(replacedForElbHealth(web)).isZero();
    }
  }
}
