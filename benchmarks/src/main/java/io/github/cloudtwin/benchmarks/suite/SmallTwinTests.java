package io.github.cloudtwin.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small test {@link SuiteMain} runs many of: one {@code @CloudTwinTest} method per index, each
 * with its own twin: a group of two (detailed monitoring) behind target tracking at 50 % CPU, CPU
 * injected at 80 % for 30 minutes, the scale-out asserted. It publishes its timeline's digest so
 * the runner can check that parallel runs give every twin the timeline a sequential run gives it.
 */
@CloudTwinTest(seed = 11)
public class SmallTwinTests {

  /** The property naming how many tests run (1,000 by default). */
  public static final String COUNT = "cloudtwin.suite.tests";

  /** For JUnit. */
  public SmallTwinTests() {}

  static IntStream indices() {
    return IntStream.range(0, Integer.getInteger(COUNT, 1000));
  }

  /**
   * One small scaling test.
   *
   * @param index which test
   * @param twin its twin
   * @param reporter where its digest goes
   */
  @ParameterizedTest
  @MethodSource("indices")
  public void targetTrackingScalesOut(int index, CloudTwin twin, TestReporter reporter) {
    int desired = SmallScenario.run(twin);
    assertTrue(desired > 2, () -> "desired capacity " + desired + " after 30 minutes at 80 % CPU");
    reporter.publishEntry("digest", SmallScenario.digest(twin));
  }
}
