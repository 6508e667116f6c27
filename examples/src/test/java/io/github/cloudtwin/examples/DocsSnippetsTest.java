package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.examples.build.Repository;
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
 * Every fenced {@code java} block in README.md and docs/*.md is a copy of a tagged region of a
 * compiled, tested source file: the block is preceded by {@code <!-- snippet: path#tag -->}, and
 * the file at {@code path} (from the repository root) holds {@code // tag::tag[]} ... {@code //
 * end::tag[]}. After stripping common indentation (and tag lines nested inside the region) the
 * block must equal the region, so a doc can never drift from code that compiles and passes.
 */
class DocsSnippetsTest {

  /**
   * Pages whose java blocks are not yet taken from compiled sources. Empty: every page is checked
   * (junit.md's blocks come from examples/.../guide, testcontainers.md's from the testcontainers
   * module's tests). The test below fails while a listed page exists without java blocks to excuse.
   */
  static final Set<String> NOT_YET_CHECKED = Set.of();

  static final Pattern MARKER =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+?)#([\\w.-]+)\\s*-->\\s*$");

  @Test
  void everyJavaBlockInTheDocsIsATaggedRegionOfAnExampleSource() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      String name = root.relativize(page).toString().replace('\\', '/');
      if (NOT_YET_CHECKED.contains(name)) {
        continue;
      }
      checked += check(root, name, Files.readAllLines(page), problems);
    }
    assertThat(problems)
        .as("doc snippets that drifted from examples/ (%d blocks checked)", checked)
        .isEmpty();
    assertThat(checked).as("java blocks checked").isGreaterThanOrEqualTo(41);
    for (String excused : NOT_YET_CHECKED) {
      Path page = root.resolve(excused);
      assertThat(Files.exists(page) && Files.readString(page).contains("```java"))
          .as(
              "%s is excused from the snippet check but has no java block: remove it from NOT_YET_CHECKED",
              excused)
          .isTrue();
    }
  }

  @Test
  void aBlockThatDriftsFromItsRegionOrLacksAMarkerIsReported() {
    Path root = repositoryRoot();
    String source = "examples/src/test/java/io/github/cloudtwin/examples/QuickStartTest.java";
    List<String> problems = new ArrayList<>();
    List<String> page =
        List.of(
            "intro",
            "```java",
            "int x = 1;",
            "```",
            "<!-- snippet: " + source + "#quickstart -->",
            "```java",
            "import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;",
            "```",
            "<!-- snippet: " + source + "#no-such-tag -->",
            "```java",
            "x",
            "```");
    check(root, "page.md", page, problems);
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0))
        .contains("page.md:2")
        .contains("no <!-- snippet: path#tag --> marker");
    assertThat(problems.get(1))
        .contains("page.md:6")
        .contains("differs from")
        .contains("#quickstart");
    assertThat(problems.get(2)).contains("page.md:10").contains("no region // tag::no-such-tag[]");
  }

  /** Checks the java blocks of one page; returns how many it found. */
  static int check(Path root, String name, List<String> lines, List<String> problems) {
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      int start = i;
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      i = end;
      if (!fence.equals("```java")) {
        continue;
      }
      blocks++;
      List<String> block = lines.subList(start + 1, Math.min(end, lines.size()));
      String where = name + ":" + (start + 1);
      int prev = start - 1;
      while (prev >= 0 && lines.get(prev).isBlank()) {
        prev--;
      }
      Matcher m = prev >= 0 ? MARKER.matcher(lines.get(prev)) : null;
      if (m == null || !m.matches()) {
        problems.add(
            where + ": java block has no <!-- snippet: path#tag --> marker on the line before it");
        continue;
      }
      String path = m.group(1);
      String tag = m.group(2);
      Path file = root.resolve(path);
      if (!Files.isRegularFile(file)) {
        problems.add(where + ": snippet source " + path + " does not exist");
        continue;
      }
      List<String> region = region(file, tag);
      if (region == null) {
        problems.add(
            where + ": " + path + " has no region // tag::" + tag + "[] ... // end::" + tag + "[]");
        continue;
      }
      List<String> expected = dedent(region);
      List<String> actual = dedent(block);
      if (!expected.equals(actual)) {
        problems.add(
            where
                + ": java block differs from "
                + path
                + "#"
                + tag
                + "; it should read:\n"
                + String.join("\n", expected)
                + "\n--- but reads:\n"
                + String.join("\n", actual));
      }
    }
    return blocks;
  }

  /**
   * The lines between {@code // tag::tag[]} and {@code // end::tag[]}, without nested tag lines.
   */
  static List<String> region(Path file, String tag) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = null;
    for (String line : lines) {
      String s = line.strip();
      if (s.equals("// tag::" + tag + "[]")) {
        out = new ArrayList<>();
      } else if (s.equals("// end::" + tag + "[]")) {
        return out;
      } else if (out != null && !s.matches("// (tag|end)::[\\w.-]+\\[\\]")) {
        out.add(line);
      }
    }
    return null;
  }

  /**
   * Strips trailing blanks of each line, leading and trailing empty lines, and common indentation.
   */
  static List<String> dedent(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.stripTrailing());
    }
    while (!out.isEmpty() && out.get(0).isEmpty()) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    int indent =
        out.stream()
            .filter(l -> !l.isEmpty())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    out.replaceAll(l -> l.isEmpty() ? l : l.substring(indent));
    return out;
  }

  /** The directory holding {@code mvnw} and {@code docs/}, from the module's working directory. */
  static Path repositoryRoot() {
    return Repository.root();
  }
}
