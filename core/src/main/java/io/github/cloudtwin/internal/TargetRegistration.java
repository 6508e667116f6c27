package io.github.cloudtwin.internal;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Internal, not API: the narrow part of Elastic Load Balancing that ECS needs: registering task
 * targets in target groups, their health, and the deregistration delay. The twin wires the
 * load-balancing service in; tests may use a fake.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface TargetRegistration {

  /** Told when a target's health changes, on the simulation thread. */
  interface HealthListener {
    /**
     * {@code targetId} in {@code targetGroupName} is now healthy ({@code true}) or unhealthy
     * ({@code false}); every task registered as that target is concerned.
     *
     * @param targetGroupName the target group name
     * @param targetId the target id
     * @param healthy the healthy
     */
    void healthChanged(String targetGroupName, String targetId, boolean healthy);
  }

  /**
   * The target group's target type: {@code instance} or {@code ip}; throws a ValidationException
   * when there is no such target group.
   *
   * @param targetGroupName the target group name
   * @return the target group's target type: {@code instance} or {@code ip}; throws a
   *     ValidationException when there is no such target group
   */
  String targetType(String targetGroupName);

  /**
   * The target group's ARN, for stop reasons.
   *
   * @param targetGroupName the target group name
   * @return the target group's ARN, for stop reasons
   */
  default String targetGroupArn(String targetGroupName) {
    return targetGroupName;
  }

  /**
   * Registers {@code targetId} (instance id or IP) on {@code port}; IP targets are in {@code
   * availabilityZone}.
   *
   * @param targetGroupName the target group name
   * @param targetId the target id
   * @param port the port
   * @param availabilityZone the availability zone
   */
  void register(String targetGroupName, String targetId, int port, String availabilityZone);

  /**
   * Deregisters it; the target drains for the deregistration delay.
   *
   * @param targetGroupName the target group name
   * @param targetId the target id
   * @param port the port
   */
  void deregister(String targetGroupName, String targetId, int port);

  /**
   * How long a deregistered target drains.
   *
   * @param targetGroupName the target group name
   * @return how long a deregistered target drains
   */
  Duration deregistrationDelay(String targetGroupName);

  /**
   * Whether the load balancer reports the target healthy.
   *
   * @param targetGroupName the target group name
   * @param targetId the target id
   * @param port the port
   * @return whether the load balancer reports the target healthy
   */
  boolean isHealthy(String targetGroupName, String targetId, int port);

  /**
   * Why the load balancer reports the target unhealthy, in AWS's words (such as {@code Health
   * checks failed with these codes: [500]}); null when it does not say.
   *
   * @param targetGroupName the target group
   * @param targetId the target
   * @return the health description, or null
   */
  default @Nullable String unhealthyReason(String targetGroupName, String targetId) {
    return null;
  }

  /**
   * Sets the listener for health changes (ECS sets one).
   *
   * @param listener the listener
   */
  void setHealthListener(HealthListener listener);
}
