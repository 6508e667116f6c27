package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** README's "A short example", without the JUnit extension: a twin in try-with-resources. */
class ReadmeExampleTest {

  @Test
  void theAlarmFiresAtMinuteTwelve() {
    // tag::readme[]
    try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
      for (String zone : twin.config().zoneNames()) {
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .instanceType("m5.large")
                    .availabilityZone(zone)
                    .detailedMonitoring(true)
                    .autoScalingGroupName("web")
                    .build());
      }
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .between(ofMinutes(2), ofMinutes(12))
                  .constant(90));
      MetricAlarm alarm =
          twin.cloudWatch()
              .putMetricAlarm(
                  MetricAlarmSpec.builder()
                      .alarmName("cpu-high")
                      .metric(
                          MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                      .period(Duration.ofMinutes(5))
                      .evaluationPeriods(2)
                      .threshold(80)
                      .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                      .build());

      twin.advance(ofMinutes(12));

      assertThat(alarm.state()).isEqualTo(AlarmState.ALARM); // at exactly +00:12:00
      System.out.println(twin.timeline().text()); // and here is why
    }
    // end::readme[]
  }
}
