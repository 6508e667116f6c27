package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests a load balancer routed, for assertions: single requests counted as they are answered
 * plus offered traffic integrated from its rates (rounded to whole requests), per target and per
 * zone, and failed connections; since creation or the last reset.
 */
final class RequestCounts {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final FluidModel fluid;

  RequestCounts(Kernel kernel, ElbRegistry registry, FluidModel fluid) {
    this.kernel = kernel;
    this.registry = registry;
    this.fluid = fluid;
  }

  long requestCount(String loadBalancerName, String targetId) {
    Require.name("targetId", targetId);
    return kernel.call(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          fluid.integrate();
          LongAdder a = lb.byTarget.get(targetId);
          double[] fluid = lb.fluidByTarget.get(targetId);
          return (a == null ? 0L : a.sum()) + Math.round(fluid == null ? 0.0 : fluid[0]);
        });
  }

  Map<String, Long> requestCounts(String loadBalancerName) {
    return kernel.call(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          fluid.integrate();
          return sums(lb.byTarget, lb.fluidByTarget);
        });
  }

  Map<String, Long> requestCountByZone(String loadBalancerName) {
    return kernel.call(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          fluid.integrate();
          return sums(lb.byZone, lb.fluidByZone);
        });
  }

  long failedConnectionCount(String loadBalancerName) {
    return kernel.call(() -> registry.lb(loadBalancerName).failedConnections.sum());
  }

  void reset(String loadBalancerName) {
    kernel.run(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          fluid.integrate();
          lb.byTarget.clear();
          lb.byZone.clear();
          lb.fluidByTarget.clear();
          lb.fluidClears++;
          lb.fluidByZone.clear();
          lb.failedConnections.reset();
        });
  }

  /** Discrete and integrated counts added up per key, sorted by key. */
  private static Map<String, Long> sums(
      Map<String, LongAdder> discrete, Map<String, double[]> fluid) {
    Map<String, Long> out = new TreeMap<>();
    discrete.forEach((k, v) -> out.put(k, v.sum()));
    fluid.forEach((k, v) -> out.merge(k, Math.round(v[0]), Long::sum));
    return Collections.unmodifiableMap(out);
  }
}
