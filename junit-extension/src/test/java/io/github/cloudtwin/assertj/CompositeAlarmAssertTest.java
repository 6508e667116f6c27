package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static io.github.cloudtwin.cloudwatch.AlarmState.OK;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "page" = ALARM(errors) AND ALARM(latency), suppressed by "deploying" (wait 60 s, extension 60 s).
 * errors is 1 over minutes 2..9, latency over minutes 3..9: page goes to ALARM at +00:04:00, waits
 * 60 s and pages at +00:05:00, goes OK at +00:13:00. "quiet" has the same rule but its suppressor,
 * "always", is in ALARM from +00:01:00: it goes to ALARM and never pages.
 */
class CompositeAlarmAssertTest {

  private CloudTwin twin;

  private void child(String name, int from, int to) {
    MetricId metric = MetricId.of("App", name);
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(name)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .treatMissingData(TreatMissingData.notBreaching)
                .build());
    if (to > from)
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(metric).between(ofMinutes(from), ofMinutes(to)).constant(1));
  }

  @BeforeEach
  void story() {
    twin = CloudTwin.builder().build();
    child("errors", 2, 10);
    child("latency", 3, 10);
    child("deploying", 0, 0);
    child("always", 0, 60);
    for (String[] c : new String[][] {{"page", "deploying"}, {"quiet", "always"}}) {
      twin.cloudWatch()
          .putCompositeAlarm(
              CompositeAlarmSpec.builder()
                  .alarmName(c[0])
                  .alarmRule("ALARM(errors) AND ALARM(latency)")
                  .alarmActions(AlarmAction.of("sns:oncall", x -> {}))
                  .actionsSuppressor(c[1], ofSeconds(60), ofSeconds(60))
                  .build());
    }
    twin.advance(ofMinutes(15));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void passingAssertions() {
    assertThat(twin)
        .compositeAlarm("page")
        .isInState(OK)
        .transitionedToAlarmAt(ofMinutes(4))
        .tookActionsAt(ofMinutes(5))
        .transitionedToStateAt(OK, ofMinutes(13));
    assertThat(twin)
        .compositeAlarm("quiet")
        .transitionedToAlarmAt(ofMinutes(4))
        .neverTookActionsIn(ALARM);
    assertThat(twin.cloudWatch().compositeAlarm("page")).tookActionsAt(ofMinutes(5));
  }

  @Test
  void isInStateFailsWithTheReasonTheSliceAndTheRule() {
    assertThatThrownBy(() -> assertThat(twin).compositeAlarm("page").isInState(ALARM))
        .hasMessageStartingWith(
            "Expecting composite alarm \"page\" to be in state ALARM\n"
                + "but it is OK (since +00:13:00): arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors transitioned to OK at"
                + " Thursday 01 January, 2026 00:13:00 UTC\nTimeline (")
        .hasMessageEndingWith("Rule: ALARM(errors) AND ALARM(latency)");
  }

  @Test
  void tookActionsAtFailsNamingWhenTheActionsRanAndTheSuppressor() {
    assertThatThrownBy(() -> assertThat(twin).compositeAlarm("page").tookActionsAt(ofMinutes(4)))
        .hasMessageStartingWith(
            "Expecting composite alarm \"page\" to take its actions at +00:04:00 (virtual time)\n"
                + "but it took them at +00:05:00.\nTimeline (")
        .hasMessageEndingWith(
            "Rule: ALARM(errors) AND ALARM(latency); actions suppressor deploying (wait 60 s, extension 60 s)");
    assertThatThrownBy(() -> assertThat(twin).compositeAlarm("quiet").tookActionsAt(ofMinutes(5)))
        .hasMessageContaining("but it took them never.");
  }

  @Test
  void neverTookActionsInFailsWhenActionsRanAndWhenTheStateWasNeverEntered() {
    assertThatThrownBy(() -> assertThat(twin).compositeAlarm("page").neverTookActionsIn(ALARM))
        .hasMessageStartingWith(
            "Expecting composite alarm \"page\" never to take actions in ALARM\n"
                + "but it took them at +00:05:00.\n");
    assertThatThrownBy(
            () ->
                assertThat(twin)
                    .compositeAlarm("quiet")
                    .neverTookActionsIn(
                        io.github.cloudtwin.cloudwatch.AlarmState.INSUFFICIENT_DATA))
        .hasMessageStartingWith(
            "Expecting composite alarm \"quiet\" never to take actions in INSUFFICIENT_DATA\n"
                + "but it never entered INSUFFICIENT_DATA (it is OK), so that would prove nothing.\n");
  }

  @Test
  void transitionedToStateAtFailsNamingWhenItDid() {
    assertThatThrownBy(
            () ->
                assertThat(twin)
                    .compositeAlarm("page")
                    .transitionedToAlarmAt(Duration.ofMinutes(3)))
        .hasMessageStartingWith(
            "Expecting composite alarm \"page\" to go to ALARM at +00:03:00 (virtual time)\n"
                + "but it went to ALARM at +00:04:00 (it is OK).\n");
  }
}
