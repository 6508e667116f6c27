package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.A;
import static io.github.cloudtwin.autoscaling.Fixtures.B;
import static io.github.cloudtwin.autoscaling.Fixtures.C;
import static io.github.cloudtwin.autoscaling.Fixtures.cpu;
import static io.github.cloudtwin.autoscaling.Fixtures.cpuAlarm;
import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of aws-behaviour.md section 7, with their exact outcomes. */
class WorkedExamplesTest {

  // ---------------------------------------------------------------- E1

  @Nested
  class E1StepScalingPicksAStep {

    private ScalingPolicy stepPolicy(CloudTwin twin, Duration warmup) {
      StepScalingPolicy.Builder b =
          StepScalingPolicy.builder()
              .policyName("steps")
              .autoScalingGroupName("web")
              .step(0.0, 10.0, 1)
              .step(10.0, 20.0, 2)
              .step(20.0, null, 3);
      if (warmup != null) b.estimatedInstanceWarmup(warmup);
      return twin.autoScaling().putScalingPolicy(b.build());
    }

    private CloudTwin twinWithGroup(double metric, Duration warmup) {
      CloudTwin twin = CloudTwin.create();
      twin.autoScaling().createAutoScalingGroup(group("web", 2, 10, 4, A, B).build());
      twin.advance(
          Duration.ofMinutes(
              10)); // the first instances are past their warm-up (DefaultCooldown 300 s)
      ScalingPolicy p = stepPolicy(twin, warmup);
      twin.cloudWatch()
          .putMetricAlarm(
              cpuAlarm(
                  "cpu-60",
                  "web",
                  ComparisonOperator.GreaterThanOrEqualToThreshold,
                  60,
                  60,
                  1,
                  p.asAlarmAction()));
      cpu(twin, "web", metric);
      return twin;
    }

    @Test
    void metric75AddsTwoOnePerZone() {
      try (CloudTwin twin = twinWithGroup(75, null)) {
        twin.advance(Duration.ofMinutes(1)); // datapoint [1m,2m) evaluated at 2m
        AutoScalingGroup g = twin.autoScaling().group("web");
        assertThat(twin.cloudWatch().alarm("cpu-60").state()).isEqualTo(AlarmState.ALARM);
        assertThat(g.desiredCapacity()).isEqualTo(6);
        twin.advance(Duration.ofSeconds(30));
        assertThat(g.inServiceCountByZone()).containsExactly(Map.entry(A, 3), Map.entry(B, 3));
      }
    }

    @ParameterizedTest(name = "metric {0} -> desired {1}")
    @CsvSource({"70, 6", "60, 5", "80, 7", "75, 6"})
    void boundariesLowerBoundInclusive(double metric, int desired) {
      try (CloudTwin twin = twinWithGroup(metric, null)) {
        twin.advance(Duration.ofMinutes(1));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(desired);
      }
    }

    @Test
    void withA300sWarmupReinvocationsInTheSameStepKeepDesiredAt6() {
      try (CloudTwin twin = twinWithGroup(75, Duration.ofSeconds(300))) {
        twin.advance(Duration.ofMinutes(1));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(6);
        for (int minute = 1; minute <= 3; minute++) {
          twin.advance(Duration.ofMinutes(1));
          assertThat(twin.cloudWatch().alarm("cpu-60").state()).isEqualTo(AlarmState.ALARM);
          assertThat(twin.autoScaling().group("web").desiredCapacity())
              .as("minute %d", minute)
              .isEqualTo(6);
        }
      }
    }

    @Test
    void withoutWarmupTheReinvocationAfterTheInstancesWarmedUpAddsAgain() {
      try (CloudTwin twin = twinWithGroup(75, Duration.ZERO)) {
        twin.advance(Duration.ofMinutes(1));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(6);
        twin.advance(Duration.ofMinutes(1)); // instances InService at +30 s, warm-up 0: 6 + 2
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(8);
      }
    }
  }

  // ---------------------------------------------------------------- E2

