package io.github.cloudtwin.benchmarks.suite;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;

/** The body of one small test, shared by the JUnit suite and the plain loop it is compared with. */
final class SmallScenario {

  private SmallScenario() {}

  /**
   * Sets the scenario up on {@code twin}, runs 30 minutes and answers the group's desired capacity.
   */
  static int run(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(2)
                .maxSize(6)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .detailedMonitoring(true)
                .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName("cpu-50")
                .autoScalingGroupName("web")
                .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                .targetValue(50)
                .build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(Duration.ZERO, Duration.ofMinutes(30))
                .constant(80));
    twin.advance(Duration.ofMinutes(30));
    return twin.autoScaling().group("web").desiredCapacity();
  }

  /** A digest of the twin's whole timeline: equal timelines give equal digests. */
  static String digest(CloudTwin twin) {
    long h = 1125899906842597L;
    int n = 0;
    for (TimelineEvent e : twin.timeline().events()) {
      h = 31 * h + e.toString().hashCode();
      n++;
    }
    return n + ":" + Long.toHexString(h);
  }
}
