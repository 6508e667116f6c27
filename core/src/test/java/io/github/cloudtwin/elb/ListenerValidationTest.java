package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a listener may hold on each type of load balancer, checked before anything changes: the
 * protocol, rules and fixed responses (Application only), one target group per action (Network,
 * Classic), target groups of the right kind, a Classic listener forwarding to its own instances.
 */
class ListenerValidationTest {

  private final ElbRegistry registry = new ElbRegistry();
  private final LbState alb =
      lb(
          LoadBalancerSpec.application("app").availabilityZones("us-east-1a", "us-east-1b").build(),
          null);
  private final LbState nlb =
      lb(LoadBalancerSpec.network("net").availabilityZones("us-east-1a").build(), null);

  ListenerValidationTest() {
    group(TargetGroupSpec.builder("web").build());
    group(TargetGroupSpec.builder("api").build());
    group(TargetGroupSpec.builder("tcp").protocol(Protocol.TCP).build());
    group(TargetGroupSpec.builder("tcp2").protocol(Protocol.TCP).build());
  }

  private void group(TargetGroupSpec spec) {
    registry.tgs.put(
        spec.name(),
        new TgState(
            new TargetGroupContext(null, null, null, null),
            spec,
            spec.healthCheck(),
            spec.loadBalancerType(),
            spec.deregistrationDelay(),
            "targetgroup/" + spec.name()));
  }

  private LbState lb(LoadBalancerSpec spec, TgState classicGroup) {
    LbState lb = new LbState(spec, spec.name(), classicGroup);
    registry.lbs.put(spec.name(), lb);
    return lb;
  }

  private static ListenerSpec listener(
      String lb, Protocol protocol, RuleAction defaultAction, RuleSpec... rules) {
    return new ListenerSpec(lb, 80, protocol, defaultAction, List.of(rules));
  }

  private void refusedNew(LbState lb, ListenerSpec spec, String field, String allowed) {
    assertThatThrownBy(() -> ListenerValidation.checkNewListener(registry, lb, spec))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(allowed)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo(field);
  }

  @Test
  void eachTypeOfLoadBalancerTakesOnlyItsOwnProtocols() {
    refusedNew(
        alb,
        listener("app", Protocol.TCP, RuleAction.forward("web")),
        "Protocol",
        "HTTP or HTTPS for an Application Load Balancer");
    refusedNew(
        nlb,
        listener("net", Protocol.HTTP, RuleAction.forward("tcp")),
        "Protocol",
        "TCP, TLS, UDP or TCP_UDP for a Network Load Balancer");
    assertThatCode(
            () ->
                ListenerValidation.checkNewListener(
                    registry, nlb, listener("net", Protocol.TCP, RuleAction.forward("tcp"))))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyApplicationLoadBalancersHaveRulesAndFixedResponses() {
    RuleSpec rule = RuleSpec.of(1, RuleCondition.pathPattern("/a/*"), RuleAction.forward("tcp"));
    refusedNew(
        nlb,
        listener("net", Protocol.TCP, RuleAction.forward("tcp"), rule),
        "Rules",
        "no rules: only Application Load Balancer listeners have rules");
    assertThatThrownBy(
            () ->
                ListenerValidation.checkReplacement(
                    registry, nlb, listener("net", Protocol.TCP, RuleAction.forward("tcp"), rule)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("only those have rules")
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("ListenerArn");
    refusedNew(
        nlb,
        listener("net", Protocol.TCP, RuleAction.fixedResponse(503, "text/plain", "down")),
        "DefaultActions",
        "forward (fixed responses are for Application Load Balancers)");
    assertThatCode(
            () ->
                ListenerValidation.checkNewListener(
                    registry,
                    alb,
                    listener(
                        "app",
                        Protocol.HTTP,
                        RuleAction.fixedResponse(503, "text/plain", "down"),
                        RuleSpec.of(
                            1,
                            RuleCondition.pathPattern("/a/*"),
                            RuleAction.forward("web", 1, "api", 1)))))
        .doesNotThrowAnyException();
  }

  @Test
  void aNetworkLoadBalancerForwardsToOneTargetGroupOfItsKind() {
    refusedNew(
        nlb,
        listener("net", Protocol.TCP, RuleAction.forward("tcp", 1, "tcp2", 1)),
        "ForwardConfig.TargetGroups",
        "one target group");
    refusedNew(
        nlb,
        listener("net", Protocol.TCP, RuleAction.forward("web")),
        "TargetGroupArn",
        "a target group whose protocol suits a network load balancer (it is HTTP)");
    refusedNew(
        nlb,
        listener("net", Protocol.TCP, RuleAction.forward("missing")),
        "TargetGroupName",
        "the name of a target group of this twin");
  }

  @Test
  void aClassicListenerForwardsOnlyToItsOwnInstances() {
    LbState classic =
        lb(LoadBalancerSpec.classic("old").availabilityZones("us-east-1a").build(), null);
    assertThatCode(
            () ->
                ListenerValidation.checkNewListener(
                    registry,
                    classic,
                    new ListenerSpec(
                        "old", 80, Protocol.HTTP, RuleAction.forward("old"), List.of(), 8080)))
        .doesNotThrowAnyException();
    refusedNew(
        classic,
        listener("old", Protocol.HTTP, RuleAction.forward("web")),
        "TargetGroupArn",
        "the Classic Load Balancer's own name old (instances register with it)");
    refusedNew(
        alb,
        new ListenerSpec("app", 80, Protocol.HTTP, RuleAction.forward("web"), List.of(), 8080),
        "InstancePort",
        "only Classic Load Balancer listeners have one");
  }
}
