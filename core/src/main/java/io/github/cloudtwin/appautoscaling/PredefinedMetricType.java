package io.github.cloudtwin.appautoscaling;

/** Predefined metrics for target tracking on ECS services. */
public enum PredefinedMetricType {
  /** AWS/ECS CPUUtilization {ClusterName, ServiceName}, Average. */
  ECSServiceAverageCPUUtilization,
  /** AWS/ECS MemoryUtilization {ClusterName, ServiceName}, Average. */
  ECSServiceAverageMemoryUtilization,
  /** AWS/ApplicationELB RequestCountPerTarget {TargetGroup}, Sum; needs a resource label. */
  ALBRequestCountPerTarget
}
