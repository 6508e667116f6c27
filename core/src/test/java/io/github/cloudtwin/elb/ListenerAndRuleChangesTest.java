package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules added, changed and removed after their listener (CreateRule, ModifyRule, DeleteRule,
 * SetRulePriorities), and deleting listeners, load balancers and target groups.
 */
class ListenerAndRuleChangesTest {

  /**
   * The fixture's ALB "web" (HTTP:80 to "tg", three healthy instances) plus a second group "api"
   * with one healthy instance.
   */
  private static ElbFixture withApiGroup() {
    ElbFixture f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 1);
    f.elb.createTargetGroup(TargetGroupSpec.builder("api").build());
    String id =
        f.twin
            .ec2()
            .runInstance(
                io.github.cloudtwin.ec2.InstanceSpec.builder()
                    .availabilityZone(ElbFixture.A)
                    .build())
            .instanceId();
    f.elb.registerTargets("api", id);
    return f;
  }

  private static String groupOf(ElbFixture f, String path) {
    return f.elb.send("web", Request.get(path)).targetGroup();
  }

  @Test
  void aRuleCreatedOnAnExistingListenerRoutesItsPathToItsTargetGroup() {
    ElbFixture f = withApiGroup();
    try (ElbFixture.Closer c = f.twinCloser()) {
      assertThat(c.fixture).isSameAs(f);
      assertThat(f.elb.targetGroup("api").targetHealth().values())
          .allMatch(h -> "Target.NotInUse".equals(h.reasonCode()));
      f.elb.createRule(
          "web",
          80,
          RuleSpec.of(10, RuleCondition.pathPattern("/api/*"), RuleAction.forward("api")));
      f.twin.advance(Duration.ofMinutes(1));

      assertThat(groupOf(f, "/api/orders")).isEqualTo("api");
      assertThat(groupOf(f, "/")).isEqualTo("tg");
      assertThat(f.elb.loadBalancer("web").listeners().get(0).rules())
          .extracting(RuleSpec::priority)
          .containsExactly(10);
      assertThat(f.twin.timeline().events())
          .anyMatch(
              e ->
                  e.resource().equals("lb/web")
                      && e.kind().equals("rule")
                      && e.message().contains("created rule priority 10"));
    }
  }

  @Test
  void aPriorityAlreadyUsedOnTheListenerIsPriorityInUseAndNothingChanges() {
    ElbFixture f = withApiGroup();
    try (ElbFixture.Closer c = f.twinCloser()) {
      assertThat(c.fixture).isSameAs(f);
      f.elb.createRule(
          "web",
          80,
          RuleSpec.of(10, RuleCondition.pathPattern("/api/*"), RuleAction.forward("api")));
      int events = f.twin.timeline().size();
      assertThatThrownBy(
              () ->
                  f.elb.createRule(
                      "web",
                      80,
                      RuleSpec.of(10, RuleCondition.pathPattern("/x"), RuleAction.forward("tg"))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("PriorityInUse");
      assertThatThrownBy(
              () ->
                  f.elb.createRule(
                      "web",
                      81,
                      RuleSpec.of(11, RuleCondition.pathPattern("/x"), RuleAction.forward("tg"))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("ListenerNotFound");
      assertThatThrownBy(
              () ->
                  f.elb.createRule(
                      "web",
                      80,
                      RuleSpec.of(11, RuleCondition.pathPattern("/x"), RuleAction.forward("nope"))))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("TargetGroupNotFound");
      assertThat(f.twin.timeline().size()).isEqualTo(events);
      assertThat(f.elb.loadBalancer("web").listeners().get(0).rules()).hasSize(1);
    }
  }

  @Test
  void setRulePrioritiesSwapsTwoRulesAtOnceAndRefusesADuplicate() {
    ElbFixture f = withApiGroup();
    try (ElbFixture.Closer c = f.twinCloser()) {
      assertThat(c.fixture).isSameAs(f);
      f.elb.createRule(
          "web", 80, RuleSpec.of(10, RuleCondition.pathPattern("/a*"), RuleAction.forward("api")));
      f.elb.createRule(
          "web", 80, RuleSpec.of(20, RuleCondition.pathPattern("/a/b"), RuleAction.forward("tg")));
      f.twin.advance(Duration.ofMinutes(1));
      assertThat(groupOf(f, "/a/b")).isEqualTo("api");

      f.elb.setRulePriorities("web", 80, Map.of(10, 20, 20, 10));
      assertThat(groupOf(f, "/a/b")).isEqualTo("tg");
      assertThat(groupOf(f, "/abc")).isEqualTo("api");

      assertThatThrownBy(() -> f.elb.setRulePriorities("web", 80, Map.of(10, 20)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("PriorityInUse");
      assertThatThrownBy(() -> f.elb.setRulePriorities("web", 80, Map.of(30, 40)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("RuleNotFound");
      assertThat(groupOf(f, "/a/b")).isEqualTo("tg");
    }
  }

  @Test
  void modifyAndDeleteRuleChangeRoutingAndATargetGroupNoRuleUsesBecomesUnused() {
    ElbFixture f = withApiGroup();
    try (ElbFixture.Closer c = f.twinCloser()) {
      assertThat(c.fixture).isSameAs(f);
      f.elb.createRule(
          "web",
          80,
          RuleSpec.of(10, RuleCondition.pathPattern("/api/*"), RuleAction.forward("api")));
      f.twin.advance(Duration.ofMinutes(1));
      f.elb.modifyRule(
          "web",
          80,
          new RuleSpec(10, List.of(RuleCondition.pathPattern("/v2/*")), RuleAction.forward("api")));
      assertThat(groupOf(f, "/api/x")).isEqualTo("tg");
      assertThat(groupOf(f, "/v2/x")).isEqualTo("api");

      f.elb.deleteRule("web", 80, 10);
      assertThat(groupOf(f, "/v2/x")).isEqualTo("tg");
      assertThat(f.elb.targetGroup("api").targetHealth().values())
          .allMatch(
              h ->
                  h.state() == TargetHealthState.UNUSED
                      && "Target.NotInUse".equals(h.reasonCode()));
      assertThatThrownBy(() -> f.elb.deleteRule("web", 80, 10))
          .hasMessageContaining("RuleNotFound");
    }
  }

  @Test
  void aTargetGroupAListenerForwardsToIsResourceInUseUntilTheListenerIsDeleted() {
    ElbFixture f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1);
    try (ElbFixture.Closer c = f.twinCloser()) {
      assertThat(c.fixture).isSameAs(f);
      int events = f.twin.timeline().size();
      assertThatThrownBy(() -> f.elb.deleteTargetGroup("tg"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("ResourceInUse");
      assertThat(f.twin.timeline().size()).isEqualTo(events);

      f.elb.deleteListener("web", 80);
      assertThat(f.elb.loadBalancer("web").listenerPorts()).isEmpty();
      assertThat(f.elb.targetGroup("tg").targetHealth().values())
          .allMatch(
              h ->
                  h.state() == TargetHealthState.UNUSED
                      && "Target.NotInUse".equals(h.reasonCode()));
      assertThatThrownBy(() -> f.elb.send("web")).isInstanceOf(ValidationException.class);

      f.elb.deleteTargetGroup("tg");
      assertThat(f.elb.targetGroups()).isEmpty();
      assertThat(f.all()).noneMatch(id -> f.elb.target(id).isRegistered());
      assertThat(f.twin.timeline().events())
          .anyMatch(e -> e.resource().equals("target-group/tg") && e.kind().equals("delete"));
      assertThatThrownBy(() -> f.elb.deleteListener("web", 80))
          .hasMessageContaining("ListenerNotFound");
    }
  }

  @Test
  void deletingALoadBalancerRemovesItsListenersAndLeavesItsTargetsRegisteredButUnused() {
    ElbFixture f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1);
    try (ElbFixture.Closer c = f.twinCloser()) {
      assertThat(c.fixture).isSameAs(f);
      f.elb.deleteLoadBalancer("web");
      assertThat(f.elb.loadBalancers()).isEmpty();
      assertThat(f.all()).allMatch(id -> f.elb.target(id).isRegistered());
      assertThat(f.elb.targetGroup("tg").targetHealth().values())
          .allMatch(
              h ->
                  h.state() == TargetHealthState.UNUSED
                      && "Target.NotInUse".equals(h.reasonCode()));
      TimelineEvent deleted =
          f.twin.timeline().events().stream()
              .filter(e -> e.resource().equals("lb/web") && e.kind().equals("delete"))
              .findFirst()
              .orElseThrow();
      assertThat(deleted.message()).contains("1 listener(s)");
      f.twin.advance(
          Duration.ofMinutes(5)); // no health checks, metrics or routing for the deleted one
      assertThat(f.elb.targetGroup("tg").targetHealth().values())
          .allMatch(h -> h.state() == TargetHealthState.UNUSED);
      f.elb.deleteTargetGroup("tg");
      assertThatThrownBy(() -> f.elb.deleteLoadBalancer("web"))
          .hasMessageContaining("LoadBalancerNotFound");
    }
  }
}
