package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * One item of a capacity provider strategy: at least {@code base} tasks on the provider, then tasks
 * split by {@code weight}.
 *
 * @param capacityProvider the provider's name
 * @param base 0-100000, default 0; only one item of a strategy may set it
 * @param weight 0-1000, API default 0; a weight-0 provider gets no tasks beyond its base
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CapacityProviderStrategyItem(String capacityProvider, int base, int weight) {

  /**
   * AWS's Fargate capacity provider: available to every account, used once associated with a
   * cluster ({@code PutClusterCapacityProviders}).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final String FARGATE = "FARGATE";

  /**
   * AWS's Fargate Spot capacity provider: spare Fargate capacity, interrupted with a two-minute
   * warning ({@code twin.faults().interruptFargateSpotTasks}).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public static final String FARGATE_SPOT = "FARGATE_SPOT";

  /**
   * Validates.
   *
   * @param capacityProvider the provider's name
   * @param base 0-100000, default 0; only one item of a strategy may set it
   * @param weight 0-1000, API default 0; a weight-0 provider gets no tasks beyond its base
   */
  public CapacityProviderStrategyItem {
    Require.name("capacityProviderStrategy.capacityProvider", capacityProvider);
    Require.between("capacityProviderStrategy.base", base, 0, 100_000);
    Require.between("capacityProviderStrategy.weight", weight, 0, 1000);
  }

  /**
   * An item with base 0.
   *
   * @param capacityProvider the capacity provider
   * @param weight the weight
   * @return an item with base 0
   */
  public static CapacityProviderStrategyItem of(String capacityProvider, int weight) {
    return new CapacityProviderStrategyItem(capacityProvider, 0, weight);
  }

  /** {@return whether this item names FARGATE or FARGATE_SPOT} */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public boolean isFargate() {
    return isFargate(capacityProvider);
  }

  static boolean isFargate(String capacityProvider) {
    return FARGATE.equals(capacityProvider) || FARGATE_SPOT.equals(capacityProvider);
  }
}
