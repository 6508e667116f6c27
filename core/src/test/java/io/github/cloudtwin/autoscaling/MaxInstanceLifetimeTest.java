package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MaxInstanceLifetime: at least one day, instances past it replaced one at a time. */
class MaxInstanceLifetimeTest {

  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void aLifetimeIsZeroOrAtLeastOneDayInWholeSeconds() {
    for (Duration bad :
        List.of(
            Duration.ofSeconds(86_399),
            Duration.ofSeconds(1),
            Duration.ofSeconds(-1),
            Duration.ofMillis(86_400_500))) {
      assertThatThrownBy(() -> group("web", 0, 2, 1).maxInstanceLifetime(bad).build())
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("MaxInstanceLifetime");
                assertThat(e.getMessage())
                    .contains(
                        "either 0 or a number of whole seconds equal to or greater than 86,400 seconds");
              });
    }
    assertThat(
            group("web", 0, 2, 1)
                .maxInstanceLifetime(Duration.ZERO)
                .build()
                .effectiveMaxInstanceLifetime())
        .isNull();
    assertThat(
            group("web", 0, 2, 1).maxInstanceLifetime(DAY).build().effectiveMaxInstanceLifetime())
        .isEqualTo(DAY);
  }

  @Test
  void instancesPastTheirLifetimeAreReplacedOneAtATimeTerminateFirst() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(group("web", 0, 6, 3).maxInstanceLifetime(DAY).build());
      List<String> first = g.instances().stream().map(AutoScalingInstance::instanceId).toList();
      twin.advance(DAY.minusMinutes(1));
      assertThat(twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class))
          .isEmpty();
      int mostTerminating = 0;
      int leastCounting = 3;
      for (int s = 0; s < 15 * 60; s++) {
        twin.advance(Duration.ofSeconds(1));
        mostTerminating =
            Math.max(
                mostTerminating,
                (int)
                    g.instances().stream()
                        .filter(i -> i.lifecycleState().name().startsWith("TERMINATING"))
                        .count());
        leastCounting = Math.min(leastCounting, g.inServiceCount());
      }
      List<TimelineEvent> reached =
          twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class);
      assertThat(reached)
          .hasSize(3)
          .extracting(
              e ->
                  e.fact(AutoScalingFact.MaxInstanceLifetimeReached.class)
                      .orElseThrow()
                      .instanceId())
          .containsExactlyInAnyOrderElementsOf(first);
      assertThat(reached.get(1).time()).isAfter(reached.get(0).time());
      assertThat(reached.get(2).time()).isAfter(reached.get(1).time());
      assertThat(Duration.between(twin.timeline().t0(), reached.get(0).time())).isEqualTo(DAY);
      assertThat(mostTerminating).isEqualTo(1);
      assertThat(leastCounting).isEqualTo(2); // terminate first, then launch: AWS's default order
      assertThat(g.instances())
          .hasSize(3)
          .extracting(AutoScalingInstance::instanceId)
          .doesNotContainAnyElementsOf(first);
      assertThat(g.activities())
          .filteredOn(a -> a.description().startsWith("Terminating"))
          .hasSize(3)
          .allSatisfy(
              a ->
                  assertThat(a.cause())
                      .endsWith(
                          "an instance was taken out of service in response to the maximum instance lifetime of 86400 seconds being reached."));
    }
  }

  @Test
  void aProtectedInstanceIsNotReplacedForItsLifetime() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 2, 1)
                      .maxInstanceLifetime(DAY)
                      .newInstancesProtectedFromScaleIn(true)
                      .build());
      twin.advance(DAY.plusHours(1));
      assertThat(twin.timeline().events(AutoScalingFact.MaxInstanceLifetimeReached.class))
          .isEmpty();
      assertThat(g.instances()).hasSize(1);
    }
  }

  @Test
  void updatingTheSettingsChecksEverythingFirstAndRecordsWhatChanged() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 0, 2, 1).build());
      int before = twin.timeline().size();
      assertThatThrownBy(
              () ->
                  twin.autoScaling()
                      .updateAutoScalingGroupSettings(
                          "web",
                          MixedInstancesPolicy.prioritized(LaunchTemplateOverride.of("c5.large")),
                          true,
                          Duration.ofHours(1)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("MaxInstanceLifetime"));
      assertThat(twin.timeline().size()).isEqualTo(before);
      assertThat(g.spec().mixedInstancesPolicy()).isNull();
      assertThat(g.spec().capacityRebalance()).isFalse();
      twin.autoScaling().updateAutoScalingGroupSettings("web", null, true, DAY);
      assertThat(g.spec().capacityRebalance()).isTrue();
      assertThat(g.spec().maxInstanceLifetime()).isEqualTo(DAY);
      assertThat(twin.timeline().events(AutoScalingFact.GroupSettingsUpdated.class))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(
                          e.fact(AutoScalingFact.GroupSettingsUpdated.class)
                              .orElseThrow()
                              .settings())
                      .containsExactly("CapacityRebalance", "MaxInstanceLifetime"));
      twin.autoScaling().updateAutoScalingGroupSettings("web", null, null, Duration.ZERO);
      assertThat(g.spec().effectiveMaxInstanceLifetime()).isNull();
    }
  }
}
