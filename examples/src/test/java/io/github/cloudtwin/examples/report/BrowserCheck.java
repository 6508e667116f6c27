package io.github.cloudtwin.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report opened in the browser: written under {@code target/browser-reports}, a copy with the
 * probe script ({@code report/probe.js}) opened headless, and what the probe found after the load
 * event.
 */
final class BrowserCheck {

  static final Path DIR = Path.of("target", "browser-reports");
  private static final Pattern CHECK =
      Pattern.compile("<pre id=\"browser-check\">(.*?)</pre>", Pattern.DOTALL);

  private BrowserCheck() {}

  /** Writes {@code twin}'s report as {@code <name>.html} and returns its path. */
  static Path write(CloudTwin twin, String name) {
    return Report.builder(twin)
        .title("Scenario " + name)
        .build()
        .write(DIR.resolve(name + ".html"));
  }

  /** Opens a probed copy of {@code report} and returns what the probe found. */
  static JsonNode open(Chromium chromium, Path report) {
    try {
      String html = Files.readString(report, StandardCharsets.UTF_8);
      String probe;
      try (InputStream in = BrowserCheck.class.getResourceAsStream("/report/probe.js")) {
        probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int head = html.indexOf("<head>") + "<head>".length();
      Path probed =
          report.resolveSibling(report.getFileName().toString().replace(".html", ".probed.html"));
      Files.writeString(
          probed,
          html.substring(0, head) + "\n<script>\n" + probe + "\n</script>" + html.substring(head),
          StandardCharsets.UTF_8);
      String dom = chromium.dumpDom(probed);
      Matcher m = CHECK.matcher(dom);
      assertThat(m.find())
          .as("the probe's result in the DOM of %s (did the load event run?)", probed)
          .isTrue();
      String json =
          m.group(1)
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&nbsp;", "\u00a0")
              .replace("&amp;", "&");
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chart whose title starts with {@code prefix}. */
  static JsonNode chart(JsonNode check, String prefix) {
    List<String> titles = new ArrayList<>();
    for (JsonNode c : check.get("charts")) {
      if (c.get("title").asText().startsWith(prefix)) return c;
      titles.add(c.get("title").asText());
    }
    throw new AssertionError("no chart titled " + prefix + "... among " + titles);
  }

  /** The names of the chart's drawn series (a path of positive length). */
  static List<String> drawnSeries(JsonNode chart) {
    List<String> names = new ArrayList<>();
    for (JsonNode s : chart.get("series"))
      if (s.get("length").asDouble() > 0) names.add(s.get("name").asText());
    return names;
  }

  static int markers(JsonNode chart, String kind) {
    JsonNode n = chart.get("markers").get("marker-" + kind);
    return n == null ? 0 : n.asInt();
  }

  /**
   * What every report must show in any browser: no error, no network, the script ran, tooltips
   * work, legends fit.
   */
  static void assertCleanAndInteractive(JsonNode check) {
    assertThat(check.get("errors")).as("errors in the browser").isEmpty();
    assertThat(check.get("resources"))
        .as("resources loaded (the page must be self-contained)")
        .isEmpty();
    assertThat(check.get("markersScript").asInt())
        .as("markers the page's script prepared")
        .isPositive();
    assertThat(check.get("focused").asBoolean()).as("a marker takes keyboard focus").isTrue();
    assertThat(check.get("tipOnFocus").asText()).as("tooltip on focus").isNotBlank();
    assertThat(check.get("tipHiddenOnBlur").asBoolean()).as("tooltip hidden on blur").isTrue();
    assertThat(check.get("tipOnHover").asText())
        .as("tooltip on hover")
        .isEqualTo(check.get("tipOnFocus").asText());
    assertThat(check.get("markerTargetExists").asBoolean())
        .as("the marker's timeline row " + check.get("markerHref"))
        .isTrue();
    for (JsonNode c : check.get("charts")) {
      assertThat(c.get("legendOverflow"))
          .as("legend items or labels outside the chart %s", c.get("title"))
          .isEmpty();
    }
  }
}
