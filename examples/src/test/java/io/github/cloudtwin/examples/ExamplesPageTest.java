package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/examples.md says how many stories it tells; the count, the numbering and the links hold (a
 * story told by the previous story's file says "Same file").
 */
class ExamplesPageTest {

  private static final List<String> NUMBERS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen",
          "twenty",
          "twenty-one",
          "twenty-two",
          "twenty-three",
          "twenty-four",
          "twenty-five");

  @Test
  void theTitlesCountIsTheNumberOfStoriesAndEachStoryLinksAnExistingTest() throws IOException {
    Path root = DocsSnippetsTest.repositoryRoot();
    List<String> lines = Files.readAllLines(root.resolve("docs/examples.md"));
    Matcher title = Pattern.compile("# Examples: ([a-z-]+) stories as tests").matcher(lines.get(0));
    assertThat(title.matches()).as("title line: %s", lines.get(0)).isTrue();

    Pattern heading = Pattern.compile("## (\\d+)\\. .+");
    Pattern link =
        Pattern.compile("\\[`(\\w+Test)\\.java`]\\(\\.\\./(examples/src/test/java/[^)]+)\\)");
    List<Integer> numbers = new ArrayList<>();
    List<String> missingLinks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher h = heading.matcher(lines.get(i));
      if (!h.matches()) continue;
      numbers.add(Integer.parseInt(h.group(1)));
      String next = i + 2 < lines.size() ? lines.get(i + 2) : "";
      Matcher l = link.matcher(next);
      boolean sameAsPrevious = next.startsWith("Same file") && !numbers.isEmpty();
      if (!sameAsPrevious && (!l.find() || !Files.isRegularFile(root.resolve(l.group(2))))) {
        missingLinks.add(lines.get(i));
      }
    }

    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= numbers.size(); n++) expected.add(n);
    assertThat(numbers).as("story numbers").isEqualTo(expected);
    assertThat(NUMBERS.indexOf(title.group(1))).as("the title's count").isEqualTo(numbers.size());
    assertThat(missingLinks).as("stories without a link to an existing test").isEmpty();
  }
}
