package io.github.cloudtwin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only the {@code @NullMarked} packages (OnlyNullMarked): every package of core's
 * main code is marked in its package-info.java, so a new package cannot slip past the check.
 */
class EveryPackageIsNullMarkedTest {

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void everyPackageWithJavaFilesIsNullMarkedInItsPackageInfo() throws IOException {
    List<String> unmarked = new ArrayList<>();
    List<Path> packages;
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      packages =
          dirs.filter(Files::isDirectory).filter(EveryPackageIsNullMarkedTest::hasJava).toList();
    }
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      if (!Files.exists(info)
          || !Files.readString(info, StandardCharsets.UTF_8).contains("@NullMarked")) {
        unmarked.add(MAIN.relativize(dir).toString().replace('/', '.'));
      }
    }
    assertThat(packages).as("packages found under %s", MAIN.toAbsolutePath()).isNotEmpty();
    assertThat(unmarked).as("packages without @NullMarked in package-info.java").isEmpty();
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(
          f ->
              f.toString().endsWith(".java")
                  && !f.endsWith("package-info.java")
                  && !f.endsWith("module-info.java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
