package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/dependencies.md shows, for each published module, the dependency tree its POM gives users;
 * the build writes the real tree to each module's {@code target/published-tree.txt} (package phase,
 * which the reactor runs for those modules before this one's tests), and the two must match.
 */
class PublishedDependencyTreesTest {

  static final Pattern BLOCK =
      Pattern.compile("<!-- dependency-tree: (\\S+) -->\\n```\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void theDocumentedTreesAreTheOnesTheBuildResolves() throws Exception {
    Map<String, String> documented =
        documented(Files.readString(Repository.root().resolve("docs/dependencies.md")));
    assertThat(documented.keySet())
        .as("modules documented in docs/dependencies.md")
        .containsExactlyInAnyOrderElementsOf(PublishedPomsTest.publishedModules().keySet());
    int compared = 0;
    for (Map.Entry<String, String> module : documented.entrySet()) {
      Path built = Repository.root().resolve(module.getKey()).resolve("target/published-tree.txt");
      if (!Files.exists(built)) {
        continue;
      }
      assertThat(module.getValue())
          .as("docs/dependencies.md's tree of %s (the build wrote %s)", module.getKey(), built)
          .isEqualTo(Files.readString(built).strip());
      compared++;
    }
    assumeTrue(
        compared > 0,
        "no module's target/published-tree.txt: run the reactor to package or verify");
  }

  @Test
  void theTreeBlocksAreFoundByModule() {
    Map<String, String> blocks =
        documented(
            String.join(
                "\n",
                List.of(
                    "## x",
                    "<!-- dependency-tree: core -->",
                    "```",
                    "io.github.cloudtwin:cloudtwin-core:jar:1",
                    "```")));
    assertThat(blocks)
        .containsExactly(Map.entry("core", "io.github.cloudtwin:cloudtwin-core:jar:1"));
  }

  static Map<String, String> documented(String page) {
    Map<String, String> trees = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      trees.put(m.group(1), m.group(2).strip());
    }
    return trees;
  }
}
