package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * The state instances of a warm pool wait in once their lifecycle actions are complete, as {@code
 * PutWarmPool}'s {@code PoolState} names it (default {@code Stopped}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum WarmPoolState {
  /** Stopped: the instance is stopped in EC2 and started when it leaves the pool. */
  STOPPED("Stopped", LifecycleState.WARMED_STOPPED),
  /** Running: the instance keeps running and goes in service without a start. */
  RUNNING("Running", LifecycleState.WARMED_RUNNING),
  /**
   * Hibernated: the instance is hibernated (stopped in EC2) and resumed when it leaves the pool.
   */
  HIBERNATED("Hibernated", LifecycleState.WARMED_HIBERNATED);

  private final String awsName;
  private final LifecycleState lifecycleState;

  WarmPoolState(String awsName, LifecycleState lifecycleState) {
    this.awsName = awsName;
    this.lifecycleState = lifecycleState;
  }

  /** {@return the state as the API writes it, such as {@code Stopped}} */
  public String awsName() {
    return awsName;
  }

  /** {@return the lifecycle state a ready instance of such a pool is in, such as Warmed:Stopped} */
  public LifecycleState lifecycleState() {
    return lifecycleState;
  }

  /**
   * {@return the pool state named {@code name} as the API writes it, or a ValidationException}
   *
   * @param name {@code Stopped}, {@code Running} or {@code Hibernated}
   */
  public static WarmPoolState fromAwsName(String name) {
    for (WarmPoolState s : values()) if (s.awsName.equals(name)) return s;
    throw new io.github.cloudtwin.kernel.ValidationException(
        "PoolState", name, "one of Stopped, Running, Hibernated");
  }

  @Override
  public String toString() {
    return awsName;
  }
}
