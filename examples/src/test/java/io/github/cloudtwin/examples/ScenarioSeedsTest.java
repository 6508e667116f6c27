package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario run with many different seeds still satisfies the invariants: the timeline is
 * ordered with every cause before its effect, every group stays within [minSize, maxSize], and no
 * instance is launched into a zone that is impaired at that moment.
 */
class ScenarioSeedsTest {

  static final int SEEDS = Integer.getInteger("cloudtwin.scenario.seeds", 50);

  static Stream<Arguments> runs() {
    return ScenarioRunner.scenarios().keySet().stream()
        .flatMap(
            name -> LongStream.rangeClosed(1, SEEDS).mapToObj(seed -> Arguments.of(name, seed)));
  }

  @ParameterizedTest(name = "{0} with seed {1}")
  @MethodSource("runs")
  void invariantsHoldWhateverTheSeed(String name, long seed) {
    try (PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        CloudTwin twin = ScenarioRunner.scenarios(seed).get(name).apply(out)) {
      ScenarioDeterminismTest.checkTimeline(twin);
      for (AutoScalingGroup g : twin.autoScaling().groups()) {
        assertThat(g.desiredCapacity())
            .as("desired of %s", g.name())
            .isBetween(g.minSize(), g.maxSize());
      }
      Set<String> impaired = new HashSet<>();
      for (TimelineEvent e : twin.timeline().events()) {
        if (e.kind().equals("zone-impaired")) impaired.add(e.resourceName());
        if (e.kind().equals("zone-restored")) impaired.remove(e.resourceName());
        if (e.kind().equals("launch") && e.resourceType().equals("instance")) {
          assertThat(impaired)
              .as("zone of %s", e)
              .doesNotContain(e.details().get("availabilityZone"));
        }
      }
    }
  }
}
