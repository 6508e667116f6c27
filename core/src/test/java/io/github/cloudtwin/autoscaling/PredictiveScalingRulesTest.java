package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one set of PredictiveScalingConfiguration rules both front doors (PutScalingPolicy and
 * CloudFormation) apply through the policy builder
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html).
 */
class PredictiveScalingRulesTest {

  private static PredictiveScalingPolicy.Builder named() {
    return PredictiveScalingPolicy.builder().policyName("predict").autoScalingGroupName("web");
  }

  private static PredictiveScalingPolicy.Builder cpu() {
    return named().metricPair("ASGCPUUtilization", null).targetValueGiven(50.0);
  }

  @Test
  void modesAndBehaviorsAreReadByAwsNamesWithAwsDefaults() {
    PredictiveScalingPolicy p =
        cpu()
            .modeName(null)
            .maxCapacityBreachBehaviorName(null)
            .schedulingBufferSeconds(null)
            .build();
    assertThat(p.mode()).isEqualTo(PredictiveScalingMode.ForecastOnly);
    assertThat(p.maxCapacityBreachBehavior())
        .isEqualTo(PredictiveScalingMaxCapacityBreachBehavior.HonorMaxCapacity);
    assertThat(p.schedulingBufferTime()).isEqualTo(Duration.ofSeconds(300));
    PredictiveScalingPolicy q =
        cpu()
            .modeName("ForecastAndScale")
            .maxCapacityBreachBehaviorName("IncreaseMaxCapacity")
            .maxCapacityBuffer(10)
            .schedulingBufferSeconds(3599)
            .build();
    assertThat(q.mode()).isEqualTo(PredictiveScalingMode.ForecastAndScale);
    assertThat(q.maxCapacityBuffer()).isEqualTo(10);
    assertThat(q.schedulingBufferTime()).isEqualTo(Duration.ofSeconds(3599));
  }

  @Test
  void aBadModeOrBehaviorAnswersAwsEnumConstraint() {
    refused(
        () -> cpu().modeName("ScaleOnly"),
        "Mode",
        "ScaleOnly",
        "Member must satisfy enum value set: [ForecastAndScale, ForecastOnly]");
    refused(
        () -> cpu().maxCapacityBreachBehaviorName("Ignore"),
        "MaxCapacityBreachBehavior",
        "Ignore",
        "Member must satisfy enum value set: [HonorMaxCapacity, IncreaseMaxCapacity]");
  }

  @Test
  void schedulingBufferTimeIsZeroToLessThanTheHourlyForecastInterval() {
    assertThat(cpu().schedulingBufferSeconds(0).build().schedulingBufferTime()).isZero();
    refused(
        () -> cpu().schedulingBufferSeconds(-1),
        "SchedulingBufferTime",
        -1,
        "Member must have value greater than or equal to 0");
    refused(
        () -> cpu().schedulingBufferSeconds(3600),
        "SchedulingBufferTime",
        3600,
        "0 to 3599 seconds (less than the forecast interval of 3600 seconds)");
  }

  @Test
  void maxCapacityBufferIsZeroToHundredOnlyWithIncreaseMaxCapacity() {
    assertThat(cpu().increaseMaxCapacity(0).build().maxCapacityBuffer()).isZero();
    assertThat(cpu().increaseMaxCapacity(100).build().maxCapacityBuffer()).isEqualTo(100);
    refused(
        () -> cpu().increaseMaxCapacity(101).build(),
        "MaxCapacityBuffer",
        101,
        "Member must have value less than or equal to 100");
    refused(
        () -> cpu().increaseMaxCapacity(-1).build(),
        "MaxCapacityBuffer",
        -1,
        "Member must have value greater than or equal to 0");
    refused(
        () -> cpu().maxCapacityBreachBehaviorName("IncreaseMaxCapacity").build(),
        "MaxCapacityBuffer",
        null,
        "a value from 0 to 100 with IncreaseMaxCapacity");
    refused(
        () -> cpu().maxCapacityBuffer(5).build(),
        "MaxCapacityBuffer",
        5,
        "no value unless MaxCapacityBreachBehavior is IncreaseMaxCapacity");
  }

  @Test
  void theTargetValueIsRequiredAndGreaterThanZero() {
    refused(
        () -> named().targetValueGiven(null),
        "MetricSpecifications.TargetValue",
        null,
        "Member must not be null");
    refused(
        () -> named().targetValueGiven(0.0),
        "MetricSpecifications.TargetValue",
        0.0,
        "greater than 0");
    refused(
        () -> named().targetValueGiven(Double.NaN),
        "MetricSpecifications.TargetValue",
        Double.NaN,
        "greater than 0");
    assertThat(named().metricPair("ASGCPUUtilization", null).targetValueGiven(0.5).build())
        .extracting(PredictiveScalingPolicy::targetValue)
        .isEqualTo(0.5);
  }

  @Test
  void metricPairNamesAreAwsPairNames() {
    assertThat(
            named()
                .metricPair("ASGNetworkIn", null)
                .targetValue(1)
                .build()
                .loadMetric()
                .metricName())
        .isEqualTo("NetworkIn");
    refused(
        () -> named().metricPair("ASGTotalNetworkIn", null),
        "MetricSpecifications.PredefinedMetricPairSpecification.PredefinedMetricType",
        "ASGTotalNetworkIn",
        "Member must satisfy enum value set: [ASGCPUUtilization, ASGNetworkIn, ASGNetworkOut,"
            + " ALBRequestCount]");
    refused(
        () -> named().metricPair(null, null),
        "MetricSpecifications.PredefinedMetricPairSpecification.PredefinedMetricType",
        null,
        "Member must not be null");
  }

