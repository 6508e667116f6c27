package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Action suppression ("Alarm suppression"): a suppressor in ALARM holds the composite's actions,
 * the wait period gives a late suppressor time to go into ALARM, the extension period keeps the
 * actions held after it leaves ALARM; when both end the actions of the current state run.
 */
class CompositeAlarmSuppressionTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final List<String> pages = new ArrayList<>();

  @AfterEach
  void close() {
    twin.close();
  }

  private void child(String name, int fromMinute, int toMinute) {
    MetricId metric = MetricId.of("Shop", name);
    cw.putMetricAlarm(
        MetricAlarmSpec.builder()
            .alarmName(name)
            .metric(metric)
            .threshold(1)
            .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
            .treatMissingData(TreatMissingData.notBreaching)
            .build());
    if (toMinute > fromMinute) {
      cw.inject(
          MetricInjection.metric(metric)
              .between(ofMinutes(fromMinute), ofMinutes(toMinute))
              .constant(1));
    }
  }

  private CompositeAlarm page() {
    return cw.putCompositeAlarm(
        CompositeAlarmSpec.builder()
            .alarmName("page")
            .alarmRule("ALARM(errors) AND ALARM(latency)")
            .alarmActions(
                AlarmAction.of(
                    "sns:oncall",
                    c -> pages.add(c.state() + " at " + Duration.between(t0, c.time()))))
            .actionsSuppressor("deploying", ofSeconds(120), ofSeconds(180))
            .build());
  }

  private List<CloudWatchFact.CompositeActionsSuppressed> suppressions() {
    List<CloudWatchFact.CompositeActionsSuppressed> out = new ArrayList<>();
    for (TimelineEvent e :
        twin.timeline().events(CloudWatchFact.CompositeActionsSuppressed.class)) {
      out.add(e.fact(CloudWatchFact.CompositeActionsSuppressed.class).orElseThrow());
    }
    return out;
  }

  @Test
  void theWaitPeriodHoldsTheActionsAndTheyRunWhenItEndsIfTheSuppressorStayedOk() {
    child("deploying", 0, 0);
    child("errors", 5, 30);
    child("latency", 8, 30);
    CompositeAlarm page = page();
    twin.advance(ofMinutes(10));
    // the composite went to ALARM at 9:00; its actions wait 120 s for the suppressor
    assertThat(page.state()).isEqualTo(AlarmState.ALARM);
    assertThat(page.actionsSuppressedBy()).contains(ActionsSuppressedBy.WAIT_PERIOD);
    assertThat(pages).isEmpty();
    twin.advance(ofMinutes(2));
    assertThat(pages).containsExactly("ALARM at PT11M");
    assertThat(page.actionsSuppressedBy()).isEmpty();
    assertThat(suppressions())
        .extracting(CloudWatchFact.CompositeActionsSuppressed::by)
        .containsExactly(ActionsSuppressedBy.WAIT_PERIOD, ActionsSuppressedBy.WAIT_PERIOD);
    assertThat(suppressions().get(1).state()).isEqualTo(AlarmState.ALARM);
    assertThat(suppressions().get(1).period()).isEqualTo(ofSeconds(120));
  }

  @Test
  void
      aSuppressorInAlarmKeepsTheCompositeQuietAndTheExtensionPeriodRunsTheActionsIfItIsStillInAlarm() {
    // ALARM from 5:00 to 15:00 (the last datapoint, minute 11, leaves the 3-period range then)
    child("deploying", 4, 12);
    child("errors", 5, 30);
    child("latency", 8, 30);
    CompositeAlarm page = page();
    twin.advance(ofMinutes(14));
    assertThat(page.state()).isEqualTo(AlarmState.ALARM);
    assertThat(page.actionsSuppressedBy()).contains(ActionsSuppressedBy.ALARM);
    twin.advance(ofMinutes(2));
    // the suppressor left ALARM at 15:00: the extension period holds the actions until 18:00
    assertThat(page.actionsSuppressedBy()).contains(ActionsSuppressedBy.EXTENSION_PERIOD);
    assertThat(pages).isEmpty();
    twin.advance(ofMinutes(2));
    assertThat(pages).containsExactly("ALARM at PT18M");
    assertThat(suppressions())
        .extracting(CloudWatchFact.CompositeActionsSuppressed::by)
        .endsWith(ActionsSuppressedBy.ALARM, ActionsSuppressedBy.EXTENSION_PERIOD);
  }

  @Test
  void aSuppressorThatGoesIntoAlarmDuringTheWaitPeriodSuppressesTheActionsForGood() {
    child("deploying", 9, 20); // ALARM from 10:00, inside the wait period that ends at 11:00
    child("errors", 5, 15);
    child("latency", 8, 15);
    CompositeAlarm page = page();
    twin.advance(ofMinutes(30));
    // the composite was in ALARM from 9:00 to 18:00, all of it while the actions were held
    assertThat(page.stateHistory())
        .extracting(AlarmHistoryItem::newState)
        .containsExactly(AlarmState.OK, AlarmState.ALARM, AlarmState.OK);
    assertThat(suppressions())
        .extracting(CloudWatchFact.CompositeActionsSuppressed::by)
        .contains(ActionsSuppressedBy.WAIT_PERIOD, ActionsSuppressedBy.ALARM);
    assertThat(pages).isEmpty();
    assertThat(page.actionsSuppressedBy()).isEmpty();
  }

  @Test
  void withoutASuppressorTheActionsRunOnTheTransition() {
    child("errors", 5, 30);
    child("latency", 8, 30);
    cw.putCompositeAlarm(
        CompositeAlarmSpec.builder()
            .alarmName("page")
            .alarmRule("ALARM(errors) AND ALARM(latency)")
            .alarmActions(
                AlarmAction.of(
                    "sns:oncall",
                    c -> pages.add(c.state() + " at " + Duration.between(t0, c.time()))))
            .build());
    twin.advance(ofMinutes(10));
    assertThat(pages).containsExactly("ALARM at PT9M");
    assertThat(suppressions()).isEmpty();
  }
}
