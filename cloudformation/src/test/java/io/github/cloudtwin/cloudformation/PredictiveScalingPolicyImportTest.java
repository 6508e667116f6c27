package io.github.cloudtwin.cloudformation;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredictiveScalingMode;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * AWS::AutoScaling::ScalingPolicy with PolicyType PredictiveScaling is the core's predictive
 * scaling policy
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-autoscaling-scalingpolicy-predictivescalingconfiguration.html).
 */
class PredictiveScalingPolicyImportTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START; // midnight UTC
  private static final String POLICY = Names.generate("predict", "Forecast", 255);

  private static final String TEMPLATE =
      """
      Resources:
        WebTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData: {InstanceType: m5.large, Monitoring: {Enabled: true}}
        Web:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            AutoScalingGroupName: web
            AvailabilityZones: !GetAZs ""
            LaunchTemplate: {LaunchTemplateId: !Ref WebTemplate, Version: !GetAtt WebTemplate.LatestVersionNumber}
            MinSize: "3"
            MaxSize: "20"
        Forecast:
          Type: AWS::AutoScaling::ScalingPolicy
          Properties:
            AutoScalingGroupName: !Ref Web
            PolicyType: PredictiveScaling
            PredictiveScalingConfiguration:
              MetricSpecifications:
                - TargetValue: 50
                  PredefinedMetricPairSpecification:
                    PredefinedMetricType: ASGCPUUtilization
      %s
      """;

  private static final String PAIR =
      "            PredefinedMetricPairSpecification:\n"
          + "              PredefinedMetricType: ASGCPUUtilization\n";

  private static final String FORECAST_AND_SCALE =
      """
              Mode: ForecastAndScale
              SchedulingBufferTime: 300
      """;

  private static Stack importInto(CloudTwin twin, String extra) {
    return StackImport.of(Template.parse("predict.yaml", TEMPLATE.formatted(extra)))
        .stackName("predict")
        .importInto(twin);
  }

  @Test
  void aForecastAndScalePolicyIsTheTwinsPredictivePolicyAndRaisesCapacityBeforeTheMorning() {
    try (CloudTwin twin = CloudTwin.builder().seed(22).build()) {
      lastTwoDays(twin);
      Stack stack = importInto(twin, FORECAST_AND_SCALE);
      PredictiveScalingPolicy policy = stack.resource("Forecast", PredictiveScalingPolicy.class);
      assertThat(twin.autoScaling().predictiveScaling().policies("web")).containsExactly(policy);
      assertThat(policy.policyName()).isEqualTo(POLICY);
      assertThat(policy.predefinedMetricPairType())
          .isEqualTo(PredefinedMetricPairType.ASGCPUUtilization);
      assertThat(policy.targetValue()).isEqualTo(50);
      assertThat(policy.mode()).isEqualTo(PredictiveScalingMode.ForecastAndScale);
      assertThat(stack.physicalId("Forecast"))
          .isEqualTo(twin.autoScaling().predictiveScaling().policyArn("web", POLICY));
      assertThat(stack.report().notSimulated()).isEmpty();
      AutoScalingGroup web = stack.autoScalingGroup("Web");
      twin.advanceTo(T0.plus(ofHours(8)));
      // 600 % of total CPU by day / 50 = 12; 150 % at night / 50 = 3; launched at 07:55
      assertThat(web)
          .hasPredictiveCapacityForecast(POLICY, ofHours(7), 3)
          .hasPredictiveCapacityForecast(POLICY, ofHours(8), 12)
          .hasPredictiveScalingRaisedDesiredCapacity(POLICY, 12, ofMinutes(475));
    }
  }

  @Test
  void aLoadAndScalingMetricOfOnePairAreThatPairAndACustomizedCapacityMetricIsKept() {
    try (CloudTwin twin = CloudTwin.create()) {
      Stack stack =
          StackImport.of(
                  Template.parse(
                      "predict.yaml",
                      TEMPLATE
                          .formatted("")
                          .replace(
                              PAIR,
                              "            PredefinedLoadMetricSpecification:\n              PredefinedMetricType: ASGTotalCPUUtilization\n            PredefinedScalingMetricSpecification:\n              PredefinedMetricType: ASGAverageCPUUtilization\n            CustomizedCapacityMetricSpecification:\n              MetricDataQueries:\n                - Id: c\n                  MetricStat:\n                    Metric: {Namespace: AWS/AutoScaling, MetricName: GroupInServiceInstances, Dimensions: [{Name: AutoScalingGroupName, Value: web}]}\n                    Stat: Average\n")))
              .stackName("predict")
              .importInto(twin);
      PredictiveScalingPolicy policy = stack.resource("Forecast", PredictiveScalingPolicy.class);
      assertThat(policy.predefinedMetricPairType())
          .isEqualTo(PredefinedMetricPairType.ASGCPUUtilization);
      assertThat(policy.customizedCapacityMetric().returnedQuery().id()).isEqualTo("c");
      assertThat(stack.report().unmodelledProperties("Forecast")).isEmpty();
    }
  }

  /**
   * Customized load (two queues' backlog, a + b) and scaling metrics (the backlog per instance).
   */
  private static final String CUSTOMIZED =
      """
                  CustomizedLoadMetricSpecification:
                    MetricDataQueries:
                      - Id: a
                        MetricStat:
                          Metric: {Namespace: App, MetricName: Backlog, Dimensions: [{Name: QueueName, Value: a}]}
                          Stat: Sum
                          Unit: Count
                        ReturnData: false
                      - Id: b
                        MetricStat:
                          Metric: {Namespace: App, MetricName: Backlog, Dimensions: [{Name: QueueName, Value: b}]}
                          Stat: Sum
                        ReturnData: false
                      - Id: total
                        Expression: %s
                        Label: total backlog
                  CustomizedScalingMetricSpecification:
                    MetricDataQueries:
                      - Id: a
                        MetricStat:
                          Metric: {Namespace: App, MetricName: Backlog, Dimensions: [{Name: QueueName, Value: a}]}
                          Stat: Sum
                        ReturnData: false
                      - Id: n
                        MetricStat:
                          Metric: {Namespace: AWS/AutoScaling, MetricName: GroupInServiceInstances, Dimensions: [{Name: AutoScalingGroupName, Value: web}]}
                          Stat: Average
                        ReturnData: false
                      - Id: perInstance
                        Expression: a / n
      """;

  private static Stack importCustomized(CloudTwin twin, String loadExpression) {
    String template =
        TEMPLATE
            .formatted(FORECAST_AND_SCALE)
            .replace(PAIR, CUSTOMIZED.formatted(loadExpression).stripTrailing() + "\n");
    return StackImport.of(Template.parse("predict.yaml", template))
        .stackName("predict")
        .importInto(twin);
  }

  @Test
  void customizedLoadAndScalingMetricsAreSimulatedFromTheMetricMath() {
    try (CloudTwin twin = CloudTwin.create()) {
      for (int m = 0; m < 48 * 60; m++) {
        Instant t = T0.minus(ofHours(48)).plus(ofMinutes(m));
        boolean day =
            (t.getEpochSecond() / 3600) % 24 >= 8 && (t.getEpochSecond() / 3600) % 24 < 20;
        MetricId a = MetricId.of("App", "Backlog", "QueueName", "a");
        MetricId b = MetricId.of("App", "Backlog", "QueueName", "b");
        twin.cloudWatch().putMetricData(a, t, day ? 240 : 60, StandardUnit.COUNT);
        twin.cloudWatch().putMetricData(b, t, day ? 160 : 40, StandardUnit.COUNT);
      }
      Stack stack = importCustomized(twin, "a + b");
      PredictiveScalingPolicy policy = stack.resource("Forecast", PredictiveScalingPolicy.class);
      assertThat(twin.autoScaling().predictiveScaling().policies("web")).containsExactly(policy);
      assertThat(policy.predefinedMetricPairType()).isNull();
      assertThat(policy.customizedLoadMetric().metricDataQueries()).hasSize(3);
      assertThat(policy.customizedScalingMetric().returnedQuery().id()).isEqualTo("perInstance");
      assertThat(stack.report().notSimulated()).isEmpty();
      assertThat(stack.report().unmodelledProperties("Forecast")).isEmpty();
      // 400 by day / 50 = 8; 100 at night / 50 = 2, raised to MinSize 3; launched at 07:55
      AutoScalingGroup web = stack.autoScalingGroup("Web");
      twin.advanceTo(T0.plus(ofHours(8)));
      assertThat(web)
          .hasPredictiveCapacityForecast(POLICY, ofHours(7), 3)
          .hasPredictiveCapacityForecast(POLICY, ofHours(8), 8)
          .hasPredictiveScalingRaisedDesiredCapacity(POLICY, 8, ofMinutes(475));
    }
  }

  @Test
  void aBadLoadExpressionNamesTheLogicalIdThePathTheQueryAndThePosition() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(() -> importCustomized(twin, "\"a + (b\""))
          .isInstanceOf(TemplateValidationException.class)
          .hasMessageContaining("Forecast")
          .hasMessageContaining(
              "CustomizedLoadMetricSpecification.MetricDataQueries[total].Expression")
          .hasMessageContaining("error in expression total at position");
      assertThat(twin.autoScaling().groups()).isEmpty();
    }
  }

  @Test
  void aSchedulingBufferOfAnHourNamesTheLogicalIdThePropertyAndTheRange() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(() -> importInto(twin, "        SchedulingBufferTime: 3600\n"))
          .isInstanceOf(TemplateValidationException.class)
          .hasMessageContaining("Forecast")
          .hasMessageContaining("Properties.PredictiveScalingConfiguration.SchedulingBufferTime")
          .hasMessageContaining("3599");
      assertThat(twin.autoScaling().groups()).isEmpty();
    }
  }

  @Test
  void anUnknownModeNamesThePropertyAndTheModes() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(() -> importInto(twin, "        Mode: ScaleOnly\n"))
          .isInstanceOf(TemplateValidationException.class)
          .hasMessageContaining("Forecast")
          .hasMessageContaining("Properties.PredictiveScalingConfiguration.Mode")
          .hasMessageContaining("ScaleOnly")
          .hasMessageContaining("ForecastAndScale");
    }
  }

  @Test
  void aBufferAbove100IsRefusedWithTheConstraintTextThePutScalingPolicyDoorAnswers() {
    // one rule in core (PredictiveScalingRules): both doors answer AWS's modeled range text
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(
              () ->
                  importInto(
                      twin,
                      "        MaxCapacityBreachBehavior: IncreaseMaxCapacity\n"
                          + "        MaxCapacityBuffer: 101\n"))
          .isInstanceOf(TemplateValidationException.class)
          .hasMessageContaining("Properties.PredictiveScalingConfiguration.MaxCapacityBuffer")
          .hasMessageContaining("Member must have value less than or equal to 100");
      assertThat(twin.autoScaling().groups()).isEmpty();
    }
  }

  @Test
  void aLoadAndScalingMetricWithDifferentTargetGroupsNamesTheScalingMetricsLabel() {
    String pair =
        "PredefinedMetricPairSpecification:\n"
            + "              PredefinedMetricType: ASGCPUUtilization";
    assertThat(TEMPLATE).contains(pair);
    String template =
        TEMPLATE
            .replace(
                pair,
                "PredefinedLoadMetricSpecification:\n"
                    + "              PredefinedMetricType: ALBTargetGroupRequestCount\n"
                    + "              ResourceLabel: app/lb/1/targetgroup/a/2\n"
                    + "            PredefinedScalingMetricSpecification:\n"
                    + "              PredefinedMetricType: ALBRequestCountPerTarget\n"
                    + "              ResourceLabel: app/lb/1/targetgroup/b/3")
            .formatted("");
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(
              () ->
                  StackImport.of(Template.parse("predict.yaml", template))
                      .stackName("predict")
                      .importInto(twin))
          .isInstanceOf(TemplateValidationException.class)
          .hasMessageContaining("PredefinedScalingMetricSpecification.ResourceLabel")
          .hasMessageContaining("app/lb/1/targetgroup/b/3")
          .hasMessageContaining("the load metric's ResourceLabel app/lb/1/targetgroup/a/2");
    }
  }

  /**
   * The group's CPU over the two days before the test: the sum over the instances is 150 % at night
   * and 600 % from 08:00 to 20:00, a datapoint every minute.
   */
  private static void lastTwoDays(CloudTwin twin) {
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    for (int m = 0; m < 48 * 60; m++) {
      Instant t = T0.minus(ofHours(48)).plus(ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      twin.cloudWatch()
          .putMetricData(cpu, t, hour >= 8 && hour < 20 ? 600 : 150, StandardUnit.PERCENT);
    }
  }
}
