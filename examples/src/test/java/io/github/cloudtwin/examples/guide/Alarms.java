package io.github.cloudtwin.examples.guide;

import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.time.Duration;

/** The alarm the guide's snippets create: group CPU above 80 % for one minute. */
final class Alarms {

  static final MetricAlarmSpec cpuHigh =
      MetricAlarmSpec.builder()
          .alarmName("cpu-high")
          .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
          .period(Duration.ofMinutes(1))
          .threshold(80)
          .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
          .build();

  private Alarms() {}
}
