package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The runner's scenarios: each tells its story, and tells it the same way every time. */
class ScenarioRunnerTest {

  @Test
  void theRunnerKnowsTheSeedAndTheStoryScenarios() {
    assertThat(ScenarioRunner.scenarios().keySet())
        .contains("seed", "zone-outage", "flapping-policy", "ecs-two-layers");
  }

  @Test
  void everyScenarioPrintsAndRecordsTheSameThingTwice() {
    ScenarioRunner.scenarios()
        .forEach(
            (name, scenario) -> {
              String[] first = run(scenario);
              String[] again = run(scenario);
              assertThat(again).as(name).containsExactly(first);
            });
  }

  @Test
  void theZoneOutageEndsBalancedTwoTwoTwo() {
    String out = run(ScenarioRunner.scenarios().get("zone-outage"))[0];
    assertThat(out)
        .contains(
            "+20 min: us-east-1a IMPAIRED  in service 6 {us-east-1a=0, us-east-1b=3, us-east-1c=3}")
        .contains(
            "+60 min: us-east-1a AVAILABLE in service 6 {us-east-1a=2, us-east-1b=2, us-east-1c=2}");
  }

  @Test
  void theFlappingPolicyChangesCapacityTwentyThreeTimesAnHour() {
    // a removed instance's requests in flight end within 20 ms, so it leaves at once (no 300 s
    // drain)
    assertThat(run(ScenarioRunner.scenarios().get("flapping-policy"))[0])
        .contains("policy-driven capacity changes in an hour: 23");
  }

  @Test
  void theTwoLayersScaleInTasksAtFiftyAndInstancesAtSixtyFive() {
    String out = run(ScenarioRunner.scenarios().get("ecs-two-layers"))[0];
    assertThat(out)
        .contains("+50 min: tasks desired  2 running  2, instances desired 5")
        .contains("+65 min: tasks desired  2 running  2, instances desired 3");
  }

  /** The printout and the timeline of one run. */
  private static String[] run(Function<PrintStream, CloudTwin> scenario) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CloudTwin twin = scenario.apply(out)) {
      return new String[] {bytes.toString(StandardCharsets.UTF_8), twin.timeline().text()};
    }
  }
}
