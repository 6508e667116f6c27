package io.github.cloudtwin.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code lifecycle = PER_CLASS}: one twin shared by the class's tests and its nested classes. */
class PerClassLifecycleTest {

  @Test
  void sharesOneTwinAcrossTheClassAndItsNestedClasses() {
    EngineExecutionResults r = Kit.run(PerClass.class);
    r.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
  }

  @Fixture
  @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS, seed = 3)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClass {
    private final CloudTwin fromConstructor;

    PerClass(CloudTwin twin) {
      this.fromConstructor = twin;
    }

    @CloudTwinSetup
    static void oneInstance(CloudTwin twin) {
      twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
    }

    @BeforeAll
    static void beforeAll(CloudTwin twin) {
      assertEquals(1, twin.ec2().instances().size());
    }

    @Test
    @Order(1)
    void first(CloudTwin twin) {
      assertSame(fromConstructor, twin);
      twin.advance(Duration.ofMinutes(5));
    }

    @Test
    @Order(2)
    void secondContinuesWhereTheFirstStopped(CloudTwin twin) {
      assertEquals(Duration.ofMinutes(5), twin.elapsed());
      assertEquals(1, twin.ec2().instances().size(), "setup ran once for the class");
    }

    @Nested
    class Inner {
      @Test
      void seesTheOuterTwin(CloudTwin twin) {
        assertSame(fromConstructor, twin);
      }
    }
  }
}
