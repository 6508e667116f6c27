package io.github.cloudtwin.junit;

import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.report.ReportIndexPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The index of the reports in a report directory, {@code index.html}. Each JUnit run (each JVM
 * Surefire or Gradle forks, each launcher session) writes the entries of its own reports to a part
 * file of its own under {@code .index/}; the index is rebuilt from every part after every report,
 * under a file lock, so several forks writing to one directory share one complete index. A report
 * written again (the same test in a later run) appears once, as last written (by the wall clock,
 * outside any simulation); a report whose file is gone is left out. Held in the run's root {@link
 * org.junit.jupiter.api.extension.ExtensionContext.Store}; rewritten atomically, so the index is
 * complete even if the run is killed. Thread-safe.
 */
final class ReportIndex {

  /** The index's file name in the report directory. */
  static final String FILE = "index.html";

  /** The folder, in the report directory, of every run's part. */
  static final String PARTS = ".index";

  private final List<Written> entries = new ArrayList<>();
  private final String part =
      "run-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".tsv";

  /**
   * Adds {@code entry}, rewrites this run's part and the index in {@code dir}, and returns the
   * index.
   */
  synchronized Path add(Path dir, ReportIndexPage.Entry entry) {
    entries.add(new Written(entry, Instant.now()));
    Path index = dir.resolve(FILE);
    Path parts = dir.resolve(PARTS);
    try {
      Files.createDirectories(parts);
      writeAtomically(parts, parts.resolve(part), encode(dir, entries));
      try (FileChannel lockFile =
          FileChannel.open(
              parts.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = lockFile.lock(); // other forks wait here; released when the channel closes
        try {
          writeAtomically(dir, index, ReportIndexPage.xhtml(dir, merged(dir, parts)));
        } finally {
          lock.release();
        }
      }
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the report index " + index, e);
    }
  }

  synchronized int size() {
    return entries.size();
  }

  /** An entry and when it was added (the wall clock: which of two runs wrote a report last). */
  record Written(ReportIndexPage.Entry entry, Instant at) {}

  /**
   * Every part's entries in the order they were added; one per report file, as last written, if the
   * file is there.
   */
  static List<ReportIndexPage.Entry> merged(Path dir, Path parts) throws IOException {
    List<Written> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(parts)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
        all.addAll(decode(dir, Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    all.sort(Comparator.comparing(Written::at));
    Map<Path, ReportIndexPage.Entry> byFile = new LinkedHashMap<>();
    for (Written w : all) {
      Path key = w.entry().file().toAbsolutePath().normalize();
      byFile.remove(key);
      if (Files.isRegularFile(key)) byFile.put(key, w.entry());
    }
    return List.copyOf(byFile.values());
  }

  private static void writeAtomically(Path dir, Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(dir, "index", ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** One line per entry, tab-separated; the report file relative to {@code dir}. */
  static String encode(Path dir, List<Written> entries) {
    StringBuilder sb = new StringBuilder();
    Path base = dir.toAbsolutePath().normalize();
    for (Written w : entries) {
      ReportIndexPage.Entry e = w.entry();
      String file = base.relativize(e.file().toAbsolutePath().normalize()).toString();
      sb.append(escape(e.test()))
          .append('\t')
          .append(e.outcome().name())
          .append('\t')
          .append(escape(e.message()))
          .append('\t')
          .append(escape(file))
          .append('\t')
          .append(escape(e.virtualTime()))
          .append('\t')
          .append(e.events())
          .append('\t')
          .append(w.at())
          .append('\n');
    }
    return sb.toString();
  }

  /** The entries of a part; a line that does not parse (a part from another version) is skipped. */
  static List<Written> decode(Path dir, String text) {
    List<Written> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length != 7) continue;
      try {
        out.add(
            new Written(
                new ReportIndexPage.Entry(
                    unescape(f[0]),
                    Report.Outcome.valueOf(f[1]),
                    unescape(f[2]),
                    dir.resolve(unescape(f[3])),
                    unescape(f[4]),
                    Integer.parseInt(f[5])),
                Instant.parse(f[6])));
      } catch (RuntimeException skipped) {
        // not a line this version wrote
      }
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
