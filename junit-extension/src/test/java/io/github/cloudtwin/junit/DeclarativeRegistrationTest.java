package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.faults.Faults;
import io.github.cloudtwin.kernel.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @CloudTwinTest}: injection of each type, settings, isolation and closing. */
class DeclarativeRegistrationTest {

  @Test
  void injectsEveryTypeIntoParametersAndFieldsFromTheSameTwin() {
    EngineExecutionResults r = Kit.run(Injection.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void appliesTheAnnotationsSettings() {
    EngineExecutionResults r = Kit.run(Settings.class);
    r.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(Kit.entries(r, "twin"))
        .containsExactly(
            "CloudTwin[eu-west-1, zones [eu-west-1a, eu-west-1b], seed 7, at 2030-05-01T12:00:00Z]");
  }

  @Test
  void givesEveryTestAFreshTwinAndClosesItAfterTheTest() {
    EngineExecutionResults r = Kit.run(Isolation.class);
    r.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    r.containerEvents().assertStatistics(s -> s.failed(0));
  }

  @Test
  void runsSetupMethodsOnEveryTwinBuilderFirst() {
    EngineExecutionResults r = Kit.run(Setup.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  // ------------------------------------------------------------------ fixtures

  @Fixture
  @CloudTwinTest
  static class Injection {
    @FromTwin CloudTwin twinField;
    @FromTwin Clock clockField;
    @FromTwin Timeline timelineField;
    @FromTwin TwinReport reportField;

    @Test
    void parameters(
        CloudTwin twin,
        Clock clock,
        Timeline timeline,
        CloudWatch cloudWatch,
        Ec2 ec2,
        Faults faults,
        TwinReport report) {
      assertSame(twin, twinField);
      assertSame(twin.timeline(), timeline);
      assertSame(twin.timeline(), timelineField);
      assertSame(twin.cloudWatch(), cloudWatch);
      assertSame(twin.ec2(), ec2);
      assertSame(twin.faults(), faults);
      assertSame(reportField, report);
      twin.advance(Duration.ofMinutes(3));
      assertEquals(twin.now(), clock.instant());
      assertEquals(twin.now(), clockField.instant());
    }

    @Test
    void beforeEachSeesTheSameTwin(CloudTwin twin) {
      assertSame(twinField, twin);
    }
  }

  @Fixture
  @CloudTwinTest(
      seed = 7,
      region = "eu-west-1",
      availabilityZones = 2,
      start = "2030-05-01T12:00:00Z")
  static class Settings {
    @Test
    void settings(CloudTwin twin, TestReporter reporter) {
      reporter.publishEntry("twin", twin.toString());
    }
  }

  @Fixture
  @CloudTwinTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Isolation {
    private final List<CloudTwin> seen = new ArrayList<>();

    @BeforeEach
    void freshTwin(CloudTwin twin) {
      assertEquals(CloudTwin.DEFAULT_START, twin.now());
      assertEquals(0, twin.timeline().size());
      assertTrue(twin.ec2().instances().isEmpty());
      for (CloudTwin earlier : seen) {
        assertTrue(earlier.isClosed(), "the twin of an earlier test is closed");
      }
      seen.add(twin);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void one(CloudTwin twin) {
      twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
      twin.advance(Duration.ofMinutes(10));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void two(CloudTwin twin) {
      twin.faults().failZone("us-east-1b");
      twin.advance(Duration.ofHours(1));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void three(CloudTwin twin) {
      assertEquals(3, seen.size());
      assertTrue(seen.get(0) != seen.get(1) && seen.get(1) != seen.get(2));
    }

    @AfterAll
    void allClosed() {
      seen.forEach(t -> assertTrue(t.isClosed()));
    }
  }

  @Fixture
  @CloudTwinTest(availabilityZones = 3)
  static class Setup {
    @CloudTwinSetup
    void zones(CloudTwin.Builder builder) {
      builder.availabilityZones("us-east-1a", "us-east-1c");
    }

    @CloudTwinSetup
    static void instance(CloudTwin twin) {
      twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1c").build());
    }

    @Test
    void first(CloudTwin twin) {
      assertEquals(List.of("us-east-1a", "us-east-1c"), twin.config().zoneNames());
      assertEquals(1, twin.ec2().instances().size());
      twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
    }

    @Test
    void second(CloudTwin twin) {
      assertEquals(1, twin.ec2().instances().size());
      assertEquals(Instant.parse("2026-01-01T00:00:00Z"), twin.now());
    }
  }
}
