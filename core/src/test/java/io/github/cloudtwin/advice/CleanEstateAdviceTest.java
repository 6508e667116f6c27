package io.github.cloudtwin.advice;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A well-configured estate that touches every rule gets no finding, before and while it runs. */
class CleanEstateAdviceTest {

  @Test
  void aWellConfiguredEstateGetsNoFindingBeforeAndWhileItRuns() {
    try (CloudTwin twin = CloudTwin.create()) {
      // a web tier: three zones, ELB health checks with a grace period covering the start, target
      // tracking
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("web")
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .build());
      twin.loadBalancing()
          .createTargetGroup(
              TargetGroupSpec.builder("web-tg")
                  .port(80)
                  .healthCheck(HealthCheckSpec.builder().path("/").build())
                  .build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
      twin.loadBalancing().setApplicationStartTime("web-tg", ofMinutes(1));
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .instanceType("m5.large")
                  .minSize(3)
                  .maxSize(12)
                  .desiredCapacity(6)
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .targetGroupNames("web-tg")
                  .detailedMonitoring(true)
                  .healthCheckType(HealthCheckType.ELB)
                  .healthCheckGracePeriod(ofMinutes(5))
                  .defaultInstanceWarmup(ofMinutes(5))
                  .build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu-50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());

      // a worker tier: step scaling on detailed CPU with thresholds wide apart, no load balancer
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("worker")
                  .instanceType("c5.large")
                  .minSize(2)
                  .maxSize(10)
                  .desiredCapacity(4)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .detailedMonitoring(true)
                  .build());
      ScalingPolicy out =
          twin.autoScaling()
              .putScalingPolicy(
                  StepScalingPolicy.builder()
                      .policyName("worker-out")
                      .autoScalingGroupName("worker")
                      .step(0.0, null, 1)
                      .build());
      ScalingPolicy in =
          twin.autoScaling()
              .putScalingPolicy(
                  StepScalingPolicy.builder()
                      .policyName("worker-in")
                      .autoScalingGroupName("worker")
                      .step(null, 0.0, -1)
                      .build());
      MetricId workerCpu =
          MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "worker");
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("worker-busy")
                  .metric(workerCpu)
                  .period(ofMinutes(1))
                  .evaluationPeriods(3)
                  .threshold(75)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .alarmActions(out.asAlarmAction())
                  .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("worker-idle")
                  .metric(workerCpu)
                  .period(ofMinutes(1))
                  .evaluationPeriods(15)
                  .threshold(30)
                  .comparisonOperator(ComparisonOperator.LessThanThreshold)
                  .alarmActions(in.asAlarmAction())
                  .build());
      // a scale-in alarm on requests that counts silence as low traffic
      MetricId requests =
          MetricId.of(
              "AWS/ApplicationELB",
              "RequestCount",
              "LoadBalancer",
              twin.loadBalancing().loadBalancer("web").dimensionValue());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("web-quiet")
                  .metric(requests)
                  .statistic(Statistic.SUM)
                  .period(ofMinutes(1))
                  .evaluationPeriods(15)
                  .threshold(60)
                  .treatMissingData(TreatMissingData.breaching)
                  .comparisonOperator(ComparisonOperator.LessThanThreshold)
                  .alarmActions(in.asAlarmAction())
                  .build());

      // an ECS service whose deployments may stop one old task first
      twin.ecs().createCluster("prod");
      List<Instance> hosts = new ArrayList<>();
      for (String z : new String[] {"a", "b"}) {
        hosts.add(
            twin.ec2()
                .runInstance(
                    InstanceSpec.builder()
                        .instanceType("m5.xlarge")
                        .availabilityZone("us-east-1" + z)
                        .build()));
      }
      twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
      for (Instance i : hosts) twin.ecs().registerContainerInstance("prod", i.instanceId());
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("api")
                  .container(
                      ContainerDefinition.builder("app", "nginx:1.27")
                          .cpu(1024)
                          .memory(512)
                          .portMapping(8080)
                          .build())
                  .build());
      twin.ecs()
          .createService(
              ServiceSpec.builder("prod", "api", "api:1")
                  .desiredCount(4)
                  .deploymentConfiguration(50, 200)
                  .build());

      assertThat(twin.advice().findings()).as(twin.advice().text()).isEmpty();

      twin.traffic().apply("web", Workload.constant(300));
      twin.advance(
          ofMinutes(30)); // targets registered and answering: the health check is probed too
      assertThat(twin.loadBalancing().targetHealths("web-tg")).isNotEmpty();
      assertThat(twin.advice().findings()).as(twin.advice().text()).isEmpty();
      assertThat(twin.advice().text()).isEqualTo("No findings.");
    }
  }

  @Test
  void adviceReadsOnlyAndRuleIdsAreValidated() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("solo")
                  .minSize(1)
                  .maxSize(1)
                  .availabilityZones("us-east-1a")
                  .build());
      twin.advance(ofSeconds(40));
      int events = twin.timeline().events().size();
      java.time.Instant now = twin.now();
      Advice advice = twin.advice();
      assertThat(advice.findings())
          .extracting(Finding::rule)
          .containsExactly(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS);
      assertThat(advice.text())
          .startsWith("CRITICAL cannot-survive-zone-loss [group/solo]")
          .contains("See https://docs.aws.amazon.com/");
      assertThat(twin.timeline().events()).hasSize(events);
      assertThat(twin.now()).isEqualTo(now);
      assertThat(AdviceRule.ofId("flapping-thresholds")).isEqualTo(AdviceRule.FLAPPING_THRESHOLDS);
      assertThatThrownBy(() -> AdviceRule.ofId("flappy"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("flappy")
          .hasMessageContaining("flapping-thresholds");
    }
  }
}
