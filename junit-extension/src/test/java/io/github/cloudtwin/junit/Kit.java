package io.github.cloudtwin.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
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

  private Kit() {}

  static EngineExecutionResults run(Class<?>... classes) {
    return run(Map.of(), classes);
  }

  static EngineExecutionResults run(Map<String, String> config, Class<?>... classes) {
    EngineTestKit.Builder b = EngineTestKit.engine("junit-jupiter");
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

  /** The message of the only failure among {@code events}. */
  static String onlyFailureMessage(Events events) {
    List<Event> failed = events.failed().list();
    if (failed.size() != 1) {
      throw new AssertionError("expected exactly one failure, got " + failed.size() + ": " + failed);
    }
    return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
  }

  static Throwable onlyFailure(Events events) {
    List<Event> failed = events.failed().list();
    if (failed.size() != 1) {
      throw new AssertionError("expected exactly one failure, got " + failed.size() + ": " + failed);
    }
    return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
