package io.github.cloudtwin.autoscaling;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A group's warm pool as {@code DescribeWarmPool} shows it: an immutable snapshot of its
 * configuration, its status and its instances (read it again for current values).
 *
 * @param configuration the configuration in force ({@code WarmPoolConfiguration})
 * @param status {@code PendingDelete} while a deletion waits for the instances to terminate, else
 *     null
 * @param poolSize the number of instances the pool is kept at now ({@link
 *     WarmPoolSpec#poolSize(int, int)} for the group's MaxSize and desired capacity); 0 while
 *     deleting
 * @param instances the pool's instances in launch order, each in a {@code Warmed:*} lifecycle state
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record WarmPool(
    WarmPoolSpec configuration,
    @Nullable String status,
    int poolSize,
    List<AutoScalingInstance> instances) {

  /** The status of a warm pool being deleted. */
  public static final String PENDING_DELETE = "PendingDelete";

  /**
   * Copies the instance list.
   *
   * @param configuration the configuration in force
   * @param status PendingDelete or null
   * @param poolSize the size the pool is kept at
   * @param instances the pool's instances
   */
  public WarmPool {
    instances = List.copyOf(instances);
  }

  /**
   * {@return the instances ready to leave the pool: in the pool's state (Warmed:Stopped,
   * Warmed:Running or Warmed:Hibernated)}
   */
  public List<AutoScalingInstance> warmedInstances() {
    return instances.stream()
        .filter(i -> i.lifecycleState() == configuration.poolState().lifecycleState())
        .toList();
  }
}
