package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No hub classes (docs/architecture.md, "Class size"): no Java file under any module's {@code
 * src/main/java} is longer than {@value #LIMIT} lines as google-java-format lays it out (Spotless
 * checks the layout, so the count cannot be gamed by long lines). The exceptions below are named
 * with their reason.
 */
class SourceLimitsTest {

  static final int LIMIT = 450;

  /** Every module with main code, the unpublished ones (examples, benchmarks) included. */
  static final List<String> MODULES =
      List.of(
          "core",
          "junit-extension",
          "testcontainers",
          "cloudformation",
          "aws-sdk",
          "aws-wire",
          "examples",
          "benchmarks");

  private static final String CATALOGUE = "a sealed catalogue of fact records";

  /**
   * Files allowed over the limit, with the reason. The typed-fact catalogues are sealed interfaces
   * whose bodies are only record declarations (one per kind of event, each with its Javadoc and a
   * {@code describe()} line): splitting them would rename the records users match on ({@code
   * AutoScalingFact.DesiredCapacityChanged}) without making any logic smaller.
   */
  static final Map<String, String> EXCEPTIONS =
      Map.ofEntries(
          Map.entry("core/src/main/java/io/github/cloudtwin/facts/AutoScalingFact.java", CATALOGUE),
          Map.entry("core/src/main/java/io/github/cloudtwin/facts/EcsFact.java", CATALOGUE),
          Map.entry("core/src/main/java/io/github/cloudtwin/facts/ElbFact.java", CATALOGUE));

  @Test
  void noMainSourceFileIsLongerThanTheLimit() {
    Map<String, Integer> over = new TreeMap<>();
    int files = 0;
    for (Path file : mainSources()) {
      files++;
      int lines = lines(file);
      String name = Repository.root().relativize(file).toString().replace('\\', '/');
      if (lines > LIMIT && !EXCEPTIONS.containsKey(name)) {
        over.put(name, lines);
      }
    }
    assertThat(files).as("main source files found").isGreaterThan(500);
    assertThat(over)
        .as(
            "main source files over %d lines (split them along their seams; docs/architecture.md)",
            LIMIT)
        .isEmpty();
  }

  @Test
  void everyExceptionNamesAnExistingFileThatIsStillOverTheLimit() {
    List<String> stale = new ArrayList<>();
    for (String name : EXCEPTIONS.keySet()) {
      Path file = Repository.root().resolve(name);
      if (!Files.isRegularFile(file)) {
        stale.add(name + " (no such file)");
      } else if (lines(file) <= LIMIT) {
        stale.add(name + " (" + lines(file) + " lines: no longer an exception)");
      }
    }
    assertThat(stale).as("entries to remove from SourceLimitsTest.EXCEPTIONS").isEmpty();
  }

  static List<Path> mainSources() {
    List<Path> out = new ArrayList<>();
    for (String module : MODULES) {
      Path dir = Repository.root().resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static int lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
