package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The warm pools of one twin's Auto Scaling groups: {@code PutWarmPool}, {@code DescribeWarmPool},
 * {@code DeleteWarmPool} (Warm pools for Amazon EC2 Auto Scaling,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-warm-pools.html). Obtain
 * it from {@code twin.autoScaling().warmPools()}. Thread-safe: every method runs under the
 * simulation lock; a refused call changes nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class WarmPools {

  private final Kernel kernel;
  private final GroupRegistry registry;

  WarmPools(Kernel kernel, GroupRegistry registry) {
    this.kernel = kernel;
    this.registry = registry;
  }

  /**
   * Creates or replaces a group's warm pool, as {@code PutWarmPool}: the pool is sized at once
   * (instances launch into it) and kept at its size from then on. A group with a mixed instances
   * policy (the only way the twin launches Spot Instances) is refused, as AWS refuses it, and so is
   * a group whose warm pool is being deleted.
   *
   * @param spec the configuration
   */
  public void putWarmPool(WarmPoolSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(spec.autoScalingGroupName());
          if (g.spec.mixedInstancesPolicy() != null) {
            throw new ValidationException(
                "AutoScalingGroupName",
                g.name,
                "a group without a mixed instances policy or Spot Instances (you cannot add a warm"
                    + " pool to such a group)");
          }
          if (g.warmPool.pendingDelete) {
            throw new ValidationException(
                "AutoScalingGroupName",
                g.name,
                "a group whose warm pool is not being deleted (it is PendingDelete)");
          }
          g.warmPool.put(spec);
          g.reconcile();
        });
  }

  /**
   * {@return the group's warm pool as {@code DescribeWarmPool} shows it, or empty when it has none}
   *
   * @param groupName the group name
   */
  public Optional<WarmPool> describeWarmPool(String groupName) {
    return kernel.call(() -> Optional.ofNullable(registry.runtime(groupName).warmPool.describe()));
  }

  /**
   * Deletes a group's warm pool, as {@code DeleteWarmPool}: its instances are terminated (through
   * the termination hooks, the pool {@code PendingDelete} meanwhile); with {@code forceDelete} they
   * are terminated without waiting for lifecycle actions and the pool is gone at once. The group's
   * own instances are not touched.
   *
   * @param groupName the group name
   * @param forceDelete whether to skip the lifecycle actions of the pool instances
   */
  public void deleteWarmPool(String groupName, boolean forceDelete) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          if (g.warmPool.spec == null) {
            throw new ValidationException(
                "AutoScalingGroupName", groupName, "a group with a warm pool (it has none)");
          }
          if (g.warmPool.pendingDelete && !forceDelete) return;
          g.warmPool.delete(forceDelete);
          g.reconcile();
        });
  }
}
