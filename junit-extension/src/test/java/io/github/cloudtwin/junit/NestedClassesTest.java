package io.github.cloudtwin.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Nested} classes use the outer class's settings, setup methods and fields. */
class NestedClassesTest {

  @Test
  void nestedTestsSeeTheOuterTwin() {
    EngineExecutionResults r = Kit.run(Outer.class);
    r.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
  }

  @Fixture
  @CloudTwinTest(seed = 11, availabilityZones = 2)
  static class Outer {
    @FromTwin CloudTwin outerTwin;

    @CloudTwinSetup
    void launch(CloudTwin twin) {
      twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build());
    }

    @Test
    void outer(CloudTwin twin) {
      assertSame(outerTwin, twin);
    }

    @Nested
    class Inner {
      @FromTwin CloudTwin innerTwin;

      @CloudTwinSetup
      void second(CloudTwin twin) {
        twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
      }

      @Test
      void inner(CloudTwin twin) {
        assertSame(outerTwin, twin, "the outer instance's field holds this test's twin");
        assertSame(innerTwin, twin);
        assertEquals(11, twin.seed());
        assertEquals(2, twin.availabilityZones().size());
        assertEquals(2, twin.ec2().instances().size(), "outer setup, then inner setup");
        assertEquals("us-east-1b", twin.ec2().instances().get(0).availabilityZone());
      }

      @Nested
      class Deeper {
        @Test
        void deeper(CloudTwin twin) {
          assertSame(outerTwin, twin);
          assertEquals(2, twin.ec2().instances().size());
        }
      }
    }
  }
}
