package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AWS::CloudWatch::Alarm with {@code Metrics} and AWS::CloudWatch::CompositeAlarm with a
 * suppressor.
 */
class CloudWatchMathAndCompositeTest {

  private final CloudTwin twin = CloudTwin.builder().seed(5).build();

  @AfterEach
  void close() {
    twin.close();
  }

  static final String TEMPLATE =
      """
      Resources:
        ErrorRate:
          Type: AWS::CloudWatch::Alarm
          Properties:
            AlarmName: error-rate
            EvaluationPeriods: 1
            Threshold: 5
            ComparisonOperator: GreaterThanThreshold
            Metrics:
              - Id: errors
                ReturnData: false
                MetricStat:
                  Metric: {Namespace: Shop, MetricName: Errors}
                  Period: 60
                  Stat: Sum
              - Id: requests
                ReturnData: false
                MetricStat:
                  Metric: {Namespace: Shop, MetricName: Requests}
                  Period: 60
                  Stat: Sum
              - Id: rate
                Expression: 100 * errors / requests
                Label: Error rate
        Deploying:
          Type: AWS::CloudWatch::Alarm
          Properties:
            AlarmName: deploying
            Namespace: Shop
            MetricName: Deploying
            Statistic: Maximum
            Period: 60
            EvaluationPeriods: 1
            Threshold: 1
            ComparisonOperator: GreaterThanOrEqualToThreshold
            TreatMissingData: notBreaching
        Page:
          Type: AWS::CloudWatch::CompositeAlarm
          Properties:
            AlarmName: page
            AlarmRule: !Sub "ALARM(${ErrorRate})"
            ActionsSuppressor: !Ref Deploying
            ActionsSuppressorWaitPeriod: 60
            ActionsSuppressorExtensionPeriod: 120
      """;

  @Test
  void aMathAlarmAndACompositeAlarmWithASuppressorAreImportedAndEvaluate() {
    Stack stack =
        StackImport.of(Template.parse("alarms.yaml", TEMPLATE))
            .stackName("alarms")
            .importInto(twin);
    MetricAlarm rate = stack.resource("ErrorRate", MetricAlarm.class);
    assertThat(rate.spec().isMetricMath()).isTrue();
    assertThat(rate.spec().returnedQuery().orElseThrow().label()).isEqualTo("Error rate");
    CompositeAlarm page = stack.resource("Page", CompositeAlarm.class);
    assertThat(page.spec().alarmRule()).isEqualTo("ALARM(error-rate)");
    assertThat(page.spec().actionsSuppressor()).isEqualTo("deploying");
    assertThat(page.spec().actionsSuppressorExtensionPeriod()).isEqualTo(Duration.ofSeconds(120));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(MetricId.of("Shop", "Errors"))
                .between(Duration.ZERO, ofMinutes(10))
                .constant(10));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(MetricId.of("Shop", "Requests"))
                .between(Duration.ZERO, ofMinutes(10))
                .constant(100));
    twin.advance(ofMinutes(2));
    assertThat(rate.state()).isEqualTo(AlarmState.ALARM);
    assertThat(page.state()).isEqualTo(AlarmState.ALARM);
  }

  @Test
  void aCompositeRuleWithASyntaxErrorIsRefusedNamingTheResource() {
    String broken =
        TEMPLATE.replace(
            "AlarmRule: !Sub \"ALARM(${ErrorRate})\"",
            "AlarmRule: !Sub \"ALARM(${ErrorRate}) AND\"");
    assertThatThrownBy(
            () ->
                StackImport.of(Template.parse("alarms.yaml", broken))
                    .stackName("alarms")
                    .importInto(twin))
        .isInstanceOf(TemplateValidationException.class)
        .hasMessageContaining("Page")
        .hasMessageContaining("error at position");
    assertThat(twin.cloudWatch().alarms()).isEmpty();
  }

  @Test
  void metricsTogetherWithMetricNameIsRefused() {
    String both =
        TEMPLATE.replace(
            "      AlarmName: error-rate\n",
            "      AlarmName: error-rate\n      MetricName: Errors\n");
    assertThat(both).isNotEqualTo(TEMPLATE);
    assertThatThrownBy(
            () ->
                StackImport.of(Template.parse("alarms.yaml", both))
                    .stackName("alarms")
                    .importInto(twin))
        .isInstanceOf(TemplateValidationException.class)
        .hasMessageContaining("MetricName");
  }
}
