package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.traffic.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A template as the CDK synthesizes it (hashed logical ids, aws:cdk:path metadata, the bootstrap
 * version parameter and rule, CDKMetadata), handed over as the map {@code
 * Template.fromStack(stack).toJSON()} returns.
 */
class CdkTemplateTest {

  static final String LB = Names.generate("WebStack", "AlbC5A9F5B1", 32);
  static final String TG = Names.generate("WebStack", "AlbHttpWebGroup2C1D8B0F", 32);
  static final String GROUP = Names.generate("WebStack", "WebAsgASG4D014670", 255);

  /** What a CDK unit test has in hand: the synthesized template as a Map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toJson() {
    try (InputStream in = CdkTemplateTest.class.getResourceAsStream("/templates/cdk-web.json")) {
      return new ObjectMapper().readValue(in, Map.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Stack importCdk(CloudTwin twin) {
    return StackImport.of(Template.fromMap("WebStack", toJson()))
        .stackName("WebStack")
        .ssmParameter(
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64", "ami-0abc")
        .ssmParameter("/cdk-bootstrap/hnb659fds/version", "21")
        .importInto(twin);
  }

  static void buildCdk(CloudTwin twin) {
    var lb =
        twin.loadBalancing()
            .createLoadBalancer(
                LoadBalancerSpec.application(LB)
                    .availabilityZones("us-east-1a", "us-east-1b")
                    .build());
    var tg =
        twin.loadBalancing()
            .createTargetGroup(
                TargetGroupSpec.builder(TG)
                    .protocol(Protocol.HTTP)
                    .port(80)
                    .targetType(TargetType.INSTANCE)
                    .build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(GROUP)
                .launchTemplate(
                    Names.generate("WebStack", "WebAsgLaunchTemplate8B0A7C3E", 128), "1")
                .instanceType("t3.small")
                .minSize(2)
                .maxSize(6)
                .availabilityZones("us-east-1a", "us-east-1b")
                .targetGroupNames(TG)
                .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName(Names.generate("WebStack", "WebAsgScalingPolicyCpu5F1E2A3B", 255))
                .autoScalingGroupName(GROUP)
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder(LB, 80).protocol(Protocol.HTTP).forwardTo(TG).build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName(Names.generate("WebStack", "WebAsgScalingPolicyRequests3E9D1C2A", 255))
                .autoScalingGroupName(GROUP)
                .predefinedMetric(
                    PredefinedMetricType.ALBRequestCountPerTarget,
                    lb.dimensionValue() + "/" + tg.dimensionValue())
                .targetValue(600)
                .build());
  }

  static void launchDay(CloudTwin twin) {
    twin.traffic().apply(LB, Workload.step(5).then(ofMinutes(10), 40).build());
    twin.advance(ofMinutes(45));
  }

  @Test
  void cdkSynthesizedStackBehavesExactlyLikeTheSameEstateBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importCdk(t), CdkTemplateTest::buildCdk, CdkTemplateTest::launchDay);
    assertThat(twin.autoScaling().group(GROUP).desiredCapacity()).isGreaterThan(2);
  }

  @Test
  void hashedLogicalIdsResolveAndTheCdkScaffoldingIsReportedNotFatal() {
    Stack stack = importCdk(Estates.twin());
    assertThat(stack.autoScalingGroup("WebAsgASG4D014670").spec().minSize())
        .isEqualTo(2); // "2" in CDK's JSON
    assertThat(stack.report().notSimulated())
        .contains("CDKMetadata", "VpcIGWD7BA715C", "WebAsgInstanceRoleE4B4AD6C");
    assertThat(stack.report().entries(ImportReport.Kind.NOTE))
        .anySatisfy(e -> assertThat(e.logicalId()).isEqualTo("CheckBootstrapVersion"));
    // CDK's request-count label: pieces of the listener ARN joined with the target group's full
    // name
    TargetTrackingScalingPolicy requests =
        (TargetTrackingScalingPolicy)
            stack.scalingPolicy("WebAsgScalingPolicyRequests3E9D1C2A").spec();
    assertThat(requests.resourceLabel())
        .isEqualTo(
            stack.loadBalancer("AlbC5A9F5B1").dimensionValue()
                + "/"
                + stack.targetGroup("AlbHttpWebGroup2C1D8B0F").dimensionValue());
    assertThat(stack.output("AlbDns")).startsWith(LB + "-");
  }
}
