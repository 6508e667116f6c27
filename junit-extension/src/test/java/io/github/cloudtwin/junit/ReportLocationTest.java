package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.cloudtwin.CloudTwin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Reports land under the module's target/ directory with the default configuration, whatever the
 * test's parameters look like (path separators, "..", NUL), so a suite never writes outside its
 * build directory.
 */
class ReportLocationTest {

  @Test
  void failureReportsStayUnderTargetEvenWithHostileDisplayNames() throws Exception {
    EngineExecutionResults r =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(HostileNames.class))
            .configurationParameter(Kit.FIXTURE_PARAMETER, "true")
            .execute();
    r.testEvents().assertStatistics(s -> s.started(4).failed(4));
    List<String> reports = Kit.entries(r, FailureReporting.REPORT_ENTRY);
    assertThat(reports).hasSize(4);
    Path target = Path.of("target").toAbsolutePath().normalize();
    for (String report : reports) {
      Path file = Path.of(report).toAbsolutePath().normalize();
      assertThat(file).startsWith(target.resolve("cloudtwin-reports")).exists();
      assertThat(file.getFileName().toString()).matches("[A-Za-z0-9._-]+\\.html");
      Files.delete(file);
    }
  }

  @Fixture
  @CloudTwinTest(seed = 1)
  static class HostileNames {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../../../../etc/passwd", "/tmp/x", "a\\..\\..\\b", "nul\u0000byte"})
    void fails(String name, CloudTwin twin) {
      throw new AssertionError("failing on purpose: " + name + " at " + twin.now());
    }
  }
}
