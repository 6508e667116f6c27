package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @RegisterExtension CloudTwinExtension.builder()...build()} on static and instance fields.
 */
class ProgrammaticRegistrationTest {

  @Test
  void staticFieldAppliesTheBuildersSettingsConfigurersAndSetups() {
    EngineExecutionResults r = Kit.run(StaticField.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void instanceFieldWorksToo() {
    EngineExecutionResults r = Kit.run(InstanceField.class);
    r.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void perClassLifecycleInCode() {
    EngineExecutionResults r = Kit.run(PerClassInCode.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void invalidSettingsFailAtRegistrationNamingTheField() {
    assertThatThrownBy(() -> CloudTwinExtension.builder().availabilityZones(9).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("availabilityZones");
  }

  @Fixture
  static class StaticField {
    @RegisterExtension
    static CloudTwinExtension twin =
        CloudTwinExtension.builder()
            .seed(7)
            .start(Instant.parse("2026-06-01T00:00:00Z"))
            .configure(b -> b.availabilityZones("us-east-1b", "us-east-1c"))
            .setup(
                t ->
                    t.ec2()
                        .runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build()))
            .build();

    @Test
    void settings(CloudTwin twin) {
      assertEquals(7, twin.seed());
      assertEquals(Instant.parse("2026-06-01T00:00:00Z"), twin.now());
      assertEquals(List.of("us-east-1b", "us-east-1c"), twin.config().zoneNames());
      assertEquals(1, twin.ec2().instances().size());
      twin.advance(Duration.ofMinutes(1));
    }

    @Test
    void fresh(CloudTwin twin) {
      assertEquals(Duration.ZERO, twin.elapsed());
      assertThat(twin.ec2().instances()).hasSize(1);
    }
  }

  @Fixture
  static class InstanceField {
    @RegisterExtension
    CloudTwinExtension twin =
        CloudTwinExtension.builder().region("eu-central-1").availabilityZones(1).build();

    @Test
    void settings(CloudTwin twin) {
      assertEquals("eu-central-1", twin.region());
      assertEquals(1, twin.availabilityZones().size());
    }
  }

  @Fixture
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class PerClassInCode {
    @RegisterExtension
    static CloudTwinExtension twin =
        CloudTwinExtension.builder().lifecycle(TwinLifecycle.PER_CLASS).build();

    @Test
    void a(CloudTwin twin) {
      twin.advance(Duration.ofMinutes(2));
    }

    @Test
    void b(CloudTwin twin) {
      assertEquals(Duration.ofMinutes(2), twin.elapsed());
    }
  }
}
