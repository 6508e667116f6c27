package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.PredictiveScalingForecast;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.GetPredictiveScalingForecastResponse;
import software.amazon.awssdk.services.autoscaling.model.PredefinedLoadMetricType;
import software.amazon.awssdk.services.autoscaling.model.PredefinedMetricPairType;
import software.amazon.awssdk.services.autoscaling.model.PredefinedScalingMetricType;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMaxCapacityBreachBehavior;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;

/**
 * PutScalingPolicy with PolicyType PredictiveScaling, DescribePolicies, DeletePolicy and
 * GetPredictiveScalingForecast through {@code AutoScalingClient}, over the twin's predictive
 * scaling (API_PredictiveScalingConfiguration,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html;
 * API_GetPredictiveScalingForecast,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_GetPredictiveScalingForecast.html).
 */
class AutoScalingPredictiveScalingClientTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START; // 00:00 UTC

  private final CloudTwin twin = CloudTwin.create();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  /**
   * Group web (min 1, max 10, desired 1) and two days of its total CPU before now: 100 at night,
   * 400 from 08:00 to 20:00 UTC, a datapoint every 10 minutes.
   */
  @BeforeEach
  void groupWithTwoDaysOfHistory() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                .minSize(1)
                .maxSize(10)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a", "us-east-1b"));
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    for (int m = 0; m < 48 * 60; m += 10) {
      Instant t = T0.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      twin.cloudWatch()
          .putMetricData(cpu, t, hour >= 8 && hour < 20 ? 400 : 100, StandardUnit.PERCENT);
    }
  }

  private static Instant at(int hours, int minutes) {
    return T0.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
  }

  private static PredictiveScalingMetricSpecification cpuPair(double target) {
    return PredictiveScalingMetricSpecification.builder()
        .targetValue(target)
        .predefinedMetricPairSpecification(
            p -> p.predefinedMetricType(PredefinedMetricPairType.ASGCPU_UTILIZATION))
        .build();
  }

  private String put(Consumer<PredictiveScalingConfiguration.Builder> config) {
    return autoScaling
        .putScalingPolicy(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("predict")
                    .policyType("PredictiveScaling")
                    .predictiveScalingConfiguration(config))
        .policyARN();
  }

  private List<ScalingPolicy> predictivePolicies() {
    return autoScaling
        .describePolicies(r -> r.autoScalingGroupName("web").policyTypes("PredictiveScaling"))
        .scalingPolicies();
  }

  private int desired() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
        .autoScalingGroups()
        .get(0)
        .desiredCapacity();
  }

  @Test
  void aPredictivePolicyIsPutWithItsWholeConfigurationAndDescribedBack() {
    String arn =
        put(
            c ->
                c.metricSpecifications(cpuPair(50))
                    .mode("ForecastAndScale")
                    .schedulingBufferTime(600)
                    .maxCapacityBreachBehavior(
                        PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY)
                    .maxCapacityBuffer(10));

    assertThat(arn)
        .matches(
            "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}"
                + ":autoScalingGroupName/web:policyName/predict");
    ScalingPolicy p = predictivePolicies().get(0);
    assertThat(p.policyARN()).isEqualTo(arn);
    assertThat(p.policyType()).isEqualTo("PredictiveScaling");
    assertThat(p.alarms()).isEmpty();
    PredictiveScalingConfiguration config = p.predictiveScalingConfiguration();
    assertThat(config.metricSpecifications()).containsExactly(cpuPair(50));
    assertThat(config.modeAsString()).isEqualTo("ForecastAndScale");
    assertThat(config.schedulingBufferTime()).isEqualTo(600);
    assertThat(config.maxCapacityBreachBehaviorAsString()).isEqualTo("IncreaseMaxCapacity");
    assertThat(config.maxCapacityBuffer()).isEqualTo(10);
    // the twin holds the same policy
    assertThat(twin.autoScaling().predictiveScaling().policies("web"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.predefinedMetricPairType())
                  .isEqualTo(
                      io.github.cloudtwin.autoscaling.PredefinedMetricPairType.ASGCPUUtilization);
              assertThat(s.schedulingBufferTime()).isEqualTo(Duration.ofSeconds(600));
              assertThat(s.maxCapacityBuffer()).isEqualTo(10);
            });
    // put again, the policy keeps its ARN; the defaults are AWS's
    assertThat(put(c -> c.metricSpecifications(cpuPair(60)))).isEqualTo(arn);
    PredictiveScalingConfiguration defaults =
        predictivePolicies().get(0).predictiveScalingConfiguration();
    assertThat(defaults.modeAsString()).isEqualTo("ForecastOnly");
    assertThat(defaults.schedulingBufferTime()).isEqualTo(300);
    assertThat(defaults.maxCapacityBreachBehaviorAsString()).isEqualTo("HonorMaxCapacity");
    assertThat(defaults.maxCapacityBuffer()).isNull();
    // DescribePolicies without a type lists it too
    assertThat(autoScaling.describePolicies(r -> r.autoScalingGroupName("web")).scalingPolicies())
        .extracting(ScalingPolicy::policyName)
        .containsExactly("predict");
  }

  @Test
  void getPredictiveScalingForecastAnswersTheTwinsForecastHourByHour() {
    put(c -> c.metricSpecifications(cpuPair(50)));

    GetPredictiveScalingForecastResponse f =
        autoScaling.getPredictiveScalingForecast(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("predict")
                    .startTime(T0)
                    .endTime(T0.plus(Duration.ofDays(3))));

    List<PredictiveScalingForecast> core =
        twin.autoScaling()
            .predictiveScaling()
            .getPredictiveScalingForecast("web", "predict", T0, T0.plus(Duration.ofDays(3)));
    assertThat(core).hasSize(48);
    assertThat(f.loadForecast()).singleElement();
    assertThat(f.loadForecast().get(0).timestamps())
        .containsExactlyElementsOf(core.stream().map(PredictiveScalingForecast::timestamp).toList())
        .startsWith(T0, at(1, 0));
    assertThat(f.loadForecast().get(0).values())
        .containsExactlyElementsOf(
            core.stream().map(PredictiveScalingForecast::loadForecast).toList());
    assertThat(f.loadForecast().get(0).values().get(3)).isEqualTo(100.0);
    assertThat(f.loadForecast().get(0).values().get(8)).isEqualTo(400.0);
    assertThat(f.loadForecast().get(0).metricSpecification()).isEqualTo(cpuPair(50));
    assertThat(f.capacityForecast().timestamps()).isEqualTo(f.loadForecast().get(0).timestamps());
    assertThat(f.capacityForecast().values())
        .containsExactlyElementsOf(core.stream().map(h -> (double) h.capacityForecast()).toList());
    assertThat(f.capacityForecast().values().get(3)).isEqualTo(2.0); // 100 / 50
    assertThat(f.capacityForecast().values().get(8)).isEqualTo(8.0); // 400 / 50
    assertThat(f.updateTime()).isEqualTo(T0);

    // a slice: [08:00, 10:00) is two hours
    assertThat(
            autoScaling
                .getPredictiveScalingForecast(
                    r ->
                        r.autoScalingGroupName("web")
                            .policyName("predict")
                            .startTime(at(8, 0))
                            .endTime(at(10, 0)))
                .capacityForecast()
                .values())
        .containsExactly(8.0, 8.0);
    // ForecastOnly never scales
    twin.advanceTo(at(9, 0));
    assertThat(desired()).isEqualTo(1);
  }

  @Test
  void forecastAndScaleRaisesDesiredCapacitySchedulingBufferTimeBeforeTheMorningRamp() {
    put(c -> c.metricSpecifications(cpuPair(50)).mode("ForecastAndScale"));
    assertThat(desired()).isEqualTo(2); // the night forecast, 100 / 50, is due at once

    twin.advanceTo(at(7, 54));
    assertThat(desired()).isEqualTo(2);
    twin.advanceTo(at(7, 55)); // 08:00 minus the default 300 s
    assertThat(desired()).isEqualTo(8);
    twin.advanceTo(at(21, 0));
    assertThat(desired()).isEqualTo(8); // predictive scaling never scales in
  }

  @Test
  void aLoadAndAScalingMetricOfOnePairForecastAsThePairAndAreDescribedAsPut() {
    PredictiveScalingMetricSpecification separate =
        PredictiveScalingMetricSpecification.builder()
            .targetValue(50.0)
            .predefinedLoadMetricSpecification(
                l -> l.predefinedMetricType(PredefinedLoadMetricType.ASG_TOTAL_CPU_UTILIZATION))
            .predefinedScalingMetricSpecification(
                s ->
                    s.predefinedMetricType(PredefinedScalingMetricType.ASG_AVERAGE_CPU_UTILIZATION))
            .build();
    put(c -> c.metricSpecifications(separate));

    assertThat(predictivePolicies().get(0).predictiveScalingConfiguration().metricSpecifications())
        .containsExactly(separate);
    GetPredictiveScalingForecastResponse f =
        autoScaling.getPredictiveScalingForecast(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("predict")
                    .startTime(T0)
                    .endTime(at(9, 0)));
    assertThat(f.capacityForecast().values().get(8)).isEqualTo(8.0);
    assertThat(f.loadForecast().get(0).metricSpecification()).isEqualTo(separate);
    assertThat(twin.autoScaling().predictiveScaling().policies("web").get(0))
        .extracting(PredictiveScalingPolicy::predefinedMetricPairType)
        .isEqualTo(io.github.cloudtwin.autoscaling.PredefinedMetricPairType.ASGCPUUtilization);
  }

  @Test
  void deletePolicyRemovesAPredictivePolicyByNameOrByArn() {
    put(c -> c.metricSpecifications(cpuPair(50)).mode("ForecastAndScale"));
    autoScaling.deletePolicy(r -> r.autoScalingGroupName("web").policyName("predict"));
    assertThat(predictivePolicies()).isEmpty();
    twin.advanceTo(at(8, 0));
    assertThat(desired()).isEqualTo(2); // its 07:55 action went with it

    String arn = put(c -> c.metricSpecifications(cpuPair(50)));
    autoScaling.deletePolicy(r -> r.policyName(arn));
    assertThat(twin.autoScaling().predictiveScaling().policies("web")).isEmpty();
  }

  @Test
  void badPredictiveConfigurationsAreValidationErrorsAndPutNothing() {
    assertRefused(
        r -> r.predictiveScalingConfiguration((PredictiveScalingConfiguration) null),
        "PredictiveScalingConfiguration is required");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(c -> c.metricSpecifications(cpuPair(50), cpuPair(60))),
        "exactly one metric specification (it holds 2)");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c ->
                    c.metricSpecifications(
                        PredictiveScalingMetricSpecification.builder()
                            .predefinedMetricPairSpecification(
                                p -> p.predefinedMetricType("ASGCPUUtilization"))
                            .build())),
        "'predictiveScalingConfiguration.metricSpecifications.member.1.targetValue'"
            + " failed to satisfy constraint: Member must not be null");
    assertRefused(
        r -> r.predictiveScalingConfiguration(c -> c.metricSpecifications(cpuPair(0))),
        "MetricSpecifications.TargetValue");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c -> c.metricSpecifications(cpuPair(50)).mode("ScaleOnly")),
        "Value 'ScaleOnly' at 'predictiveScalingConfiguration.mode' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [ForecastAndScale, ForecastOnly]");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c ->
                    c.metricSpecifications(
                        PredictiveScalingMetricSpecification.builder()
                            .targetValue(50.0)
                            .predefinedMetricPairSpecification(
                                p -> p.predefinedMetricType("ASGTotalNetworkIn"))
                            .build())),
        "[ASGCPUUtilization, ASGNetworkIn, ASGNetworkOut, ALBRequestCount]");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c -> c.metricSpecifications(cpuPair(50)).schedulingBufferTime(3600)),
        "SchedulingBufferTime");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c ->
                    c.metricSpecifications(cpuPair(50))
                        .maxCapacityBreachBehavior("IncreaseMaxCapacity")
                        .maxCapacityBuffer(101)),
        "Member must have value less than or equal to 100");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c -> c.metricSpecifications(cpuPair(50)).maxCapacityBuffer(10)),
        "MaxCapacityBuffer");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c ->
                    c.metricSpecifications(cpuPair(50))
                        .maxCapacityBreachBehavior("IncreaseMaxCapacity")),
        "MaxCapacityBuffer");
    assertRefused(
        r ->
            r.predictiveScalingConfiguration(
                c ->
                    c.metricSpecifications(
                        PredictiveScalingMetricSpecification.builder()
                            .targetValue(50.0)
                            .predefinedLoadMetricSpecification(
                                l -> l.predefinedMetricType("ASGTotalCPUUtilization"))
                            .build())),
        "PredefinedScalingMetricSpecification is required with PredefinedLoadMetricSpecification");
    assertRefused(
        r ->
            r.adjustmentType("ChangeInCapacity")
                .predictiveScalingConfiguration(c -> c.metricSpecifications(cpuPair(50))),
        "AdjustmentType is not supported for a PredictiveScaling policy");
    assertThat(predictivePolicies()).isEmpty();
    assertThat(twin.autoScaling().predictiveScaling().policies("web")).isEmpty();
  }

  @Test
  void aLoadMetricWithAnotherPairsScalingMetricIsSimulatedAndDescribedAsPut() {
    PredictiveScalingMetricSpecification mismatched =
        PredictiveScalingMetricSpecification.builder()
            .targetValue(50.0)
            .predefinedLoadMetricSpecification(
                l -> l.predefinedMetricType("ASGTotalCPUUtilization"))
            .predefinedScalingMetricSpecification(
                s -> s.predefinedMetricType("ASGAverageNetworkIn"))
            .build();
    put(c -> c.metricSpecifications(mismatched));
    assertThat(predictivePolicies().get(0).predictiveScalingConfiguration().metricSpecifications())
        .containsExactly(mismatched);
    // the load metric (total CPU) is forecast: 100 at night over 50
    GetPredictiveScalingForecastResponse f =
        autoScaling.getPredictiveScalingForecast(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("predict")
                    .startTime(T0)
                    .endTime(at(4, 0)));
    assertThat(f.capacityForecast().values()).containsOnly(2.0);
  }

  @Test
  void executePolicyOnAPredictivePolicyIsAValidationErrorByNameOrByArn() {
    String arn = put(c -> c.metricSpecifications(cpuPair(50)).mode("ForecastAndScale"));
    int before = desired();
    for (String policy : List.of("predict", arn)) {
      assertThatThrownBy(
              () ->
                  autoScaling.executePolicy(r -> r.autoScalingGroupName("web").policyName(policy)))
          .isInstanceOfSatisfying(
              AutoScalingException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                assertThat(e.statusCode()).isEqualTo(400);
              })
          .hasMessageContaining(
              "Policy predict of type PredictiveScaling cannot be executed: ExecutePolicy runs"
                  + " only SimpleScaling and StepScaling policies.");
    }
    assertThat(desired()).isEqualTo(before);
    assertThat(predictivePolicies()).hasSize(1);
  }

  @Test
  void badForecastQueriesAreValidationErrors() {
    put(c -> c.metricSpecifications(cpuPair(50)));
    autoScaling.putScalingPolicy(
        r ->
            r.autoScalingGroupName("web")
                .policyName("out")
                .adjustmentType("ChangeInCapacity")
                .scalingAdjustment(1));
    assertForecastRefused("web", "other", T0, at(1, 0), "Policy other not found");
    assertForecastRefused("web", "out", T0, at(1, 0), "is not a PredictiveScaling policy");
    assertForecastRefused("nope", "predict", T0, at(1, 0), "AutoScalingGroup 'nope' not found");
    assertForecastRefused("web", "predict", T0, T0, "after StartTime");
    assertForecastRefused("web", "predict", T0, T0.plus(Duration.ofDays(31)), "30 days");
    assertForecastRefused(
        "web",
        "predict",
        T0.minus(Duration.ofDays(367)),
        T0.minus(Duration.ofDays(366)),
        "more than one year before the current time");
    // the group's policy names are one set
    assertThatThrownBy(
            () ->
                autoScaling.putScalingPolicy(
                    r ->
                        r.autoScalingGroupName("web")
                            .policyName("predict")
                            .adjustmentType("ChangeInCapacity")
                            .scalingAdjustment(1)))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("is a PredictiveScaling policy");
  }

  private void assertRefused(Consumer<PutScalingPolicyRequest.Builder> request, String message) {
    assertThatThrownBy(
            () ->
                autoScaling.putScalingPolicy(
                    r -> {
                      r.autoScalingGroupName("web")
                          .policyName("predict")
                          .policyType("PredictiveScaling");
                      request.accept(r);
                    }))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.statusCode()).isEqualTo(400);
            })
        .hasMessageContaining(message);
  }

  private void assertForecastRefused(
      String group, String policy, Instant start, Instant end, String message) {
    assertThatThrownBy(
            () ->
                autoScaling.getPredictiveScalingForecast(
                    r ->
                        r.autoScalingGroupName(group)
                            .policyName(policy)
                            .startTime(start)
                            .endTime(end)))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
        .hasMessageContaining(message);
  }
}
