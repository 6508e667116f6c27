package io.github.cloudtwin.elb;

import io.github.cloudtwin.kernel.Timeline;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A view of one target by id (an instance id or an IP), registered or not: how it answers requests
 * and health checks ({@link TargetBehavior}), the twin's model of the application behind the load
 * balancer. Obtain it from {@code twin.loadBalancing().target(id)}. A behaviour set here applies in
 * every target group and Classic Load Balancer the target is registered with.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Target {

  private final ElbWiring elb;
  private final String targetId;

  Target(ElbWiring elb, String targetId) {
    this.elb = elb;
    this.targetId = targetId;
  }

  /** {@return the target id} */
  public String id() {
    return targetId;
  }

  /**
   * Sets how the target answers requests and health checks.
   *
   * @param behavior the behaviour, or null to restore the default (healthy, 200)
   */
  public void setBehavior(@Nullable TargetBehavior behavior) {
    elb.behaviours.set(targetId, behavior);
  }

  /** The target answers health checks with 500 and serves traffic as before. */
  public void failHealthChecks() {
    elb.behaviours.failHealthChecks(targetId);
  }

  /**
   * The target answers everything with {@code status} after the default latency.
   *
   * @param status the HTTP status, 100 to 599
   */
  public void respondWith(int status) {
    elb.behaviours.respondWith(targetId, status);
  }

  /**
   * The target answers everything with 200 after {@code latency}.
   *
   * @param latency the latency
   */
  public void slow(Duration latency) {
    elb.behaviours.slow(targetId, latency);
  }

  /** The target stops answering (every request and health check times out). */
  public void stopAnswering() {
    elb.behaviours.stopAnswering(targetId);
  }

  /**
   * {@return whether the target is registered (and not yet fully deregistered) with any target
   * group or Classic Load Balancer}
   */
  public boolean isRegistered() {
    return elb.registrations.isRegistered(targetId);
  }

  /**
   * {@return the twin's timeline, where this target's events ({@code target/<id>}) are recorded}
   */
  public Timeline timeline() {
    return elb.kernel.timeline();
  }

  @Override
  public String toString() {
    return "Target[" + targetId + "]";
  }
}
