package io.github.cloudtwin.report;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.facts.AutoScalingFact.PolicyExecuted;
import io.github.cloudtwin.facts.AutoScalingFact.ScalingActivityStarted;
import io.github.cloudtwin.facts.CloudWatchFact.AlarmStateChanged;
import io.github.cloudtwin.facts.Ec2Fact.ZoneStateChanged;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The markers, the verdict and the linked timeline. The twin: group "web" of 3 over three zones;
 * alarm "cpu-high" (group CPU above 80 for two 1-minute periods) runs policy "out" (+2); CPU 95 is
 * injected from +00:02:00 to +00:10:00; us-east-1a fails from +00:20:00 for 10 minutes; the report
 * is made at +00:40:00.
 */
class ReportMarkersAndVerdictTest {

  private final CloudTwin twin = CloudTwin.builder().seed(3).build();

  ReportMarkersAndVerdictTest() {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(3)
                .maxSize(9)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .detailedMonitoring(true)
                .build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("out")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(2)
                    .build());
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(cpu)
                .period(ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(ofMinutes(2), ofMinutes(10))
                .constant(95));
    twin.faults().zoneOutage("us-east-1a", ofMinutes(20), ofMinutes(10));
    twin.advance(ofMinutes(40));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  private List<Marker> markers(Report r, Marker.Kind kind) {
    return r.markers().stream().filter(m -> m.kind() == kind).toList();
  }

  @Test
  void alarmTransitionsPolicyExecutionsActivitiesAndFaultsAreMarkedFromTheirFacts() {
    Report r = Report.builder(twin).build();
    List<Marker> alarms = markers(r, Marker.Kind.ALARM);
    assertThat(alarms)
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(twin.timeline().event(m.firstEventId()).fact())
                    .isInstanceOf(AlarmStateChanged.class));
    Marker fired =
        alarms.stream().filter(m -> m.tone() == Marker.Tone.BAD).findFirst().orElseThrow();
    assertThat(((AlarmStateChanged) twin.timeline().event(fired.firstEventId()).fact()).to())
        .isEqualTo(AlarmState.ALARM);

    Marker policy = markers(r, Marker.Kind.POLICY).get(0);
    assertThat(twin.timeline().event(policy.firstEventId()).fact())
        .isInstanceOf(PolicyExecuted.class);
    // its tooltip gives the cause chain: the alarm transition that ran the policy is in it
    assertThat(policy.text()).contains("cause chain").contains("#" + fired.firstEventId() + " ");

