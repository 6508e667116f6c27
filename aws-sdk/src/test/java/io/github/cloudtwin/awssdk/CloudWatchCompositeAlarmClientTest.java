package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ActionsSuppressedBy;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Composite alarms through {@code CloudWatchClient}: PutCompositeAlarm, DescribeAlarms with
 * AlarmTypes, DeleteAlarms.
 */
class CloudWatchCompositeAlarmClientTest {

  private static final Instant T0 = CloudTwin.DEFAULT_START;

  private final CloudTwin twin = CloudTwin.builder().seed(3).build();
  private final CloudWatchClient cloudWatch = AwsSdkClients.of(twin).cloudWatch();

  @AfterEach
  void close() {
    twin.close();
  }

  private void child(String name) {
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName(name)
                .namespace("Shop")
                .metricName(name)
                .statistic("Maximum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching"));
  }

  private void put(String metric, int minute) {
    cloudWatch.putMetricData(
        r ->
            r.namespace("Shop")
                .metricData(
                    d -> d.metricName(metric).value(1.0).timestamp(T0.plusSeconds(60L * minute))));
  }

  @Test
  void aCompositeAlarmIsDescribedOnlyWhenAlarmTypesAsksForIt() {
    child("errors");
    child("latency");
    child("deploying");
    cloudWatch.putCompositeAlarm(
        r ->
            r.alarmName("page")
                .alarmRule("ALARM(errors) AND ALARM(latency)")
                .alarmActions("arn:aws:sns:us-east-1:123456789012:oncall")
                .actionsSuppressor("deploying")
                .actionsSuppressorWaitPeriod(120)
                .actionsSuppressorExtensionPeriod(180));
    put("errors", 0);
    put("latency", 0);
    twin.advance(Duration.ofMinutes(1));

    assertThat(cloudWatch.describeAlarms().compositeAlarms()).isEmpty();
    DescribeAlarmsResponse both =
        cloudWatch.describeAlarms(
            r -> r.alarmTypes(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM));
    assertThat(both.metricAlarms()).hasSize(3);
    CompositeAlarm page = both.compositeAlarms().get(0);
    assertThat(page.alarmName()).isEqualTo("page");
    assertThat(page.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:page");
    assertThat(page.alarmRule()).isEqualTo("ALARM(errors) AND ALARM(latency)");
    assertThat(page.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(page.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:oncall");
    assertThat(page.actionsSuppressor()).isEqualTo("deploying");
    assertThat(page.actionsSuppressorWaitPeriod()).isEqualTo(120);
    assertThat(page.actionsSuppressorExtensionPeriod()).isEqualTo(180);
    // the composite went to ALARM at 1:00: its actions wait for the suppressor
    assertThat(page.actionsSuppressedBy()).isEqualTo(ActionsSuppressedBy.WAIT_PERIOD);
    assertThat(page.actionsSuppressedReason()).isEqualTo("Actions suppressed by WaitPeriod");
    assertThat(page.stateReasonData())
        .startsWith(
            "{\"triggeringAlarms\":[{\"arn\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:");
    assertThat(
            cloudWatch.describeAlarms(r -> r.alarmTypes(AlarmType.COMPOSITE_ALARM)).metricAlarms())
        .isEmpty();
  }

  @Test
  void badRulesCyclesAndReferencedDeletionsAreRefusedAsInvalidParameterValue() {
    child("errors");
    assertThatThrownBy(
            () ->
                cloudWatch.putCompositeAlarm(
                    r -> r.alarmName("page").alarmRule("ALARM(errors) AND")))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("error at position 18");
    assertThatThrownBy(
            () -> cloudWatch.putCompositeAlarm(r -> r.alarmName("page").alarmRule("ALARM(nope)")))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("nope does not exist");
    cloudWatch.putCompositeAlarm(r -> r.alarmName("a").alarmRule("ALARM(errors)"));
    cloudWatch.putCompositeAlarm(r -> r.alarmName("b").alarmRule("ALARM(a)"));
    assertThatThrownBy(
            () -> cloudWatch.putCompositeAlarm(r -> r.alarmName("a").alarmRule("ALARM(b)")))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("a -> b -> a");
    assertThatThrownBy(() -> cloudWatch.deleteAlarms(r -> r.alarmNames("a")))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("b refers to it");
    cloudWatch.deleteAlarms(r -> r.alarmNames("b", "a"));
    assertThat(
            cloudWatch
                .describeAlarms(r -> r.alarmTypes(AlarmType.COMPOSITE_ALARM))
                .compositeAlarms())
        .isEmpty();
  }
}
