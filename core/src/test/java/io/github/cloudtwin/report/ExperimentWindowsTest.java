package io.github.cloudtwin.report;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.experiments.Experiment;
import io.github.cloudtwin.experiments.FaultAction;
import io.github.cloudtwin.experiments.Selection;
import io.github.cloudtwin.facts.ExperimentFact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An experiment's actions are shaded on every chart with their names, like zone outages, and their
 * start and end are markers in the faults lane. The twin: group "web" of 4 in two zones; experiment
 * "drill" stresses CPU from +00:01:00 for 10 minutes and terminates half the group at +00:03:00.
 */
class ExperimentWindowsTest {

  private static CloudTwin twin() {
    CloudTwin twin = CloudTwin.builder().seed(5).build();
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(4)
                .maxSize(8)
                .desiredCapacity(4)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.advance(ofMinutes(2));
    twin.experiments()
        .run(
            Experiment.builder("drill")
                .action(
                    "stress",
                    new FaultAction.CpuStress("web", Selection.percent(100), 50),
                    ofMinutes(1),
                    ofMinutes(10))
                .action(
                    "kill",
                    new FaultAction.TerminateInstances("web", Selection.percent(50)),
                    ofMinutes(3))
                .runFor(ofMinutes(20))
                .build());
    return twin;
  }

  @Test
  void eachActionsWindowIsReadFromItsFactsAndShadedWithItsNameOnEveryPlot() throws Exception {
    try (CloudTwin twin = twin()) {
      Report r = Report.builder(twin).build();
      ExperimentWindow stress = r.experimentWindows().get(0);
      ExperimentWindow kill = r.experimentWindows().get(1);
      assertThat(r.experimentWindows()).hasSize(2);
      assertThat(stress.label()).isEqualTo("drill / stress");
      assertThat(stress.actionId()).isEqualTo("aws:ssm:send-command/AWSFIS-Run-CPU-Stress");
      assertThat(stress.to().minus(stress.from())).isEqualTo(ofMinutes(10));
      assertThat(stress.ongoing()).isFalse();
      assertThat(kill.from()).isEqualTo(stress.from().plus(ofMinutes(2)));
      assertThat(kill.to()).isEqualTo(kill.from()); // an instant action
      // the windows start where the facts say, not where the plan said
      long started = twin.timeline().events(ExperimentFact.ActionStarted.class).size();
      assertThat(started).isEqualTo(2);

      Document doc = ReportTest.parse(r.toXhtml());
      NodeList svgs = doc.getElementsByTagNameNS(Report.SVG_NS, "svg");
      int plots = 0;
      for (int i = 0; i < svgs.getLength(); i++) {
        Element svg = (Element) svgs.item(i);
        String cls = svg.getAttribute("class");
        if (!cls.equals("chart") && !cls.equals("panel")) continue;
        plots++;
        List<String> shaded = new ArrayList<>();
        NodeList rects = svg.getElementsByTagNameNS(Report.SVG_NS, "rect");
        for (int k = 0; k < rects.getLength(); k++) {
          Element rect = (Element) rects.item(k);
          if (rect.getAttribute("class").equals("experiment-action"))
            shaded.add(rect.getAttribute("data-action"));
        }
        assertThat(shaded)
            .as("windows shaded on %s %s", cls, svg.getAttribute("aria-label"))
            .containsExactly("drill / stress", "drill / kill");
      }
      assertThat(plots).isGreaterThanOrEqualTo(3); // the group chart and its two zone panels
      List<String> labels = new ArrayList<>();
      NodeList texts = doc.getElementsByTagNameNS(Report.SVG_NS, "text");
      for (int k = 0; k < texts.getLength(); k++) {
        Element t = (Element) texts.item(k);
        if (t.getAttribute("class").equals("action-label")) labels.add(t.getTextContent());
      }
      assertThat(labels).contains("drill / stress", "drill / kill");
      assertThat(r.toXhtml()).contains("legend-action").contains("<h2>Experiment actions</h2>");
    }
  }

  @Test
  void anActionsStartAndEndAreFaultMarkersAndATwinWithoutExperimentsHasNoWindows() {
    try (CloudTwin twin = twin()) {
      Report r = Report.builder(twin).build();
      List<Long> marked = new ArrayList<>();
      for (Marker m : r.markers()) if (m.kind() == Marker.Kind.FAULT) marked.addAll(m.eventIds());
      for (var e : twin.timeline().events(ExperimentFact.ActionStarted.class))
        assertThat(marked).contains(e.id());
      for (var e : twin.timeline().events(ExperimentFact.ActionEnded.class))
        assertThat(marked).contains(e.id());
    }
    try (CloudTwin plain = CloudTwin.builder().build()) {
      plain.advance(ofMinutes(5));
      Report r = Report.builder(plain).build();
      assertThat(r.experimentWindows()).isEmpty();
      assertThat(r.toXhtml())
          .doesNotContain("class=\"experiment-action\"")
          .doesNotContain("legend-action");
    }
  }
}
