package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What the extension reads once per test class (settings, setup methods, fields) gives every test
 * of the class what reading it per test gave: a {@code @Nested} class still reads its own, and a
 * misconfigured class fails in each of its tests, not only in the first.
 */
class ClassPlanTest {

  @Test
  void aBadSetupMethodFailsEveryTestOfTheClassWithTheSameMessage() {
    EngineExecutionResults r = Kit.run(BadSetupTwice.class);
    r.testEvents().assertStatistics(s -> s.started(2).failed(2));
    assertThat(
            r.testEvents().failed().stream()
                .map(
                    e ->
                        e.getRequiredPayload(TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow()
                            .getMessage()))
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "@CloudTwinSetup method BadSetupTwice.setup(Clock) must take exactly one"
                            + " parameter"));
  }

  @Test
  void aNestedClassWithItsOwnSettingsGetsThemWhileTheOuterTestsKeepTheirs() {
    EngineExecutionResults r = Kit.run(OuterWithOwnSettings.class);
    r.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
    assertThat(Kit.entries(r, "seed")).containsExactly("3", "3", "5", "5");
  }

  @Fixture
  @CloudTwinTest
  static class BadSetupTwice {
    @CloudTwinSetup
    static void setup(Clock clock) {}

    @Test
    void first() {}

    @Test
    void second() {}
  }

  @Fixture
  @CloudTwinTest(seed = 3)
  static class OuterWithOwnSettings {
    @FromTwin CloudTwin outerTwin;

    @Test
    void a(CloudTwin twin, TestReporter reporter) {
      reporter.publishEntry("seed", Long.toString(twin.seed()));
    }

    @Test
    void b(CloudTwin twin, TestReporter reporter) {
      reporter.publishEntry("seed", Long.toString(twin.seed()));
    }

    @Nested
    @CloudTwinTest(seed = 5)
    class Inner {
      @Test
      void c(CloudTwin twin, TestReporter reporter) {
        assertThat(outerTwin).isSameAs(twin);
        reporter.publishEntry("seed", Long.toString(twin.seed()));
      }

      @Test
      void d(CloudTwin twin, TestReporter reporter) {
        reporter.publishEntry("seed", Long.toString(twin.seed()));
      }
    }
  }
}
