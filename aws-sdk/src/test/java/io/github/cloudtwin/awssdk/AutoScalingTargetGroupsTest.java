package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.LoadBalancerTargetGroupState;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceState;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** Conformance of Attach/Detach/DescribeLoadBalancerTargetGroups and the traffic-source forms. */
class AutoScalingTargetGroupsTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(11).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();
  private final ElasticLoadBalancingV2Client elb = sdk.elasticLoadBalancingV2();
  private String tg;

  @BeforeEach
  void estate() {
    String lb =
        elb.createLoadBalancer(
                r -> r.name("web").subnets(Ids.subnetId("us-east-1a"), Ids.subnetId("us-east-1b")))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    tg =
        elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80))
            .targetGroups()
            .get(0)
            .targetGroupArn();
    elb.createListener(
        r ->
            r.loadBalancerArn(lb)
                .port(80)
                .protocol("HTTP")
                .defaultActions(a -> a.type("forward").targetGroupArn(tg)));
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("asg")
                .launchTemplate(l -> l.launchTemplateName("web-lt"))
                .minSize(2)
                .maxSize(4)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .healthCheckType("ELB"));
    twin.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private List<String> registered() {
    return elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().stream()
        .map(TargetHealthDescription::target)
        .map(t -> t.id())
        .sorted()
        .toList();
  }

  private List<String> members() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("asg"))
        .autoScalingGroups()
        .get(0)
        .instances()
        .stream()
        .map(i -> i.instanceId())
        .sorted()
        .toList();
  }

  @Test
  void attachRegistersTheGroupsInstancesAndDescribeShowsTheTargetGroupAddedThenInService() {
    autoScaling.attachLoadBalancerTargetGroups(
        r -> r.autoScalingGroupName("asg").targetGroupARNs(tg));
    assertThat(registered()).isEqualTo(members()).hasSize(2);
    assertThat(
            autoScaling
                .describeLoadBalancerTargetGroups(r -> r.autoScalingGroupName("asg"))
                .loadBalancerTargetGroups())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.loadBalancerTargetGroupARN()).isEqualTo(tg);
              assertThat(s.state()).isEqualTo("Added");
            });
    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("asg"))
                .autoScalingGroups()
                .get(0)
                .targetGroupARNs())
        .containsExactly(tg);

    twin.advance(Duration.ofMinutes(2));
    assertThat(
            autoScaling
                .describeLoadBalancerTargetGroups(r -> r.autoScalingGroupName("asg"))
                .loadBalancerTargetGroups())
        .extracting(LoadBalancerTargetGroupState::state)
        .containsExactly("InService");
    assertThat(
            autoScaling.describeTrafficSources(r -> r.autoScalingGroupName("asg")).trafficSources())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.identifier()).isEqualTo(tg);
              assertThat(t.type()).isEqualTo("elbv2");
              assertThat(t.state()).isEqualTo("InService");
            });
  }

  @Test
  void detachDeregistersWithDrainingWhileTheTargetGroupIsRemoving() {
    autoScaling.attachTrafficSources(
        r -> r.autoScalingGroupName("asg").trafficSources(t -> t.identifier(tg).type("elbv2")));
    twin.advance(Duration.ofMinutes(2));
    twin.loadBalancing().send("web"); // one request in flight: that target drains
    autoScaling.detachTrafficSources(
        r -> r.autoScalingGroupName("asg").trafficSources(t -> t.identifier(tg)));
    assertThat(
            autoScaling.describeTrafficSources(r -> r.autoScalingGroupName("asg")).trafficSources())
        .extracting(TrafficSourceState::state)
        .containsExactly("Removing");
    assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions())
        .anySatisfy(
            d ->
                assertThat(d.targetHealth().reasonAsString())
                    .isEqualTo("Target.DeregistrationInProgress"));

    twin.advance(Duration.ofSeconds(301)); // the default deregistration delay
    assertThat(
            autoScaling
                .describeLoadBalancerTargetGroups(r -> r.autoScalingGroupName("asg"))
                .loadBalancerTargetGroups())
        .isEmpty();
    assertThat(registered()).isEmpty();
    assertThat(members()).hasSize(2);
  }

  @Test
  void invalidRequestsAreValidationErrorsAndAttachNothing() {
    assertThatThrownBy(
            () ->
                autoScaling.attachLoadBalancerTargetGroups(
                    r -> r.autoScalingGroupName("asg").targetGroupARNs(tg, tg + "0")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("Provided Target Groups may not be valid")
        .satisfies(
            e ->
                assertThat(((AutoScalingException) e).awsErrorDetails().errorCode())
                    .isEqualTo("ValidationError"));
    assertThatThrownBy(
            () -> autoScaling.attachLoadBalancerTargetGroups(r -> r.autoScalingGroupName("asg")))
        .isInstanceOf(AutoScalingException.class);
    assertThatThrownBy(
            () ->
                autoScaling.attachLoadBalancerTargetGroups(
                    r -> r.autoScalingGroupName("nope").targetGroupARNs(tg)))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("not found");
    assertThatThrownBy(
            () ->
                autoScaling.attachTrafficSources(
                    r ->
                        r.autoScalingGroupName("asg")
                            .trafficSources(
                                t -> t.identifier("arn:aws:vpc-lattice:x").type("vpc-lattice"))))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("vpc-lattice");
    assertThat(registered()).isEmpty();
    assertThat(
            autoScaling
                .describeLoadBalancerTargetGroups(r -> r.autoScalingGroupName("asg"))
                .loadBalancerTargetGroups())
        .isEmpty();
  }
}
