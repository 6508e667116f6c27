package io.github.cloudtwin.appautoscaling;

import org.apiguardian.api.API;

/** Predefined metrics for target tracking on ECS services. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum PredefinedMetricType {
  /** AWS/ECS CPUUtilization {ClusterName, ServiceName}, Average. */
  ECSServiceAverageCPUUtilization,
  /** AWS/ECS MemoryUtilization {ClusterName, ServiceName}, Average. */
  ECSServiceAverageMemoryUtilization,
  /** AWS/ApplicationELB RequestCountPerTarget {TargetGroup}, Sum; needs a resource label. */
  ALBRequestCountPerTarget
}
