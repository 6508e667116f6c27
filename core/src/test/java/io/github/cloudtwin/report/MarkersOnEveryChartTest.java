package io.github.cloudtwin.report;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every chart of a report carries the event markers: the main plots in their lanes, a chart of only
 * per-zone series in a strip of lanes of its own, and each zone panel the markers' guide lines. The
 * twin: group "web" of 3 in three zones; us-east-1a fails from +00:05:00 for 10 minutes.
 */
class MarkersOnEveryChartTest {

  private static List<Element> children(Element parent, String ns, String tag, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList n = parent.getElementsByTagNameNS(ns, tag);
    for (int i = 0; i < n.getLength(); i++) {
      Element e = (Element) n.item(i);
      if ((" " + e.getAttribute("class") + " ").contains(" " + cls + " ")) out.add(e);
    }
    return out;
  }

  @Test
  void everyChartSectionHasMarkersAndEveryPanelTheirGuideLines() throws Exception {
    try (CloudTwin twin = CloudTwin.builder().seed(9).build()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .instanceType("m5.large")
                  .minSize(3)
                  .maxSize(6)
                  .desiredCapacity(3)
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .build());
      twin.faults().zoneOutage("us-east-1a", ofMinutes(5), ofMinutes(10));
      twin.advance(ofMinutes(30));
      ChartSource zonesOnly =
          tw ->
              List.of(
                  new Chart(
                      "per zone only",
                      "Count",
                      List.of(
                          new Series(
                                  "a",
                                  "a",
                                  List.of(new Point(ofMinutes(0), 1), new Point(ofMinutes(30), 1)))
                              .inZone("us-east-1a"),
                          new Series(
                                  "b",
                                  "b",
                                  List.of(new Point(ofMinutes(0), 2), new Point(ofMinutes(30), 2)))
                              .inZone("us-east-1b")),
                      List.of()));
      Report r = Report.builder(twin).source(zonesOnly).build();
      assertThat(r.markers()).isNotEmpty();
      Document doc = ReportTest.parse(r.toXhtml());
      List<Element> sections =
          children(doc.getDocumentElement(), Report.XHTML_NS, "section", "chart");
      assertThat(sections).hasSizeGreaterThanOrEqualTo(2); // the group's chart and "per zone only"
      boolean sawStrip = false;
      for (Element s : sections) {
        String title = s.getElementsByTagNameNS(Report.XHTML_NS, "h2").item(0).getTextContent();
        assertThat(children(s, Report.SVG_NS, "a", "marker"))
            .as("markers on chart %s", title)
            .isNotEmpty();
        // the zone outage's start and end are fault markers on every chart
        assertThat(children(s, Report.SVG_NS, "a", "marker-fault"))
            .as("fault markers on chart %s", title)
            .hasSize(2);
        for (Element panel : children(s, Report.SVG_NS, "svg", "panel")) {
          assertThat(children(panel, Report.SVG_NS, "line", "guide"))
              .as("guide lines in panel %s of %s", panel.getAttribute("data-zone"), title)
              .isNotEmpty();
        }
        if (title.startsWith("per zone only")) {
          sawStrip = true;
          assertThat(children(s, Report.SVG_NS, "svg", "markers-only")).hasSize(1);
          assertThat(children(s, Report.SVG_NS, "svg", "panel")).hasSize(2);
        }
      }
      assertThat(sawStrip).isTrue();
    }
  }
}
