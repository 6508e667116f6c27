package io.github.cloudtwin.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudtwin.CloudTwin;
import java.util.stream.IntStream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bodies of {@link SmallTwinTests} as plain JUnit tests without the CloudTwin extension: each
 * builds and closes its own twin. {@link SuiteMain} runs both, so that JUnit's own per-invocation
 * cost (discovery, the parameterized invocation, reporting) is told apart from the extension's.
 */
public class PlainJUnitTests {

  /** For JUnit. */
  public PlainJUnitTests() {}

  static IntStream indices() {
    return IntStream.range(0, Integer.getInteger(SmallTwinTests.COUNT, 1000));
  }

  /**
   * One small scaling test, its twin built in the body.
   *
   * @param index which test
   * @param reporter where its digest goes
   */
  @ParameterizedTest
  @MethodSource("indices")
  public void targetTrackingScalesOut(int index, TestReporter reporter) {
    try (CloudTwin twin = CloudTwin.builder().seed(11).build()) {
      int desired = SmallScenario.run(twin);
      assertTrue(
          desired > 2, () -> "desired capacity " + desired + " after 30 minutes at 80 % CPU");
      reporter.publishEntry("digest", SmallScenario.digest(twin));
    }
  }
}
