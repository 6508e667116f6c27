package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * With {@code PER_CLASS}, test methods that JUnit runs concurrently would share one twin: the
 * second one to start fails fast, saying why and what to do (issue 13, item 8). Run one at a time,
 * the same methods pass.
 */
class PerClassConcurrencyTest {

  static final Map<String, String> PARALLEL =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "2");

  /**
   * Counted down by each method of {@link Shared} once it runs; each waits (bounded) for the other.
   */
  static volatile CountDownLatch bothRunning;

  @Test
  void concurrentMethodsSharingAPerClassTwinFailFastWithAnExplanation() {
    bothRunning = new CountDownLatch(2);
    EngineExecutionResults r = Kit.run(PARALLEL, Shared.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .contains("started while")
        .contains("both use the one PER_CLASS twin of Shared")
        .contains("@Execution(ExecutionMode.SAME_THREAD)")
        .contains("TwinLifecycle.PER_METHOD");
  }

  @Test
  void theSameMethodsOneAtATimeShareTheTwinWithoutComplaint() {
    bothRunning = new CountDownLatch(2);
    EngineExecutionResults r = Kit.run(PARALLEL, SharedSameThread.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
  }

  @Fixture
  @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS)
  @Execution(ExecutionMode.CONCURRENT)
  static class Shared {
    @Test
    void one(CloudTwin twin) throws InterruptedException {
      overlap(twin);
    }

    @Test
    void two(CloudTwin twin) throws InterruptedException {
      overlap(twin);
    }
  }

  @Fixture
  @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS)
  @Execution(ExecutionMode.SAME_THREAD)
  static class SharedSameThread {
    @Test
    void one(CloudTwin twin) throws InterruptedException {
      overlap(twin);
    }

    @Test
    void two(CloudTwin twin) throws InterruptedException {
      overlap(twin);
    }
  }

  /** Holds the twin until the other method runs too (at most 3 s), advancing it meanwhile. */
  static void overlap(CloudTwin twin) throws InterruptedException {
    bothRunning.countDown();
    twin.advance(Duration.ofMinutes(1));
    bothRunning.await(3, TimeUnit.SECONDS);
  }
}
