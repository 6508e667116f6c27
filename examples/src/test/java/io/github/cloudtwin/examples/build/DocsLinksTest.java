package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation stands alone: every relative link in README.md, CONTRIBUTING.md and docs/*.md
 * points to a file of the repository, and no page refers to the team's notes outside it (AWS
 * behaviour is cited by the AWS page's URL and section instead).
 */
class DocsLinksTest {

  static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  /**
   * Files that live outside the repository; a page that names one cannot be followed by a reader.
   */
  static final Pattern OUTSIDE =
      Pattern.compile(
          "(/work/|shared/|\\baws-behaviour(?:\\.md)?\\b|\\bdesign\\.md\\b|\\bstyle\\.md\\b|\\bexamples-catalogue(?:\\.md)?\\b)");

  @Test
  void everyRelativeLinkPointsToAFileOfTheRepository() throws IOException {
    List<String> dangling = new ArrayList<>();
    int links = 0;
    for (Path page : pages()) {
      for (String target : links(Files.readString(page))) {
        if (isExternal(target)) {
          continue;
        }
        links++;
        String file = target.replaceAll("#.*$", "");
        if (file.isEmpty()) {
          continue;
        }
        Path resolved = page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(Repository.root()) || !Files.exists(resolved)) {
          dangling.add(Repository.root().relativize(page) + " -> " + target);
        }
      }
    }
    assertThat(dangling)
        .as("relative links that point nowhere in the repository (%d checked)", links)
        .isEmpty();
    assertThat(links).as("relative links checked").isGreaterThan(20);
  }

  @Test
  void noPageRefersToNotesOutsideTheRepository() throws IOException {
    List<String> references = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = OUTSIDE.matcher(lines.get(i));
        if (m.find()) {
          references.add(Repository.root().relativize(page) + ":" + (i + 1) + ": " + m.group());
        }
      }
    }
    assertThat(references).as("references to files outside the repository").isEmpty();
  }

  @Test
  void linksAreTakenOutsideCodeBlocksAndSchemesMarkThemExternal() {
    assertThat(
            links("see [the page](no-such-page.md) and [AWS](https://docs.aws.amazon.com/x.html)"))
        .containsExactly("no-such-page.md", "https://docs.aws.amazon.com/x.html");
    assertThat(isExternal("https://docs.aws.amazon.com/x.html")).isTrue();
    assertThat(isExternal("quickstart.md#run-it")).isFalse();
    assertThat(OUTSIDE.matcher("as aws-behaviour.md 1.2 says").find()).isTrue();
  }

  static List<Path> pages() throws IOException {
    Path root = Repository.root();
    List<Path> pages =
        new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    Matcher m = LINK.matcher(markdown.replaceAll("(?s)```.*?```", ""));
    while (m.find()) {
      targets.add(m.group(1));
    }
    return targets;
  }

  static boolean isExternal(String target) {
    return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }
}
