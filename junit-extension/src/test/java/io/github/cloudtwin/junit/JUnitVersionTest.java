package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestEngine;

/**
 * The build passes {@code cloudtwin.junit.version} (the parent pom's {@code junit.version}, 6.0.1
 * under {@code -Pjunit6}); this checks that the Jupiter engine running the suite is that version,
 * so the JUnit 6 profile really runs on JUnit 6.
 */
class JUnitVersionTest {

  @Test
  void theSuiteRunsOnTheJupiterVersionTheBuildAskedFor() {
    String expected = System.getProperty("cloudtwin.junit.version");
    String actual =
        ServiceLoader.load(TestEngine.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(e -> e.getId().equals("junit-jupiter"))
            .findFirst()
            .orElseThrow()
            .getVersion()
            .orElse("unknown");
    System.out.println("Jupiter engine version: " + actual + " (build asked for " + expected + ")");
    assumeTrue(expected != null, "run outside Maven: no expected version given");
    assertThat(actual).isEqualTo(expected);
  }
}