  @ParameterizedTest(name = "{0} with {3} % (min magnitude {4}) -> {5}")
  @CsvSource({
    "4, 1, 20, 25, 2, 6",
    "13, 1, 20, -30, , 10",
    "10, 1, 20, -5, , 9",
    "3, 1, 20, 10, , 4",
    "10, 2, 12, 50, , 12",
    // AWS's four rounding examples ("Step and simple scaling policies", section "Scaling
    // adjustment types"): 12.7 -> 12, 0.67 -> 1, -0.58 -> -1, -6.67 -> -6
    "10, 1, 30, 127, , 22",
    "1, 1, 10, 67, , 2",
    "2, 1, 10, -29, , 1",
    "23, 1, 30, -29, , 17"
  })
  void e2PercentRoundingAndClamping(
      int current, int min, int max, int percent, Integer minMagnitude, int expected) {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", min, max, current).build());
      SimpleScalingPolicy.Builder b =
          SimpleScalingPolicy.builder()
              .policyName("pct")
              .autoScalingGroupName("web")
              .adjustmentType(AdjustmentType.PercentChangeInCapacity)
              .scalingAdjustment(percent);
      if (minMagnitude != null) b.minAdjustmentMagnitude(minMagnitude);
      twin.autoScaling().putScalingPolicy(b.build());
      twin.autoScaling().executePolicy("web", "pct");
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(expected);
    }
  }

  // ---------------------------------------------------------------- E3

  @Nested
  class E3ConcurrentPolicies {

    private void twoSimplePolicies(
        CloudTwin twin,
        int a,
        AdjustmentType bType,
        int b,
        ComparisonOperator op,
        double threshold) {
      ScalingPolicy pa =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("A")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(a)
                      .build());
      ScalingPolicy pb =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("B")
                      .autoScalingGroupName("web")
                      .adjustmentType(bType)
                      .scalingAdjustment(b)
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(cpuAlarm("alarm-a", "web", op, threshold, 60, 1, pa.asAlarmAction()));
      twin.cloudWatch()
          .putMetricAlarm(cpuAlarm("alarm-b", "web", op, threshold, 60, 1, pb.asAlarmAction()));
    }

    @Test
    void scaleInLargestResultingCapacityWins() {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScalingGroup g =
            twin.autoScaling().createAutoScalingGroup(group("web", 1, 20, 8).build());
        twin.advance(Duration.ofMinutes(10));
        twoSimplePolicies(
            twin,
            -3,
            AdjustmentType.PercentChangeInCapacity,
            -25,
            ComparisonOperator.LessThanThreshold,
            20);
        cpu(twin, "web", 10);
        twin.advance(Duration.ofMinutes(1));
        assertThat(g.desiredCapacity()).isEqualTo(6);
        List<ScalingActivity> terminations =
            g.activities().stream().filter(a -> a.description().startsWith("Terminating")).toList();
        assertThat(terminations).hasSize(2);
        // each cause names both instances selected together, in selection order (the older activity
        // first)
        String first = terminations.get(1).instanceId();
        String second = terminations.get(0).instanceId();
        assertThat(terminations)
            .allSatisfy(
                a ->
                    assertThat(a.cause())
                        .isEqualTo(
                            "At 2026-01-01T00:11:00Z a monitor alarm alarm-b in state ALARM triggered policy B changing the desired"
                                + " capacity from 8 to 6.  At 2026-01-01T00:11:00Z an instance was taken out of service in response to"
                                + " a difference between desired and actual capacity, shrinking the capacity from 8 to 6."
                                + "  At 2026-01-01T00:11:00Z instance "
                                + first
                                + " was selected for termination."
                                + "  At 2026-01-01T00:11:00Z instance "
                                + second
                                + " was selected for termination."));
        // one String for both: a scale-in of k instances keeps its k-instance list once, not k
        // times (10,000 instances scaling in by hundreds ran out of a 1 GB heap otherwise)
        assertThat(terminations.get(0).cause()).isSameAs(terminations.get(1).cause());
      }
    }

    @Test
    void scaleOutLargestResultingCapacityWinsClampedToMax() {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScalingGroup g =
            twin.autoScaling().createAutoScalingGroup(group("web", 1, 20, 10).build());
        twin.advance(Duration.ofMinutes(10));
        twoSimplePolicies(
            twin,
            3,
            AdjustmentType.PercentChangeInCapacity,
            200,
            ComparisonOperator.GreaterThanThreshold,
            80);
        cpu(twin, "web", 90);
        twin.advance(Duration.ofMinutes(1));
        assertThat(g.desiredCapacity()).isEqualTo(20);
      }
    }

    private static final MetricId REQUESTS =
        MetricId.of(
            "AWS/ApplicationELB",
            "RequestCountPerTarget",
            "TargetGroup",
            "targetgroup/web-tg/0123456789abcdef");

    private CloudTwin twoTargetTrackingPolicies(boolean requestsDisableScaleIn) {
      CloudTwin twin = CloudTwin.create();
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 20, 4).build());
      cpu(twin, "web", 50); // at the target: neither alarm breaches
      twin.advance(Duration.ofMinutes(5));
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("req1000")
                  .autoScalingGroupName("web")
                  .predefinedMetric(
                      PredefinedMetricType.ALBRequestCountPerTarget,
                      "app/web-lb/fedcba9876543210/targetgroup/web-tg/0123456789abcdef")
                  .targetValue(1000)
                  .disableScaleIn(requestsDisableScaleIn)
                  .build());
      return twin;
    }

    private void requests(CloudTwin twin, double perTarget) {
      twin.cloudWatch()
          .inject(MetricInjection.metric(REQUESTS).from(twin.elapsed()).constant(perTarget));
    }

    @Test
    void cpu30WithRequests1500ScalesOut() {
      try (CloudTwin twin = twoTargetTrackingPolicies(false)) {
        cpu(twin, "web", 30);
        requests(twin, 1500);
        twin.advance(Duration.ofMinutes(3));
        assertThat(twin.autoScaling().group("web").desiredCapacity())
            .isEqualTo(6); // ceil(4 x 1500 / 1000)
      }
    }

    @Test
    void cpu30WithRequests600ScalesInWhenBothAgree() {
      try (CloudTwin twin = twoTargetTrackingPolicies(false)) {
        cpu(twin, "web", 30);
        requests(twin, 600);
        twin.advance(Duration.ofMinutes(14));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(4);
        twin.advance(Duration.ofMinutes(1));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(3); // ceil(4 x 0.6)
      }
    }

    @Test
    void cpu30AloneDoesNotScaleInWhileTheRequestPolicyDisagrees() {
      try (CloudTwin twin = twoTargetTrackingPolicies(false)) {
        cpu(twin, "web", 30);
        requests(twin, 900);
        twin.advance(Duration.ofMinutes(30));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(4);
      }
    }

    @Test
    void cpu30AloneScalesInWhenTheRequestPolicyHasDisableScaleIn() {
      try (CloudTwin twin = twoTargetTrackingPolicies(true)) {
        cpu(twin, "web", 30);
        requests(twin, 900);
        twin.advance(Duration.ofMinutes(15));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(3);
      }
    }
  }

  // ---------------------------------------------------------------- E4

  @Nested
  class E4DefaultTerminationPolicy {

    @Test
    void theOldTemplateInstanceInTheFullestZoneGoesFirst() {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScaling as = twin.autoScaling();
        AutoScalingGroup g =
            as.createAutoScalingGroup(group("web", 0, 10, 1).launchTemplate("lt-web", "1").build());
        twin.advance(Duration.ofMinutes(1));
        String v1 = g.instances().get(0).instanceId();
        as.updateLaunchTemplate("web", "lt-web", "2");
        as.setDesiredCapacity("web", 7, false);
        twin.advance(Duration.ofMinutes(1));
        assertThat(g.inServiceCountByZone())
            .containsExactly(Map.entry(A, 3), Map.entry(B, 2), Map.entry(C, 2));
        as.setDesiredCapacity("web", 6, false);
        assertThat(g.instances())
            .filteredOn(i -> i.lifecycleState() == LifecycleState.TERMINATING)
            .extracting(AutoScalingInstance::instanceId)
            .containsExactly(v1);
      }
    }

    private AutoScalingGroup twoTwoTwoWithMixedUptimes(CloudTwin twin) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 0, 10, 5).build());
      twin.advance(Duration.ofMinutes(30));
      twin.autoScaling().setDesiredCapacity("web", 6, false); // the sixth lands in c
      twin.advance(Duration.ofMinutes(20)); // old ones: 50 min of uptime; the new one: 20 min
      assertThat(g.inServiceCountByZone())
          .containsExactly(Map.entry(A, 2), Map.entry(B, 2), Map.entry(C, 2));
      return g;
    }

    @Test
    void closestToTheNextInstanceHourGoesFirst() {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScalingGroup g = twoTwoTwoWithMixedUptimes(twin);
        String young = g.instances().get(5).instanceId();
        twin.autoScaling().setDesiredCapacity("web", 5, false);
        AutoScalingInstance victim = g.instances(LifecycleState.TERMINATING).get(0);
        assertThat(victim.instanceId()).isNotEqualTo(young);
        assertThat(victim.launchTime())
            .isEqualTo(twin.clock().instant().minus(Duration.ofMinutes(50)));
      }
    }

    @Test
    void protectedInstancesMoveTheChoiceToOtherZones() {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScalingGroup g = twoTwoTwoWithMixedUptimes(twin);
        String[] inA =
            g.instances().stream()
                .filter(i -> i.availabilityZone().equals(A))
                .map(AutoScalingInstance::instanceId)
                .toArray(String[]::new);
        twin.autoScaling().setInstanceProtection("web", true, inA);
        twin.autoScaling().setDesiredCapacity("web", 5, false);
        assertThat(g.instances(LifecycleState.TERMINATING))
            .singleElement()
            .extracting(AutoScalingInstance::availabilityZone)
            .isIn(B, C);
      }
    }

    @Test
    void allProtectedDesiredDropsButNothingTerminates() {
      try (CloudTwin twin = CloudTwin.create()) {
        AutoScalingGroup g = twoTwoTwoWithMixedUptimes(twin);
        twin.autoScaling()
            .setInstanceProtection(
                "web",
                true,
                g.instances().stream().map(AutoScalingInstance::instanceId).toArray(String[]::new));
        twin.autoScaling().setDesiredCapacity("web", 5, false);
        twin.advance(Duration.ofMinutes(5));
        assertThat(g.desiredCapacity()).isEqualTo(5);
        assertThat(g.inServiceCount()).isEqualTo(6);
        assertThat(g.activities().get(0).statusMessage())
            .isEqualTo(
                "Could not scale to desired capacity because all remaining instances are protected from scale-in.");
      }
    }
  }

  // ---------------------------------------------------------------- E6

  @Nested
  class E6TargetTracking {

    private CloudTwin fourAtTarget50(boolean disableScaleIn) {
      CloudTwin twin = CloudTwin.create();
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 20, 4).build());
      cpu(twin, "web", 50); // at the target: neither alarm breaches
      twin.advance(Duration.ofMinutes(5));
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .disableScaleIn(disableScaleIn)
                  .build());
      return twin;
    }

    @Test
    void createsTheHighAndLowAlarmsWithAwsShapes() {
      try (CloudTwin twin = fourAtTarget50(false)) {
        List<String> names = twin.autoScaling().policy("web", "cpu50").alarmNames();
        assertThat(names.get(0))
            .matches(
                "TargetTracking-web-AlarmHigh-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(names.get(1)).matches("TargetTracking-web-AlarmLow-[0-9a-f-]{36}");
        MetricAlarmSpec high = twin.cloudWatch().alarm(names.get(0)).spec();
        MetricAlarmSpec low = twin.cloudWatch().alarm(names.get(1)).spec();
        assertThat(high.comparisonOperator()).isEqualTo(ComparisonOperator.GreaterThanThreshold);
        assertThat(high.threshold()).isEqualTo(50.0);
        assertThat(high.evaluationPeriods()).isEqualTo(3);
        assertThat(high.datapointsToAlarm()).isEqualTo(3);
        assertThat(high.period()).isEqualTo(Duration.ofSeconds(60));
        assertThat(low.comparisonOperator()).isEqualTo(ComparisonOperator.LessThanThreshold);
        assertThat(low.threshold()).isEqualTo(35.0);
        assertThat(low.evaluationPeriods()).isEqualTo(15);
        assertThat(low.datapointsToAlarm()).isEqualTo(15);
        assertThat(high.metric()).isEqualTo(Fixtures.groupCpu("web"));
      }
    }

    @Test
    void scalesOutFastAtMinute3AndInSlowlyAtMinute15() {
      try (CloudTwin twin = fourAtTarget50(false)) {
        AutoScalingGroup g = twin.autoScaling().group("web");
        MetricAlarm high =
            twin.cloudWatch().alarm(twin.autoScaling().policy("web", "cpu50").alarmNames().get(0));
        cpu(twin, "web", 80);
        twin.advance(Duration.ofMinutes(2));
        assertThat(g.desiredCapacity()).isEqualTo(4);
        twin.advance(Duration.ofMinutes(1));
        assertThat(high.state()).isEqualTo(AlarmState.ALARM);
        assertThat(g.desiredCapacity()).isEqualTo(7); // ceil(4 x 80 / 50)
        cpu(twin, "web", 30);
        twin.advance(Duration.ofMinutes(14));
        assertThat(g.desiredCapacity()).isEqualTo(7);
        twin.advance(Duration.ofMinutes(1));
        assertThat(g.desiredCapacity()).isEqualTo(5); // ceil(7 x 30 / 50)
      }
    }

    @Test
    void disableScaleInCreatesOnlyTheHighAlarmAsApplicationAutoScalingDoes() {
      try (CloudTwin twin = fourAtTarget50(true)) {
        ScalingPolicy p = twin.autoScaling().policy("web", "cpu50");
        assertThat(p.alarmNames())
            .singleElement()
            .asString()
            .matches("TargetTracking-web-AlarmHigh-[0-9a-f-]{36}");
        assertThat(p.highAlarmName()).contains(p.alarmNames().get(0));
        assertThat(p.lowAlarmName()).isEmpty();
        assertThat(twin.cloudWatch().alarms())
            .extracting(a -> a.spec().alarmName())
            .filteredOn(n -> n.startsWith("TargetTracking-web-"))
            .containsExactly(p.alarmNames().get(0));
        // replacing it with scale-in enabled adds the low alarm; deleting it removes both
        twin.autoScaling()
            .putScalingPolicy(
                TargetTrackingScalingPolicy.builder()
                    .policyName("cpu50")
                    .autoScalingGroupName("web")
                    .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                    .targetValue(50)
                    .build());
        assertThat(twin.cloudWatch().alarms())
            .extracting(a -> a.spec().alarmName())
            .filteredOn(n -> n.startsWith("TargetTracking-web-"))
            .hasSize(2)
            .doesNotContain(p.alarmNames().get(0));
      }
    }

    @Test
    void disableScaleInKeepsSeven() {
      try (CloudTwin twin = fourAtTarget50(true)) {
        cpu(twin, "web", 80);
        twin.advance(Duration.ofMinutes(3));
        cpu(twin, "web", 30);
        twin.advance(Duration.ofMinutes(30));
        assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(7);
      }
    }
  }

  // ---------------------------------------------------------------- E8

  @Nested
  class E8HealthChecks {

    private FakeTargetGroup tg;

    private CloudTwin twin(HealthCheckType type) {
      CloudTwin twin =
          CloudTwin.builder().targetGroups(n -> n.equals("web-tg") ? tg : null).build();
      tg = new FakeTargetGroup("web-tg", Kernel.of(twin), Duration.ofSeconds(300));
      twin.autoScaling()
          .createAutoScalingGroup(
              group("web", 1, 2, 1)
                  .healthCheckType(type)
                  .healthCheckGracePeriod(Duration.ofSeconds(300))
                  .targetGroupNames("web-tg")
                  .build());
      twin.advance(Duration.ofSeconds(30)); // InService at 30 s
      return twin;
    }

    @Test
    void elbUnhealthyIsIgnoredDuringGraceThenDrainedTerminatedAndReplaced() {
      try (CloudTwin twin = twin(HealthCheckType.ELB)) {
        AutoScalingGroup g = twin.autoScaling().group("web");
        String broken = g.instances().get(0).instanceId();
        assertThat(tg.registered).containsExactly(broken);
        twin.advance(Duration.ofSeconds(60));
        tg.unhealthy.add(broken); // ELB-unhealthy at about 60 s of service
        twin.advanceTo(twin.clock().instant().plusSeconds(359 - 90));
        assertThat(g.instances().get(0).healthStatus())
            .isEqualTo(HealthStatus.HEALTHY); // grace until 330 s
        twin.advance(Duration.ofSeconds(1)); // the ASG check at 360 s
        AutoScalingInstance i = g.instances().get(0);
        assertThat(i.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(i.lifecycleState()).isEqualTo(LifecycleState.TERMINATING);
        assertThat(g.instances()).hasSize(1); // draining: no replacement yet
        assertThat(g.activities().get(0).statusCode())
            .isEqualTo(ActivityStatus.WaitingForELBConnectionDraining);
        assertThat(g.activities().get(0).cause())
            .isEqualTo(
                "At 2026-01-01T00:06:00Z an instance was taken out of"
                    + " service in response to an ELB system health check failure.");
        twin.advance(
            Duration.ofSeconds(300)); // drained at 660 s: terminate, and one replacement launches
        assertThat(tg.log).contains("660s drained " + broken);
        assertThat(g.instances()).hasSize(2);
        twin.advance(Duration.ofSeconds(30));
        assertThat(g.instances())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.instanceId()).isNotEqualTo(broken);
                  assertThat(r.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE);
                });
        assertThat(tg.registered).containsExactly(g.instances().get(0).instanceId());
      }
    }

    @Test
    void aStoppedInstanceIsReplacedAtOnceDespiteTheGracePeriod() {
      try (CloudTwin twin = twin(HealthCheckType.ELB)) {
        AutoScalingGroup g = twin.autoScaling().group("web");
        String id = g.instances().get(0).instanceId();
        twin.advance(Duration.ofSeconds(10));
        twin.ec2().stopInstance(id);
        assertThat(g.instances()).hasSize(2);
        assertThat(g.instances().get(0).healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(g.instances().get(0).lifecycleState()).isEqualTo(LifecycleState.TERMINATING);
        assertThat(g.instances().get(1).lifecycleState()).isEqualTo(LifecycleState.PENDING);
        assertThat(g.activities().get(1).cause())
            .endsWith(
                "an instance was taken out of service in response to an EC2"
                    + " health check that indicated it had been terminated or stopped.");
      }
    }

    @Test
    void withEc2HealthChecksTheBrokenAppIsNeverReplaced() {
      try (CloudTwin twin = twin(HealthCheckType.EC2)) {
        AutoScalingGroup g = twin.autoScaling().group("web");
        String broken = g.instances().get(0).instanceId();
        tg.unhealthy.add(broken);
        twin.advance(Duration.ofHours(2));
        assertThat(g.instances())
            .singleElement()
            .satisfies(
                i -> {
                  assertThat(i.instanceId()).isEqualTo(broken);
                  assertThat(i.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
                });
      }
    }
  }
}
