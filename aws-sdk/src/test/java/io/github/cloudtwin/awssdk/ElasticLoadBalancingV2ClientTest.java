package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** Conformance of {@code ElasticLoadBalancingV2Client}, and its waiters on virtual time. */
class ElasticLoadBalancingV2ClientTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(5).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final ElasticLoadBalancingV2Client elb = sdk.elasticLoadBalancingV2();

  @AfterEach
  void close() {
    twin.close();
  }

  private LoadBalancer createAlb() {
    return elb.createLoadBalancer(
            r ->
                r.name("web")
                    .type("application")
                    .subnets(Ids.subnetId("us-east-1a"), Ids.subnetId("us-east-1b")))
        .loadBalancers()
        .get(0);
  }

  private TargetGroup createTargetGroup() {
    return elb.createTargetGroup(
            r ->
                r.name("web-tg")
                    .protocol("HTTP")
                    .port(80)
                    .vpcId("vpc-1")
                    .healthCheckPath("/health")
                    .healthCheckIntervalSeconds(10)
                    .healthyThresholdCount(2))
        .targetGroups()
        .get(0);
  }

  private List<String> instances(int n) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(
          twin.ec2()
              .runInstance(
                  io.github.cloudtwin.ec2.InstanceSpec.builder()
                      .availabilityZone(i % 2 == 0 ? "us-east-1a" : "us-east-1b")
                      .build())
              .instanceId());
    }
    twin.advance(Duration.ofMinutes(1));
    return ids;
  }

  @Test
  void createdLoadBalancerIsDescribedWithTheFieldsAwsAlwaysReturns() {
    LoadBalancer created = createAlb();
    LoadBalancer lb = elb.describeLoadBalancers(r -> r.names("web")).loadBalancers().get(0);

    assertThat(lb).isEqualTo(created);
    assertThat(lb.loadBalancerArn())
        .matches(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/[0-9a-f]{16}");
    assertThat(lb.loadBalancerArn())
        .endsWith(twin.loadBalancing().loadBalancer("web").dimensionValue());
    assertThat(lb.dnsName()).matches("web-[0-9]+\\.us-east-1\\.elb\\.amazonaws\\.com");
    assertThat(lb.state().codeAsString()).isEqualTo("active");
    assertThat(lb.typeAsString()).isEqualTo("application");
    assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
    assertThat(lb.createdTime()).isEqualTo(CloudTwin.DEFAULT_START);
    assertThat(lb.availabilityZones())
        .extracting(z -> z.zoneName())
        .containsExactly("us-east-1a", "us-east-1b");
    assertThat(lb.availabilityZones())
        .extracting(z -> z.subnetId())
        .containsExactly(Ids.subnetId("us-east-1a"), Ids.subnetId("us-east-1b"));
  }

  @Test
  void anApplicationLoadBalancerInOneZoneIsAValidationError() {
    assertThatThrownBy(
            () -> elb.createLoadBalancer(r -> r.name("web").subnets(Ids.subnetId("us-east-1a"))))
        .isInstanceOfSatisfying(
            ElasticLoadBalancingV2Exception.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.getMessage())
                  .contains(
                      "At least two subnets in two different Availability Zones must be specified");
            });
    assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
  }

  @Test
  void unknownLoadBalancersAndTargetGroupsAreNotFound() {
    assertThatThrownBy(() -> elb.describeLoadBalancers(r -> r.names("nope")))
        .isInstanceOfSatisfying(
            LoadBalancerNotFoundException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound");
              assertThat(e.statusCode()).isEqualTo(400);
            });
    assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.names("nope")))
        .isInstanceOfSatisfying(
            TargetGroupNotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
  }

  @Test
  void targetGroupsAreIdempotentByNameAndSettingsAndDescribeTheirHealthCheck() {
    TargetGroup tg = createTargetGroup();
    assertThat(createTargetGroup().targetGroupArn()).isEqualTo(tg.targetGroupArn());
    assertThatThrownBy(
            () -> elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080)))
        .isInstanceOf(DuplicateTargetGroupNameException.class);

    assertThat(tg.targetGroupArn())
        .matches(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/[0-9a-f]{16}");
    assertThat(tg.protocolAsString()).isEqualTo("HTTP");
    assertThat(tg.port()).isEqualTo(80);
    assertThat(tg.healthCheckPath()).isEqualTo("/health");
    assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(10);
    assertThat(tg.healthyThresholdCount()).isEqualTo(2);
    assertThat(tg.healthCheckPort()).isEqualTo("traffic-port");
    assertThat(tg.targetTypeAsString()).isEqualTo("instance");
    assertThat(tg.matcher().httpCode()).isEqualTo("200");
    assertThat(
            elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn()))
                .attributes())
        .anySatisfy(
            a -> {
              assertThat(a.key()).isEqualTo("deregistration_delay.timeout_seconds");
              assertThat(a.value()).isEqualTo("300");
            });
  }

  @Test
  void listenersForwardToTheTargetGroupAndRulesEndWithTheDefault() {
    LoadBalancer lb = createAlb();
    TargetGroup tg = createTargetGroup();
    var listener =
        elb.createListener(
                r ->
                    r.loadBalancerArn(lb.loadBalancerArn())
                        .port(80)
                        .protocol("HTTP")
                        .defaultActions(
                            Action.builder()
                                .type("forward")
                                .targetGroupArn(tg.targetGroupArn())
                                .build()))
            .listeners()
            .get(0);

    assertThat(listener.listenerArn())
        .startsWith("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/");
    assertThat(elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.port()).isEqualTo(80);
              assertThat(l.defaultActions().get(0).targetGroupArn()).isEqualTo(tg.targetGroupArn());
            });
    assertThat(elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.isDefault()).isTrue();
              assertThat(rule.priority()).isEqualTo("default");
            });
    assertThat(
            elb.describeTargetGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                .targetGroups()
                .get(0)
                .loadBalancerArns())
        .containsExactly(lb.loadBalancerArn());
  }

  @Test
  void waitUntilTargetInServiceAdvancesVirtualTimeInsteadOfSleeping() {
    LoadBalancer lb = createAlb();
    TargetGroup tg = createTargetGroup();
    elb.createListener(
        r ->
            r.loadBalancerArn(lb.loadBalancerArn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(
                    Action.builder().type("forward").targetGroupArn(tg.targetGroupArn()).build()));
    List<String> ids = instances(2);
    elb.registerTargets(
        r ->
            r.targetGroupArn(tg.targetGroupArn())
                .targets(
                    ids.stream().map(id -> TargetDescription.builder().id(id).build()).toList()));

    List<TargetHealthDescription> initial =
        elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
            .targetHealthDescriptions();
    assertThat(initial)
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.targetHealth().state()).isEqualTo(TargetHealthStateEnum.INITIAL);
              assertThat(d.targetHealth().reasonAsString()).isEqualTo("Elb.RegistrationInProgress");
            });

    Instant before = twin.now();
    long wallStart = System.nanoTime();
    var response =
        elb.waiter().waitUntilTargetInService(r -> r.targetGroupArn(tg.targetGroupArn()));
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;

    assertThat(response.matched().response())
        .hasValueSatisfying(
            h ->
                assertThat(h.targetHealthDescriptions())
                    .allSatisfy(
                        d ->
                            assertThat(d.targetHealth().state())
                                .isEqualTo(TargetHealthStateEnum.HEALTHY)));
    assertThat(response.attemptsExecuted()).isGreaterThan(1);
    assertThat(Duration.between(before, twin.now()))
        .isEqualTo(Duration.ofSeconds(15L * (response.attemptsExecuted() - 1)));
    assertThat(wallMillis)
        .as("a virtual wait of %s", Duration.between(before, twin.now()))
        .isLessThan(5_000);
  }

  @Test
  void aDeregisteredTargetDrainsAndTheDeregisteredWaiterSeesItUnused() {
    TargetGroup tg = createTargetGroup();
    LoadBalancer lb = createAlb();
    elb.createListener(
        r ->
            r.loadBalancerArn(lb.loadBalancerArn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(
                    Action.builder().type("forward").targetGroupArn(tg.targetGroupArn()).build()));
    List<String> ids = instances(1);
    elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ids.get(0))));
    elb.waiter().waitUntilTargetInService(r -> r.targetGroupArn(tg.targetGroupArn()));

    elb.deregisterTargets(
        r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ids.get(0))));
    var deregistered =
        elb.waiter()
            .waitUntilTargetDeregistered(
                r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ids.get(0))));
    assertThat(
            deregistered
                .matched()
                .response()
                .orElseThrow()
                .targetHealthDescriptions()
                .get(0)
                .targetHealth()
                .state())
        .isEqualTo(TargetHealthStateEnum.UNUSED);
    assertThat(
            elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                .targetHealthDescriptions())
        .isEmpty();
    assertThat(
            elb.describeTargetHealth(
                    r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ids.get(0))))
                .targetHealthDescriptions()
                .get(0)
                .targetHealth()
                .reasonAsString())
        .isEqualTo("Target.NotRegistered");
  }

  @Test
  void aWaiterThatNeverMatchesGivesUpAfterItsAttemptsOnVirtualTime() {
    TargetGroup tg = createTargetGroup();
    List<String> ids = instances(1);
    elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ids.get(0))));
    Instant before = twin.now();

    assertThatThrownBy(
            () -> elb.waiter().waitUntilTargetInService(r -> r.targetGroupArn(tg.targetGroupArn())))
        .isInstanceOf(SdkClientException.class)
        .hasMessageContaining("exceeded the max retry attempts: 40");
    assertThat(Duration.between(before, twin.now())).isEqualTo(Duration.ofSeconds(15 * 39));
  }

  @Test
  void registeringAnUnknownInstanceIsInvalidTarget() {
    TargetGroup tg = createTargetGroup();
    assertThatThrownBy(
            () ->
                elb.registerTargets(
                    r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id("i-0nope"))))
        .isInstanceOfSatisfying(
            InvalidTargetException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTarget"));
  }

  @Test
  void theAsyncWaiterAnswersACompletedFuture() {
    TargetGroup tg = createTargetGroup();
    LoadBalancer lb = createAlb();
    elb.createListener(
        r ->
            r.loadBalancerArn(lb.loadBalancerArn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(
                    Action.builder().type("forward").targetGroupArn(tg.targetGroupArn()).build()));
    List<String> ids = instances(1);
    var async = sdk.elasticLoadBalancingV2Async();
    async
        .registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ids.get(0))))
        .join();

    var future =
        async.waiter().waitUntilTargetInService(r -> r.targetGroupArn(tg.targetGroupArn()));
    assertThat(future).isCompleted();
    assertThat(future.join().matched().response()).isPresent();
  }
}
