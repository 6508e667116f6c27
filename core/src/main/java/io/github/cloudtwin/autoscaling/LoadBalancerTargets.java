package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * What an Auto Scaling group needs from one target group: register, deregister (with draining) and
 * the health the load balancer reports. The ELB service provides an adapter; tests may use a small
 * fake. Called on the simulation thread.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface LoadBalancerTargets {

  /** {@return the target group name} */
  String name();

  /**
   * Registers the instance as a target.
   *
   * @param instanceId the instance id
   */
  void register(String instanceId);

  /**
   * Deregisters the instance; calls {@code drained} once its deregistration delay has ended.
   *
   * @param instanceId the instance id
   * @param drained the drained
   */
  void deregister(String instanceId, Runnable drained);

  /**
   * Whether the load balancer reports the target unhealthy.
   *
   * @param instanceId the instance id
   * @return whether the load balancer reports the target unhealthy
   */
  boolean isUnhealthy(String instanceId);
}
