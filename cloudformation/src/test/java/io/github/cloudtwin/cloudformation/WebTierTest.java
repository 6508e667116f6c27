package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TerminationPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web tier: an ALB over three subnets, an Auto Scaling group, CPU alarms and step policies. */
class WebTierTest {

  static final String AMI_PARAMETER =
      "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

  static Stack importWebTier(CloudTwin twin) {
    return StackImport.of(Template.classpath("templates/web-tier.yaml"))
        .stackName("web")
        .ssmParameter(AMI_PARAMETER, "ami-0abcdef1234567890")
        .importInto(twin);
  }

  /** The same estate, typed with the builders, in the order the import creates it. */
  static void buildWebTier(CloudTwin twin) {
    String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web-alb")
                .availabilityZones(zones)
                .idleTimeout(ofSeconds(60))
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-web")
                .protocol(Protocol.HTTP)
                .port(80)
                .healthCheck(
                    HealthCheckSpec.builder()
                        .path("/health")
                        .interval(ofSeconds(15))
                        .timeout(ofSeconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .matcher("200-299")
                        .build())
                .deregistrationDelay(ofSeconds(30))
                .build());
    twin.loadBalancing()
        .createListener(
            ListenerSpec.builder("web-alb", 80)
                .protocol(Protocol.HTTP)
                .forwardTo("web-web")
                .build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web-web")
                .launchTemplate("web-web", "1")
                .instanceType("m5.large")
                .detailedMonitoring(true)
                .minSize(3)
                .maxSize(12)
                .desiredCapacity(3)
                .availabilityZones(zones)
                .targetGroupNames("web-web")
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(ofSeconds(120))
                .defaultCooldown(ofSeconds(300))
                .terminationPolicies(
                    TerminationPolicy.OLDEST_LAUNCH_TEMPLATE, TerminationPolicy.DEFAULT)
                .build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName("web-ScaleOutPolicy-FJ16MOQ8W4W5S")
                    .autoScalingGroupName("web-web")
                    .adjustmentType(AdjustmentType.ChangeInCapacity)
                    .step(0.0, 15.0, 1)
                    .step(15.0, null, 3)
                    .estimatedInstanceWarmup(ofSeconds(120))
                    .build());
    ScalingPolicy in =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName("web-ScaleInPolicy-9RXN8AQB8L2E2")
                    .autoScalingGroupName("web-web")
                    .adjustmentType(AdjustmentType.ChangeInCapacity)
                    .step(null, 0.0, -1)
                    .build());
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web-web");
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("web-cpu-high")
                .alarmDescription("Scale out web-web when average CPU is high")
                .metric(cpu)
                .period(ofSeconds(60))
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                .threshold(70)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("web-cpu-low")
                .metric(cpu)
                .period(ofSeconds(60))
                .evaluationPeriods(10)
                .threshold(30)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .treatMissingData(TreatMissingData.notBreaching)
                .alarmActions(in.asAlarmAction())
                .build());
  }

  /** Morning: 300 requests/s, a surge to 500 at minute 10, night at minute 70. */
  static void morningSurge(CloudTwin twin) {
    twin.traffic()
        .apply(
            "web-alb",
            Workload.step(300).then(ofMinutes(10), 500).then(ofMinutes(70), 150).build());
    twin.advance(Duration.ofMinutes(150));
  }

  @Test
  void importedWebTierBehavesExactlyLikeTheSameEstateBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importWebTier(t), WebTierTest::buildWebTier, WebTierTest::morningSurge);
    AutoScalingGroup group = twin.autoScaling().group("web-web");
    // the surge (83 % CPU: the first step) added one instance, the night took it away again
    assertThat(
            Estates.count(
                twin,
                "desired-capacity",
                "3 -> 4: a monitor alarm web-cpu-high in state ALARM triggered policy web-ScaleOutPolicy-FJ16MOQ8W4W5S"))
        .isEqualTo(1);
    assertThat(
            Estates.count(
                twin,
                "desired-capacity",
                "4 -> 3: a monitor alarm web-cpu-low in state ALARM triggered policy web-ScaleInPolicy-9RXN8AQB8L2E2"))
        .isEqualTo(1);
    assertThat(group.desiredCapacity()).isEqualTo(3);
    assertThat(group.activities()).hasSize(5);
  }

  @Test
  void resourcesResolveToTheTwinsRealNamesIdsAndArns() {
    CloudTwin twin = Estates.twin();
    Stack stack = importWebTier(twin);

    AutoScalingGroup group = stack.autoScalingGroup("WebServerGroup");
    assertThat(group.name()).isEqualTo("web-web");
    assertThat(group.spec().availabilityZones())
        .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
    assertThat(group.spec().instanceType()).isEqualTo("m5.large");
    assertThat(group.spec().healthCheckGracePeriod())
        .isEqualTo(ofSeconds(120)); // FindInMap EnvSettings.test.Grace
    assertThat(group.spec().targetGroupNames()).containsExactly("web-web");
    assertThat(stack.targetGroup("WebTargetGroup").healthCheck().path()).isEqualTo("/health");
    assertThat(stack.physicalId("WebTargetGroup"))
        .isEqualTo(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:"
                + stack.targetGroup("WebTargetGroup").dimensionValue());
    assertThat(stack.alarm("CpuHighAlarm").spec().threshold()).isEqualTo(70);
    assertThat(stack.alarm("CpuHighAlarm").spec().alarmActions())
        .containsExactly(stack.scalingPolicy("ScaleOutPolicy").asAlarmAction());
    assertThat(stack.physicalId("ScaleOutPolicy"))
        .isEqualTo(stack.scalingPolicy("ScaleOutPolicy").policyArn());
    assertThat(stack.resource("PublicSubnetB").attributes())
        .containsEntry("AvailabilityZone", "us-east-1b")
        .containsEntry("CidrBlock", "10.20.1.0/24");

    assertThat(stack.outputs())
        .containsEntry("GroupName", "web-web")
        .containsEntry(
            "LoadBalancerFullName", stack.loadBalancer("WebLoadBalancer").dimensionValue())
        .containsEntry("Zones", "us-east-1a,us-east-1b,us-east-1c")
        .doesNotContainKey("TopicArn");
    assertThat(stack.exports()).containsOnlyKeys("web-dns");
    assertThat(stack.parameters())
        .containsEntry("AmiId", "ami-0abcdef1234567890")
        .containsEntry("MinSize", "3");
  }

  @Test
  void reportListsWhatIsNotSimulatedAndEveryUnmodelledPropertyPath() {
    Stack stack = importWebTier(Estates.twin());
    ImportReport report = stack.report();

    assertThat(report.notSimulated())
        .containsExactly("WebSecurityGroup", "WebServerRole", "WebServerProfile");
    assertThat(report.unmodelledProperties("WebLaunchTemplate"))
        .containsExactlyInAnyOrder(
            "Properties.LaunchTemplateData.ImageId",
                "Properties.LaunchTemplateData.IamInstanceProfile",
            "Properties.LaunchTemplateData.SecurityGroupIds",
                "Properties.LaunchTemplateData.UserData");
    assertThat(report.unmodelledProperties("WebServerGroup"))
        .containsExactly("Properties.Tags", "CreationPolicy", "UpdatePolicy");
    assertThat(report.unmodelledProperties("WebLoadBalancer"))
        .contains(
            "Properties.LoadBalancerAttributes[1] (deletion_protection.enabled)",
            "Properties.Scheme");
    assertThat(report.text()).contains("Not simulated:", "web/WebServerRole (AWS::IAM::Role)");
    assertThat(stack.logicalIds())
        .doesNotContain("OpsTopic"); // Condition NotifyOps is false for Env=test
  }

  @Test
  void prodParametersChangeTheEstateThroughMappingsAndConditions() {
    CloudTwin twin = Estates.twin();
    Stack stack =
        StackImport.of(Template.classpath("templates/web-tier.yaml"))
            .stackName("shop")
            .parameters(Map.of("Env", "prod", "MinSize", "4", "InstanceType", "c5.large"))
            .ssmParameter(AMI_PARAMETER, "ami-0abcdef1234567890")
            .importInto(twin);

    AutoScalingGroup group = stack.autoScalingGroup("WebServerGroup");
    assertThat(group.name()).isEqualTo("shop-web");
    assertThat(group.desiredCapacity()).isEqualTo(4);
    assertThat(group.spec().instanceType()).isEqualTo("c5.large");
    assertThat(stack.alarm("CpuHighAlarm").spec().threshold()).isEqualTo(60);
    assertThat(stack.logicalIds()).contains("OpsTopic");
    assertThat(stack.outputs().get("TopicArn"))
        .startsWith("arn:aws:sns:us-east-1:123456789012:shop-OpsTopic-");
    // the SNS action is reported, the scaling action runs
    assertThat(stack.alarm("CpuHighAlarm").spec().alarmActions()).hasSize(1);
    assertThat(stack.report().unmodelledProperties("CpuHighAlarm"))
        .containsExactly("Properties.AlarmActions[1]");
  }
}
