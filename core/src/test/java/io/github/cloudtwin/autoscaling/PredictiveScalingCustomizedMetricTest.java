package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricDataResult;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.ScanBy;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Predictive scaling with customized metrics: the load is metric math over metrics the test
 * publishes, read minute by minute and forecast hour by hour; the capacity forecast is the load
 * over the target value, as with a predefined pair.
 *
 * <p>AWS: API_PredictiveScalingMetricSpecification
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingMetricSpecification.html),
 * API_PredictiveScalingCustomizedLoadMetric and "Advanced predictive scaling policy using custom
 * metrics"
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/predictive-scaling-customized-metric-specification.html).
 */
class PredictiveScalingCustomizedMetricTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START; // 00:00 UTC
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static MetricId backlog(String queue) {
    return MetricId.of("App", "Backlog", "QueueName", queue);
  }

  /**
   * Two queues' backlogs for the 48 hours before now, every minute: queue a 60 at night and 240
   * from 08:00 to 20:00 UTC, queue b 40 and 160 (together 100 and 400).
   */
  private static void backlogs(CloudTwin twin) {
    for (int m = 0; m < 48 * 60; m++) {
      Instant t = T0.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      boolean day = hour >= 8 && hour < 20;
      twin.cloudWatch().putMetricData(backlog("a"), t, day ? 240 : 60, StandardUnit.COUNT);
      twin.cloudWatch().putMetricData(backlog("b"), t, day ? 160 : 40, StandardUnit.COUNT);
    }
  }

  /** The total backlog of both queues: {@code a + b}. */
  private static MetricDataQuery[] totalBacklog() {
    return new MetricDataQuery[] {
      MetricDataQuery.metric("a", backlog("a"), MINUTE, Statistic.SUM).withReturnData(false),
      MetricDataQuery.metric("b", backlog("b"), MINUTE, Statistic.SUM).withReturnData(false),
      MetricDataQuery.expression("total", "a + b").withLabel("total backlog")
    };
  }

  /** The backlog per instance: the total over the group's in-service instances. */
  private static MetricDataQuery[] backlogPerInstance(String group) {
    MetricId inService =
        MetricId.of("AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", group);
    return new MetricDataQuery[] {
      MetricDataQuery.metric("a", backlog("a"), MINUTE, Statistic.SUM).withReturnData(false),
      MetricDataQuery.metric("b", backlog("b"), MINUTE, Statistic.SUM).withReturnData(false),
      MetricDataQuery.metric("n", inService, MINUTE, Statistic.AVERAGE).withReturnData(false),
      MetricDataQuery.expression("perInstance", "(a + b) / n")
    };
  }

  private static PredictiveScalingPolicy.Builder backlogPolicy(String group) {
    return PredictiveScalingPolicy.builder()
        .policyName("backlog")
        .autoScalingGroupName(group)
        .customizedLoadMetric(PredictiveScalingCustomizedMetric.load(totalBacklog()))
        .customizedScalingMetric(
            PredictiveScalingCustomizedMetric.scaling(backlogPerInstance(group)))
        .targetValue(50);
  }

  private static Instant at(int hours, int minutes) {
    return T0.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
  }

  @Test
  void aCustomizedLoadMetricForecastsTheMetricMathsHourlyLoadOverTheTargetValue() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      backlogs(twin);
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      PredictiveScalingPolicy p = ps.putScalingPolicy(backlogPolicy("web").build());
      assertThat(p.predefinedMetricPairType()).isNull();
      assertThat(p.loadMetric()).isNull();
      assertThat(p.customizedLoadMetric().returnedQuery().id()).isEqualTo("total");

      // what the math gives: the mean of a + b over each minute of 03:00 and of 09:00 yesterday
      List<MetricDataResult> math =
          twin.cloudWatch()
              .getMetricData(
                  List.of(totalBacklog()), at(-21, 0), at(-20, 0), ScanBy.TIMESTAMP_ASCENDING);
      double night =
          math.get(0).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertThat(night).isEqualTo(100.0);

      List<PredictiveScalingForecast> f =
          ps.getPredictiveScalingForecast("web", "backlog", T0, T0.plus(Duration.ofDays(3)));
      assertThat(f).hasSize(48);
      assertThat(f.get(3).loadForecast()).isEqualTo(night);
      assertThat(f.get(3).capacityForecast()).isEqualTo(2); // 100 / 50
      assertThat(f.get(9).loadForecast()).isEqualTo(400.0);
      assertThat(f.get(9).capacityForecast()).isEqualTo(8); // 400 / 50
      // ForecastOnly: the forecast never changes capacity
      twin.advanceTo(at(12, 0));
      assertThat(g.desiredCapacity()).isEqualTo(1);
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveScalingActionRun.class))
          .isEmpty();
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveScalingPolicyPut.class))
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains("customized load metric"));
    }
  }

  @Test
  void forecastAndScaleWithACustomizedLoadAndAPredefinedScalingMetricRaisesCapacity() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      backlogs(twin);
      PredictiveScalingPolicy p =
          twin.autoScaling()
              .predictiveScaling()
              .putScalingPolicy(
                  backlogPolicy("web")
                      .customizedScalingMetric(null)
                      .predefinedScalingMetricType(PredefinedMetricType.ASGAverageCPUUtilization)
                      .customizedCapacityMetric(
                          PredictiveScalingCustomizedMetric.capacity(
                              MetricDataQuery.metric(
                                  "capacity",
                                  MetricId.of(
                                      "AWS/AutoScaling",
                                      "GroupInServiceInstances",
                                      "AutoScalingGroupName",
                                      "web"),
                                  MINUTE,
                                  Statistic.AVERAGE)))
                      .mode(PredictiveScalingMode.ForecastAndScale)
                      .build());
      assertThat(p.customizedCapacityMetric()).isNotNull();
      assertThat(g.desiredCapacity()).isEqualTo(2); // the first hour's action is due at once
      twin.advanceTo(at(7, 54));
      assertThat(g.desiredCapacity()).isEqualTo(2);
      twin.advanceTo(at(7, 55)); // 08:00 minus the default 300 s buffer: 400 / 50
      assertThat(g.desiredCapacity()).isEqualTo(8);
    }
  }

  @Test
  void aPredefinedLoadMetricWithAnotherPairsScalingMetricIsSimulated() {
    PredictiveScalingPolicy p =
        PredictiveScalingPolicy.builder()
            .policyName("p")
            .autoScalingGroupName("web")
            .loadAndScalingMetrics("ASGTotalNetworkIn", null, "ASGAverageCPUUtilization", null)
            .targetValue(50)
            .build();
    assertThat(p.predefinedMetricPairType()).isEqualTo(PredefinedMetricPairType.ASGNetworkIn);
    assertThat(p.predefinedScalingMetricType())
        .isEqualTo(PredefinedMetricType.ASGAverageCPUUtilization);
    assertThat(p.loadMetric())
        .isEqualTo(MetricId.of("AWS/EC2", "NetworkIn", "AutoScalingGroupName", "web"));
    assertThat(p.toBuilder().build()).isEqualTo(p);
  }

  @Test
  void badQueriesAreRefusedNamingTheSpecificationTheQueryAndThePosition() {
    MetricDataQuery a =
        MetricDataQuery.metric("a", backlog("a"), MINUTE, Statistic.SUM).withReturnData(false);
    refused(
        () -> PredictiveScalingCustomizedMetric.load(a, MetricDataQuery.expression("e1", "a +")),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries[e1].Expression",
        "a +",
        "error in expression e1 at position");
    refused(
        () ->
            PredictiveScalingCustomizedMetric.scaling(
                a.withReturnData(true), MetricDataQuery.expression("e1", "a * 2")),
        "MetricSpecifications.CustomizedScalingMetricSpecification.MetricDataQueries.ReturnData",
        "2 elements with ReturnData true",
        "exactly one");
    refused(
        () -> PredictiveScalingCustomizedMetric.capacity(a),
        "MetricSpecifications.CustomizedCapacityMetricSpecification.MetricDataQueries.ReturnData",
        "0 elements with ReturnData true",
        "exactly one");
    refused(
        () ->
            PredictiveScalingCustomizedMetric.load(
                a, MetricDataQuery.expression("e1", "a + unknown")),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries[e1].Expression",
        "a + unknown",
        "unknown");
    refused(
        () ->
            PredictiveScalingCustomizedMetric.load(
                MetricDataQuery.metric("a", backlog("a"), Duration.ofMinutes(5), Statistic.SUM)),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries",
        Duration.ofMinutes(5),
        "one-minute periods");
    refused(
        () -> PredictiveScalingCustomizedMetric.load(),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries",
        "[]",
        "at least one");
    assertThatThrownBy(() -> MetricDataQuery.expression("E1", "a"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("Id"));
  }

  @Test
  void aSpecificationNeedsOneLoadMetricAndAScalingMetricAndChangesNothingWhenRefused() {
    refused(
        () -> backlogPolicy("web").customizedScalingMetric(null).build(),
        "MetricSpecifications.CustomizedScalingMetricSpecification",
        null,
        "a scaling metric with CustomizedLoadMetricSpecification");
    refused(
        () ->
            backlogPolicy("web")
                .predefinedMetricPairType(PredefinedMetricPairType.ASGCPUUtilization)
                .build(),
        "MetricSpecifications.CustomizedLoadMetricSpecification",
        "set with a predefined load metric ASGCPUUtilization",
        "not both");
    refused(
        () ->
            backlogPolicy("web")
                .predefinedScalingMetricType(PredefinedMetricType.ASGAverageNetworkIn)
                .build(),
        "MetricSpecifications.CustomizedScalingMetricSpecification",
        "set with PredefinedScalingMetricSpecification ASGAverageNetworkIn",
        "not both");
    refused(
        () -> backlogPolicy("web").customizedLoadMetric(null).build(),
        "MetricSpecifications.PredefinedMetricPairSpecification.PredefinedMetricType",
        null,
        "Member must not be null");
    refused(
        () ->
            backlogPolicy("web")
                .customizedScalingMetric(null)
                .predefinedScalingMetricType(PredefinedMetricType.ALBRequestCountPerTarget)
                .resourceLabel("not-a-label")
                .build(),
        "MetricSpecifications.PredefinedScalingMetricSpecification.ResourceLabel",
        "not-a-label",
        "targetgroup");
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("web", 1, 10, 1).build());
      PredictiveScaling ps = twin.autoScaling().predictiveScaling();
      assertThatThrownBy(
              () -> ps.putScalingPolicy(backlogPolicy("web").customizedScalingMetric(null).build()))
          .isInstanceOf(ValidationException.class);
      assertThat(ps.policies("web")).isEmpty();
      assertThat(twin.timeline().events(AutoScalingFact.PredictiveScalingPolicyPut.class))
          .isEmpty();
    }
  }

  @Test
  void aFrontDoorsShapeTakesCustomizedLoadAndScalingMetricsWithOrInPlaceOfPredefinedOnes() {
    PredictiveScalingRules.metricShape(false, false, true, true, false);
    PredictiveScalingRules.metricShape(false, true, false, false, true);
    PredictiveScalingRules.metricShape(false, false, true, false, true);
    refused(
        () -> PredictiveScalingRules.metricShape(false, false, true, false, false),
        "MetricSpecifications.PredefinedScalingMetricSpecification",
        null,
        "a value with CustomizedLoadMetricSpecification");
    refused(
        () -> PredictiveScalingRules.metricShape(true, false, true, false, false),
        "MetricSpecifications.CustomizedLoadMetricSpecification",
        "set with PredefinedMetricPairSpecification",
        "not both");
    refused(
        () -> PredictiveScalingRules.metricShape(false, true, true, true, false),
        "MetricSpecifications.CustomizedLoadMetricSpecification",
        "set with PredefinedLoadMetricSpecification",
        "either PredefinedLoadMetricSpecification or CustomizedLoadMetricSpecification");
    refused(
        () -> PredictiveScalingRules.metricShape(false, false, false, false, true),
        "MetricSpecifications.PredefinedLoadMetricSpecification",
        null,
        "a value with CustomizedScalingMetricSpecification");
    assertThat(PredictiveScalingRules.scalingMetric("ALBRequestCountPerTarget"))
        .isEqualTo(PredefinedMetricType.ALBRequestCountPerTarget);
    assertThat(PredictiveScalingRules.loadMetric("ALBTargetGroupRequestCount"))
        .isEqualTo(PredefinedMetricPairType.ALBRequestCount);
  }

  private static void refused(Runnable call, String field, Object value, String allowed) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.allowed()).contains(allowed);
            });
  }
}
