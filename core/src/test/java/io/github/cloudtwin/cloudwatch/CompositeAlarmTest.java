package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Composite alarms: rules, evaluation on the children's transitions, validation, deletion. */
class CompositeAlarmTest {

  private final CloudTwin twin = CloudTwin.builder().seed(1).build();
  private final CloudWatch cw = twin.cloudWatch();
  private final Instant t0 = twin.now();
  private final List<String> pages = new ArrayList<>();

  @AfterEach
  void close() {
    twin.close();
  }

  /**
   * A one-minute alarm on {@code Shop/<name>} that is in ALARM while the metric is 1 and OK
   * otherwise.
   */
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
    cw.inject(
        MetricInjection.metric(metric)
            .between(ofMinutes(fromMinute), ofMinutes(toMinute))
            .constant(1));
  }

  private CompositeAlarmSpec.Builder composite(String rule) {
    return CompositeAlarmSpec.builder()
        .alarmName("page")
        .alarmRule(rule)
        .alarmActions(
            AlarmAction.of(
                "sns:oncall", c -> pages.add(c.state() + " at " + Duration.between(t0, c.time()))))
        .okActions(
            AlarmAction.of(
                "sns:oncall-ok",
                c -> pages.add(c.state() + " at " + Duration.between(t0, c.time()))));
  }

  @Test
  void aCompositeAlarmGoesToAlarmOnlyWhileBothChildrenAreInAlarm() {
    child("errors", 5, 15);
    child("latency", 8, 20);
    CompositeAlarm page =
        cw.putCompositeAlarm(composite("ALARM(errors) AND ALARM(latency)").build());
    // evaluated at once: both children are still in INSUFFICIENT_DATA, the rule does not hold
    assertThat(page.state()).isEqualTo(AlarmState.OK);
    twin.advance(ofMinutes(30));
    // errors alarms at 6:00, latency at 9:00; errors recovers at 18:00, when its last breaching
    // datapoint (minute 14) has left its evaluation range of N + 2 = 3 periods
    assertThat(page.stateHistory())
        .extracting(AlarmHistoryItem::newState, AlarmHistoryItem::timestamp)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlarmState.OK, t0),
            org.assertj.core.groups.Tuple.tuple(AlarmState.ALARM, t0.plus(ofMinutes(9))),
            org.assertj.core.groups.Tuple.tuple(AlarmState.OK, t0.plus(ofMinutes(18))));
    assertThat(pages).containsExactly("OK at PT0S", "ALARM at PT9M", "OK at PT18M");
    assertThat(page.stateReason())
        .isEqualTo(
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors transitioned to OK at Thursday 01 January, 2026 00:18:00 UTC");
    assertThat(page.stateReasonData().toJson())
        .isEqualTo(
            "{\"triggeringAlarms\":[{\"arn\":"
                + "\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors\",\"state\":{\"value\":\"OK\","
                + "\"timestamp\":\"2026-01-01T00:18:00.000+0000\"}}]}");
  }

  @Test
  void theCompositeTransitionIsCausedByTheChildsTransitionAndCausesItsActions() {
    child("errors", 5, 15);
    cw.putCompositeAlarm(composite("ALARM(\"errors\")").build());
    twin.advance(ofMinutes(7));
    TimelineEvent composite =
        twin.timeline().events(CloudWatchFact.CompositeAlarmStateChanged.class).stream()
            .filter(
                e ->
                    e.fact(CloudWatchFact.CompositeAlarmStateChanged.class).orElseThrow().to()
                        == AlarmState.ALARM)
            .findFirst()
            .orElseThrow();
    TimelineEvent child =
        twin.timeline().events(CloudWatchFact.AlarmStateChanged.class).stream()
            .filter(
                e ->
                    e.fact(CloudWatchFact.AlarmStateChanged.class).orElseThrow().to()
                        == AlarmState.ALARM)
            .findFirst()
            .orElseThrow();
    assertThat(composite.causeId()).isEqualTo(child.id());
    TimelineEvent action =
        twin.timeline().events(CloudWatchFact.AlarmActionInvoked.class).stream()
            .filter(
                e ->
                    e.fact(CloudWatchFact.AlarmActionInvoked.class)
                            .orElseThrow()
                            .alarmName()
                            .equals("page")
                        && e.time().equals(t0.plus(ofMinutes(6))))
            .findFirst()
            .orElseThrow();
    assertThat(action.causeId()).isEqualTo(composite.id());
  }

  @Test
  void ruleFunctionsOperatorsConstantsAndArnsEvaluateAsAwsDocumentsThem() {
    child("errors", 0, 30);
    child("latency", 30, 40);
    twin.advance(ofMinutes(2)); // errors in ALARM, latency OK
    String arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:latency";
    assertThat(
            cw.putCompositeAlarm(
                    composite("ALARM(errors) AND OK(" + arn + ")").alarmName("c1").build())
                .state())
        .isEqualTo(AlarmState.ALARM);
    assertThat(
            cw.putCompositeAlarm(
                    composite("NOT ALARM(errors) OR INSUFFICIENT_DATA(latency)")
                        .alarmName("c2")
                        .build())
                .state())
        .isEqualTo(AlarmState.OK);
    // NOT binds tighter than AND, AND tighter than OR
    assertThat(
            cw.putCompositeAlarm(
                    composite("NOT OK(errors) AND FALSE OR TRUE").alarmName("c3").build())
                .state())
        .isEqualTo(AlarmState.ALARM);
    assertThat(
            cw.putCompositeAlarm(composite("NOT (OK(errors) OR TRUE)").alarmName("c4").build())
                .state())
        .isEqualTo(AlarmState.OK);
    assertThat(cw.putCompositeAlarm(composite("TRUE").alarmName("c5").build()).stateReason())
        .isEqualTo("Composite alarm rule TRUE evaluated to TRUE.");
    // a composite alarm can be part of another one's rule
    assertThat(
            cw.putCompositeAlarm(composite("ALARM(c1) AND ALARM(c5)").alarmName("c6").build())
                .state())
        .isEqualTo(AlarmState.ALARM);
    assertThat(cw.compositeAlarms())
        .extracting(CompositeAlarm::alarmName)
        .containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
  }

  private ValidationException rejected(CompositeAlarmSpec.Builder b) {
    int events = twin.timeline().events().size();
    int alarms = cw.compositeAlarms().size();
    try {
      cw.putCompositeAlarm(b.build());
    } catch (ValidationException e) {
      assertThat(twin.timeline().events()).hasSize(events);
      assertThat(cw.compositeAlarms()).hasSize(alarms);
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aSyntaxErrorNamesThePosition() {
    child("errors", 0, 1);
    assertThat(rejected(composite("ALARM(errors) AND")).getMessage())
        .contains("error at position 18: the rule ends where");
    assertThat(rejected(composite("alarm(errors)")).getMessage())
        .contains("error at position 1: unexpected 'alarm'")
        .contains("written in uppercase");
    assertThat(rejected(composite("ALARM(errors) XOR OK(errors)")).getMessage())
        .contains("error at position 15: unexpected 'X' (expected AND, OR or the end of the rule)");
    assertThat(rejected(composite("(ALARM(errors)")).getMessage())
        .contains("error at position 15: expected a ')' closing the '(' at position 1");
    assertThat(rejected(composite("ALARM()")).getMessage())
        .contains("error at position 1: the function names no alarm");
    assertThat(rejected(composite("ALARM(\"errors)")).getMessage())
        .contains("error at position 7: the quoted alarm name is not closed");
  }

  @Test
  void unknownAlarmsForeignArnsSelfReferencesAndScalingActionsAreRejected() {
    child("errors", 0, 1);
    assertThat(rejected(composite("ALARM(errors) OR ALARM(latency)")).getMessage())
        .contains("latency does not exist");
    assertThat(
            rejected(composite("ALARM(arn:aws:cloudwatch:eu-west-1:123456789012:alarm:errors)"))
                .getMessage())
        .contains("an alarm in this account and Region");
    assertThat(rejected(composite("ALARM(page)")).getMessage())
        .contains("does not name its own alarm");
    assertThatThrownBy(
            () ->
                composite("ALARM(errors)")
                    .alarmActions(AlarmAction.scaling("out", c -> {}))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("composite alarms take no scaling actions");
    assertThatThrownBy(
            () ->
                composite("ALARM(errors)").actionsSuppressor("errors", null, ofSeconds(60)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ActionsSuppressorWaitPeriod")
        .hasMessageContaining("required when ActionsSuppressor is specified");
    assertThat(
            rejected(
                    composite("ALARM(errors)")
                        .actionsSuppressor("deploying", ofSeconds(60), ofSeconds(60)))
                .field())
        .isEqualTo("ActionsSuppressor");
  }

  @Test
  void aCycleBetweenCompositeAlarmsIsRejectedAndTheOldRuleStays() {
    child("errors", 0, 1);
    cw.putCompositeAlarm(composite("ALARM(errors)").alarmName("a").build());
    cw.putCompositeAlarm(composite("ALARM(a)").alarmName("b").build());
    cw.putCompositeAlarm(composite("ALARM(b)").alarmName("c").build());
    ValidationException e = rejected(composite("ALARM(errors) OR ALARM(c)").alarmName("a"));
    assertThat(e.getMessage())
        .contains("a rule without a cycle between composite alarms: a -> c -> b -> a");
    assertThat(cw.compositeAlarm("a").spec().alarmRule()).isEqualTo("ALARM(errors)");
  }

  @Test
  void alarmNamesAreUniqueAcrossMetricAndCompositeAlarms() {
    child("errors", 0, 1);
    assertThat(rejected(composite("TRUE").alarmName("errors")).getMessage())
        .contains("unique across metric and composite alarms");
    cw.putCompositeAlarm(composite("TRUE").build());
    assertThatThrownBy(
            () ->
                cw.putMetricAlarm(
                    MetricAlarmSpec.builder()
                        .alarmName("page")
                        .metric(MetricId.of("Shop", "x"))
                        .threshold(1)
                        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                        .build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unique across metric and composite alarms");
  }

  @Test
  void anAlarmARuleNamesCannotBeDeletedUntilTheCompositeIsDeletedToo() {
    child("errors", 0, 1);
    CompositeAlarm page = cw.putCompositeAlarm(composite("ALARM(errors)").build());
    assertThatThrownBy(() -> cw.deleteAlarms("errors"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("page refers to it");
    assertThat(cw.alarms()).hasSize(1);
    cw.deleteAlarms("page", "errors");
    assertThat(page.isDeleted()).isTrue();
    assertThat(cw.compositeAlarms()).isEmpty();
    assertThat(cw.alarms()).isEmpty();
    assertThat(twin.timeline().events(CloudWatchFact.AlarmDeleted.class)).hasSize(2);
  }

  @Test
  void setAlarmStateOnACompositeHoldsUntilAChildChangesState() {
    child("errors", 3, 10);
    CompositeAlarm page = cw.putCompositeAlarm(composite("ALARM(errors)").build());
    cw.setAlarmState("page", AlarmState.ALARM, "testing the pager");
    assertThat(page.state()).isEqualTo(AlarmState.ALARM);
    assertThat(pages).containsExactly("OK at PT0S", "ALARM at PT0S");
    twin.advance(ofMinutes(1)); // errors goes to OK at 1:00: the rule does not hold
    assertThat(page.state()).isEqualTo(AlarmState.OK);
  }
}