  @Test
  void aLoadAndAScalingMetricOfOnePairAreThatPair() {
    PredictiveScalingPolicy p =
        named()
            .loadAndScalingMetrics(
                "ALBTargetGroupRequestCount",
                "app/lb/1/targetgroup/tg/2",
                "ALBRequestCountPerTarget",
                "app/lb/1/targetgroup/tg/2")
            .targetValue(100)
            .build();
    assertThat(p.predefinedMetricPairType()).isEqualTo(PredefinedMetricPairType.ALBRequestCount);
    assertThat(p.resourceLabel()).isEqualTo("app/lb/1/targetgroup/tg/2");
    assertThat(
            PredictiveScalingRules.loadAndScalingPair("ASGTotalNetworkOut", "ASGAverageNetworkOut"))
        .contains(PredefinedMetricPairType.ASGNetworkOut);
    assertThat(
            PredictiveScalingRules.loadAndScalingPair(
                "ASGTotalNetworkIn", "ASGAverageCPUUtilization"))
        .isEmpty();
  }

  @Test
  void loadAndScalingMetricNamesAndLabelsAreRefusedAndMismatchesKept() {
    refused(
        () ->
            named()
                .loadAndScalingMetrics("ASGCPUUtilization", null, "ASGAverageCPUUtilization", null),
        "MetricSpecifications.PredefinedLoadMetricSpecification.PredefinedMetricType",
        "ASGCPUUtilization",
        "Member must satisfy enum value set: [ASGTotalCPUUtilization, ASGTotalNetworkIn,"
            + " ASGTotalNetworkOut, ALBTargetGroupRequestCount]");
    refused(
        () ->
            named()
                .loadAndScalingMetrics(
                    "ASGTotalCPUUtilization", null, "ASGTotalCPUUtilization", null),
        "MetricSpecifications.PredefinedScalingMetricSpecification.PredefinedMetricType",
        "ASGTotalCPUUtilization",
        "Member must satisfy enum value set: [ASGAverageCPUUtilization, ASGAverageNetworkIn,"
            + " ASGAverageNetworkOut, ALBRequestCountPerTarget]");
    refused(
        () ->
            named()
                .loadAndScalingMetrics(
                    "ALBTargetGroupRequestCount",
                    "app/lb/1/targetgroup/a/2",
                    "ALBRequestCountPerTarget",
                    "app/lb/1/targetgroup/b/3"),
        "MetricSpecifications.PredefinedScalingMetricSpecification.ResourceLabel",
        "app/lb/1/targetgroup/b/3",
        "the load metric's ResourceLabel app/lb/1/targetgroup/a/2");
    // a load metric with another pair's scaling metric is kept as such (and simulated)
    assertThat(
            named()
                .loadAndScalingMetrics("ASGTotalNetworkIn", null, "ASGAverageCPUUtilization", null)
                .targetValue(50)
                .build()
                .predefinedScalingMetricType())
        .isEqualTo(PredefinedMetricType.ASGAverageCPUUtilization);
  }

  @Test
  void aSpecificationIsOnePairOrALoadAndAScalingMetricAndThereIsExactlyOne() {
    PredictiveScalingRules.metricShape(true, false, false);
    PredictiveScalingRules.metricShape(false, true, true);
    PredictiveScalingRules.oneMetricSpecification(1);
    refused(
        () -> PredictiveScalingRules.metricShape(true, true, false),
        "MetricSpecifications.PredefinedLoadMetricSpecification",
        "set with PredefinedMetricPairSpecification",
        "either PredefinedMetricPairSpecification or PredefinedLoadMetricSpecification and"
            + " PredefinedScalingMetricSpecification, not both");
    refused(
        () -> PredictiveScalingRules.metricShape(false, false, true),
        "MetricSpecifications.PredefinedLoadMetricSpecification",
        null,
        "a value with PredefinedScalingMetricSpecification");
    refused(
        () -> PredictiveScalingRules.metricShape(false, false, false),
        "MetricSpecifications.PredefinedMetricPairSpecification",
        null,
        "a PredefinedMetricPairSpecification, or a PredefinedLoadMetricSpecification and a"
            + " PredefinedScalingMetricSpecification");
    refused(
        () -> PredictiveScalingRules.oneMetricSpecification(2),
        "MetricSpecifications",
        "2 metric specifications",
        "exactly one metric specification");
    refused(
        () -> PredictiveScalingRules.oneMetricSpecification(0),
        "MetricSpecifications",
        null,
        "Member must not be null");
  }

  @Test
  void anotherPolicyTypesPropertyIsNotSupported() {
    PredictiveScalingRules.refuseOtherPolicyTypesProperty(null);
    assertThat(PredictiveScalingRules.OTHER_POLICY_TYPES_PROPERTIES)
        .contains("TargetTrackingConfiguration", "StepAdjustments", "Cooldown");
    assertThatThrownBy(() -> PredictiveScalingRules.refuseOtherPolicyTypesProperty("Cooldown"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("Cooldown"))
        .hasMessageStartingWith("Cooldown is not supported for a PredictiveScaling policy.");
  }

  private static void refused(
      Executable call, String field, @Nullable Object value, String allowed) {
    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.allowed()).isEqualTo(allowed);
            });
  }
}
