package io.github.cloudtwin.ecs;

import java.time.Duration;

/**
 * The narrow part of Elastic Load Balancing that ECS needs: registering task targets in target
 * groups, their health, and the deregistration delay. The twin wires the load-balancing service in;
 * tests may use a fake.
 */
public interface TargetRegistration {

  /** Told when a target's health changes, on the simulation thread. */
  interface HealthListener {
    /**
     * {@code targetId} in {@code targetGroupName} is now healthy ({@code true}) or unhealthy
     * ({@code false}); every task registered as that target is concerned.
     */
    void healthChanged(String targetGroupName, String targetId, boolean healthy);
  }

  /**
   * The target group's target type: {@code instance} or {@code ip}; throws a ValidationException
   * when there is no such target group.
   */
  String targetType(String targetGroupName);

  /** The target group's ARN, for stop reasons. */
  default String targetGroupArn(String targetGroupName) {
    return targetGroupName;
  }

  /** Registers {@code targetId} (instance id or IP) on {@code port}; IP targets are in {@code availabilityZone}. */
  void register(String targetGroupName, String targetId, int port, String availabilityZone);

  /** Deregisters it; the target drains for the deregistration delay. */
  void deregister(String targetGroupName, String targetId, int port);

  /** How long a deregistered target drains. */
  Duration deregistrationDelay(String targetGroupName);

  /** Whether the load balancer reports the target healthy. */
  boolean isHealthy(String targetGroupName, String targetId, int port);

  /**
   * Why the load balancer reports the target unhealthy, in AWS's words (such as {@code Health checks
   * failed with these codes: [500]}); null when it does not say.
   */
  default String unhealthyReason(String targetGroupName, String targetId) {
    return null;
  }

  /** Sets the listener for health changes (ECS sets one). */
  void setHealthListener(HealthListener listener);
}
