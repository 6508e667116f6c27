package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.experiments.Experiment;
import io.github.cloudtwin.experiments.ExperimentResult;
import io.github.cloudtwin.experiments.Experiments;
import io.github.cloudtwin.experiments.FaultAction;
import io.github.cloudtwin.experiments.Selection;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExperimentResultAssertTest {

  static CloudTwin webTier() {
    CloudTwin twin = CloudTwin.builder().seed(7).build();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-tg").port(80).deregistrationDelay(ofSeconds(30)).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(6)
                .maxSize(9)
                .desiredCapacity(6)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames("web-tg")
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(ofMinutes(2))
                .build());
    twin.traffic().apply("web", Workload.constant(600));
    twin.advance(ofMinutes(10));
    return twin;
  }

  @Test
  void aRunThatKeepsItsUsersServedPassesEveryVerdict() {
    try (CloudTwin twin = webTier()) {
      // tag::verdicts[]
      ExperimentResult result =
          twin.experiments()
              .run(
                  Experiment.builder("lose-two-instances")
                      .action(
                          "terminate",
                          new FaultAction.TerminateInstances("web", Selection.count(2)),
                          ofMinutes(1))
                      .build());

      assertThat(result)
          .completed()
          .errorRateBelow(0.001)
          .recoveredTo(6)
          .within(ofMinutes(10))
          .neverBelow("group/web", 4)
          .meanResponseTimeBelow(ofMillis(50));
      // end::verdicts[]
    }
  }

  @Test
  void aZoneLossFailsAStrictErrorBudgetAndTheMessageShowsTheWorstMinute() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result =
          twin.experiments().run(Experiments.loseOneZone("us-east-1a", ofMinutes(30)));
      assertThatThrownBy(() -> assertThat(result).errorRateBelow(0.001))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting experiment \"lose-us-east-1a\" to have an error rate below 0.001
              but it was 0.0024 (0.24 %) (4,000 of 1,644,000 requests failed).
              Worst minute: the one ending at +00:02:00 of the experiment: 4,000 of 24,000 requests failed, 0.1667 (16.67 %), mean response 0.020 s, InService {web=5}, healthy targets {web-tg=4}.
              Timeline (last 12 of 15 events, t0 = 2026-01-01T00:00:00Z):
                +00:11:30  target/i-08be4910f3903b7ad  in target group web-tg: healthy -> unhealthy (Target.Timeout: Request timed out)
                +00:11:30  target/i-0a10e1c9de338f404  in target group web-tg: healthy -> unhealthy (Target.Timeout: Request timed out)
                +00:12:00  group/web  i-08be4910f3903b7ad Healthy -> Unhealthy: an instance was taken out of service in response to an ELB system health check failure
                +00:12:00  group/web  Terminating EC2 instance: i-08be4910f3903b7ad (InProgress)
                +00:12:00  instance/i-08be4910f3903b7ad  InService -> Terminating in group web
                +00:12:00  target/i-08be4910f3903b7ad  in target group web-tg: unhealthy -> unused (Target.NotRegistered: Target is not registered to the target group)
                +00:12:00  instance/i-08be4910f3903b7ad  running -> shutting-down
                +00:12:00  group/web  Launching a new EC2 instance.  Status Reason: InsufficientInstanceCapacity: We currently do not have sufficient m5.large capacity in the Availability Zone you requested (us-east-1a). (Failed)
                +00:12:00  instance/i-0655cd7f6934a6ea0  launched m5.large in us-east-1b (pending)
                +00:12:00  group/web  Launching a new EC2 instance: i-0655cd7f6934a6ea0 (PreInService)
                +00:12:00  instance/i-0655cd7f6934a6ea0  Pending in group web
                +00:12:00  group/web  i-0a10e1c9de338f404 Healthy -> Unhealthy: an instance was taken out of service in response to an ELB system health check failure""");
      assertThatThrownBy(() -> assertThat(result).recoveredTo(6).within(ofSeconds(30)))
          .hasMessageContaining(
              "to have group/web back at 6 within 30s of the first action's start\nbut group/web was back at 6 only after 4m.\nLowest minute: the one ending at +00:02:00")
          .hasMessageContaining("Timeline (last 12 of 15 events, t0 = 2026-01-01T00:00:00Z):\n")
          .hasMessageContaining(
              "  +00:12:00  group/web  i-0a10e1c9de338f404 Healthy -> Unhealthy: an instance was taken out of service in response to an ELB system health check failure");
      assertThatThrownBy(() -> assertThat(result).wasStoppedBy("some-alarm"))
          .hasMessageContaining("to be stopped by some-alarm\nbut it completed.");
      assertThatThrownBy(() -> assertThat(result).replacedAllLostTasks(2))
          .hasMessageContaining(
              "lose 2 tasks and replace them all\nbut it stopped 0 and 0 were replaced.");
    }
  }

  /**
   * Terminates two instances at +1 min while every launch of the group is throttled until the end.
   */
  static ExperimentResult neverReplaced(CloudTwin twin) {
    return twin.experiments()
        .run(
            Experiment.builder("never-replaced")
                .action(
                    "throttle",
                    new FaultAction.ThrottleLaunches("web", 100),
                    Duration.ZERO,
                    ofMinutes(20))
                .action(
                    "terminate",
                    new FaultAction.TerminateInstances("web", Selection.count(2)),
                    ofMinutes(1))
                .runFor(ofMinutes(20))
                .build());
  }

  @Test
  void recoveredToWithoutWithinFailsWhenTheCountIsNotBackByTheEndOfTheRun() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result = neverReplaced(twin);
      assertThatThrownBy(() -> assertThat(result).recoveredTo(6))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "to have group/web back at 6 by the end of the run\nbut group/web was not back at 6 by the end of the run (lowest 4).")
          .hasMessageContaining(
              "Lowest minute: the one ending at +00:02:00 of the experiment: 0 of 36,000 requests failed, 0.0000 (0.00 %), mean response 0.020 s, InService {web=4}, healthy targets {web-tg=4}.\nTimeline (last 12 of 35 events, t0 = 2026-01-01T00:00:00Z):\n")
          .hasMessageContaining(
              "  +00:11:30  instance/i-0a10e1c9de338f404  Terminating -> Terminated in group web\n")
          .hasMessageContaining(
              "  +00:12:00  group/web  Launching a new EC2 instance.  Status Reason: RequestLimitExceeded: Request limit exceeded. (Failed)");
      assertThatThrownBy(() -> assertThat(result).recoveredTo("target-group/web-tg", 6))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("target-group/web-tg was not back at 6");
    }
  }

  @Test
  void recoveredToAloneChainsFurtherVerdictsWhenTheCountIsBack() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result =
          twin.experiments()
              .run(
                  Experiment.builder("lose-two")
                      .action(
                          "terminate",
                          new FaultAction.TerminateInstances("web", Selection.count(2)),
                          ofMinutes(1))
                      .build());
      /*OLD*/ assertThat(result).recoveredTo(6).neverBelow("group/web", 4).completed();
      assertThatThrownBy(() -> assertThat(result).recoveredTo(6).neverBelow("group/web", 5))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("group/web never below 5\nbut it fell to 4.")
          .hasMessageContaining(
              "Lowest minute: the one ending at +00:02:00 of the experiment: 0 of 36,000 requests failed, 0.0000 (0.00 %), mean response 0.020 s, InService {web=4}, healthy targets {web-tg=4}.\nTimeline (last 12 of 36 events, t0 = 2026-01-01T00:00:00Z):\n")
          .hasMessageContaining(
              "  +00:11:30  instance/i-04c2010c7469a344a  Terminating -> Terminated in group web\n");
    }
  }

  @Test
  void aRecoveryThatDoesNotLastToTheEndOfTheRunIsNoRecovery() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result =
          twin.experiments()
              .run(
                  Experiment.builder("back-then-lost-again")
                      .action(
                          "terminate",
                          new FaultAction.TerminateInstances("web", Selection.count(2)),
                          ofMinutes(1))
                      .action(
                          "throttle",
                          new FaultAction.ThrottleLaunches("web", 100),
                          ofMinutes(14),
                          ofMinutes(16))
                      .action(
                          "terminate-again",
                          new FaultAction.TerminateInstances("web", Selection.count(3)),
                          ofMinutes(15))
                      .runFor(ofMinutes(30))
                      .build());
      org.assertj.core.api.Assertions.assertThat(result.samples().get(10).count("group/web"))
          .as("back at 6 at +11 min")
          .isEqualTo(6);
      org.assertj.core.api.Assertions.assertThat(result.recoveryTime("group/web", 6)).isEmpty();
      assertThatThrownBy(() -> assertThat(result).recoveredTo(6).within(ofMinutes(10)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("group/web was not back at 6 by the end of the run (lowest 3)");
    }
  }

  @Test
  void recoveryVerdictsRefuseAResourceTheRunDoesNotCount() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result = neverReplaced(twin);
      assertThatThrownBy(() -> assertThat(result).recoveredTo("group/typo", 0))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("resource")
          .hasMessageContaining("group/typo")
          .hasMessageContaining("[group/web, target-group/web-tg]");
      assertThatThrownBy(() -> assertThat(result).neverBelow("group/typo", 0))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("group/typo");
    }
  }

  @Test
  void aSlowZoneFailsAResponseTimeBudgetAndTheMessageShowsTheSlowestMinute() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result =
          twin.experiments()
              .run(
                  Experiment.builder("slow-zone")
                      .action(
                          "latency",
                          new FaultAction.NetworkLatency("us-east-1b", ofMillis(400)),
                          ofMinutes(2),
                          ofMinutes(5))
                      .runFor(ofMinutes(10))
                      .build());
      assertThat(result).meanResponseTimeBelow(ofMillis(500));
      // a third of the answers take 20 + 400 ms while the latency lasts
      assertThat(result)
          .p50ResponseTimeBelow(ofMillis(21))
          .responseTimePercentileAfterBelow("latency", 99, ofMillis(21));
      assertThatThrownBy(() -> assertThat(result).p99ResponseTimeBelow(ofMillis(100)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              """
              Expecting experiment "slow-zone" to have a p99 response time below 100ms
              but it was 0.420 s.
              Slowest minute by p99 (0.420 s): the one ending at +00:03:00 of the experiment: 0 of 36,000 requests failed""")
          .hasMessageContaining(
              "Timeline (1 event, t0 = 2026-01-01T00:00:00Z):\n  +00:12:00  experiment/slow-zone  action latency");
      assertThatThrownBy(
              () ->
                  assertThat(result).responseTimePercentileDuringBelow("latency", 50, ofMillis(20)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "to have a p50 response time below 20ms during action latency\nbut it was 0.020 s.");
      assertThatThrownBy(() -> assertThat(result).responseTimePercentileBelow(0, ofMillis(20)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("percentile");
      assertThatThrownBy(() -> assertThat(result).meanResponseTimeBelow(ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting experiment "slow-zone" to have a mean response time below 50ms
              but it was 0.087 s.
              Slowest minute: the one ending at +00:03:00 of the experiment: 0 of 36,000 requests failed, 0.0000 (0.00 %), mean response 0.153 s, InService {web=6}, healthy targets {web-tg=6}.
              Timeline (1 event, t0 = 2026-01-01T00:00:00Z):
                +00:12:00  experiment/slow-zone  action latency (aws:ssm:send-command/AWSFIS-Run-Network-Latency) started on [zone/us-east-1b]""");
    }
  }

  @Test
  void meanResponseTimeVerdictsScopeToAnActionAndItsAftermath() {
    try (CloudTwin twin = webTier()) {
      ExperimentResult result =
          twin.experiments()
              .run(
                  Experiment.builder("slow-zone")
                      .action(
                          "latency",
                          new FaultAction.NetworkLatency("us-east-1b", ofMillis(400)),
                          ofMinutes(2),
                          ofMinutes(5))
                      .runFor(ofMinutes(10))
                      .build());
      // after the latency ends every answer takes the target's 20 ms again
      assertThat(result)
          .meanResponseTimeAfterBelow("latency", ofMillis(21))
          .meanResponseTimeDuringBelow("latency", ofMillis(160));
      assertThatThrownBy(
              () -> assertThat(result).meanResponseTimeDuringBelow("latency", ofMillis(100)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              """
              Expecting experiment "slow-zone" to have a mean response time below 100ms during action latency
              but it was 0.153 s.
              Slowest minute: the one ending at +00:03:00 of the experiment:""");
      assertThatThrownBy(() -> assertThat(result).meanResponseTimeAfterBelow("nope", ofMillis(1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("nope");
    }
  }
}
