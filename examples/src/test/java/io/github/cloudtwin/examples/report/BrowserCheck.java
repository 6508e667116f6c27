package io.github.cloudtwin.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report opened in the browser: written under {@code target/browser-reports}, opened headless
 * with the probe script ({@code report/probe.js}) evaluated first, and what the probe found after
 * the load event.
 */
final class BrowserCheck {

  static final Path DIR = Path.of("target", "browser-reports");

  /** The page's y (CSS pixels) 16 px below its last chart (or its verdict, without charts). */
  static final String CHARTS_BOTTOM =
      "(function(){var s=document.querySelectorAll('section.chart, section.verdict');"
          + "return Math.ceil(s[s.length-1].getBoundingClientRect().bottom+window.scrollY+16);})()";

  private static final int MAX_SCREENSHOT_HEIGHT = 6000;

  /** Waits for the probe's load handler to have run, then for its result. */
  static final String PROBE_RESULT =
      "new Promise(function(r){(function w(){if(window.__browserCheck)r(window.__browserCheck);"
          + "else setTimeout(w,5);})();})";

  private BrowserCheck() {}

  /** Writes {@code twin}'s report as {@code <name>.html} and returns its path. */
  static Path write(CloudTwin twin, String name) {
    return Report.builder(twin)
        .title("Scenario " + name)
        .build()
        .write(DIR.resolve(name + ".html"));
  }

  /**
   * Opens {@code report} in a window of {@code width} x {@code height} pixels with the probe
   * evaluated before the page's own script, saves the page from its top to the end of its last
   * chart to {@code png} and returns what the probe found.
   */
  static JsonNode open(Chromium chromium, Path report, Path png, int width, int height) {
    try (DevTools browser = chromium.launch()) {
      DevTools.Tab tab = browser.open(report, width, height, probe());
      JsonNode check = tab.evaluate(PROBE_RESULT);
      assertThat(check.isObject()).as("the probe's result for %s", report).isTrue();
      int bottom = tab.evaluate(CHARTS_BOTTOM).asInt();
      tab.screenshot(png, width, Math.min(Math.max(bottom, height / 2), MAX_SCREENSHOT_HEIGHT));
      tab.close();
      return check;
    }
  }

  /** The probe's script. */
  static String probe() {
    try (InputStream in = BrowserCheck.class.getResourceAsStream("/report/probe.js")) {
      if (in == null) throw new IllegalStateException("no /report/probe.js on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
      assertPanelsLegible(c);
    }
  }

  /**
   * A chart's zone panels (small multiples) are legible: each inside the window, none overlapping
   * another, each titled within its own box, all the same size.
   */
  static void assertPanelsLegible(JsonNode chart) {
    List<JsonNode> panels = new ArrayList<>();
    chart.get("panels").forEach(panels::add);
    for (int i = 0; i < panels.size(); i++) {
      JsonNode p = panels.get(i);
      JsonNode a = p.get("box");
      String what = chart.get("title").asText() + ", panel " + p.get("zone").asText();
      assertThat(a.get("left").asDouble()).as("left edge of %s", what).isGreaterThanOrEqualTo(0);
      assertThat(a.get("right").asDouble())
          .as("right edge of %s", what)
          .isLessThanOrEqualTo(p.get("viewportWidth").asDouble());
      assertThat(p.get("titleFits").asBoolean()).as("the title of %s fits it", what).isTrue();
      assertThat(width(a)).as("width of %s", what).isEqualTo(width(panels.get(0).get("box")));
      for (int j = 0; j < i; j++) {
        JsonNode b = panels.get(j).get("box");
        boolean apart =
            a.get("right").asDouble() <= b.get("left").asDouble()
                || b.get("right").asDouble() <= a.get("left").asDouble()
                || a.get("bottom").asDouble() <= b.get("top").asDouble()
                || b.get("bottom").asDouble() <= a.get("top").asDouble();
        assertThat(apart)
            .as("%s overlaps panel %s", what, panels.get(j).get("zone").asText())
            .isTrue();
      }
    }
  }

  private static double width(JsonNode box) {
    return box.get("right").asDouble() - box.get("left").asDouble();
  }
}
