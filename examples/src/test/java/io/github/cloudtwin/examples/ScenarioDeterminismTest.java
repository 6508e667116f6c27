package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario the runner knows, run 1,000 times: the timeline text and everything the scenario
 * printed are byte-identical each time, and the timeline is ordered by virtual time with every
 * cause existing before the event it caused.
 */
class ScenarioDeterminismTest {

  static final int RUNS = Integer.getInteger("cloudtwin.determinism.runs", 1_000);

  static Stream<Arguments> scenarios() {
    return ScenarioRunner.scenarios().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  record Run(String timeline, String printed) {}

  static Run run(Function<PrintStream, CloudTwin> scenario) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CloudTwin twin = scenario.apply(out)) {
      checkTimeline(twin);
      return new Run(twin.timeline().text(), bytes.toString(StandardCharsets.UTF_8));
    }
  }

  static void checkTimeline(CloudTwin twin) {
    List<TimelineEvent> events = twin.timeline().events();
    for (int k = 0; k < events.size(); k++) {
      TimelineEvent e = events.get(k);
      if (k > 0)
        assertThat(e.time()).as("order of %s", e).isAfterOrEqualTo(events.get(k - 1).time());
      if (e.causeId() != 0) {
        assertThat(e.causeId()).as("cause of %s", e).isLessThan(e.id());
        TimelineEvent cause = twin.timeline().event(e.causeId());
        assertThat(cause).as("cause of %s", e).isNotNull();
        assertThat(cause.time()).as("cause of %s", e).isBeforeOrEqualTo(e.time());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void sameSeedSameBytesEveryTime(String name, Function<PrintStream, CloudTwin> scenario) {
    Run first = run(scenario);
    assertThat(first.timeline()).as("scenario %s records something", name).isNotBlank();
    for (int k = 1; k < RUNS; k++) {
      Run again = run(scenario);
      if (!again.equals(first)) {
        assertThat(again.timeline())
            .as("timeline of run %d of %s", k + 1, name)
            .isEqualTo(first.timeline());
        assertThat(again.printed())
            .as("output of run %d of %s", k + 1, name)
            .isEqualTo(first.printed());
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theRunnerKnowsScenarios() {
    Map<String, Function<PrintStream, CloudTwin>> all = ScenarioRunner.scenarios();
    assertThat(all).isNotEmpty();
  }
}
