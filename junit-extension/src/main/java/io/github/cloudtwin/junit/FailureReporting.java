package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.TimelineFormat;
import io.github.cloudtwin.report.ChartSource;
import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.report.ReportIndexPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * After each test: on failure, print the timeline and publish it as a report entry; write the HTML
 * report when the mode asks for it (with the test's outcome in its verdict), add it to the run's
 * index, and for a failed test print its path and attach it with JUnit's file publishing. Never
 * throws: it must not mask the test's own outcome.
 */
final class FailureReporting {

  /** Report entry key of the timeline of a failed test. */
  static final String TIMELINE_ENTRY = "cloudtwin.timeline";

  /** Report entry key of the written HTML report's path. */
  static final String REPORT_ENTRY = "cloudtwin.report";

  /** Configuration parameter naming the report directory. */
  static final String REPORT_DIRECTORY = "cloudtwin.report.directory";

  /** The media type of the published HTML report. */
  static final MediaType HTML = MediaType.create("text", "html", StandardCharsets.UTF_8);

  /** The newest events printed for a failed test. */
  static final int MAX_PRINTED_EVENTS = 500;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FailureReporting.class);

  private FailureReporting() {}

  static void afterTest(
      ExtensionContext context,
      CloudTwin twin,
      ReportMode mode,
      boolean forced,
      List<ChartSource> extra) {
    Optional<Throwable> thrown = context.getExecutionException();
    boolean failed = thrown.isPresent() && !(thrown.get() instanceof TestAbortedException);
    try {
      if (failed) {
        String text = twin.timeline().lastText(MAX_PRINTED_EVENTS);
        context.publishReportEntry(TIMELINE_ENTRY, text);
        System.out.println(
            "CloudTwin timeline of "
                + context.getDisplayName()
                + " ("
                + context.getUniqueId()
                + "):\n"
                + text);
      }
      if (forced || mode == ReportMode.ALWAYS || (failed && mode == ReportMode.ON_FAILURE)) {
        Report.Outcome outcome =
            failed
                ? Report.Outcome.FAILED
                : thrown.isPresent() ? Report.Outcome.ABORTED : Report.Outcome.PASSED;
        Report.Builder b = Report.builder(twin).title(title(context)).outcome(outcome);
        thrown.ifPresent(t -> b.failure(stackHead(t)));
        extra.forEach(b::source);
        Path file = b.build().write(reportFile(context));
        context.publishReportEntry(REPORT_ENTRY, file.toAbsolutePath().toString());
        index(context, twin, outcome, thrown.map(FailureReporting::stackHead).orElse(""), file);
        if (failed) {
          System.out.println(
              "CloudTwin report of " + context.getDisplayName() + ": " + file.toAbsolutePath());
          publishFile(context, file);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("CloudTwin could not report on " + context.getDisplayName() + ": " + e);
    }
  }

  /**
   * Adds the report to the run's index ({@code index.html} in the report directory), printing where
   * the index is when the first report of the run is added to it.
   */
  private static void index(
      ExtensionContext context, CloudTwin twin, Report.Outcome outcome, String message, Path file) {
    ReportIndex index =
        ExtensionStores.getOrCompute(
            context.getRoot().getStore(NAMESPACE),
            ReportIndex.class,
            k -> new ReportIndex(),
            ReportIndex.class);
    String firstLine = message.lines().findFirst().orElse("");
    Path written =
        index.add(
            reportDirectory(context),
            new ReportIndexPage.Entry(
                title(context),
                outcome,
                firstLine,
                file,
                TimelineFormat.offset(twin.elapsed()),
                twin.timeline().size()));
    if (index.size() == 1)
      System.out.println("CloudTwin reports of this run: " + written.toAbsolutePath());
  }

  /**
   * Attaches the report to the test with JUnit's file publishing, so IDEs and build tools that
   * collect published files show it next to the failure. A launcher without an output directory
   * cannot take it; the path printed above still says where it is.
   */
  private static void publishFile(ExtensionContext context, Path file) {
    try {
      context.publishFile(
          file.getFileName().toString(),
          HTML,
          target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING));
    } catch (RuntimeException e) {
      System.err.println(
          "CloudTwin could not attach "
              + file
              + " to "
              + context.getDisplayName()
              + ": "
              + e
              + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
    }
  }

  private static String title(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName();
  }

  private static String stackHead(Throwable t) {
    String s = String.valueOf(t.getMessage());
    return t.getClass().getName() + ": " + s;
  }

  static Path reportDirectory(ExtensionContext context) {
    return Path.of(
        context.getConfigurationParameter(REPORT_DIRECTORY).orElse("target/cloudtwin-reports"));
  }

  static Path reportFile(ExtensionContext context) {
    String dir = reportDirectory(context).toString();
    String method = context.getRequiredTestMethod().getName();
    String id = context.getUniqueId();
    int invocation = id.lastIndexOf("-invocation:#");
    if (invocation >= 0) {
      method =
          method
              + "-"
              + id.substring(invocation + "-invocation:#".length()).replaceAll("[^0-9]", "");
    }
    return Path.of(dir, context.getRequiredTestClass().getName(), sanitize(method) + ".html");
  }

  private static String sanitize(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
