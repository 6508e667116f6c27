package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.MetricId;
import org.apiguardian.api.API;

/**
 * A predictive scaling policy's predefined metric pair ({@code PredefinedMetricPairSpecification},
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredefinedMetricPair.html): a load
 * metric (the total, what is forecast) and a scaling metric (the per-instance average the target
 * value applies to).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum PredefinedMetricPairType {
  /** Total CPU of the group's instances; scaling metric: average CPU utilization. */
  ASGCPUUtilization("AWS/EC2", "CPUUtilization"),
  /** Total bytes received by the group's instances; scaling metric: average per instance. */
  ASGNetworkIn("AWS/EC2", "NetworkIn"),
  /** Total bytes sent by the group's instances; scaling metric: average per instance. */
  ASGNetworkOut("AWS/EC2", "NetworkOut"),
  /** Requests the target group receives; scaling metric: requests per target. */
  ALBRequestCount("AWS/ApplicationELB", "RequestCount");

  private final String namespace;
  private final String metricName;

  PredefinedMetricPairType(String namespace, String metricName) {
    this.namespace = namespace;
    this.metricName = metricName;
  }

  /**
   * The CloudWatch metric whose Sum is the load: the group's metric (dimension {@code
   * AutoScalingGroupName}), or for {@link #ALBRequestCount} the target group's {@code RequestCount}
   * (dimension {@code TargetGroup}, taken from the resource label).
   *
   * @param groupName the Auto Scaling group
   * @param resourceLabel the resource label ({@code ALBRequestCount} only), or null
   * @return the load metric
   */
  public MetricId loadMetric(
      String groupName, @org.jspecify.annotations.Nullable String resourceLabel) {
    if (this == ALBRequestCount) {
      String label = java.util.Objects.requireNonNull(resourceLabel, "ALBRequestCount has a label");
      return MetricId.of(
          namespace, metricName, "TargetGroup", label.substring(label.indexOf("targetgroup/")));
    }
    return MetricId.of(namespace, metricName, "AutoScalingGroupName", groupName);
  }
}
