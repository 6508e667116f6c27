package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.io.PrintStream;
import java.time.Duration;

/** The scenarios the runner knows; each returns its twin, advanced to the end of the story. */
final class Scenarios {

  private Scenarios() {}

  /**
   * The seed's story: three instances report CPU 90 % from minute 2 to minute 12; the alarm
   * "average CPU above 80 % for two 5-minute periods" fires at the minute AWS would.
   */
  static CloudTwin seed(PrintStream out) {
    CloudTwin twin = CloudTwin.builder().seed(42).build();
    for (String zone : twin.config().zoneNames()) {
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .instanceType("m5.large")
                  .availabilityZone(zone)
                  .detailedMonitoring(true)
                  .tag(Ec2.GROUP_TAG, "web")
                  .build());
    }
    twin.cloudWatch()
        .inject(MetricInjection.metric("CPUUtilization").forGroup("web").between(ofMinutes(2), ofMinutes(12)).constant(90));
    MetricAlarm alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("cpu-high")
                    .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                    .period(Duration.ofMinutes(5))
                    .evaluationPeriods(2)
                    .threshold(80)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .alarmActions(AlarmAction.scaling("scale-out", c -> out.println(
                        "action scale-out invoked at " + c.time() + (c.reinvocation() ? " (re-invoked)" : ""))))
                    .build());
    twin.advance(ofMinutes(20));
    out.println("alarm cpu-high is " + alarm.state() + ": " + alarm.stateReason());
    return twin;
  }
}
