package io.github.cloudtwin.elb;

import io.github.cloudtwin.kernel.Timeline;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one target group. {@link #name()}, {@link #register(String)}, {@link
 * #deregister(String, Runnable)} and {@link #isUnhealthy(String)} are what an Auto Scaling group
 * needs from its load balancer.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TargetGroup {

  private final ElbWiring elb;
  private final TgState state;

  TargetGroup(ElbWiring elb, TgState state) {
    this.elb = elb;
    this.state = state;
  }

  /** {@return the name} */
  public String name() {
    return state.name;
  }

  /** {@return what it was created with (health-check defaults resolved)} */
  public TargetGroupSpec spec() {
    return state.spec;
  }

  /** {@return the resolved health check} */
  public HealthCheckSpec healthCheck() {
    return state.healthCheck;
  }

  /**
   * {@return the CloudWatch {@code TargetGroup} dimension value, such as {@code
   * targetgroup/web/0123456789abcdef}}
   */
  public String dimensionValue() {
    return state.dimension;
  }

  /**
   * Registers a target by id (an instance id, or an IP in an ip group registered earlier with its
   * zone).
   *
   * @param targetId the target id
   */
  public void register(String targetId) {
    elb.registrations.registerTargets(name(), targetId);
  }

  /**
   * Deregisters a target; {@code drained} runs when the deregistration delay has ended.
   *
   * @param targetId the target id
   * @param drained runs when it has drained, or null
   */
  public void deregister(String targetId, @Nullable Runnable drained) {
    elb.registrations.deregisterTarget(name(), targetId, drained);
  }

  /**
   * Whether the target is registered and {@code unhealthy}.
   *
   * @param targetId the target id
   * @return whether the target is registered and {@code unhealthy}
   */
  public boolean isUnhealthy(String targetId) {
    return elb.health.isUnhealthy(state, targetId);
  }

  /**
   * Whether the target is registered (in any state, draining included) — one look-up, where {@link
   * #targetHealth()} copies every registration.
   *
   * @param targetId the target id
   * @return whether the target is registered
   */
  public boolean isRegistered(String targetId) {
    return elb.health.isRegistered(state, targetId);
  }

  /**
   * The health of one target ({@code unused / Target.NotRegistered} if it is not registered).
   *
   * @param targetId the target id
   * @return the health of one target ({@code unused / Target.NotRegistered} if it is not
   *     registered)
   */
  public TargetHealth health(String targetId) {
    return elb.health.targetHealth(name(), targetId);
  }

  /** {@return the health of every registered target, in registration order} */
  public Map<String, TargetHealth> targetHealth() {
    return elb.health.targetHealths(name());
  }

  /**
   * {@return healthy targets per zone of the registered targets (zones with registered targets
   * only), sorted by zone}
   */
  public java.util.SortedMap<String, Integer> healthyTargetCountByZone() {
    return elb.health.healthyTargetCountByZone(name());
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code target-group/<name>};
   * targets have {@code target/<id>}) are recorded}
   */
  public Timeline timeline() {
    return elb.kernel.timeline();
  }

  @Override
  public String toString() {
    return "TargetGroup[" + name() + ", " + state.spec.protocol() + ":" + state.spec.port() + "]";
  }
}
