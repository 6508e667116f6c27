package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published modules' descriptors export exactly the packages docs/architecture.md lists (its
 * "Module boundary" table), without qualification. Read from each module's compiled {@code
 * module-info.class}, the file {@code jar --describe-module} reads.
 */
class ModuleDescriptorsTest {

  /** Module folder -> module name, for the modules with a descriptor. */
  static final Map<String, String> NAMED = new LinkedHashMap<>();

  static {
    NAMED.put("core", "io.github.cloudtwin.core");
    NAMED.put("junit-extension", "io.github.cloudtwin.junit");
    NAMED.put("cloudformation", "io.github.cloudtwin.cloudformation");
    NAMED.put("aws-sdk", "io.github.cloudtwin.awssdk");
    NAMED.put("aws-wire", "io.github.cloudtwin.awswire");
  }

  @Test
  void everyDescriptorExportsWhatTheArchitectureTableLists() throws IOException {
    Map<String, Set<String>> documented = documentedExports();
    assertThat(documented.keySet())
        .as("modules in docs/architecture.md's table")
        .containsExactlyInAnyOrderElementsOf(NAMED.values());
    for (Map.Entry<String, String> m : NAMED.entrySet()) {
      ModuleDescriptor d = descriptor(m.getKey());
      assertThat(d.name()).as("module name in %s", m.getKey()).isEqualTo(m.getValue());
      Set<String> unqualified =
          d.exports().stream()
              .filter(e -> !e.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(unqualified)
          .as("packages %s exports to everyone", d.name())
          .containsExactlyInAnyOrderElementsOf(documented.get(d.name()));
    }
  }

  @Test
  void coreExportsExactlyItsApiPackagesAndTheKernelOnlyToItsOwnModules() throws IOException {
    ModuleDescriptor core = descriptor("core");
    Map<String, Set<String>> exports = new java.util.TreeMap<>();
    for (ModuleDescriptor.Exports e : core.exports()) exports.put(e.source(), e.targets());
    String p = "io.github.cloudtwin";
    Map<String, Set<String>> expected = new java.util.TreeMap<>();
    for (String api :
        List.of(
            "",
            ".advice",
            ".appautoscaling",
            ".autoscaling",
            ".cloudwatch",
            ".cost",
            ".ec2",
            ".ecs",
            ".elb",
            ".experiments",
            ".facts",
            ".faults",
            ".http",
            ".kernel",
            ".realtime",
            ".report",
            ".spi",
            ".traffic",
            ".whatif")) {
      expected.put(p + api, Set.of());
    }
    expected.put(
        p + ".internal.kernel",
        Set.of("io.github.cloudtwin.junit", "io.github.cloudtwin.testcontainers"));
    assertThat(exports)
        .as("io.github.cloudtwin.core's exports -> their targets")
        .isEqualTo(expected);
  }

  @Test
  void theOtherModulesExportExactlyTheirApiPackagesToEveryone() throws IOException {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put(
        "junit-extension",
        Set.of(
            "io.github.cloudtwin.assertj",
            "io.github.cloudtwin.assertj.error",
            "io.github.cloudtwin.await",
            "io.github.cloudtwin.junit",
            "io.github.cloudtwin.junit.spi"));
    expected.put(
        "cloudformation",
        Set.of("io.github.cloudtwin.cloudformation", "io.github.cloudtwin.cloudformation.junit"));
    expected.put("aws-sdk", Set.of("io.github.cloudtwin.awssdk"));
    expected.put(
        "aws-wire", Set.of("io.github.cloudtwin.awswire", "io.github.cloudtwin.awswire.junit"));
    for (Map.Entry<String, Set<String>> m : expected.entrySet()) {
      ModuleDescriptor d = descriptor(m.getKey());
      assertThat(d.exports())
          .as("%s's exports", d.name())
          .allMatch(e -> !e.isQualified())
          .extracting(ModuleDescriptor.Exports::source)
          .containsExactlyInAnyOrderElementsOf(m.getValue());
    }
  }

  @Test
  void qualifiedExportsGoOnlyToTheProjectsOwnModules() throws IOException {
    for (String folder : NAMED.keySet()) {
      ModuleDescriptor d = descriptor(folder);
      for (ModuleDescriptor.Exports e : d.exports()) {
        if (e.isQualified()) {
          assertThat(e.targets())
              .as("targets of %s's export of %s", d.name(), e.source())
              .allMatch(t -> t.startsWith("io.github.cloudtwin."));
        }
      }
    }
  }

  @Test
  void theTestcontainersModuleNamesItselfInItsManifest() throws IOException {
    Path root = Repository.root().resolve("testcontainers");
    assertThat(root.resolve("src/main/java/module-info.java"))
        .as("see docs/architecture.md, Module boundary")
        .doesNotExist();
    assertThat(Files.readString(root.resolve("pom.xml")))
        .contains(
            "<Automatic-Module-Name>io.github.cloudtwin.testcontainers</Automatic-Module-Name>");
  }

  /** The table's rows: module name -> exported packages. */
  static Map<String, Set<String>> documentedExports() throws IOException {
    String doc = Files.readString(Repository.root().resolve("docs/architecture.md"));
    int start = doc.indexOf("## Module boundary");
    assertThat(start).as("a 'Module boundary' section in docs/architecture.md").isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9.]+)` \\| (.+) \\|$").matcher(section);
    while (row.find()) {
      Set<String> packages = new TreeSet<>();
      Matcher pkg = Pattern.compile("`([a-z0-9.]+)`").matcher(row.group(2));
      while (pkg.find()) packages.add(pkg.group(1));
      rows.put(row.group(1), packages);
    }
    return rows;
  }

  /** The compiled descriptor of a module folder: its jar's when built, else target/classes'. */
  static ModuleDescriptor descriptor(String folder) throws IOException {
    Path target = Repository.root().resolve(folder).resolve("target");
    Path classes = target.resolve("classes/module-info.class");
    assertThat(classes).as("%s's compiled descriptor (build the module first)", folder).exists();
    try (InputStream in = Files.newInputStream(classes)) {
      ModuleDescriptor fromClasses =
          ModuleDescriptor.read(in, () -> packages(target.resolve("classes")));
      for (Path jar : jars(target)) {
        try (JarFile file = new JarFile(jar.toFile());
            InputStream j = file.getInputStream(file.getEntry("module-info.class"))) {
          assertThat(ModuleDescriptor.read(j).exports())
              .as("exports of %s", jar.getFileName())
              .isEqualTo(fromClasses.exports());
        }
      }
      return fromClasses;
    }
  }

  private static List<Path> jars(Path target) throws IOException {
    if (!Files.isDirectory(target)) return List.of();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".jar")
                    && !n.endsWith("-sources.jar")
                    && !n.endsWith("-javadoc.jar");
              })
          .toList();
    }
  }

  private static Set<String> packages(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(
              p ->
                  p.toString().endsWith(".class")
                      && !p.getFileName().toString().equals("module-info.class"))
          .map(
              p ->
                  classes
                      .relativize(p.getParent())
                      .toString()
                      .replace(java.io.File.separatorChar, '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