    List<Marker> faults = markers(r, Marker.Kind.FAULT);
    assertThat(faults)
        .extracting(m -> twin.timeline().event(m.firstEventId()).fact().getClass().getSimpleName())
        .contains(ZoneStateChanged.class.getSimpleName());
    assertThat(faults)
        .filteredOn(m -> m.offset().equals(ofMinutes(20)))
        .singleElement()
        .satisfies(m -> assertThat(m.tone()).isEqualTo(Marker.Tone.BAD));
    assertThat(faults)
        .filteredOn(m -> m.offset().equals(ofMinutes(30)))
        .singleElement()
        .satisfies(m -> assertThat(m.tone()).isEqualTo(Marker.Tone.GOOD));
  }

  @Test
  void spotInterruptionsAreFaults() {
    assertThat(Marker.kindOf(new io.github.cloudtwin.facts.Ec2Fact.SpotInstanceInterrupted("i-1")))
        .contains(Marker.Kind.FAULT);
    assertThat(
            Markers.classify(new io.github.cloudtwin.facts.Ec2Fact.SpotInstanceInterrupted("i-1"))
                .tone())
        .isEqualTo(Marker.Tone.BAD);
    assertThat(
            Marker.kindOf(
                new io.github.cloudtwin.facts.Ec2Fact.SpotInterruptionNoticed("i-1", twin.now())))
        .contains(Marker.Kind.FAULT);
  }

  @Test
  void eventsTooCloseToDrawApartShareOneMarkerAndNoneIsLost() {
    Report r = Report.builder(twin).build();
    List<Marker> activities = markers(r, Marker.Kind.ACTIVITY);
    long started = twin.timeline().events(ScalingActivityStarted.class).size();
    assertThat(activities.stream().mapToInt(m -> m.eventIds().size()).sum())
        .isEqualTo((int) started);
    Marker launches = activities.get(0); // the three launches at +00:00:00
    assertThat(launches.offset()).isEqualTo(Duration.ZERO);
    assertThat(launches.eventIds()).hasSize(3);
    assertThat(launches.text()).startsWith("3 activities events");
    Set<Long> seen = new HashSet<>();
    for (Marker m : r.markers())
      assertThat(seen.addAll(m.eventIds())).isTrue(); // no event in two markers
  }

  @Test
  void markersLinkToTheirTimelineRowsAndCauseReferencesAreLinks() throws Exception {
    Report r = Report.builder(twin).build();
    String html = r.toXhtml();
    var doc = ReportTest.parse(html);
    Set<String> rows = new HashSet<>();
    NodeList trs = doc.getElementsByTagNameNS(Report.XHTML_NS, "tr");
    for (int i = 0; i < trs.getLength(); i++) rows.add(((Element) trs.item(i)).getAttribute("id"));
    NodeList anchors = doc.getElementsByTagNameNS(Report.SVG_NS, "a");
    int markers = 0;
    for (int i = 0; i < anchors.getLength(); i++) {
      Element a = (Element) anchors.item(i);
      if (!a.getAttribute("class").startsWith("marker ")) continue;
      markers++;
      assertThat(rows).contains(a.getAttribute("href").substring(1));
      assertThat(a.getElementsByTagNameNS(Report.SVG_NS, "title").item(0).getTextContent())
          .isNotBlank();
    }
    int charts = r.charts().size();
    assertThat(markers).isEqualTo(r.markers().size() * charts);
    Matcher cause = Pattern.compile("<td><a href=\"#e(\\d+)\">#(\\d+)</a></td></tr>").matcher(html);
    int links = 0;
    while (cause.find()) {
      assertThat(cause.group(1)).isEqualTo(cause.group(2));
      assertThat(rows).contains("e" + cause.group(1));
      links++;
    }
    long caused = twin.timeline().events().stream().filter(e -> e.causeId() != 0).count();
    assertThat(links).isEqualTo((int) caused);
  }

  @Test
  void theVerdictSaysWhenTheAlarmFiredHowCapacityMovedAndHowLongRecoveryTook() {
    Report r = Report.builder(twin).build();
    Verdict v = r.verdict();
    assertThat(v.outcome()).isNull();
    TimelineEvent fired =
        twin.timeline().events(AlarmStateChanged.class).stream()
            .filter(e -> ((AlarmStateChanged) e.fact()).to() == AlarmState.ALARM)
            .findFirst()
            .orElseThrow();
    String firedAt =
        io.github.cloudtwin.kernel.TimelineFormat.offset(
            Duration.between(twin.timeline().t0(), fired.time()));
    assertThat(v.facts())
        .filteredOn(f -> f.topic().equals("alarm"))
        .singleElement()
        .satisfies(f -> assertThat(f.text()).startsWith("alarm cpu-high fired once at " + firedAt));
    assertThat(v.facts())
        .filteredOn(f -> f.topic().equals("capacity"))
        .first()
        .satisfies(
            f ->
                assertThat(f.text())
                    .startsWith(
                        "Auto Scaling group web: InService peaked at 8 (+00:30:30), never below 3 after reaching it at +00:00:30"));
    assertThat(v.facts())
        .filteredOn(f -> f.topic().equals("recovery"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.text())
                    .startsWith("zone us-east-1a outage at +00:20:00: capacity short from +00:2")
                    .contains("recovered at"));
    assertThat(v.facts())
        .filteredOn(f -> f.topic().equals("cost"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.text())
                    .startsWith("cost US$")
                    .contains("at On-Demand prices as of")
                    .contains("; group web US$")
                    .contains("; launched by policy out US$"));
    assertThat(r.toXhtml()).contains("Report of a twin run (no test outcome)");
  }

  @Test
  void aFailedTestsVerdictLeadsWithTheOutcomeAndTheMessage() {
    String html =
        Report.builder(twin)
            .failure("java.lang.AssertionError: expected <4> & got 5")
            .build()
            .toXhtml();
    assertThat(html.indexOf("Test failed"))
        .isPositive()
        .isLessThan(html.indexOf("<dl class=\"facts\">"));
    assertThat(html)
        .contains("expected &lt;4&gt; &amp; got 5")
        .contains("class=\"verdict outcome-failed\"");
    assertThat(Report.builder(twin).outcome(Report.Outcome.PASSED).build().toXhtml())
        .contains("Test passed");
  }
}
