package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/**
 * Told about EC2 instance changes, on the simulation thread. Services that react to instances (Auto
 * Scaling health, load-balancer targets, ECS agents) register one; tests may mock it.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface InstanceListener {

  /**
   * The instance moved from {@code from} to its current state.
   *
   * @param instance the instance
   * @param from the state the instance left
   */
  default void stateChanged(Instance instance, InstanceState from) {}

  /**
   * The instance's reachability changed (crash, recovery, zone outage or return).
   *
   * @param instance the instance
   * @param reachable the reachable
   */
  default void reachabilityChanged(Instance instance, boolean reachable) {}

  /**
   * EC2 sent the Spot Instance a rebalance recommendation: it is at elevated risk of interruption.
   *
   * @param instance the Spot Instance
   */
  default void rebalanceRecommended(Instance instance) {}

  /**
   * EC2 sent the Spot Instance its two-minute interruption notice.
   *
   * @param instance the Spot Instance
   * @param instanceActionTime when EC2 interrupts it
   */
  default void interruptionNoticed(Instance instance, java.time.Instant instanceActionTime) {}
}
