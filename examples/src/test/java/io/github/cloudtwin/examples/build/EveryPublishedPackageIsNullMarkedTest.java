package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only the {@code @NullMarked} packages (OnlyNullMarked, docs/architecture.md,
 * "Build guards"): every package of every published module's main code is marked in its
 * package-info.java, so a new package cannot slip past the check. There is no exception: the last
 * one, aws-sdk's {@code internal.operations}, was marked with its callers' optional request members
 * made {@code @Nullable}.
 */
class EveryPublishedPackageIsNullMarkedTest {

  /** The published modules (the BOM lists the same, PublishedPomsTest checks it). */
  static final List<String> PUBLISHED =
      List.of("core", "junit-extension", "testcontainers", "cloudformation", "aws-sdk", "aws-wire");

  @Test
  void everyPackageOfEveryPublishedModuleIsNullMarked() {
    TreeSet<String> unmarked = new TreeSet<>();
    TreeSet<String> marked = new TreeSet<>();
    for (String module : PUBLISHED) {
      Path main = Repository.root().resolve(module).resolve("src/main/java");
      for (Path dir : packages(main)) {
        String name =
            module + "/" + main.relativize(dir).toString().replace('\\', '/').replace('/', '.');
        (isNullMarked(dir) ? marked : unmarked).add(name);
      }
    }
    assertThat(marked).as("marked packages found").hasSizeGreaterThan(PUBLISHED.size());
    assertThat(unmarked)
        .as("packages without @NullMarked in package-info.java (module/package)")
        .isEmpty();
  }

  private static boolean isNullMarked(Path dir) {
    Path info = dir.resolve("package-info.java");
    try {
      return Files.exists(info)
          && Files.readString(info, StandardCharsets.UTF_8).contains("@NullMarked");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folders under {@code main} that hold a Java class (not only package or module info). */
  private static List<Path> packages(Path main) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(main)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          if (files.anyMatch(
              f ->
                  f.toString().endsWith(".java")
                      && !f.endsWith("package-info.java")
                      && !f.endsWith("module-info.java"))) out.add(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
