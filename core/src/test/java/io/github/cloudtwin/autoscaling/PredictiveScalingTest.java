package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static io.github.cloudtwin.autoscaling.Fixtures.groupCpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Predictive scaling: forecasts from the load history, ForecastOnly and ForecastAndScale, the
 * scheduling buffer and the max capacity breach behaviours.
 *
 * <p>AWS: Predictive scaling for Amazon EC2 Auto Scaling, "How predictive scaling works"
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/predictive-scaling-policy-overview.html)
 * and API_PredictiveScalingConfiguration
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html).
 */
class PredictiveScalingTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START; // 00:00 UTC

  /**
   * A daily cycle before now: total CPU 100 at night, 400 from 08:00 to 20:00 (UTC), one datapoint
   * every 10 minutes for {@code hours} hours.
   */
  private static void dailyCycle(CloudTwin twin, String group, int hours) {
    for (int m = 0; m < hours * 60; m += 10) {
      Instant t = T0.minus(Duration.ofHours(hours)).plus(Duration.ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      double load = hour >= 8 && hour < 20 ? 400 : 100;
      twin.cloudWatch().putMetricData(groupCpu(group), t, load, StandardUnit.PERCENT);
    }
  }

  private static PredictiveScalingPolicy.Builder cpuPolicy(String group) {
    return PredictiveScalingPolicy.builder()
        .policyName("predict")
        .autoScalingGroupName(group)
        .predefinedMetricPairType(PredefinedMetricPairType.ASGCPUUtilization)
        .targetValue(50);
  }

  private static Instant at(int hours, int minutes) {
    return T0.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
  }

  @Test
  void forecastAndScaleRaisesDesiredCapacitySchedulingBufferBeforeTheMorningRamp() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      dailyCycle(twin, "web", 48);
      twin.autoScaling()
          .predictiveScaling()
          .putScalingPolicy(
              cpuPolicy("web")
                  .mode(PredictiveScalingMode.ForecastAndScale)
                  .schedulingBufferTime(Duration.ofMinutes(10))
                  .build());
      // the first hour's action is already due: night load 100 / 50 = 2
      assertThat(g.desiredCapacity()).isEqualTo(2);
      twin.advanceTo(at(7, 49));
      assertThat(g.desiredCapacity()).isEqualTo(2);
      twin.advanceTo(at(7, 50)); // 08:00 minus the 10-minute buffer: 400 / 50 = 8
      assertThat(g.desiredCapacity()).isEqualTo(8);
      // the evening forecast (2) never lowers desired capacity
      twin.advanceTo(at(21, 0));
      assertThat(g.desiredCapacity()).isEqualTo(8);
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveScalingActionRun.class))
          .extracting(e -> e.fact(AutoScalingFact.PredictiveScalingActionRun.class).orElseThrow())
          .filteredOn(r -> r.hour().equals(at(8, 0)))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.capacityForecast()).isEqualTo(8);
                assertThat(r.from()).isEqualTo(2);
                assertThat(r.to()).isEqualTo(8);
              });
    }
  }

  @Test
  void forecastOnlyForecastsHourlyForTwoDaysButNeverChangesCapacity() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      dailyCycle(twin, "web", 48);
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      PredictiveScalingPolicy p = ps.putScalingPolicy(cpuPolicy("web").build());
      assertThat(p.mode()).isEqualTo(PredictiveScalingMode.ForecastOnly);

      List<PredictiveScalingForecast> f =
          ps.getPredictiveScalingForecast("web", "predict", T0, T0.plus(Duration.ofDays(3)));
      assertThat(f).hasSize(48);
      assertThat(f.get(0).timestamp()).isEqualTo(T0);
      assertThat(f.get(47).timestamp()).isEqualTo(at(47, 0));
      assertThat(f.get(3).loadForecast()).isEqualTo(100.0);
      assertThat(f.get(3).capacityForecast()).isEqualTo(2);
      assertThat(f.get(8).loadForecast()).isEqualTo(400.0);
      assertThat(f.get(8).capacityForecast()).isEqualTo(8);
      assertThat(ps.forecastUpdateTime("web", "predict")).contains(T0);

      twin.advanceTo(at(12, 0));
      assertThat(g.desiredCapacity()).isEqualTo(1);
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveScalingActionRun.class))
          .isEmpty();
      // the forecast is made again every 6 hours
      assertThat(ps.forecastUpdateTime("web", "predict")).contains(at(12, 0));
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveForecastCreated.class))
          .hasSize(3);
    }
  }

  @Test
  void lessThanTwentyFourHoursOfHistoryGivesNoForecast() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      dailyCycle(twin, "web", 23);
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      ps.putScalingPolicy(cpuPolicy("web").mode(PredictiveScalingMode.ForecastAndScale).build());
      assertThat(ps.getPredictiveScalingForecast("web", "predict", T0, at(48, 0))).isEmpty();
      assertThat(ps.forecastUpdateTime("web", "predict")).isEmpty();
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveForecastNotCreated.class))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(
                          e.fact(AutoScalingFact.PredictiveForecastNotCreated.class)
                              .orElseThrow()
                              .history())
                      .isEqualTo(Duration.ofHours(23)));
      assertThat(g.desiredCapacity()).isEqualTo(1);
    }
  }

  @Test
  void honorMaxCapacityCapsTheForecastAtTheGroupsMaximum() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 5, 1).build());
      dailyCycle(twin, "web", 48);
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      ps.putScalingPolicy(cpuPolicy("web").mode(PredictiveScalingMode.ForecastAndScale).build());
      assertThat(ps.getPredictiveScalingForecast("web", "predict", at(8, 0), at(9, 0)))
          .singleElement()
          .satisfies(h -> assertThat(h.capacityForecast()).isEqualTo(5));
      twin.advanceTo(at(8, 0));
      assertThat(g.desiredCapacity()).isEqualTo(5);
      assertThat(g.maxSize()).isEqualTo(5);
    }
  }

  @Test
  void increaseMaxCapacityRaisesTheMaximumToTheForecastPlusTheBuffer() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 5, 1).build());
      dailyCycle(twin, "web", 48);
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      ps.putScalingPolicy(
          cpuPolicy("web")
              .mode(PredictiveScalingMode.ForecastAndScale)
              .increaseMaxCapacity(10)
              .build());
      assertThat(ps.getPredictiveScalingForecast("web", "predict", at(8, 0), at(9, 0)))
          .singleElement()
          .satisfies(h -> assertThat(h.capacityForecast()).isEqualTo(8));
      twin.advanceTo(at(7, 54));
      assertThat(g.maxSize()).isEqualTo(5);
      twin.advanceTo(at(7, 55)); // the default buffer, 300 s
      assertThat(g.desiredCapacity()).isEqualTo(8);
      assertThat(g.maxSize()).isEqualTo(9); // 8 plus 10 %, rounded up
      twin.advanceTo(at(21, 0));
      assertThat(g.maxSize()).isEqualTo(9); // the raised maximum stays
    }
  }

  @Test
  void aPolicyHasAnAutoScalingPolicyArnThatItKeepsWhenPutAgain() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      ps.putScalingPolicy(cpuPolicy("web").build());
      String arn = ps.policyArn("web", "predict");
      assertThat(arn)
          .matches(
              "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}"
                  + ":autoScalingGroupName/web:policyName/predict");
      ps.putScalingPolicy(cpuPolicy("web").targetValue(70).build());
      assertThat(ps.policyArn("web", "predict")).isEqualTo(arn);
      ps.deletePolicy("web", "predict");
      ps.putScalingPolicy(cpuPolicy("web").build());
      assertThat(ps.policyArn("web", "predict")).isNotEqualTo(arn);
    }
  }

  @Test
  void executePolicyRunsOnlySimpleAndStepPoliciesNotPredictiveOrTargetTracking() {
    // API_ExecutePolicy: HonorCooldown is valid only for SimpleScaling, MetricValue and
    // BreachThreshold are for StepScaling; a predictive or target tracking policy is refused
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      dailyCycle(twin, "web", 48);
      twin.autoScaling()
          .predictiveScaling()
          .putScalingPolicy(cpuPolicy("web").mode(PredictiveScalingMode.ForecastAndScale).build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      int before = g.desiredCapacity();
      long activities = g.activities().size();
      assertThatThrownBy(() -> twin.autoScaling().executePolicy("web", "predict"))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("PolicyName");
                assertThat(e.value()).isEqualTo("predict");
              })
          .hasMessageStartingWith(
              "Policy predict of type PredictiveScaling cannot be executed: ExecutePolicy runs"
                  + " only SimpleScaling and StepScaling policies.");
      assertThatThrownBy(() -> twin.autoScaling().executePolicy("web", "cpu50"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith(
              "Policy cpu50 of type TargetTrackingScaling cannot be executed: ExecutePolicy runs"
                  + " only SimpleScaling and StepScaling policies.");
      assertThat(g.desiredCapacity()).isEqualTo(before);
      assertThat(g.activities()).hasSize((int) activities);
      assertThat(twin.autoScaling().predictiveScaling().policies("web")).hasSize(1);
    }
  }

  @Test
  void dynamicScaleInStopsAtTheHoursForecastCapacityWithForecastAndScale() {
    // How predictive scaling works: ForecastAndScale with dynamic scaling keeps the higher of the
    // two capacities; dynamic scaling scales in only down to the forecast capacity for the hour
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      dailyCycle(twin, "web", 48);
      forecastAndScaleWithAScaleInToOne(twin);
      twin.advanceTo(at(9, 0));
      assertThat(g.desiredCapacity()).isEqualTo(8); // the day forecast: 400 / 50
      twin.autoScaling().executePolicy("web", "in");
      assertThat(g.desiredCapacity())
          .as("scale-in to 1 held at the 09:00 hour forecast capacity 8")
          .isEqualTo(8);
      assertThat(twin.timeline().events(AutoScalingFact.ScaleInHeldAtForecast.class))
          .extracting(e -> e.fact(AutoScalingFact.ScaleInHeldAtForecast.class).orElseThrow())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.predictivePolicyName()).isEqualTo("predict");
                assertThat(f.hour()).isEqualTo(at(9, 0)); // acted on at 08:55
                assertThat(f.proposed()).isEqualTo(1);
                assertThat(f.held()).isEqualTo(8);
                assertThat(f.message())
                    .contains("scale-in to 1 held at 8")
                    .contains("only down to the forecast capacity");
              });
      // 20:00 (its action at 19:55): the forecast is 2, so scale-in goes down to 2, not to 1
      twin.advanceTo(at(20, 30));
      assertThat(g.desiredCapacity()).isEqualTo(8); // predictive scaling never scales in
      twin.autoScaling().executePolicy("web", "in");
      assertThat(g.desiredCapacity()).isEqualTo(2);
      // without the predictive policy nothing holds the scale-in
      twin.autoScaling().predictiveScaling().deletePolicy("web", "predict");
      twin.advance(Duration.ofMinutes(10));
      twin.autoScaling().executePolicy("web", "in");
      assertThat(g.desiredCapacity()).isEqualTo(1);
    }
  }

  @Test
  void aForecastOnlyPolicySetsNoFloorAndReplacingTheForecastAndScalePolicyDropsIts() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 8).build());
      dailyCycle(twin, "web", 48);
      // the 00:00 hour's forecast is 2: an ExactCapacity 1 scale-in stops at 2
      forecastAndScaleWithAScaleInToOne(twin);
      twin.autoScaling().executePolicy("web", "in");
      assertThat(g.desiredCapacity()).isEqualTo(2);
      // ForecastOnly never sets a floor
      twin.autoScaling().predictiveScaling().putScalingPolicy(cpuPolicy("web").build());
      twin.advance(Duration.ofMinutes(10));
      twin.autoScaling().executePolicy("web", "in");
      assertThat(g.desiredCapacity()).isEqualTo(1);
      assertThat(twin.timeline().events(AutoScalingFact.ScaleInHeldAtForecast.class)).hasSize(1);
    }
  }

  /** A ForecastAndScale CPU policy on "web" and a simple policy "in" that sets capacity to 1. */
  private static void forecastAndScaleWithAScaleInToOne(CloudTwin twin) {
    twin.autoScaling()
        .predictiveScaling()
        .putScalingPolicy(cpuPolicy("web").mode(PredictiveScalingMode.ForecastAndScale).build());
    twin.autoScaling()
        .putScalingPolicy(
            SimpleScalingPolicy.builder()
                .policyName("in")
                .autoScalingGroupName("web")
                .adjustmentType(AdjustmentType.ExactCapacity)
                .scalingAdjustment(1)
                .build());
  }

  @Test
  void defaultsAreAwsDefaults() {
    PredictiveScalingPolicy p = cpuPolicy("web").build();
    assertThat(p.mode()).isEqualTo(PredictiveScalingMode.ForecastOnly);
    assertThat(p.schedulingBufferTime()).isEqualTo(Duration.ofSeconds(300));
    assertThat(p.maxCapacityBreachBehavior())
        .isEqualTo(PredictiveScalingMaxCapacityBreachBehavior.HonorMaxCapacity);
    assertThat(p.maxCapacityBuffer()).isNull();
    assertThat(p.toBuilder().build()).isEqualTo(p);
  }

  @Test
  void badConfigurationIsRefusedNamingFieldValueAndRange() {
    assertRefused(
        () -> cpuPolicy("web").schedulingBufferTime(Duration.ofSeconds(3600)).build(),
        "SchedulingBufferTime",
        "between 0 and 3599");
    assertRefused(
        () -> cpuPolicy("web").schedulingBufferTime(Duration.ofSeconds(-1)).build(),
        "SchedulingBufferTime",
        "between 0 and 3599");
    assertRefused(
        () -> cpuPolicy("web").increaseMaxCapacity(101).build(), "MaxCapacityBuffer", "100");
    assertRefused(
        () -> cpuPolicy("web").maxCapacityBuffer(10).build(),
        "MaxCapacityBuffer",
        "IncreaseMaxCapacity");
    assertRefused(
        () ->
            cpuPolicy("web")
                .maxCapacityBreachBehavior(
                    PredictiveScalingMaxCapacityBreachBehavior.IncreaseMaxCapacity)
                .build(),
        "MaxCapacityBuffer",
        "0 to 100");
    assertRefused(
        () -> cpuPolicy("web").targetValue(0).build(),
        "MetricSpecifications.TargetValue",
        "greater than 0");
    assertRefused(
        () ->
            cpuPolicy("web")
                .predefinedMetricPairType(PredefinedMetricPairType.ALBRequestCount)
                .build(),
        "MetricSpecifications.PredefinedMetricPairSpecification.ResourceLabel",
        "non-blank");
    assertRefused(
        () -> cpuPolicy("web").resourceLabel("app/lb/1/targetgroup/tg/2").build(),
        "MetricSpecifications.PredefinedMetricPairSpecification.ResourceLabel",
        "ALBRequestCount");
  }

  @Test
  void badQueriesAndNamesAreRefusedAndChangeNothing() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      assertRefused(
          () -> ps.putScalingPolicy(cpuPolicy("nope").build()),
          "AutoScalingGroupName",
          "existing group");
      assertThat(ps.policies("web")).isEmpty();
      ps.putScalingPolicy(cpuPolicy("web").build());
      assertRefused(
          () -> ps.getPredictiveScalingForecast("web", "predict", T0, T0),
          "EndTime",
          "after StartTime");
      assertRefused(
          () -> ps.getPredictiveScalingForecast("web", "predict", T0, T0.plus(Duration.ofDays(31))),
          "EndTime",
          "30 days");
      assertRefused(
          () -> ps.getPredictiveScalingForecast("web", "other", T0, at(1, 0)),
          "PolicyName",
          "predict");
      ps.deletePolicy("web", "predict");
      assertThat(ps.policies("web")).isEmpty();
    }
  }

  private static void assertRefused(Runnable call, String field, String allowed) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.allowed()).contains(allowed);
            });
  }
}
