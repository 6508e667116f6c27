package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The health of one target, as {@code DescribeTargetHealth} reports it.
 *
 * @param state the state
 * @param reasonCode AWS's reason code such as {@code Target.Timeout}, or null when healthy
 * @param description AWS's description text, or null when healthy
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TargetHealth(
    TargetHealthState state, @Nullable String reasonCode, @Nullable String description) {

  /**
   * Validates.
   *
   * @param state the state
   * @param reasonCode AWS's reason code such as {@code Target.Timeout}, or null when healthy
   * @param description AWS's description text, or null when healthy
   */
  public TargetHealth {
    Require.notNull("state", state);
  }

  /**
   * {@return the state a Classic Load Balancer reports: {@code InService} (healthy, or draining) or
   * {@code OutOfService}}
   */
  public String classicState() {
    return state == TargetHealthState.HEALTHY || state == TargetHealthState.DRAINING
        ? "InService"
        : "OutOfService";
  }

  @Override
  public String toString() {
    return reasonCode == null
        ? state.awsName()
        : state.awsName() + " (" + reasonCode + ": " + description + ")";
  }
}
