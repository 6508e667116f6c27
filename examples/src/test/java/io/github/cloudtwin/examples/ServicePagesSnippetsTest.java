package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The code shown on the service pages (docs/autoscaling.md, cloudwatch.md, ecs.md), compiled and
 * run.
 */
@CloudTwinTest
class ServicePagesSnippetsTest {

  @Test
  void autoScalingPage(CloudTwin twin) {
    // tag::autoscaling-page[]
    AutoScaling as = twin.autoScaling();
    AutoScalingGroup web =
        as.createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(2)
                .maxSize(10)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    ScalingPolicy out =
        as.putScalingPolicy(
            SimpleScalingPolicy.builder()
                .policyName("scale-out")
                .autoScalingGroupName("web")
                .scalingAdjustment(2)
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(Duration.ofMinutes(5))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    // end::autoscaling-page[]
    twin.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web").constant(95));
    twin.advance(Duration.ofMinutes(10));
    assertThat(web.desiredCapacity()).isEqualTo(5);
  }

  @Test
  void cloudWatchPage(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(1)
                .maxSize(1)
                .availabilityZones("us-east-1a")
                .detailedMonitoring(true)
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(3)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
    // tag::cloudwatch-page[]
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(Duration.ofMinutes(2), Duration.ofMinutes(12))
                .constant(90));
    // end::cloudwatch-page[]
    twin.advance(Duration.ofMinutes(5));
    assertThat(twin.cloudWatch().alarm("cpu-high").state()).isEqualTo(AlarmState.ALARM);
  }

  @Test
  void ecsPage(CloudTwin twin) {
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web-asg")
                .instanceType("m5.xlarge")
                .minSize(3)
                .maxSize(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    // tag::ecs-page[]
    Ecs ecs = twin.ecs();
    ecs.createCluster("prod");
    ecs.linkAutoScalingGroup("prod", "web-asg"); // agents on the group's instances register
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .cpu(512)
            .memory(1024)
            .container(ContainerDefinition.builder("app", "nginx:1.27").portMapping(80).build())
            .build());
    EcsService web =
        ecs.createService(
            ServiceSpec.builder("prod", "web", "web")
                .desiredCount(6)
                .loadBalancer("web-tg", "app", 80)
                .build());
    twin.applicationAutoScaling()
        .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 2, 20));
    twin.applicationAutoScaling()
        .putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50",
                "service/prod/web",
                PredefinedMetricType.ECSServiceAverageCPUUtilization,
                50));
    ecs.inProcessRuntime().setRequestRate("prod", "web", 3000); // offered load, spread over tasks
    // end::ecs-page[]
    twin.advance(Duration.ofMinutes(10));
    // 3000 requests/s on 6 tasks of 512 CPU units is far above 100 %: target tracking adds tasks
    assertThat(web.desiredCount()).isGreaterThan(6);
  }
}
