package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static io.github.cloudtwin.cloudwatch.AlarmState.OK;
import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.junit.CloudTwinTest;
import org.junit.jupiter.api.Test;

/**
 * Story 16, a metric that goes silent. In production: a batch worker hangs hard, stops reporting,
 * and the "CPU above 90 %" alarm stays quiet because there is nothing to compare. With {@code
 * treatMissingData=breaching} the silence itself trips the alarm; with the default-like {@code
 * notBreaching} it never does. The test pins down which one the team configured.
 */
@CloudTwinTest
class SilentMetricTest {

  @Test
  void aCrashedInstanceTripsTheBreachingAlarmButNotTheNotBreachingOne(CloudTwin twin) {
    Instance worker =
        twin.ec2()
            .runInstance(
                InstanceSpec.builder()
                    .instanceType("c5.large")
                    .availabilityZone("us-east-1a")
                    .detailedMonitoring(true)
                    .build());
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", worker.instanceId());
    twin.advance(ofMinutes(10)); // the worker reports for a while
    // tag::silent-alarms[]
    for (TreatMissingData missing :
        new TreatMissingData[] {TreatMissingData.breaching, TreatMissingData.notBreaching}) {
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("worker-cpu-" + missing)
                  .metric(cpu)
                  .period(ofMinutes(1))
                  .evaluationPeriods(3)
                  .threshold(90)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .treatMissingData(missing)
                  .build());
    }
    twin.advance(ofMinutes(5));
    twin.faults().crashInstance(worker.instanceId()); // still "running", but silent
    twin.advance(ofMinutes(10));
    // end::silent-alarms[]

    // evaluation range N + 2 = 5 minutes: while a real "not breaching" point from before the crash
    // is in the range it wins; at +00:20 all five are missing and count as breaching
    assertThat(twin)
        .alarm("worker-cpu-breaching")
        .isInState(ALARM)
        .transitionedToAlarmAt(ofMinutes(20));
    assertThat(twin).alarm("worker-cpu-notBreaching").isInState(OK).neverEnteredState(ALARM);
  }
}
