package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only the {@code @NullMarked} packages (OnlyNullMarked, docs/architecture.md,
 * "Build guards"): every package of every published module's main code is marked in its
 * package-info.java, so a new package cannot slip past the check. The packages not marked yet are
 * named below with their reason, and the test fails when one of them becomes marked, so the list
 * only shrinks.
 */
class EveryPublishedPackageIsNullMarkedTest {

  /** The published modules (the BOM lists the same, PublishedPomsTest checks it). */
  static final List<String> PUBLISHED =
      List.of("core", "junit-extension", "testcontainers", "cloudformation", "aws-sdk", "aws-wire");

  private static final String AWS_SDK =
      "marked package by package: a probe marking all of aws-sdk counted 275 NullAway errors";

  /** Packages not marked yet, by module/package, with the reason. */
  static final Map<String, String> NOT_YET =
      Map.ofEntries(
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.appautoscaling", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.autoscaling", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.cloudwatch", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.ec2", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.ecs", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.elb", AWS_SDK),
          Map.entry("aws-sdk/io.github.cloudtwin.awssdk.internal.operations", AWS_SDK));

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
        .containsExactlyInAnyOrderElementsOf(NOT_YET.keySet());
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
