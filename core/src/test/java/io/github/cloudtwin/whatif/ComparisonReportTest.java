package io.github.cloudtwin.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ComparisonReportTest {

  @Test
  void theReportShowsTheComparisonAsAWellFormedTableOneRowPerEstate() throws Exception {
    Comparison c =
        WhatIfTest.whatIf()
            .compare(
                Estate.of("fixed-2", t -> Estates.fixed(t, 2)),
                Estate.of("fixed <3>", t -> Estates.fixed(t, 3)));
    try (CloudTwin twin = CloudTwin.create()) {
      String page = Report.builder(twin).title("what if").comparison(c).build().toXhtml();
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document d =
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
      NodeList tables = d.getElementsByTagNameNS(Report.XHTML_NS, "table");
      assertThat(tables.getLength()).isEqualTo(2); // the comparison and the timeline
      org.w3c.dom.Element table = (org.w3c.dom.Element) tables.item(0);
      assertThat(table.getAttribute("class")).contains("comparison");
      NodeList rows = table.getElementsByTagNameNS(Report.XHTML_NS, "tr");
      assertThat(rows.getLength()).isEqualTo(3);
      assertThat(rows.item(2).getTextContent()).startsWith("fixed <3>");
      assertThat(rows.item(1).getTextContent())
          .contains(
              String.format(java.util.Locale.ROOT, "%.2f", c.outcome("fixed-2").cost().totalUsd()));
      assertThat(Report.builder(twin).build().toXhtml()).doesNotContain("What-if comparison");
    }
  }
}
