package io.github.cloudtwin.examples.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * A capacity controller written only against the AWS SDK for Java v2, as a team would run it next
 * to real AWS: each step reads the group (DescribeAutoScalingGroups) and its average CPU over the
 * last five minutes (GetMetricData), and sets the desired capacity that brings CPU to the target
 * (SetDesiredCapacity), within the group's limits. It knows nothing of CloudTwin.
 */
public final class CapacityController {

  private final AutoScalingClient autoScaling;
  private final CloudWatchClient cloudWatch;
  private final Clock clock;
  private final String groupName;
  private final double targetCpu;

  /**
   * A controller of one group.
   *
   * @param autoScaling the Auto Scaling client
   * @param cloudWatch the CloudWatch client
   * @param clock the clock the metric window is read on ({@code Clock.systemUTC()} against AWS)
   * @param groupName the group
   * @param targetCpu the average CPU percentage to hold
   */
  public CapacityController(
      AutoScalingClient autoScaling,
      CloudWatchClient cloudWatch,
      Clock clock,
      String groupName,
      double targetCpu) {
    this.autoScaling = autoScaling;
    this.cloudWatch = cloudWatch;
    this.clock = clock;
    this.groupName = groupName;
    this.targetCpu = targetCpu;
  }

  /**
   * One control step.
   *
   * @return the desired capacity the group has after the step
   */
  public int step() {
    AutoScalingGroup group =
        autoScaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames(groupName))
            .autoScalingGroups()
            .get(0);
    long inService =
        group.instances().stream()
            .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
            .count();
    Instant now = clock.instant();
    List<MetricDataResult> results =
        cloudWatch
            .getMetricData(
                r ->
                    r.startTime(now.minus(Duration.ofMinutes(5)))
                        .endTime(now)
                        .metricDataQueries(
                            MetricDataQuery.builder()
                                .id("cpu")
                                .metricStat(
                                    s ->
                                        s.stat("Average")
                                            .period(60)
                                            .metric(
                                                m ->
                                                    m.namespace("AWS/EC2")
                                                        .metricName("CPUUtilization")
                                                        .dimensions(
                                                            Dimension.builder()
                                                                .name("AutoScalingGroupName")
                                                                .value(groupName)
                                                                .build())))
                                .build()))
            .metricDataResults();
    if (results.isEmpty() || results.get(0).values().isEmpty() || inService == 0) {
      return group.desiredCapacity();
    }
    double cpu = results.get(0).values().get(0);
    int wanted = (int) Math.ceil(inService * cpu / targetCpu);
    int desired =
        Math.max(
            group.minSize(),
            Math.min(group.maxSize(), Math.max(wanted, group.desiredCapacity() - 1)));
    if (desired != group.desiredCapacity()) {
      autoScaling.setDesiredCapacity(
          r -> r.autoScalingGroupName(groupName).desiredCapacity(desired));
    }
    return desired;
  }
}
