package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.InstanceRefresh;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshStatus;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Story 20, an AMI rollout that never dips below 90 % and one its alarm rolls back. In production:
 * the web tier's ten instances move to a new AMI (launch template version 2) with an instance
 * refresh. The team wants two things from it: the fleet never serves from fewer than nine instances
 * (MinHealthyPercentage 90, the default, so one instance at a time), and a bad build stops itself:
 * the application's error alarm is the refresh's AlarmSpecification, with AutoRollback on. The
 * first test is the good build: ten replacements, each counted only after its two-minute warm-up,
 * nine InService or more throughout, done in 25 minutes (ten batches of 30 s boot and 2 min
 * warm-up). The second is a bad build whose instances log errors: the alarm fires after the second
 * replacement and the refresh rolls back to version 1, still never below nine.
 */
class InstanceRefreshRolloutTest {

  private static final MetricId ERRORS = MetricId.of("App", "Errors");

  @Test
  void aGoodAmiRollsOutWithNeverFewerThanNineInService() {
    try (CloudTwin twin = CloudTwin.builder().seed(20).build()) {
      AutoScalingGroup web = webTier(twin);
      // tag::instance-refresh[]
      String id =
          twin.autoScaling()
              .instanceRefreshes()
              .startInstanceRefresh(
                  InstanceRefreshSpec.builder()
                      .autoScalingGroupName("web")
                      .desiredConfiguration("web", "2") // the new AMI
                      .preferences(
                          RefreshPreferences.builder()
                              .minHealthyPercentage(90) // AWS's default: one of ten at a time
                              .instanceWarmup(ofMinutes(2))
                              .alarms("app-errors")
                              .autoRollback(true)
                              .build())
                      .build());
      // end::instance-refresh[]
      Duration start = twin.elapsed();
      twin.advanceUntil(() -> !refresh(twin).status().isActive(), ofHours(1));
      InstanceRefresh done = refresh(twin);
      assertThat(done.instanceRefreshId()).isEqualTo(id);
      assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(done.percentageComplete()).isEqualTo(100);
      assertThat(Duration.between(done.startTime(), done.endTime())).isEqualTo(ofSeconds(1500));
      assertThat(web).keptInServiceCountAtLeast(9, start, twin.elapsed()).hasInServiceCount(10);
      assertThat(web.instances())
          .extracting(AutoScalingInstance::launchTemplateVersion)
          .containsOnly("2");
      assertThat(web.spec().launchTemplateVersion()).isEqualTo("2"); // the group takes it on
    }
  }

  @Test
  void aBadAmiTripsTheErrorAlarmAndRollsBack() {
    try (CloudTwin twin = CloudTwin.builder().seed(20).build()) {
      AutoScalingGroup web = webTier(twin);
      Duration start = twin.elapsed();
      twin.autoScaling()
          .instanceRefreshes()
          .startInstanceRefresh(
              InstanceRefreshSpec.builder()
                  .autoScalingGroupName("web")
                  .desiredConfiguration("web", "2")
                  .preferences(
                      RefreshPreferences.builder()
                          .instanceWarmup(ofMinutes(2))
                          .alarms("app-errors")
                          .autoRollback(true)
                          .build())
                  .build());
      // the new build logs 3 errors a minute per instance in service; the alarm wants 5
      while (refresh(twin).status() == InstanceRefreshStatus.PENDING
          || refresh(twin).status() == InstanceRefreshStatus.IN_PROGRESS) {
        twin.cloudWatch().putMetricData(ERRORS, 3.0 * onVersion2(web));
        twin.advance(ofMinutes(1));
      }
      InstanceRefresh r = refresh(twin);
      assertThat(r.status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
      assertThat(r.rollbackDetails().rollbackReason())
          .isEqualTo("The CloudWatch alarm app-errors went into the ALARM state.");
      assertThat(r.rollbackDetails().percentageCompleteOnRollback()).isEqualTo(10);
      twin.advanceUntil(() -> !refresh(twin).status().isActive(), ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_SUCCESSFUL);
      assertThat(refresh(twin).percentageComplete()).isZero();
      assertThat(web).keptInServiceCountAtLeast(9, start, twin.elapsed()).hasInServiceCount(10);
      assertThat(web.instances())
          .extracting(AutoScalingInstance::launchTemplateVersion)
          .containsOnly("1");
      assertThat(web.spec().launchTemplateVersion()).isEqualTo("1");
    }
  }

  private static AutoScalingGroup webTier(CloudTwin twin) {
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("app-errors")
                .metric(ERRORS)
                .period(ofMinutes(1))
                .evaluationPeriods(1)
                .threshold(5)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
    AutoScalingGroup web =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .launchTemplate("web", "1")
                    .minSize(10)
                    .maxSize(20)
                    .desiredCapacity(10)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    twin.advance(ofMinutes(1));
    assertThat(web).hasInServiceCount(10);
    return web;
  }

  private static InstanceRefresh refresh(CloudTwin twin) {
    return twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web").get(0);
  }

  private static long onVersion2(AutoScalingGroup web) {
    return web.instances().stream()
        .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
        .filter(i -> i.launchTemplateVersion().equals("2"))
        .count();
  }
}
