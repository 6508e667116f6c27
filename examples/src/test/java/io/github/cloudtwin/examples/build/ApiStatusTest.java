package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the published modules says what it is with apiguardian's
 * {@code @API(status = ..., since = ...)} (docs/architecture.md, "API status"): INTERNAL exactly
 * for types in {@code internal} and {@code spi} packages (the extension points, core's {@code
 * io.github.cloudtwin.spi} and the JUnit module's {@code io.github.cloudtwin.junit.spi}); STABLE or
 * EXPERIMENTAL for everything a user calls.
 */
class ApiStatusTest {

  static final List<String> PUBLISHED =
      List.of("core", "junit-extension", "testcontainers", "cloudformation", "aws-sdk", "aws-wire");

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");
  private static final Pattern STATUS =
      Pattern.compile(
          "@API\\(\\s*status\\s*=\\s*(?:API\\.)?(?:Status\\.)?(\\w+)\\s*,\\s*since\\s*=\\s*\"[\\d.]+\"\\s*\\)");

  @Test
  void everyPublicTypeOfAPublishedModuleCarriesItsApiStatus() {
    List<String> problems = new ArrayList<>();
    int types = 0;
    for (Path file : sources()) {
      String text = read(file);
      Matcher type = PUBLIC_TYPE.matcher(text);
      Matcher pkg = PACKAGE.matcher(text);
      if (!type.find() || !pkg.find()) {
        continue; // package-private, or module-info / package-info
      }
      types++;
      String name = pkg.group(1) + "." + type.group(1);
      // the annotation sits between the type's Javadoc and its declaration
      String head = text.substring(Math.max(0, text.lastIndexOf("*/", type.start())), type.start());
      Matcher status = STATUS.matcher(head);
      if (!status.find()) {
        problems.add(name + ": no @API(status = ..., since = \"...\") on its declaration");
        continue;
      }
      boolean internal = isInternal(pkg.group(1), name);
      String actual = status.group(1);
      if (internal && !actual.equals("INTERNAL")) {
        problems.add(name + ": is " + actual + " but its package or role is internal: INTERNAL");
      } else if (!internal && !Set.of("STABLE", "EXPERIMENTAL", "MAINTAINED").contains(actual)) {
        problems.add(name + ": is " + actual + " but users call it: STABLE or EXPERIMENTAL");
      }
    }
    assertThat(types).as("public types found").isGreaterThan(300);
    assertThat(problems).as("public types whose @API status is missing or wrong").isEmpty();
  }

  static boolean isInternal(String pkg, String name) {
    return pkg.matches(".*\\.(internal|spi)(\\..*)?");
  }

  static List<Path> sources() {
    List<Path> out = new ArrayList<>();
    for (String module : PUBLISHED) {
      try (Stream<Path> s =
          Files.walk(Repository.root().resolve(module).resolve("src/main/java"))) {
        s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
