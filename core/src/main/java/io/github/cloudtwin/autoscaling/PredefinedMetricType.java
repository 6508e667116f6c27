package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** The predefined metrics of EC2 Auto Scaling target tracking. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum PredefinedMetricType {
  /** {@code AWS/EC2 CPUUtilization{AutoScalingGroupName}} Average. */
  ASGAverageCPUUtilization,
  /** {@code AWS/EC2 NetworkIn{AutoScalingGroupName}} Average. */
  ASGAverageNetworkIn,
  /** {@code AWS/EC2 NetworkOut{AutoScalingGroupName}} Average. */
  ASGAverageNetworkOut,
  /** {@code AWS/ApplicationELB RequestCountPerTarget{TargetGroup}} Sum; needs a resource label. */
  ALBRequestCountPerTarget
}
