package io.github.cloudtwin.elb;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Told about every target health change, on the simulation thread, after the change is on the
 * timeline. Services that react to health (ECS replacing tasks) register one; tests can register a
 * Mockito mock.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface TargetHealthListener {

  /**
   * A target's state changed.
   *
   * @param targetGroupName the target group (for a Classic Load Balancer, the load balancer)
   * @param targetId the instance id or IP address
   * @param from the previous state, or null when the target was just registered
   * @param to the new state
   * @param reasonCode AWS's reason code, such as {@code Target.Timeout}, or null
   */
  void healthChanged(
      String targetGroupName,
      String targetId,
      @Nullable TargetHealthState from,
      TargetHealthState to,
      @Nullable String reasonCode);
}
