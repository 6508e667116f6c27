package io.github.cloudtwin.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.junit.spi.ContributesToTwin;
import io.github.cloudtwin.junit.spi.TwinContributor;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * How a later annotation (such as {@code @EcsCluster}) contributes to the twin: it is
 * meta-annotated with {@link ContributesToTwin}; its contributor configures the builder and creates
 * resources.
 */
class ContributorTest {

  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @ContributesToTwin(Fleet.Contributor.class)
  @interface Fleet {
    String[] zones();

    int instancesPerZone();

    /** Turns {@link Fleet} into zones and running instances. */
    final class Contributor implements TwinContributor<Fleet> {
      @Override
      public void configure(Fleet fleet, CloudTwin.Builder builder) {
        builder.availabilityZones(fleet.zones());
      }

      @Override
      public void created(Fleet fleet, CloudTwin twin) {
        for (String zone : fleet.zones()) {
          for (int i = 0; i < fleet.instancesPerZone(); i++) {
            twin.ec2().runInstance(InstanceSpec.builder().availabilityZone(zone).build());
          }
        }
      }
    }
  }

  @Test
  void classAndMethodAnnotationsShapeTheTwinBeforeSetupMethodsRun() {
    EngineExecutionResults r = Kit.run(Fleets.class);
    r.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Fixture
  @CloudTwinTest
  @Fleet(
      zones = {"us-east-1a", "us-east-1c"},
      instancesPerZone = 2)
  static class Fleets {
    int seenBySetup = -1;

    @CloudTwinSetup
    void setup(CloudTwin twin) {
      seenBySetup = twin.ec2().instances().size();
    }

    @Test
    void fromTheClass(CloudTwin twin) {
      assertEquals(List.of("us-east-1a", "us-east-1c"), twin.config().zoneNames());
      assertEquals(4, twin.ec2().instances().size());
      assertEquals(4, seenBySetup);
    }

    @Test
    @Fleet(
        zones = {"us-east-1b"},
        instancesPerZone = 1)
    void theMethodsAnnotationReplacesTheClasss(CloudTwin twin) {
      assertEquals(List.of("us-east-1b"), twin.config().zoneNames());
      assertEquals(1, twin.ec2().instances().size());
      assertEquals(1, seenBySetup);
    }
  }
}
