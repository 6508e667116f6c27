package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The timeline table comes in blocks the browser lays out only near the viewport: every row once,
 * in order, at most {@link TimelineTable#ROWS_PER_BLOCK} per block, one header above them all.
 */
class TimelineTableTest {

  @Test
  void rowsComeInOrderInBlocksOfAtMostAHundredUnderOneHeader() throws Exception {
    try (CloudTwin twin = CloudTwin.builder().build()) {
      for (int i = 0; i < 250; i++) {
        twin.advance(Duration.ofSeconds(10));
        twin.timeline().record("thing/t-" + i, "note", "event " + i);
      }
      Document doc = ReportTest.parse(Report.builder(twin).build().toXhtml());
      List<Element> blocks = new ArrayList<>();
      NodeList divs = doc.getElementsByTagNameNS(Report.XHTML_NS, "div");
      for (int i = 0; i < divs.getLength(); i++) {
        Element d = (Element) divs.item(i);
        if (d.getAttribute("class").equals("timeline-rows")) blocks.add(d);
      }
      int n = twin.timeline().size();
      assertThat(n).isGreaterThanOrEqualTo(250);
      assertThat(blocks).hasSize((n + 99) / 100);
      List<Integer> ids = new ArrayList<>();
      for (Element b : blocks) {
        assertThat(b.getElementsByTagNameNS(Report.XHTML_NS, "table").getLength()).isEqualTo(1);
        assertThat(b.getElementsByTagNameNS(Report.XHTML_NS, "th").getLength()).isZero();
        NodeList rows = b.getElementsByTagNameNS(Report.XHTML_NS, "tr");
        assertThat(rows.getLength()).isBetween(1, TimelineTable.ROWS_PER_BLOCK);
        for (int i = 0; i < rows.getLength(); i++)
          ids.add(Integer.parseInt(((Element) rows.item(i)).getAttribute("id").substring(1)));
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 1; i <= n; i++) expected.add(i);
      assertThat(ids).isEqualTo(expected);
      assertThat(doc.getElementsByTagNameNS(Report.XHTML_NS, "th").getLength())
          .isEqualTo(6); // one header row, above the blocks
    }
  }
}
