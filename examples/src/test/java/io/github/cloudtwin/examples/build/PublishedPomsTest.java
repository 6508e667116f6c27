package io.github.cloudtwin.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The POMs users download carry what Maven Central requires (name, description, url, licenses, scm,
 * developers) and an issue tracker: the parent declares it once, every published module inherits
 * it, the BOM (which has no parent) repeats it word for word and lists every published module;
 * modules that are not published are neither installed nor deployed.
 */
class PublishedPomsTest {

  static final List<String> METADATA =
      List.of("url", "licenses", "scm", "developers", "issueManagement");
  static final List<String> NOT_PUBLISHED = List.of("examples", "benchmarks");

  @Test
  void theParentDeclaresEveryElementCentralRequires() throws Exception {
    Element parent = pom(Repository.root().resolve("pom.xml"));
    for (String name :
        List.of("name", "description", "url", "licenses", "scm", "developers", "issueManagement")) {
      assertThat(text(parent, name)).as("<%s> of the parent POM", name).isNotBlank();
    }
    assertThat(text(parent, "licenses"))
        .contains("Apache-2.0")
        .contains("https://www.apache.org/licenses/LICENSE-2.0.txt");
    assertThat(Files.readString(Repository.root().resolve("LICENSE")))
        .contains("Apache License")
        .contains("Version 2.0, January 2004");
    assertThat(Repository.root().resolve("NOTICE")).exists();
  }

  @Test
  void theBomRepeatsTheParentsMetadataAndListsEveryPublishedModule() throws Exception {
    Path root = Repository.root();
    Element parent = pom(root.resolve("pom.xml"));
    Element bom = pom(root.resolve("bom/pom.xml"));
    for (String name : METADATA) {
      assertThat(normalized(text(bom, name)))
          .as("<%s> of bom/pom.xml", name)
          .isEqualTo(normalized(text(parent, name)));
    }
    List<String> managed = new ArrayList<>();
    NodeList ids =
        ((Element) child(bom, "dependencyManagement")).getElementsByTagName("artifactId");
    for (int i = 0; i < ids.getLength(); i++) {
      managed.add(ids.item(i).getTextContent().trim());
    }
    Map<String, String> published = publishedModules();
    assertThat(published).as("published modules").isNotEmpty();
    assertThat(managed)
        .as("artifacts the BOM manages")
        .containsExactlyInAnyOrderElementsOf(published.values());
  }

  @Test
  void everyPublishedModuleInheritsTheMetadataAndNamesItself() throws Exception {
    for (Map.Entry<String, String> module : publishedModules().entrySet()) {
      Element pom = pom(Repository.root().resolve(module.getKey()).resolve("pom.xml"));
      assertThat(text(pom, "name")).as("<name> of %s", module.getKey()).isNotBlank();
      assertThat(text(pom, "description")).as("<description> of %s", module.getKey()).isNotBlank();
      assertThat(text((Element) child(pom, "parent"), "artifactId"))
          .as("parent of %s", module.getKey())
          .isEqualTo("cloudtwin-parent");
      for (String name : METADATA) {
        assertThat(child(pom, name))
            .as("%s overrides the inherited <%s>", module.getKey(), name)
            .isNull();
      }
    }
  }

  @Test
  void modulesThatAreNotPublishedAreNeitherInstalledNorDeployed() throws Exception {
    String parent = Files.readString(Repository.root().resolve("pom.xml"));
    for (String module : NOT_PUBLISHED) {
      Element properties =
          (Element) child(pom(Repository.root().resolve(module).resolve("pom.xml")), "properties");
      for (String skip :
          List.of(
              "maven.install.skip",
              "maven.deploy.skip",
              "maven.source.skip",
              "maven.javadoc.skip")) {
        assertThat(text(properties, skip)).as("%s in %s/pom.xml", skip, module).isEqualTo("true");
      }
      assertThat(parent)
          .as("the release profile's excludeArtifacts")
          .contains("<excludeArtifact>cloudtwin-" + module + "</excludeArtifact>");
    }
  }

  /** Module folder to artifactId, for every module of the parent that is published. */
  static Map<String, String> publishedModules() throws Exception {
    Element parent = pom(Repository.root().resolve("pom.xml"));
    NodeList modules = ((Element) child(parent, "modules")).getElementsByTagName("module");
    Map<String, String> published = new TreeMap<>();
    for (int i = 0; i < modules.getLength(); i++) {
      String folder = modules.item(i).getTextContent().trim();
      if (NOT_PUBLISHED.contains(folder) || folder.equals("bom")) {
        continue;
      }
      published.put(
          folder, text(pom(Repository.root().resolve(folder).resolve("pom.xml")), "artifactId"));
    }
    return published;
  }

  static Element pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(file.toFile());
    return document.getDocumentElement();
  }

  /** The direct child element of that name, or null. */
  static Node child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return n;
      }
    }
    return null;
  }

  static String text(Element parent, String name) {
    Node n = child(parent, name);
    return n == null ? null : n.getTextContent().trim();
  }

  static String normalized(String s) {
    return s == null ? null : s.replaceAll("\\s+", " ");
  }
}
