package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The runner's scenarios on a stack of the user's own (-Dtemplate). */
class StackScenariosTest {

  private static String[] run(Function<PrintStream, CloudTwin> scenario) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CloudTwin twin = scenario.apply(out)) {
      return new String[] {bytes.toString(StandardCharsets.UTF_8), twin.timeline().text()};
    }
  }

  @Test
  void theZoneOutageRunsOnTheImportedStackAndTheGroupReplacesTheLostInstances() {
    String out = run(ScenarioRunner.scenario("zone-outage", 42, "templates/shop.yaml", "", ""))[0];
    // the lost zone's instances are replaced in b and c (the ELB health checks fail them), and once
    // the zone is back AZRebalance restores 2/2/2
    assertThat(out)
        .containsPattern(
            "\\+00:20:00  us-east-1a IMPAIRED  shop desired \\d+ in service ([6-9]|1[0-2]) \\{us-east-1a=0, us-east-1b=\\d, us-east-1c=\\d\\}");
    assertThat(out)
        .contains(
            "+01:00:00  us-east-1a AVAILABLE  shop desired 6 in service 6 {us-east-1a=2, us-east-1b=2, us-east-1c=2}");
  }

  @Test
  void theSpikeScalesTheImportedGroupOutAndTheSameSeedTellsItTheSameWay() {
    String[] first = run(ScenarioRunner.scenario("spike", 42, "templates/shop.yaml", "Size=3", ""));
    String[] again = run(ScenarioRunner.scenario("spike", 42, "templates/shop.yaml", "Size=3", ""));
    assertThat(again).containsExactly(first);
    assertThat(first[1]).contains("triggered policy shop-CpuTarget-");
  }

  @Test
  void aScenarioThatDoesNotRunOnATemplateIsRefused() {
    assertThat(ScenarioRunner.scenario("flapping-policy", 42, "templates/shop.yaml", "", ""))
        .isNull();
  }
}
