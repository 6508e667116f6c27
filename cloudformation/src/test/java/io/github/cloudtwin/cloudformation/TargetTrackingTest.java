package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleCondition;
import io.github.cloudtwin.elb.RuleSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Target tracking only: CPU at 50 % and requests per target, in subnets of an existing VPC. */
class TargetTrackingTest {

  static final String LB = Names.generate("api", "ApiLoadBalancer", 32);
  static final String TG = Names.generate("api", "ApiTargets", 32);
  static final String GROUP = Names.generate("api", "ApiGroup", 255);

  static Stack importApi(CloudTwin twin) {
    return StackImport.of(Template.classpath("templates/target-tracking.yaml"))
        .stackName("api")
        .parameter("Subnets", "subnet-0aaa,subnet-0bbb,subnet-0ccc")
        .parameter("VpcId", "vpc-0123")
        .subnet("subnet-0aaa", "us-east-1a")
        .subnet("subnet-0bbb", "us-east-1b")
        .subnet("subnet-0ccc", "us-east-1c")
        .importInto(twin);
  }

  static void buildApi(CloudTwin twin) {
    var lb =
        twin.loadBalancing()
            .createLoadBalancer(
                LoadBalancerSpec.application(LB)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    var tg =
        twin.loadBalancing()
            .createTargetGroup(
                TargetGroupSpec.builder(TG)
                    .protocol(Protocol.HTTP)
                    .port(8080)
                    .healthCheck(HealthCheckSpec.builder().path("/ping").build())
                    .build());
    twin.loadBalancing()
        .createListener(
            ListenerSpec.builder(LB, 80)
                .protocol(Protocol.HTTP)
                .defaultAction(RuleAction.fixedResponse(404, "text/plain", "not here"))
                .rule(
                    new RuleSpec(
                        10,
                        List.of(RuleCondition.pathPattern("/api/*")),
                        new RuleAction(Map.of(TG, 1), 0, null, null)))
                .build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(GROUP)
                .launchTemplate(Names.generate("api", "ApiLaunchTemplate", 128), "1")
                .instanceType("m5.large")
                .detailedMonitoring(true)
                .minSize(2)
                .maxSize(10)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames(TG)
                .defaultInstanceWarmup(ofSeconds(60))
                .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName(Names.generate("api", "CpuTarget", 255))
                .autoScalingGroupName(GROUP)
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName(Names.generate("api", "RequestTarget", 255))
                .autoScalingGroupName(GROUP)
                .predefinedMetric(
                    PredefinedMetricType.ALBRequestCountPerTarget,
                    lb.dimensionValue() + "/" + tg.dimensionValue())
                .targetValue(1000)
                .disableScaleIn(true)
                .build());
  }

  static void ramp(CloudTwin twin) {
    twin.traffic().apply(LB, Request.get("/api/orders"), Workload.ramp(100, 900, ofMinutes(40)));
    twin.advance(ofMinutes(60));
  }

  @Test
  void targetTrackingStackBehavesExactlyLikeTheSameEstateBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importApi(t), TargetTrackingTest::buildApi, TargetTrackingTest::ramp);
    assertThat(twin.autoScaling().group(GROUP).desiredCapacity()).isGreaterThan(2);
    // high and low for the CPU policy; the request policy has DisableScaleIn, so no low alarm
    // (docs/fidelity.md)
    assertThat(twin.cloudWatch().alarms())
        .extracting(a -> a.spec().alarmName())
        .filteredOn(n -> n.contains("-AlarmLow-"))
        .hasSize(1);
    assertThat(twin.cloudWatch().alarms()).hasSize(3);
  }

  @Test
  void theResourceLabelJoinsTheTwinsRealLoadBalancerAndTargetGroupIds() {
    CloudTwin twin = Estates.twin();
    Stack stack = importApi(twin);
    TargetTrackingScalingPolicy policy =
        (TargetTrackingScalingPolicy) stack.scalingPolicy("RequestTarget").spec();
    assertThat(policy.resourceLabel())
        .isEqualTo(
            stack.loadBalancer("ApiLoadBalancer").dimensionValue()
                + "/"
                + stack.targetGroup("ApiTargets").dimensionValue());
    assertThat(policy.resourceLabel()).doesNotContain("0000000000000000");
    assertThat(LB).hasSizeLessThanOrEqualTo(32).startsWith("api-ApiLo");
  }
}
