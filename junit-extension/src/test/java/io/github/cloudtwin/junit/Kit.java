package io.github.cloudtwin.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture classes through the Jupiter engine and reads what they reported. */
final class Kit {

  static final String REPORT_DIR = "target/cloudtwin-kit-reports";
  static final String FIXTURE_PARAMETER = "cloudtwin.test.fixtures";

  /** Where files published by fixtures land: one folder per test, as the launcher does it. */
  static final String OUTPUT_DIR = "target/cloudtwin-kit-outputs";

  private Kit() {}

  static EngineExecutionResults run(Class<?>... classes) {
    return run(Map.of(), classes);
  }

  static EngineExecutionResults run(Map<String, String> config, Class<?>... classes) {
    EngineTestKit.Builder b =
        EngineTestKit.engine("junit-jupiter")
            .outputDirectoryCreator(new Outputs(Path.of(OUTPUT_DIR)));
    for (Class<?> c : classes) b.selectors(selectClass(c));
    b.configurationParameter(FailureReporting.REPORT_DIRECTORY, REPORT_DIR);
    b.configurationParameter(FIXTURE_PARAMETER, "true");
    config.forEach(b::configurationParameter);
    return b.execute();
  }

  /** The values of every report entry with {@code key}, in publishing order. */
  static List<String> entries(EngineExecutionResults r, String key) {
    return r.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
        .filter(v -> v != null)
        .toList();
  }

  /** One output directory per test descriptor, named by its unique id. */
  record Outputs(Path root) implements OutputDirectoryCreator {
    @Override
    public Path getRootDirectory() {
      return root;
    }

    @Override
    public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
      return Files.createDirectories(
          root.resolve(descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_")));
    }
  }

  /** The message of the only failure among {@code events}. */
  static String onlyFailureMessage(Events events) {
    List<Event> failed = events.failed().list();
    if (failed.size() != 1) {
      throw new AssertionError(
          "expected exactly one failure, got " + failed.size() + ": " + failed);
    }
    return failed
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow()
        .getMessage();
  }

  static Throwable onlyFailure(Events events) {
    List<Event> failed = events.failed().list();
    if (failed.size() != 1) {
      throw new AssertionError(
          "expected exactly one failure, got " + failed.size() + ": " + failed);
    }
    return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
