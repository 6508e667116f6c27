package io.github.cloudtwin.experiments;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.ExperimentFact;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each action does to the twin what its FIS namesake does to AWS, and the result shows the users'
 * view.
 */
class ExperimentActionsTest {

  @Test
  void losingAZoneFailsRequestsUntilTheBalancerRoutesAroundItAndTheGroupReplacesItsShare() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      // tag::zone-loss[]
      ExperimentResult r =
          twin.experiments().run(Experiments.loseOneZone("us-east-1a", ofMinutes(30)));
      // end::zone-loss[]

      assertThat(r.state()).isEqualTo("completed");
      assertThat(r.samples()).hasSize(46);
      assertThat(r.action("power-interruption-us-east-1a").start()).isEqualTo(ofMinutes(1));
      assertThat(r.action("power-interruption-us-east-1a").end()).isEqualTo(ofMinutes(31));
      // requests routed to a's targets time out until two failed checks mark them unhealthy
      assertThat(r.worstMinute())
          .hasValueSatisfying(m -> assertThat(m.errorRate()).isGreaterThan(0.1));
      assertThat(r.errorRateAfter("power-interruption-us-east-1a")).isZero();
      assertThat(r.lowest("target-group/web-tg")).isEqualTo(4);
      assertThat(r.recoveryTime("target-group/web-tg", 6))
          .hasValueSatisfying(d -> assertThat(d).isLessThan(ofMinutes(10)));
      assertThat(twin.timeline().events(ExperimentFact.ActionStarted.class))
          .singleElement()
          .satisfies(
              a ->
                  assertThat(a.fact(ExperimentFact.ActionStarted.class).orElseThrow().targets())
                      .containsExactly("zone/us-east-1a"));
    }
  }

  @Test
  void terminatingHalfTheGroupLosesThreeInstancesThatTheGroupReplaces() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("kill-half")
                      .action(
                          "terminate",
                          new FaultAction.TerminateInstances("web", Selection.percent(50)),
                          ofMinutes(1))
                      .build());
      List<String> targets =
          twin.timeline()
              .events(ExperimentFact.ActionStarted.class)
              .get(0)
              .fact(ExperimentFact.ActionStarted.class)
              .orElseThrow()
              .targets();
      assertThat(targets).hasSize(3);
      for (String t : targets) {
        assertThat(twin.ec2().instance(t.substring("instance/".length())).state())
            .isEqualTo(InstanceState.TERMINATED);
      }
      assertThat(r.lowest("group/web")).isEqualTo(3);
      assertThat(r.recoveryTime("group/web", 6)).isPresent();
      assertThat(twin.autoScaling().group("web").inServiceCount()).isEqualTo(6);
    }
  }

  @Test
  void stoppingInstancesTakesThemOutUntilTheGroupReplacesThem() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("stop-two")
                      .action(
                          "stop",
                          new FaultAction.StopInstances("web", Selection.count(2)),
                          ofMinutes(1),
                          ofMinutes(20))
                      .build());
      assertThat(r.lowest("target-group/web-tg")).isLessThanOrEqualTo(4);
      assertThat(r.recoveryTime("target-group/web-tg", 6)).isPresent();
      assertThat(twin.autoScaling().group("web").inServiceCount()).isEqualTo(6);
    }
  }

  @Test
  void cpuStressAddsCpuAndTargetTrackingScalesOutForIt() {
    try (CloudTwin twin = WebTier.create(12, true)) {
      int before = twin.autoScaling().group("web").desiredCapacity();
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("stress")
                      .action(
                          "cpu",
                          new FaultAction.CpuStress("web", Selection.all(), 40),
                          ofMinutes(1),
                          ofMinutes(15))
                      .build());
      MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
      double during =
          twin.cloudWatch()
              .statistic(
                  cpu,
                  r.start().plus(ofMinutes(3)),
                  r.start().plus(ofMinutes(4)),
                  Statistic.MAXIMUM)
              .orElseThrow();
      assertThat(during).as("CPU of the stressed instances").isGreaterThan(85);
      assertThat(twin.autoScaling().group("web").capacityHistory())
          .anySatisfy(c -> assertThat(c.desiredCapacity()).isGreaterThan(before));
    }
  }

  @Test
  void latencyTowardAZoneRaisesTheMeanResponseTimeOnlyWhileItLasts() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("slow-a")
                      .action(
                          "latency",
                          new FaultAction.NetworkLatency("us-east-1a", ofMillis(300)),
                          ofMinutes(2),
                          ofMinutes(10))
                      .build());
      MinuteSample during = r.samples().get(5);
      MinuteSample after = r.samples().get(20);
      // a third of the answers take 20 + 300 ms
      assertThat(during.meanResponseSeconds()).isCloseTo((0.320 + 2 * 0.020) / 3, within(1e-6));
      assertThat(after.meanResponseSeconds()).isCloseTo(0.020, within(1e-6));
      assertThat(r.slowestMinute())
          .hasValueSatisfying(m -> assertThat(m.meanResponseSeconds()).isGreaterThan(0.1));
      assertThat(r.errorRate()).isZero();
    }
  }

  @Test
  void latencyTowardOneZoneOfThreeShowsInTheP99AndNotInTheP50() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("slow-a")
                      .action(
                          "latency",
                          new FaultAction.NetworkLatency("us-east-1a", ofMillis(300)),
                          ofMinutes(2),
                          ofMinutes(10))
                      .build());
      MinuteSample during = r.samples().get(5);
      // a third of the answers take 20 + 300 ms, two thirds 20 ms
      assertThat(during.responseTime(50)).contains(ofMillis(20));
      assertThat(during.responseTime(66)).contains(ofMillis(20));
      assertThat(during.responseTime(67)).contains(ofMillis(320));
      assertThat(during.responseTime(99)).contains(ofMillis(320));
      assertThat(during.responseTimes().mean().orElseThrow().toNanos() / 1e9)
          .isCloseTo(during.meanResponseSeconds(), within(1e-6));
      assertThat(r.responseTimes(ofMinutes(2), ofMinutes(12)).percentile(99))
          .contains(ofMillis(320));
      assertThat(r.responseTimes(ofMinutes(13), r.experiment().runFor()).percentile(99))
          .contains(ofMillis(20));
      assertThat(r.slowestMinute(99, Duration.ZERO, r.experiment().runFor()))
          .hasValueSatisfying(m -> assertThat(m.end()).isEqualTo(ofMinutes(3)));
      assertThat(r.samples().get(0).responseTime(99)).contains(ofMillis(20));
    }
  }

  @Test
  void packetLossTowardAZoneFailsThatShareOfItsRequests() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("lossy-a")
                      .action(
                          "loss",
                          new FaultAction.PacketLoss("us-east-1a", 30),
                          ofMinutes(2),
                          ofMinutes(10))
                      .build());
      // a third of the requests go to a, 30 % of those are lost
      assertThat(r.errorRateDuring("loss")).isCloseTo(0.1, within(0.01));
      assertThat(r.errorRateAfter("loss")).isZero();
    }
  }

  @Test
  void failingHealthChecksTurnEveryTargetUnhealthyAndTheGroupReplacesInstances() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("checks")
                      .action(
                          "fail-checks",
                          new FaultAction.FailHealthChecks("web-tg"),
                          ofMinutes(1),
                          ofMinutes(5))
                      .build());
      assertThat(r.lowest("target-group/web-tg")).isZero();
      assertThat(r.errorRate()).as("the balancer fails open: users are served").isZero();
      assertThat(twin.autoScaling().group("web").activities())
          .anyMatch(a -> a.cause().contains("ELB system health check failure"));
      assertThat(r.recoveryTime("target-group/web-tg", 6)).isPresent();
    }
  }

  @Test
  void throttledLaunchesDelayTheReplacementOfTerminatedInstancesUntilTheThrottleEnds() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("throttled")
                      .action(
                          "throttle",
                          new FaultAction.ThrottleLaunches("web", 100),
                          ofMinutes(1),
                          ofMinutes(10))
                      .action(
                          "terminate",
                          new FaultAction.TerminateInstances("web", Selection.count(2)),
                          ofMinutes(2))
                      .build());
      assertThat(twin.autoScaling().group("web").activities())
          .anyMatch(
              a -> a.statusMessage() != null && a.statusMessage().contains("RequestLimitExceeded"));
      Duration recovered = r.recoveryTime("group/web", 6).orElseThrow();
      assertThat(recovered)
          .as("back at six only after the throttle ended at +11 min")
          .isGreaterThan(ofMinutes(10));
    }
  }

  @Test
  void aStopConditionEndsTheRunningActionsAndKeepsPendingOnesFromStarting() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      MetricId errors =
          MetricId.of(
              "AWS/ApplicationELB",
              "HTTPCode_ELB_5XX_Count",
              "LoadBalancer",
              twin.loadBalancing().loadBalancer("web").dimensionValue());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("users-see-errors")
                  .metric(errors)
                  .statistic(Statistic.SUM)
                  .period(ofMinutes(1))
                  .evaluationPeriods(1)
                  .threshold(100)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .build());
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("guarded")
                      .action(
                          "zone",
                          new FaultAction.ZonePowerInterruption("us-east-1a"),
                          ofMinutes(1),
                          ofMinutes(30))
                      .action(
                          "later",
                          new FaultAction.ZonePowerInterruption("us-east-1b"),
                          ofMinutes(20),
                          ofMinutes(5))
                      .stopCondition("users-see-errors")
                      .build());
      assertThat(r.state()).isEqualTo("stopped");
      assertThat(r.stoppedBy()).contains("users-see-errors");
      assertThat(r.action("zone").end()).isLessThan(ofMinutes(5));
      assertThat(r.actions()).extracting(ActionWindow::name).containsExactly("zone");
      assertThat(twin.ec2().zoneState("us-east-1a").toString()).isEqualTo("AVAILABLE");
      assertThat(twin.timeline().events(ExperimentFact.ActionEnded.class))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.fact(ExperimentFact.ActionEnded.class).orElseThrow().stoppedEarly())
                      .isTrue());
      assertThat(twin.timeline().events(ExperimentFact.StopConditionMet.class)).hasSize(1);
    }
  }

  @Test
  void aCompositeAlarmIsAStopConditionToo() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      MetricId errors =
          MetricId.of(
              "AWS/ApplicationELB",
              "HTTPCode_ELB_5XX_Count",
              "LoadBalancer",
              twin.loadBalancing().loadBalancer("web").dimensionValue());
      MetricId latency =
          MetricId.of(
              "AWS/ApplicationELB",
              "TargetResponseTime",
              "LoadBalancer",
              twin.loadBalancing().loadBalancer("web").dimensionValue());
      for (String[] a : new String[][] {{"users-see-errors", "100"}, {"users-wait", "5"}}) {
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName(a[0])
                    .metric(a[0].equals("users-wait") ? latency : errors)
                    .statistic(a[0].equals("users-wait") ? Statistic.AVERAGE : Statistic.SUM)
                    .period(ofMinutes(1))
                    .evaluationPeriods(1)
                    .threshold(Double.parseDouble(a[1]))
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .build());
      }
      twin.cloudWatch()
          .putCompositeAlarm(
              CompositeAlarmSpec.builder()
                  .alarmName("users-hurt")
                  .alarmRule("ALARM(users-see-errors) OR ALARM(users-wait)")
                  .build());
      ExperimentResult r =
          twin.experiments()
              .run(
                  Experiment.builder("guarded-by-composite")
                      .action(
                          "zone",
                          new FaultAction.ZonePowerInterruption("us-east-1a"),
                          ofMinutes(1),
                          ofMinutes(30))
                      .stopCondition("users-hurt")
                      .build());
      assertThat(r.state()).isEqualTo("stopped");
      assertThat(r.stoppedBy()).contains("users-hurt");
      assertThat(r.action("zone").end()).isLessThan(ofMinutes(5));
      assertThat(twin.ec2().zoneState("us-east-1a").toString()).isEqualTo("AVAILABLE");
      assertThat(twin.timeline().events(ExperimentFact.StopConditionMet.class))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(
                          e.fact(ExperimentFact.StopConditionMet.class).orElseThrow().alarmName())
                      .isEqualTo("users-hurt"));
    }
  }

  @Test
  void twiceTheTrafficWithAZoneDownNeedsTheHeadroomToScaleOut() {
    try (CloudTwin twin = WebTier.create(18, true)) {
      ExperimentResult r =
          twin.experiments()
              .run(Experiments.trafficSpikeWithOneZoneDown("us-east-1a", "web", ofMinutes(30)));
      assertThat(r.actions())
          .extracting(ActionWindow::name)
          .containsExactly("power-interruption-us-east-1a", "2x-traffic");
      // 1,200 requests/s at 50 % needs twelve instances, all in b and c
      assertThat(twin.autoScaling().group("web").capacityHistory())
          .anySatisfy(c -> assertThat(c.desiredCapacity()).isGreaterThanOrEqualTo(12));
      assertThat(r.samples().get(20).requests()).isCloseTo(72_000, within(1.0));
    }
  }

  @Test
  void theSameSeedRunsTheSameExperimentTheSameWay() {
    String[] timelines = new String[2];
    for (int i = 0; i < 2; i++) {
      try (CloudTwin twin = WebTier.create(9, false)) {
        twin.experiments()
            .run(
                Experiment.builder("kill-half")
                    .action(
                        "terminate",
                        new FaultAction.TerminateInstances("web", Selection.percent(50)),
                        ofMinutes(1))
                    .action(
                        "loss",
                        new FaultAction.PacketLoss("us-east-1b", 10),
                        ofMinutes(2),
                        ofMinutes(3))
                    .build());
        timelines[i] = twin.timeline().text();
      }
    }
    assertThat(timelines[1]).isEqualTo(timelines[0]);
  }
}
