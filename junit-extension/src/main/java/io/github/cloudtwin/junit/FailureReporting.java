package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.ChartSource;
import io.github.cloudtwin.report.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * After each test: on failure, print the timeline and publish it as a report entry; write the HTML
 * report when the mode asks for it. Never throws: it must not mask the test's own outcome.
 */
final class FailureReporting {

  /** Report entry key of the timeline of a failed test. */
  static final String TIMELINE_ENTRY = "cloudtwin.timeline";
  /** Report entry key of the written HTML report's path. */
  static final String REPORT_ENTRY = "cloudtwin.report";
  /** Configuration parameter naming the report directory. */
  static final String REPORT_DIRECTORY = "cloudtwin.report.directory";
  /** The newest events printed for a failed test. */
  static final int MAX_PRINTED_EVENTS = 500;

  private FailureReporting() {}

  static void afterTest(
      ExtensionContext context, CloudTwin twin, ReportMode mode, boolean forced, List<ChartSource> extra) {
    Optional<Throwable> thrown = context.getExecutionException();
    boolean failed = thrown.isPresent() && !(thrown.get() instanceof TestAbortedException);
    try {
      if (failed) {
        String text = twin.timeline().lastText(MAX_PRINTED_EVENTS);
        context.publishReportEntry(TIMELINE_ENTRY, text);
        System.out.println("CloudTwin timeline of " + context.getDisplayName() + " (" + context.getUniqueId() + "):\n" + text);
      }
      if (forced || mode == ReportMode.ALWAYS || (failed && mode == ReportMode.ON_FAILURE)) {
        Report.Builder b = Report.builder(twin).title(title(context));
        if (failed) b.failure(stackHead(thrown.get()));
        extra.forEach(b::source);
        Path file = b.build().write(reportFile(context));
        context.publishReportEntry(REPORT_ENTRY, file.toAbsolutePath().toString());
      }
    } catch (RuntimeException e) {
      System.err.println("CloudTwin could not report on " + context.getDisplayName() + ": " + e);
    }
  }

  private static String title(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName();
  }

  private static String stackHead(Throwable t) {
    String s = String.valueOf(t.getMessage());
    return t.getClass().getName() + ": " + s;
  }

  static Path reportFile(ExtensionContext context) {
    String dir = context.getConfigurationParameter(REPORT_DIRECTORY).orElse("target/cloudtwin-reports");
    String method = context.getRequiredTestMethod().getName();
    String id = context.getUniqueId();
    int invocation = id.lastIndexOf("-invocation:#");
    if (invocation >= 0) {
      method = method + "-" + id.substring(invocation + "-invocation:#".length()).replaceAll("[^0-9]", "");
    }
    return Path.of(dir, context.getRequiredTestClass().getName(), sanitize(method) + ".html");
  }

  private static String sanitize(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

}
