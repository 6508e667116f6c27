package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.PredictiveScalingCustomizedMetric;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.GetPredictiveScalingForecastResponse;
import software.amazon.awssdk.services.autoscaling.model.MetricDataQuery;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMetricSpecification;

/**
 * PutScalingPolicy with customized predictive scaling metrics through {@code AutoScalingClient}:
 * CustomizedLoadMetricSpecification, CustomizedScalingMetricSpecification and
 * CustomizedCapacityMetricSpecification with metric math, GetPredictiveScalingForecast of the
 * customized load, and refusals naming the query and the position
 * (API_PredictiveScalingMetricSpecification,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingMetricSpecification.html;
 * "Advanced predictive scaling policy using custom metrics",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/predictive-scaling-customized-metric-specification.html).
 */
class AutoScalingPredictiveCustomizedMetricsClientTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START; // 00:00 UTC

  private final CloudTwin twin = CloudTwin.create();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  private static MetricId backlog(String queue) {
    return MetricId.of("App", "Backlog", "QueueName", queue);
  }

  /**
   * Group web (min 1, max 10, desired 1) and two days of two queues' backlogs before now, every 10
   * minutes: together 100 at night and 400 from 08:00 to 20:00 UTC (queue a 60 / 240, b 40 / 160).
   */
  @BeforeEach
  void groupWithTwoDaysOfBacklog() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                .minSize(1)
                .maxSize(10)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a"));
    for (int m = 0; m < 48 * 60; m += 10) {
      Instant t = T0.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      boolean day = hour >= 8 && hour < 20;
      twin.cloudWatch().putMetricData(backlog("a"), t, day ? 240 : 60, StandardUnit.COUNT);
      twin.cloudWatch().putMetricData(backlog("b"), t, day ? 160 : 40, StandardUnit.COUNT);
    }
  }

  private static MetricDataQuery backlogQuery(String id, String queue) {
    return MetricDataQuery.builder()
        .id(id)
        .metricStat(
            s ->
                s.metric(
                        m ->
                            m.namespace("App")
                                .metricName("Backlog")
                                .dimensions(d -> d.name("QueueName").value(queue)))
                    .stat("Sum")
                    .unit("Count"))
        .returnData(false)
        .build();
  }

  private static MetricDataQuery expression(String id, String expression) {
    return MetricDataQuery.builder().id(id).expression(expression).returnData(true).build();
  }

  private static PredictiveScalingMetricSpecification backlogSpec(String loadExpression) {
    return PredictiveScalingMetricSpecification.builder()
        .targetValue(50.0)
        .customizedLoadMetricSpecification(
            l ->
                l.metricDataQueries(
                    backlogQuery("a", "a"),
                    backlogQuery("b", "b"),
                    expression("total", loadExpression)))
        .customizedScalingMetricSpecification(
            s ->
                s.metricDataQueries(
                    backlogQuery("a", "a"),
                    backlogQuery("b", "b"),
                    MetricDataQuery.builder()
                        .id("n")
                        .metricStat(
                            st ->
                                st.metric(
                                        m ->
                                            m.namespace("AWS/AutoScaling")
                                                .metricName("GroupInServiceInstances")
                                                .dimensions(
                                                    d ->
                                                        d.name("AutoScalingGroupName")
                                                            .value("web")))
                                    .stat("Average"))
                        .returnData(false)
                        .build(),
                    expression("perInstance", "(a + b) / n")))
        .customizedCapacityMetricSpecification(
            c ->
                c.metricDataQueries(
                    MetricDataQuery.builder()
                        .id("capacity")
                        .metricStat(
                            st ->
                                st.metric(
                                        m ->
                                            m.namespace("AWS/AutoScaling")
                                                .metricName("GroupInServiceInstances")
                                                .dimensions(
                                                    d ->
                                                        d.name("AutoScalingGroupName")
                                                            .value("web")))
                                    .stat("Average"))
                        .build()))
        .build();
  }

  private String put(PredictiveScalingMetricSpecification spec, String mode) {
    return autoScaling
        .putScalingPolicy(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("backlog")
                    .policyType("PredictiveScaling")
                    .predictiveScalingConfiguration(c -> c.metricSpecifications(spec).mode(mode)))
        .policyARN();
  }

  private int desired() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
        .autoScalingGroups()
        .get(0)
        .desiredCapacity();
  }

  @Test
  void aCustomizedLoadMetricIsForecastAndScalesTheGroupAndIsDescribedAsPut() {
    PredictiveScalingMetricSpecification spec = backlogSpec("a + b");
    put(spec, "ForecastAndScale");

    GetPredictiveScalingForecastResponse f =
        autoScaling.getPredictiveScalingForecast(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("backlog")
                    .startTime(T0)
                    .endTime(T0.plus(Duration.ofDays(2))));
    assertThat(f.loadForecast().get(0).values()).hasSize(48);
    assertThat(f.loadForecast().get(0).values().get(3)).isEqualTo(100.0); // 03:00: 60 + 40
    assertThat(f.loadForecast().get(0).values().get(9)).isEqualTo(400.0); // 09:00: 240 + 160
    assertThat(f.capacityForecast().values().get(3)).isEqualTo(2.0); // 100 / 50
    assertThat(f.capacityForecast().values().get(9)).isEqualTo(8.0); // 400 / 50
    assertThat(f.loadForecast().get(0).metricSpecification()).isEqualTo(spec);
    assertThat(
            autoScaling
                .describePolicies(r -> r.autoScalingGroupName("web"))
                .scalingPolicies()
                .get(0)
                .predictiveScalingConfiguration()
                .metricSpecifications())
        .containsExactly(spec);

    // ForecastAndScale: 08:00 minus the default 300 s buffer raises desired capacity to 8
    assertThat(desired()).isEqualTo(2);
    twin.advanceTo(T0.plus(Duration.ofHours(8)).minus(Duration.ofMinutes(5)));
    assertThat(desired()).isEqualTo(8);
  }

  @Test
  void theMathDecidesTheLoadAndForecastOnlyLeavesCapacityAlone() {
    put(backlogSpec("2 * a"), "ForecastOnly"); // 120 at night, 480 by day
    GetPredictiveScalingForecastResponse f =
        autoScaling.getPredictiveScalingForecast(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("backlog")
                    .startTime(T0)
                    .endTime(T0.plus(Duration.ofHours(10))));
    assertThat(f.loadForecast().get(0).values().get(3)).isEqualTo(120.0);
    assertThat(f.capacityForecast().values().get(3)).isEqualTo(3.0); // 120 / 50, rounded up
    assertThat(f.capacityForecast().values().get(9)).isEqualTo(10.0); // 480 / 50 = 9.6 -> 10
    twin.advanceTo(T0.plus(Duration.ofHours(12)));
    assertThat(desired()).isEqualTo(1);
  }

  @Test
  void aPolicyPutThroughTheTwinIsDescribedWithItsCustomizedMetrics() {
    twin.autoScaling()
        .predictiveScaling()
        .putScalingPolicy(
            PredictiveScalingPolicy.builder()
                .policyName("core")
                .autoScalingGroupName("web")
                .customizedLoadMetric(
                    PredictiveScalingCustomizedMetric.load(
                        io.github.cloudtwin.cloudwatch.MetricDataQuery.metric(
                            "load", backlog("a"), Duration.ofMinutes(1), Statistic.SUM)))
                .predefinedScalingMetricType(
                    io.github.cloudtwin.autoscaling.PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
    PredictiveScalingMetricSpecification m =
        autoScaling
            .describePolicies(r -> r.autoScalingGroupName("web"))
            .scalingPolicies()
            .get(0)
            .predictiveScalingConfiguration()
            .metricSpecifications()
            .get(0);
    assertThat(m.predefinedMetricPairSpecification()).isNull();
    assertThat(m.predefinedScalingMetricSpecification().predefinedMetricTypeAsString())
        .isEqualTo("ASGAverageCPUUtilization");
    MetricDataQuery load = m.customizedLoadMetricSpecification().metricDataQueries().get(0);
    assertThat(load.id()).isEqualTo("load");
    assertThat(load.metricStat().stat()).isEqualTo("Sum");
    assertThat(load.metricStat().metric().dimensions().get(0).value()).isEqualTo("a");
    assertThat(load.returnData()).isTrue();
  }

  @Test
  void badQueriesAreValidationErrorsNamingTheQueryAndThePositionAndPutNothing() {
    assertRefused(
        backlogSpec("a +"),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries[total]"
            + ".Expression",
        "error in expression total at position");
    assertRefused(
        backlogSpec("a + nope"),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries[total]"
            + ".Expression",
        "unknown id 'nope'");
    assertRefused(
        backlogSpec("a + b").toBuilder()
            .customizedLoadMetricSpecification(
                l -> l.metricDataQueries(backlogQuery("a", "a"), backlogQuery("b", "b")))
            .build(),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries.ReturnData",
        "Exactly one element of the metrics list should return data.");
    assertRefused(
        backlogSpec("a + b").toBuilder()
            .customizedLoadMetricSpecification(
                l -> l.metricDataQueries(expression("Total", "1 + 1")))
            .build(),
        "MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries[Total].Id",
        "must start with a lowercase letter");
    assertRefused(
        backlogSpec("a + b").toBuilder().customizedScalingMetricSpecification((p) -> {}).build(),
        "MetricSpecifications.CustomizedScalingMetricSpecification.MetricDataQueries",
        "at least one MetricDataQuery");
    assertRefused(
        backlogSpec("a + b").toBuilder()
            .customizedScalingMetricSpecification(
                (software.amazon.awssdk.services.autoscaling.model
                        .PredictiveScalingCustomizedScalingMetric)
                    null)
            .build(),
        "PredefinedScalingMetricSpecification",
        "is required with CustomizedLoadMetricSpecification");
    assertThat(autoScaling.describePolicies(r -> r.autoScalingGroupName("web")).scalingPolicies())
        .isEmpty();
  }

  private void assertRefused(PredictiveScalingMetricSpecification spec, String... contained) {
    assertThatThrownBy(() -> put(spec, "ForecastOnly"))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage()).contains(List.of(contained));
            });
  }
}
