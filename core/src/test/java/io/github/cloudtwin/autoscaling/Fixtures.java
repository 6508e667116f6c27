package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import java.time.Duration;

/** Shared set-up for the Auto Scaling tests. */
final class Fixtures {

  private Fixtures() {}

  static final String A = "us-east-1a";
  static final String B = "us-east-1b";
  static final String C = "us-east-1c";

  static AutoScalingGroupSpec.Builder group(
      String name, int min, int max, int desired, String... zones) {
    return AutoScalingGroupSpec.builder()
        .autoScalingGroupName(name)
        .minSize(min)
        .maxSize(max)
        .desiredCapacity(desired)
        .availabilityZones(zones.length == 0 ? new String[] {A, B, C} : zones)
        .detailedMonitoring(true);
  }

  static MetricId groupCpu(String group) {
    return MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", group);
  }

  /** An alarm on the group's CPU. */
  static MetricAlarmSpec cpuAlarm(
      String name,
      String group,
      ComparisonOperator op,
      double threshold,
      int period,
      int n,
      AlarmAction action) {
    return MetricAlarmSpec.builder()
        .alarmName(name)
        .metric(groupCpu(group))
        .period(Duration.ofSeconds(period))
        .evaluationPeriods(n)
        .threshold(threshold)
        .comparisonOperator(op)
        .alarmActions(action)
        .build();
  }

  /** Injects a constant CPU for every instance of the group from now on. */
  static void cpu(CloudTwin twin, String group, double value) {
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup(group)
                .from(twin.elapsed())
                .constant(value));
  }
}
