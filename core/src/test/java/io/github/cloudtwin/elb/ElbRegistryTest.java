package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry's lookups and the order in which it lists target groups (metrics and routing follow
 * it).
 */
class ElbRegistryTest {

  private final ElbRegistry registry = new ElbRegistry();

  /** The structure tests below never check health, so the groups need no running twin. */
  private final TargetGroupContext noTwin = new TargetGroupContext(null, null, null, null);

  private TgState group(String name) {
    TargetGroupSpec spec = TargetGroupSpec.builder(name).build();
    TgState g =
        new TgState(
            noTwin,
            spec,
            spec.healthCheck(),
            spec.loadBalancerType(),
            spec.deregistrationDelay(),
            "targetgroup/" + name);
    registry.tgs.put(name, g);
    return g;
  }

  private LbState alb(String name) {
    LbState lb =
        new LbState(
            LoadBalancerSpec.application(name)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build(),
            "app/" + name,
            null);
    registry.lbs.put(name, lb);
    return lb;
  }

  @Test
  void aGroupForwardedToFromSeveralPlacesIsListedOnceInListenerThenRuleOrder() {
    TgState web = group("web");
    TgState api = group("api");
    TgState admin = group("admin");
    LbState lb = alb("front");
    lb.listeners.put(
        443,
        new ListenerSpec(
            "front",
            443,
            Protocol.HTTPS,
            RuleAction.forward("web"),
            List.of(
                RuleSpec.of(
                    10, RuleCondition.pathPattern("/admin/*"), RuleAction.forward("admin")))));
    lb.listeners.put(
        80,
        new ListenerSpec(
            "front",
            80,
            Protocol.HTTP,
            RuleAction.forward("api"),
            List.of(
                RuleSpec.of(5, RuleCondition.pathPattern("/web/*"), RuleAction.forward("web")),
                RuleSpec.of(
                    6, RuleCondition.pathPattern("/gone/*"), RuleAction.forward("deleted")))));

    assertThat(registry.groupsOf(lb))
        .as("port 80 first, then 443; a deleted group is skipped")
        .containsExactly(api, web, admin);
  }

  @Test
  void theGroupsOfClassicLoadBalancersComeAfterTheTargetGroups() {
    TgState web = group("web");
    TargetGroupSpec classicSpec =
        TargetGroupSpec.builder("legacy").deregistrationDelay(Duration.ZERO).build();
    TgState legacyGroup =
        new TgState(
            noTwin,
            classicSpec,
            classicSpec.healthCheck(),
            LoadBalancerType.CLASSIC,
            Duration.ZERO,
            "legacy");
    LbState legacy =
        new LbState(
            LoadBalancerSpec.classic("legacy").availabilityZones("us-east-1a").build(),
            "legacy",
            legacyGroup);
    registry.lbs.put("legacy", legacy);
    alb("front");
    TgState api = group("api");

    assertThat(registry.allGroups()).containsExactly(web, api, legacyGroup);
    assertThat(registry.groupsOf(legacy)).containsExactly(legacyGroup);
    assertThat(registry.classicGroup("legacy")).isSameAs(legacyGroup);
    assertThatThrownBy(() -> registry.classicGroup("front"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("LoadBalancerName")
        .hasMessageContaining("a Classic Load Balancer");
  }

  @Test
  void anUnknownNameIsRefusedInAwsWordsNamingTheKnownOnes() {
    group("web");
    alb("front");
    registry.targets.put("i-2", new TargetRuntime("i-2", "us-east-1a", null));
    registry.targets.put("i-1", new TargetRuntime("i-1", "us-east-1b", null));

    assertThatThrownBy(() -> registry.lb("back"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("LoadBalancerNotFound")
        .hasMessageContaining("[front]");
    assertThatThrownBy(() -> registry.tg("api"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("TargetGroupNotFound")
        .hasMessageContaining("[web]");
    assertThatThrownBy(() -> registry.target("i-3"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("targetId")
        .hasMessageContaining("[i-1, i-2]");
    assertThat(registry.target("i-1").zone).isEqualTo("us-east-1b");
  }
}
