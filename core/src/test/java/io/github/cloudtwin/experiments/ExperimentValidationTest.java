package io.github.cloudtwin.experiments;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Bad experiments are refused before anything runs, naming the field, the value and what is
 * allowed.
 */
class ExperimentValidationTest {

  static final FaultAction ZONE_A = new FaultAction.ZonePowerInterruption("us-east-1a");

  @Test
  void durationsMustBePositiveAndWithinTheScenario() {
    assertThatThrownBy(
            () -> Experiment.builder("x").action("a", ZONE_A, ofMinutes(1), Duration.ZERO).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("actions[a].duration")
        .hasMessageContaining("more than zero");
    assertThatThrownBy(
            () -> Experiment.builder("x").action("a", ZONE_A, ofMinutes(1), ofMinutes(-5)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("actions[a].duration");
    assertThatThrownBy(
            () ->
                Experiment.builder("x")
                    .action("a", ZONE_A, ofMinutes(1), ofMinutes(30))
                    .runFor(ofMinutes(20))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("actions[a].duration")
        .hasMessageContaining("an action that ends within the experiment's PT20M");
    assertThatThrownBy(
            () ->
                Experiment.builder("x")
                    .action(
                        "kill",
                        new FaultAction.TerminateInstances("web", Selection.count(1)),
                        ofMinutes(30))
                    .runFor(ofMinutes(20))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid value PT30M for actions[kill].startAfter: an action that happens within the experiment's PT20M");
    assertThatThrownBy(
            () -> Experiment.builder("x").action("a", ZONE_A, ofMinutes(-1), ofMinutes(3)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("actions[a].startAfter");
    assertThatThrownBy(() -> Experiment.builder("x").action("a", ZONE_A, ofMinutes(1)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a duration for AZ Availability: Power Interruption");
    assertThatThrownBy(
            () ->
                Experiment.builder("x")
                    .action(
                        "kill",
                        new FaultAction.TerminateInstances("web", Selection.percent(50)),
                        ofMinutes(1),
                        ofMinutes(2))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("happens at one instant");
    assertThatThrownBy(() -> Experiment.builder("x").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one action");
    assertThatThrownBy(
            () ->
                Experiment.builder("x")
                    .action("a", ZONE_A, ofMinutes(1), ofMinutes(2))
                    .runFor(ofMinutes(0))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runFor");
  }

  @Test
  void overlappingActionsOfOneKindOnOneTargetAreContradictory() {
    assertThatThrownBy(
            () ->
                Experiment.builder("x")
                    .action("first", ZONE_A, ofMinutes(1), ofMinutes(10))
                    .action("second", ZONE_A, ofMinutes(5), ofMinutes(10))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("actions[second]")
        .hasMessageContaining("no overlap with action first");
    // back to back is fine, and so are two kinds of fault on one zone
    Experiment ok =
        Experiment.builder("x")
            .action("first", ZONE_A, ofMinutes(1), ofMinutes(10))
            .action("second", ZONE_A, ofMinutes(11), ofMinutes(10))
            .action(
                "slow",
                new FaultAction.NetworkLatency("us-east-1a", Duration.ofMillis(100)),
                ofMinutes(1),
                ofMinutes(10))
            .build();
    assertThat(ok.runFor()).isEqualTo(ofMinutes(36));
    assertThatThrownBy(
            () ->
                Experiment.builder("x")
                    .action("a", ZONE_A, ofMinutes(1), ofMinutes(1))
                    .action("a", ZONE_A, ofMinutes(5), ofMinutes(1))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("each action name once");
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> Selection.percent(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PERCENT(0)");
    assertThatThrownBy(() -> Selection.count(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("COUNT(0)");
    assertThatThrownBy(() -> new FaultAction.CpuStress("web", Selection.all(), 150))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("LoadPercent");
    assertThatThrownBy(() -> new FaultAction.PacketLoss("us-east-1a", 0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new FaultAction.NetworkLatency("us-east-1a", Duration.ZERO))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new FaultAction.TrafficSurge("web", 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("factor");
  }

  @Test
  void unknownTargetsAndStopConditionsAreRefusedBeforeAnythingRuns() {
    try (CloudTwin twin = WebTier.create(9, false)) {
      int events = twin.timeline().events().size();
      Instant now = twin.now();
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action("zone", ZONE_A, ofMinutes(1), ofMinutes(5))
                              .action(
                                  "kill",
                                  new FaultAction.TerminateInstances("api", Selection.count(1)),
                                  ofMinutes(2))
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("actions[kill].target")
          .hasMessageContaining("group/api")
          .hasMessageContaining("[web]");
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action(
                                  "zone",
                                  new FaultAction.ZonePowerInterruption("us-east-1f"),
                                  ofMinutes(1),
                                  ofMinutes(5))
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("zone/us-east-1f");
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action("zone", ZONE_A, ofMinutes(1), ofMinutes(5))
                              .stopCondition("no-such-alarm")
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("stopConditions")
          .hasMessageContaining("no-such-alarm");
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action(
                                  "tasks",
                                  new FaultAction.StopTasks("prod", "api", Selection.percent(50)),
                                  ofMinutes(1))
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("service/prod/api");
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action(
                                  "checks",
                                  new FaultAction.FailHealthChecks("api-tg"),
                                  ofMinutes(1),
                                  ofMinutes(2))
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("target-group/api-tg");
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action(
                                  "surge",
                                  new FaultAction.TrafficSurge("api", 2),
                                  ofMinutes(1),
                                  ofMinutes(2))
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("actions[surge].target")
          .hasMessageContaining("traffic/api")
          .hasMessageContaining("a load balancer of the twin [web]");
      assertThatThrownBy(
              () ->
                  twin.experiments()
                      .run(
                          Experiment.builder("x")
                              .action(
                                  "spot",
                                  new FaultAction.SendSpotInstanceInterruptions(
                                      "api", Selection.percent(30), ofMinutes(2)),
                                  ofMinutes(1))
                              .build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("actions[spot].target")
          .hasMessageContaining("group/api");
      assertThat(twin.timeline().events()).hasSize(events);
      assertThat(twin.now()).isEqualTo(now);
    }
  }
}
