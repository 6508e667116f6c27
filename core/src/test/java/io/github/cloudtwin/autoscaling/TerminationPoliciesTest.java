package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The predefined termination policies on their own, as "Configure termination policies for Amazon
 * EC2 Auto Scaling" (EC2 Auto Scaling user guide) defines them: which of the candidates in the
 * chosen zone each one picks.
 */
class TerminationPoliciesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static AutoScalingInstance instance(
      String id, String template, String version, Duration uptime) {
    return new AutoScalingInstance(
        id,
        "us-east-1a",
        LifecycleState.IN_SERVICE,
        HealthStatus.HEALTHY,
        false,
        template,
        version,
        NOW.minus(uptime),
        "t3.micro",
        1);
  }

  private static List<String> ids(List<AutoScalingInstance> chosen) {
    return chosen.stream().map(AutoScalingInstance::instanceId).toList();
  }

  private final AutoScalingInstance old = instance("i-old", "lt-web", "2", Duration.ofHours(5));
  private final AutoScalingInstance young =
      instance("i-young", "lt-web", "2", Duration.ofMinutes(10));
  private final AutoScalingInstance middle =
      instance("i-middle", "lt-web", "2", Duration.ofMinutes(95));

  @Test
  void oldestAndNewestInstancePickByLaunchTime() {
    List<AutoScalingInstance> c = List.of(middle, old, young);
    assertThat(ids(TerminationPolicy.OLDEST_INSTANCE.select(c, "lt-web", "2", NOW)))
        .containsExactly("i-old");
    assertThat(ids(TerminationPolicy.NEWEST_INSTANCE.select(c, "lt-web", "2", NOW)))
        .containsExactly("i-young");
  }

  @Test
  void closestToNextInstanceHourPicksTheLeastTimeLeftInTheBillingHour() {
    // 5h00 -> 60 min left, 10 min -> 50 left, 1h35 -> 25 left
    List<AutoScalingInstance> c = List.of(old, young, middle);
    assertThat(ids(TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR.select(c, "lt-web", "2", NOW)))
        .containsExactly("i-middle");
  }

  @Test
  void oldestLaunchTemplatePicksInstancesOfAnotherTemplateFirst() {
    AutoScalingInstance other = instance("i-other", "lt-legacy", "9", Duration.ofMinutes(5));
    List<AutoScalingInstance> c = List.of(old, other, young);
    assertThat(ids(TerminationPolicy.OLDEST_LAUNCH_TEMPLATE.select(c, "lt-web", "2", NOW)))
        .containsExactly("i-other");
  }

  @Test
  void oldestLaunchTemplateThenPicksTheOldestVersionComparedAsNumbers() {
    AutoScalingInstance v9 = instance("i-v9", "lt-web", "9", Duration.ofMinutes(5));
    AutoScalingInstance v10 = instance("i-v10", "lt-web", "10", Duration.ofMinutes(5));
    AutoScalingInstance current = instance("i-v11", "lt-web", "11", Duration.ofMinutes(5));
    List<AutoScalingInstance> c = List.of(v10, current, v9);
    assertThat(ids(TerminationPolicy.OLDEST_LAUNCH_TEMPLATE.select(c, "lt-web", "11", NOW)))
        .containsExactly("i-v9");
  }

  @Test
  void oldestLaunchTemplateKeepsEveryCandidateWhenAllRunTheCurrentVersion() {
    List<AutoScalingInstance> c = List.of(old, young);
    assertThat(ids(TerminationPolicy.OLDEST_LAUNCH_TEMPLATE.select(c, "lt-web", "2", NOW)))
        .containsExactly("i-old", "i-young");
  }

  @Test
  void theDefaultPolicyPrefersAnOldTemplateThenTheNextInstanceHour() {
    AutoScalingInstance v1 = instance("i-v1", "lt-web", "1", Duration.ofMinutes(10));
    assertThat(ids(TerminationPolicy.DEFAULT.select(List.of(old, v1, middle), "lt-web", "2", NOW)))
        .containsExactly("i-v1");
    assertThat(
            ids(TerminationPolicy.DEFAULT.select(List.of(old, young, middle), "lt-web", "2", NOW)))
        .containsExactly("i-middle");
  }
}
