package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.LoadBalancerTraffic;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Offered traffic as the workloads of {@code twin.traffic()} see it: flows offered to a load
 * balancer at a rate, the share of a request shape each target would receive, and the rates the
 * targets serve, over the rate model ({@link FluidModel}).
 */
final class OfferedTraffic implements LoadBalancerTraffic {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final RoutingSnapshots routing;
  private final FluidModel fluid;

  OfferedTraffic(Kernel kernel, ElbRegistry registry, RoutingSnapshots routing, FluidModel fluid) {
    this.kernel = kernel;
    this.registry = registry;
    this.routing = routing;
    this.fluid = fluid;
  }

  Map<String, Double> expectedShares(String loadBalancerName, Request request) {
    Require.notNull("request", request);
    return kernel.call(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          Map<String, Double> routed = new TreeMap<>();
          fluid.split(
              routing.snapshot(lb), request, 1.0, new FluidModel.Totals(), new HashMap<>(), routed);
          return Collections.unmodifiableMap(routed);
        });
  }

  @Override
  public boolean hasServedTraffic() {
    kernel.checkOpen();
    return fluid.hasServed();
  }

  @Override
  public long offer(String loadBalancerName, Request request, double requestsPerSecond) {
    Require.notNull("request", request);
    Require.between("requestsPerSecond", requestsPerSecond, 0, 1e9);
    return kernel.call(() -> fluid.add(registry.lb(loadBalancerName), request, requestsPerSecond));
  }

  @Override
  public void setRate(long flowId, double requestsPerSecond) {
    Require.between("requestsPerSecond", requestsPerSecond, 0, 1e9);
    kernel.run(() -> fluid.setRate(flowId, requestsPerSecond));
  }

  @Override
  public double averageServedRate(String targetId, Instant from, Instant to) {
    Require.notNull("from", from);
    Require.notNull("to", to);
    return kernel.call(() -> fluid.averageServed(targetId, from.toEpochMilli(), to.toEpochMilli()));
  }

  @Override
  public double averageServedRate(String targetId, long fromMillis, long toMillis) {
    return kernel.call(() -> fluid.averageServed(targetId, fromMillis, toMillis));
  }

  @Override
  public ServedRate servedRateOf(String targetId) {
    return new Handle(targetId);
  }

  /**
   * A target's served rate without a look-up by id once the target is known: a target's runtime is
   * never replaced (the registry keeps one per id), so the handle keeps it. Asked under the lock by
   * the CPU model, every instance every minute.
   */
  private final class Handle implements ServedRate {
    private final String id;
    private @Nullable TargetRuntime target;

    Handle(String id) {
      this.id = id;
    }

    @Override
    public double average(long fromMillis, long toMillis) {
      TargetRuntime t = target;
      if (t == null) {
        t = registry.targets.get(id);
        if (t == null) return 0; // not a target (yet): it served nothing
        target = t;
      }
      return fluid.averageServed(t, fromMillis, toMillis);
    }
  }

  @Override
  public double servedRate(String targetId) {
    return kernel.call(() -> fluid.currentServed(targetId));
  }
}
