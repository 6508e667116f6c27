package io.github.cloudtwin.junit;

import io.github.cloudtwin.report.ReportIndexPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The index of one test run's reports, {@code index.html} in the report directory. Held in the
 * run's root {@link org.junit.jupiter.api.extension.ExtensionContext.Store}, so each JUnit run has
 * one (each JVM Surefire forks: with several forks each rewrites the file with its own tests), and
 * rewritten atomically after every report, so it is complete even if the run is killed.
 * Thread-safe.
 */
final class ReportIndex {

  /** The index's file name in the report directory. */
  static final String FILE = "index.html";

  private final List<ReportIndexPage.Entry> entries = new ArrayList<>();

  /** Adds {@code entry}, rewrites the index in {@code dir} and returns it. */
  synchronized Path add(Path dir, ReportIndexPage.Entry entry) {
    entries.add(entry);
    Path index = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "index", ".tmp");
      Files.writeString(tmp, ReportIndexPage.xhtml(dir, entries), StandardCharsets.UTF_8);
      Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the report index " + index, e);
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
