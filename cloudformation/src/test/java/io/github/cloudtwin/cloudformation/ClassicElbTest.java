package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.Test;

/** A Classic Load Balancer in front of a launch-configuration group with simple policies. */
class ClassicElbTest {

  static final String LB = Names.generate("legacy", "LegacyLoadBalancer", 32);
  static final String GROUP = Names.generate("legacy", "WebServerGroup", 255);

  static Stack importLegacy(CloudTwin twin) {
    return StackImport.of(Template.classpath("templates/classic-elb.yaml"))
        .stackName("legacy")
        .importInto(twin);
  }

  static void buildLegacy(CloudTwin twin) {
    String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.classic(LB)
                .availabilityZones(zones)
                .crossZoneEnabled(true)
                .connectionDraining(true, ofSeconds(60))
                .healthCheck(
                    HealthCheckSpec.classicTarget("HTTP:80/")
                        .healthyThresholdCount(3)
                        .unhealthyThresholdCount(5)
                        .interval(ofSeconds(30))
                        .timeout(ofSeconds(5))
                        .build())
                .build());
    twin.loadBalancing()
        .createListener(
            ListenerSpec.builder(LB, 80)
                .protocol(Protocol.HTTP)
                .forwardTo(LB)
                .instancePort(80)
                .build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(GROUP)
                .launchTemplate(Names.generate("legacy", "LaunchConfig", 255), "1")
                .instanceType("t3.medium")
                .minSize(2)
                .maxSize(6)
                .availabilityZones(zones)
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(ofSeconds(300))
                .build());
    twin.autoScaling().attachLoadBalancers(GROUP, LB);
    ScalingPolicy up =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName(Names.generate("legacy", "WebServerScaleUpPolicy", 255))
                    .autoScalingGroupName(GROUP)
                    .scalingAdjustment(1)
                    .cooldown(ofSeconds(60))
                    .build());
    ScalingPolicy down =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName(Names.generate("legacy", "WebServerScaleDownPolicy", 255))
                    .autoScalingGroupName(GROUP)
                    .scalingAdjustment(-1)
                    .cooldown(ofSeconds(60))
                    .build());
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", GROUP);
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(Names.generate("legacy", "CPUAlarmHigh", 255))
                .alarmDescription("Scale-up if CPU > 90% for 10 minutes")
                .metric(cpu)
                .period(ofMinutes(5))
                .evaluationPeriods(2)
                .threshold(90)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(up.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(Names.generate("legacy", "CPUAlarmLow", 255))
                .alarmDescription("Scale-down if CPU < 70% for 10 minutes")
                .metric(cpu)
                .period(ofMinutes(5))
                .evaluationPeriods(2)
                .threshold(70)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(down.asAlarmAction())
                .build());
  }

  static void busyEvening(CloudTwin twin) {
    twin.traffic()
        .apply(LB, Workload.step(100).then(ofMinutes(10), 500).then(ofMinutes(60), 50).build());
    twin.advance(ofMinutes(120));
  }

  @Test
  void classicStackBehavesExactlyLikeTheSameEstateBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importLegacy(t), ClassicElbTest::buildLegacy, ClassicElbTest::busyEvening);
    assertThat(
            Estates.count(
                twin,
                "desired-capacity",
                "triggered policy " + Names.generate("legacy", "WebServerScaleUpPolicy", 255)))
        .isPositive();
  }

  @Test
  void theGroupsInstancesRegisterWithTheClassicLoadBalancerAndTheReportNamesTheNotifications() {
    CloudTwin twin = Estates.twin();
    Stack stack = importLegacy(twin);
    twin.advance(ofMinutes(10));
    assertThat(stack.autoScalingGroup("WebServerGroup").instances())
        .allSatisfy(
            i ->
                assertThat(
                        stack
                            .loadBalancer("LegacyLoadBalancer")
                            .instanceHealth(i.instanceId())
                            .classicState())
                    .isEqualTo("InService"));
    assertThat(stack.output("URL"))
        .startsWith("http://" + LB + "-")
        .endsWith(".us-east-1.elb.amazonaws.com");
    assertThat(stack.report().unmodelledProperties("WebServerGroup"))
        .containsExactly("Properties.NotificationConfigurations");
    assertThat(stack.report().unmodelledProperties("LaunchConfig"))
        .containsExactly("Properties.ImageId", "Properties.SecurityGroups");
    assertThat(stack.report().notSimulated()).containsExactly("NotificationTopic");
  }
}
