package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import io.github.cloudtwin.elb.Request;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** Conformance of CreateRule, ModifyRule, DeleteRule, SetRulePriorities and the ELB deletions. */
class ElbRulesAndDeletionTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(5).build();
  private final ElasticLoadBalancingV2Client elb = AwsSdkClients.of(twin).elasticLoadBalancingV2();
  private String lbArn;
  private String listenerArn;
  private String webTg;
  private String apiTg;

  @BeforeEach
  void estate() {
    lbArn =
        elb.createLoadBalancer(
                r -> r.name("web").subnets(Ids.subnetId("us-east-1a"), Ids.subnetId("us-east-1b")))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    webTg =
        elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80))
            .targetGroups()
            .get(0)
            .targetGroupArn();
    apiTg =
        elb.createTargetGroup(r -> r.name("api").protocol("HTTP").port(8080))
            .targetGroups()
            .get(0)
            .targetGroupArn();
    listenerArn =
        elb.createListener(
                r ->
                    r.loadBalancerArn(lbArn)
                        .port(80)
                        .protocol("HTTP")
                        .defaultActions(a -> a.type("forward").targetGroupArn(webTg)))
            .listeners()
            .get(0)
            .listenerArn();
    for (String tg : List.of(webTg, apiTg)) {
      String id =
          twin.ec2()
              .runInstance(
                  io.github.cloudtwin.ec2.InstanceSpec.builder()
                      .availabilityZone("us-east-1a")
                      .build())
              .instanceId();
      elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(id)));
    }
    twin.advance(Duration.ofMinutes(2));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private Rule createApiRule(int priority, String path) {
    return elb.createRule(
            r ->
                r.listenerArn(listenerArn)
                    .priority(priority)
                    .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values(path)))
                    .actions(a -> a.type("forward").targetGroupArn(apiTg)))
        .rules()
        .get(0);
  }

  private String routedTo(String path) {
    return twin.loadBalancing().send("web", Request.get(path)).targetGroup();
  }

  @Test
  void createRuleAnswersTheRuleWithTheFieldsAwsReturnsAndRoutesItsPath() {
    Rule rule = createApiRule(10, "/api/*");
    assertThat(rule.ruleArn())
        .matches(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/"
                + "[0-9a-f]{16}/[0-9a-f]{16}/[0-9a-f]{16}");
    assertThat(rule.priority()).isEqualTo("10");
    assertThat(rule.isDefault()).isFalse();
    assertThat(rule.conditions().get(0).field()).isEqualTo("path-pattern");
    assertThat(rule.conditions().get(0).pathPatternConfig().values()).containsExactly("/api/*");
    assertThat(rule.actions().get(0).targetGroupArn()).isEqualTo(apiTg);
    assertThat(elb.describeRules(r -> r.listenerArn(listenerArn)).rules())
        .extracting(Rule::priority)
        .containsExactly("10", "default");
    assertThat(elb.describeRules(r -> r.ruleArns(rule.ruleArn())).rules()).containsExactly(rule);

    twin.advance(Duration.ofMinutes(1));
    assertThat(routedTo("/api/x")).isEqualTo("api");
    assertThat(routedTo("/x")).isEqualTo("web");
  }

  @Test
  void invalidRulesFailAsAwsAnswersAndChangeNothing() {
    createApiRule(10, "/api/*");
    assertThatThrownBy(() -> createApiRule(10, "/other"))
        .isInstanceOf(PriorityInUseException.class)
        .hasMessageContaining("Priority '10' is currently in use")
        .satisfies(e -> assertThat(((PriorityInUseException) e).statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> createApiRule(50001, "/other"))
        .isInstanceOf(ElasticLoadBalancingV2Exception.class)
        .satisfies(
            e ->
                assertThat(((ElasticLoadBalancingV2Exception) e).awsErrorDetails().errorCode())
                    .isEqualTo("ValidationError"));
    assertThatThrownBy(
            () ->
                elb.createRule(
                    r ->
                        r.listenerArn(listenerArn)
                            .priority(5)
                            .actions(a -> a.type("forward").targetGroupArn(apiTg))))
        .isInstanceOf(ElasticLoadBalancingV2Exception.class)
        .hasMessageContaining("at least one condition");
    assertThatThrownBy(
            () ->
                elb.createRule(
                    r ->
                        r.listenerArn(listenerArn + "0")
                            .priority(5)
                            .conditions(c -> c.field("path-pattern").values("/x"))
                            .actions(a -> a.type("forward").targetGroupArn(apiTg))))
        .isInstanceOf(ListenerNotFoundException.class);
    assertThat(elb.describeRules(r -> r.listenerArn(listenerArn)).rules()).hasSize(2);
  }

  @Test
  void setRulePrioritiesSwapsRulesAndKeepsTheirArns() {
    Rule a = createApiRule(10, "/a*");
    Rule b =
        elb.createRule(
                r ->
                    r.listenerArn(listenerArn)
                        .priority(20)
                        .conditions(c -> c.field("path-pattern").values("/a/b"))
                        .actions(x -> x.type("forward").targetGroupArn(webTg)))
            .rules()
            .get(0);
    twin.advance(Duration.ofMinutes(1));
    assertThat(routedTo("/a/b")).isEqualTo("api");

    List<Rule> moved =
        elb.setRulePriorities(
                r ->
                    r.rulePriorities(
                        p -> p.ruleArn(a.ruleArn()).priority(20),
                        p -> p.ruleArn(b.ruleArn()).priority(10)))
            .rules();
    assertThat(moved).extracting(Rule::ruleArn).containsExactly(a.ruleArn(), b.ruleArn());
    assertThat(moved).extracting(Rule::priority).containsExactly("20", "10");
    assertThat(routedTo("/a/b")).isEqualTo("web");

    assertThatThrownBy(
            () ->
                elb.setRulePriorities(
                    r -> r.rulePriorities(p -> p.ruleArn(a.ruleArn()).priority(10))))
        .isInstanceOf(PriorityInUseException.class);
    String defaultRule =
        elb.describeRules(r -> r.listenerArn(listenerArn)).rules().get(2).ruleArn();
    assertThatThrownBy(
            () ->
                elb.setRulePriorities(
                    r -> r.rulePriorities(p -> p.ruleArn(defaultRule).priority(5))))
        .isInstanceOf(OperationNotPermittedException.class);
  }

  @Test
  void modifyAndDeleteRuleChangeRoutingAndTheDefaultRuleCannotBeDeleted() {
    Rule rule = createApiRule(10, "/api/*");
    twin.advance(Duration.ofMinutes(1));
    Rule modified =
        elb.modifyRule(
                r ->
                    r.ruleArn(rule.ruleArn())
                        .conditions(c -> c.field("path-pattern").values("/v2/*")))
            .rules()
            .get(0);
    assertThat(modified.ruleArn()).isEqualTo(rule.ruleArn());
    assertThat(modified.actions().get(0).targetGroupArn()).isEqualTo(apiTg);
    assertThat(routedTo("/v2/x")).isEqualTo("api");
    assertThat(routedTo("/api/x")).isEqualTo("web");

    elb.deleteRule(r -> r.ruleArn(rule.ruleArn()));
    assertThat(routedTo("/v2/x")).isEqualTo("web");
    assertThatThrownBy(() -> elb.deleteRule(r -> r.ruleArn(rule.ruleArn())))
        .isInstanceOf(RuleNotFoundException.class);
    String defaultRule =
        elb.describeRules(r -> r.listenerArn(listenerArn)).rules().get(0).ruleArn();
    assertThatThrownBy(() -> elb.deleteRule(r -> r.ruleArn(defaultRule)))
        .isInstanceOf(OperationNotPermittedException.class);
    assertThat(createApiRule(10, "/again").ruleArn()).isNotEqualTo(rule.ruleArn());
  }

  @Test
  void aTargetGroupInUseIsResourceInUseAndDeletingTheListenerFreesIt() {
    assertThatThrownBy(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(webTg)))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessageContaining("currently in use");
    elb.deleteListener(r -> r.listenerArn(listenerArn));
    assertThat(elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners()).isEmpty();
    assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(webTg)).targetHealthDescriptions())
        .allSatisfy(
            d -> {
              assertThat(d.targetHealth().state()).isEqualTo(TargetHealthStateEnum.UNUSED);
              assertThat(d.targetHealth().reasonAsString()).isEqualTo("Target.NotInUse");
            });
    elb.deleteTargetGroup(r -> r.targetGroupArn(webTg));
    assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(null)).targetGroups())
        .extracting(t -> t.targetGroupName())
        .containsExactly("api");
    elb.deleteTargetGroup(r -> r.targetGroupArn(webTg)); // already deleted: succeeds, as AWS
    assertThatThrownBy(() -> elb.deleteListener(r -> r.listenerArn(listenerArn)))
        .isInstanceOf(ListenerNotFoundException.class);
  }

  @Test
  void deletingTheLoadBalancerRemovesItAndItsListenersAndSucceedsAgain() {
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(lbArn));
    assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    assertThatThrownBy(() -> elb.describeListeners(r -> r.listenerArns(listenerArn)))
        .isInstanceOf(ListenerNotFoundException.class);
    assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(webTg)).targetHealthDescriptions())
        .hasSize(1)
        .allSatisfy(
            d -> assertThat(d.targetHealth().reasonAsString()).isEqualTo("Target.NotInUse"));
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(lbArn));
    elb.deleteTargetGroup(r -> r.targetGroupArn(webTg));
    assertThat(twin.timeline().events())
        .anyMatch(e -> e.resource().equals("lb/web") && e.kind().equals("delete"));
  }
}
