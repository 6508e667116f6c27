package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Network impairments toward zones (what FIS's latency and packet-loss faults do): the latency
 * added to every answer of a zone's targets and the fraction of requests to them that is lost.
 */
final class NetworkImpairments {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final ElbRegistry registry;
  private final FluidModel fluid;

  /** Network impairments toward zones: zone -> {added latency ms, loss fraction}. */
  private final Map<String, double[]> zoneNetwork = new TreeMap<>();

  NetworkImpairments(Kernel kernel, Ec2 ec2, ElbRegistry registry, FluidModel fluid) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.registry = registry;
    this.fluid = fluid;
  }

  /** Impairs the network toward {@code zone} until {@link #restore}. */
  void impair(String zone, Duration addedLatency, double lossFraction) {
    ec2.zone(zone);
    Require.between(
        "addedLatency",
        Require.notNegative("addedLatency", addedLatency),
        Duration.ZERO,
        Duration.ofHours(1));
    if (!(lossFraction >= 0 && lossFraction <= 1))
      throw new ValidationException("lossFraction", lossFraction, "a fraction from 0 to 1");
    kernel.run(
        () -> {
          zoneNetwork.put(zone, new double[] {addedLatency.toMillis(), lossFraction});
          apply(zone);
        });
  }

  /** Ends the impairment toward {@code zone} (no-op when there is none). */
  void restore(String zone) {
    ec2.zone(zone);
    kernel.run(
        () -> {
          if (zoneNetwork.remove(zone) != null) apply(zone);
        });
  }

  /** Gives a newly registered target its zone's impairment (none when the zone has none). */
  void applyTo(TargetRuntime t) {
    double[] net = zoneNetwork.get(t.zone);
    t.addedLatencyMillis = net == null ? 0 : (long) net[0];
    t.lossFraction = net == null ? 0 : net[1];
  }

  private void apply(String zone) {
    double[] net = zoneNetwork.get(zone);
    for (TargetRuntime t : registry.targets.values()) {
      if (!t.zone.equals(zone)) continue;
      t.addedLatencyMillis = net == null ? 0 : (long) net[0];
      t.lossFraction = net == null ? 0 : net[1];
    }
    fluid.markDirty();
  }
}
