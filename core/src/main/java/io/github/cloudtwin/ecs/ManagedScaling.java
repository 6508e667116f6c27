package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Managed scaling of a capacity provider's group (cluster auto scaling), with AWS's defaults.
 *
 * @param enabled whether ECS scales the group (status ENABLED)
 * @param targetCapacity 1-100 percent, default 100
 * @param minimumScalingStepSize 1-10000, default 1
 * @param maximumScalingStepSize 1-10000, default 10000
 * @param instanceWarmupPeriod 0-10000 s, default 300 s
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ManagedScaling(
    boolean enabled,
    int targetCapacity,
    int minimumScalingStepSize,
    int maximumScalingStepSize,
    Duration instanceWarmupPeriod) {

  /** Enabled with every default. */
  public static final ManagedScaling DEFAULT =
      new ManagedScaling(true, 100, 1, 10_000, Duration.ofSeconds(300));

  /** Disabled. */
  public static final ManagedScaling DISABLED =
      new ManagedScaling(false, 100, 1, 10_000, Duration.ofSeconds(300));

  /**
   * Validates.
   *
   * @param enabled whether ECS scales the group (status ENABLED)
   * @param targetCapacity 1-100 percent, default 100
   * @param minimumScalingStepSize 1-10000, default 1
   * @param maximumScalingStepSize 1-10000, default 10000
   * @param instanceWarmupPeriod 0-10000 s, default 300 s
   */
  public ManagedScaling {
    Require.between("managedScaling.targetCapacity", targetCapacity, 1, 100);
    Require.between("managedScaling.minimumScalingStepSize", minimumScalingStepSize, 1, 10_000);
    Require.between("managedScaling.maximumScalingStepSize", maximumScalingStepSize, 1, 10_000);
    if (maximumScalingStepSize < minimumScalingStepSize) {
      throw new ValidationException(
          "managedScaling.maximumScalingStepSize",
          maximumScalingStepSize,
          "at least minimumScalingStepSize (" + minimumScalingStepSize + ")");
    }
    Require.seconds("managedScaling.instanceWarmupPeriod", instanceWarmupPeriod, 0, 10_000);
  }

  /**
   * Enabled with {@code targetCapacity} and the other defaults.
   *
   * @param targetCapacity the target capacity
   * @return enabled with {@code targetCapacity} and the other defaults
   */
  public static ManagedScaling target(int targetCapacity) {
    return new ManagedScaling(true, targetCapacity, 1, 10_000, Duration.ofSeconds(300));
  }
}
