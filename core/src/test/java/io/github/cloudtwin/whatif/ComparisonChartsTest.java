package io.github.cloudtwin.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A report with a what-if comparison charts it: each estate's InService instances over the replay
 * as a step line, and bars side by side of cost, time above target and capacity, read from the
 * comparison's typed rows.
 */
class ComparisonChartsTest {

  private static Document parse(String page) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> byClass(Document d, String ns, String tag, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList n = d.getElementsByTagNameNS(ns, tag);
    for (int i = 0; i < n.getLength(); i++) {
      Element e = (Element) n.item(i);
      if ((" " + e.getAttribute("class") + " ").contains(" " + cls + " ")) out.add(e);
    }
    return out;
  }

  @Test
  void eachEstatesCapacityIsAStepLineAndItsCostAndBreachTimeAreBarsSideBySide() throws Exception {
    Comparison c =
        WhatIfTest.whatIf()
            .compare(
                Estate.of("fixed-2", t -> Estates.fixed(t, 2)),
                Estate.of("scaling", Estates::scaling));
    try (CloudTwin twin = CloudTwin.create()) {
      Document d = parse(Report.builder(twin).title("what if").comparison(c).build().toXhtml());

      // the capacity chart: one series per estate, by name
      List<String> lines = new ArrayList<>();
      for (Element p : byClass(d, Report.SVG_NS, "path", "series")) {
        if (p.getAttribute("class").contains("estate")) lines.add(p.getAttribute("data-series"));
      }
      assertThat(lines).containsExactly("fixed-2", "scaling");
      Element fixed = byClass(d, Report.SVG_NS, "path", "estate").get(0);
      Element scaling = byClass(d, Report.SVG_NS, "path", "estate").get(1);
      // the fixed estate is flat (a step line with no steps); the scaling one steps up and down
      assertThat(distinctYs(fixed.getAttribute("d"))).hasSize(1);
      assertThat(distinctYs(scaling.getAttribute("d")).size()).isGreaterThan(1);

      // the bars: one panel per measure, one bar per estate, values from the typed rows
      Map<String, List<String>> bars = new LinkedHashMap<>();
      for (Element svg : byClass(d, Report.SVG_NS, "svg", "bars")) {
        List<String> values = new ArrayList<>();
        NodeList gs = svg.getElementsByTagNameNS(Report.SVG_NS, "g");
        for (int i = 0; i < gs.getLength(); i++) {
          Element g = (Element) gs.item(i);
          values.add(g.getAttribute("data-estate") + "=" + g.getAttribute("data-value"));
        }
        bars.put(svg.getAttribute("data-measure"), values);
      }
      assertThat(bars)
          .containsOnlyKeys(
              "cost (USD)", "time above target (min)", "peak InService", "mean InService");
      assertThat(bars.get("cost (USD)"))
          .containsExactly(
              "fixed-2=" + usd(c.outcome("fixed-2").cost().totalUsd()),
              "scaling=" + usd(c.outcome("scaling").cost().totalUsd()));
      assertThat(bars.get("time above target (min)"))
          .containsExactly(
              "fixed-2=" + c.outcome("fixed-2").totalBreached().toMinutes(),
              "scaling=" + c.outcome("scaling").totalBreached().toMinutes());
      assertThat(bars.get("peak InService"))
          .containsExactly("fixed-2=2", "scaling=" + c.outcome("scaling").peakInService());
      // the longer bar is the larger value
      assertThat(barWidth(d, "time above target (min)", 0))
          .isGreaterThan(barWidth(d, "time above target (min)", 1));
    }
  }

  private static String usd(double v) {
    return String.format(Locale.ROOT, "$%.2f", v);
  }

  private static double barWidth(Document d, String measure, int i) {
    for (Element svg : byClass(d, Report.SVG_NS, "svg", "bars")) {
      if (!svg.getAttribute("data-measure").equals(measure)) continue;
      Element rect = (Element) svg.getElementsByTagNameNS(Report.SVG_NS, "rect").item(i);
      return Double.parseDouble(rect.getAttribute("width"));
    }
    throw new AssertionError("no bars for " + measure);
  }

  private static List<String> distinctYs(String path) {
    List<String> ys = new ArrayList<>();
    for (String cmd : path.split(" ")) {
      String y = cmd.substring(cmd.indexOf(',') + 1);
      if (!ys.contains(y)) ys.add(y);
    }
    return ys;
  }
}
