package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** The processes of a group that {@code SuspendProcesses} can suspend. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ScalingProcess {
  /** Launching instances. */
  Launch,
  /** Terminating instances (scale-in, rebalance). */
  Terminate,
  /** Registering new instances with the target groups. */
  AddToLoadBalancer,
  /** Running scaling policies on alarm notifications. */
  AlarmNotification,
  /** Rebalancing the zones. */
  AZRebalance,
  /** Marking instances unhealthy. */
  HealthCheck,
  /** Instance refresh (not modelled; accepted for completeness). */
  InstanceRefresh,
  /** Replacing unhealthy instances. */
  ReplaceUnhealthy,
  /** Running scheduled actions. */
  ScheduledActions
}
