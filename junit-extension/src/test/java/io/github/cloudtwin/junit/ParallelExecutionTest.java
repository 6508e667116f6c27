package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Eight test classes run concurrently (classes and methods) through the Jupiter engine, twenty
 * times: every test sees only its own twin, and every twin's timeline equals the one a standalone
 * twin with the same seed produces.
 */
class ParallelExecutionTest {

  static final Map<String, String> PARALLEL =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

  @RepeatedTest(20)
  void eightClassesInParallelDoNotInterfere() {
    EngineExecutionResults r =
        Kit.run(
            PARALLEL, C1.class, C2.class, C3.class, C4.class, C5.class, C6.class, C7.class,
            C8.class);
    r.testEvents().assertStatistics(s -> s.started(8 * 3).succeeded(8 * 3).failed(0));
    r.containerEvents().assertStatistics(s -> s.failed(0));
    assertThat(Kit.entries(r, "thread")).hasSize(8);
    assertThat(new java.util.TreeSet<>(Kit.entries(r, "thread")))
        .as("distinct worker threads")
        .hasSizeGreaterThan(1);
  }

  @Test
  void theScenarioIsDeterministic() {
    assertEquals(
        scenario(CloudTwin.builder().seed(3).build()),
        scenario(CloudTwin.builder().seed(3).build()));
  }

  /** Launches, alarms, an outage; returns the timeline text. */
  static String scenario(CloudTwin twin) {
    try {
      MetricId load = MetricId.of("App", "Load");
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("load")
                  .metric(load)
                  .threshold(70)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .evaluationPeriods(2)
                  .build());
      for (String zone : twin.config().zoneNames()) {
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .availabilityZone(zone)
                    .detailedMonitoring(true)
                    .idleCpuUtilization(5 + twin.seed())
                    .build());
      }
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(load)
                  .between(Duration.ZERO, Duration.ofMinutes(20))
                  .ramp(0, 100 + twin.seed()));
      twin.faults()
          .zoneOutage(
              twin.config().zoneNames().get(0), Duration.ofMinutes(5), Duration.ofMinutes(7));
      twin.advance(Duration.ofMinutes(30));
      return twin.timeline().text();
    } finally {
      twin.close();
    }
  }

  abstract static class Base {
    @FromTwin CloudTwin field;

    @Test
    void timelineEqualsAStandaloneTwinsWithTheSameSeed(CloudTwin twin) {
      assertSame(field, twin);
      assertEquals(0, twin.timeline().size());
      String text = scenario(twin);
      assertEquals(
          scenario(
              CloudTwin.builder()
                  .seed(twin.seed())
                  .availabilityZones(twin.availabilityZones().size())
                  .build()),
          text);
    }

    @Test
    void virtualTimeIsOwnedByTheTest(CloudTwin twin, TestReporter reporter) {
      reporter.publishEntry("thread", Thread.currentThread().getName());
      for (int i = 1; i <= 50; i++) {
        twin.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(i), twin.elapsed());
        Thread.yield();
      }
    }

    @Test
    void resourcesAreOwnedByTheTest(CloudTwin twin) {
      for (int i = 0; i < 20; i++) {
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .availabilityZone(
                        twin.config().zoneNames().get(i % twin.availabilityZones().size()))
                    .build());
        assertEquals(i + 1, twin.ec2().instances().size());
        Thread.yield();
      }
    }
  }

  @Fixture
  @CloudTwinTest(seed = 1)
  static class C1 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 2, availabilityZones = 2)
  static class C2 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 3)
  static class C3 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 4, availabilityZones = 1)
  static class C4 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 5)
  static class C5 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 6, availabilityZones = 2)
  static class C6 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 7)
  static class C7 extends Base {}

  @Fixture
  @CloudTwinTest(seed = 8, availabilityZones = 1)
  static class C8 extends Base {}
}
