package io.github.cloudtwin.elb;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes load-balancer metrics at the end of every minute (Phase.OBSERVE), stamped with the
 * minute's start: request counts, response time and 5xx counts only while requests flow (no traffic
 * is missing data, not 0), host counts always.
 */
final class ElbMetrics {

  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final ElbRegistry registry;
  private final FluidModel fluid;
  private final Map<Key, MetricWriter> writers = new HashMap<>();

  ElbMetrics(Kernel kernel, CloudWatch cloudWatch, ElbRegistry registry, FluidModel fluid) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.registry = registry;
    this.fluid = fluid;
    kernel.every(Duration.ofMinutes(1), Phase.OBSERVE, this::publish);
  }

  /**
   * A metric's name and dimensions as given, in the order given: a cheap map key, so that a
   * minute's publishing builds no {@link MetricId} (two sorted maps each) for a metric already
   * written.
   */
  private record Key(String[] parts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
      return String.join(" ", parts);
    }
  }

  /** Writes under {@code MetricId.of(namespace, metricName, dimensionNamesAndValues)}. */
  private void put(
      StandardUnit unit,
      long stamp,
      double value,
      String namespace,
      String metricName,
      String... dimensionNamesAndValues) {
    String[] parts = new String[dimensionNamesAndValues.length + 2];
    parts[0] = namespace;
    parts[1] = metricName;
    System.arraycopy(dimensionNamesAndValues, 0, parts, 2, dimensionNamesAndValues.length);
    Key key = new Key(parts);
    MetricWriter w = writers.get(key);
    if (w == null) {
      w = cloudWatch.writer(MetricId.of(namespace, metricName, dimensionNamesAndValues), unit);
      writers.put(key, w);
    }
    w.put(stamp, value);
  }

  /**
   * A group's healthy, unhealthy and routable targets per zone of one load balancer, counted when
   * its registrations or their states last changed ({@link TgState#healthVersion}): a minute with
   * no change publishes the same counts without walking the targets.
   */
  private static final class HostCounts {
    final List<String> zones;
    final long version;
    final int[] healthy;
    final int[] unhealthy;
    final int routable;

    HostCounts(TgState g, List<String> zones) {
      this.zones = zones;
      this.version = g.healthVersion();
      healthy = new int[zones.size()];
      unhealthy = new int[zones.size()];
      int routes = 0;
      for (Registration r : g.registrations.values()) {
        int zi = r.zoneIndex(zones);
        if (zi < 0) continue; // a target outside the load balancer's zones counts nowhere
        if (r.healthy()) healthy[zi]++;
        else if (r.state == TargetHealthState.UNHEALTHY) unhealthy[zi]++;
        if (r.routable()) routes++;
      }
      routable = routes;
    }
  }

  private record GroupOf(LbState lb, TgState g) {}

  /** The counts of the last minute, and of this one (a deleted group's counts are not kept). */
  private Map<GroupOf, HostCounts> lastCounts = new HashMap<>();

  private Map<GroupOf, HostCounts> nextCounts = new HashMap<>();

  private HostCounts hostCounts(LbState lb, TgState g, List<String> zones) {
    GroupOf key = new GroupOf(lb, g);
    HostCounts c = lastCounts.get(key);
    if (c == null || c.zones != zones || c.version != g.healthVersion())
      c = new HostCounts(g, zones);
    nextCounts.put(key, c);
    return c;
  }

  private void publish() {
    long now = kernel.clock().now().toEpochMilli();
    long stamp = now - 60_000L;
    Map<GroupOf, HostCounts> swap = lastCounts;
    lastCounts = nextCounts;
    nextCounts = swap;
    nextCounts.clear();
    for (LbState lb : registry.lbs.values()) {
      FluidModel.Totals t = fluid.drain(lb);
      double requests = t.requests + lb.minuteRequests.sumThenReset();
      double elb5xx = t.elb5xx + lb.minuteElb5xx.sumThenReset();
      double target5xx = t.target5xx + lb.minuteTarget5xx.sumThenReset();
      double answers = t.targetAnswers + lb.minuteTargetAnswers.sumThenReset();
      double latency = t.latencySeconds + lb.minuteLatencyMicros.sumThenReset() / 1e6;
      synchronized (lb.minuteLatencies) {
        t.latencies.addScaled(lb.minuteLatencies, 1);
        lb.minuteLatencies.clear();
      }
      if (lb.spec.type() != LoadBalancerType.NETWORK)
        lb.responseTimes.put(stamp, t.latencies.snapshot());
      Map<String, Double> byGroup = new HashMap<>(t.byGroup);
      for (Map.Entry<String, LongAdder> e : lb.minuteByGroup.entrySet())
        byGroup.merge(e.getKey(), (double) e.getValue().sumThenReset(), Double::sum);
      LoadBalancerType type = lb.spec.type();
      String ns = type.namespace();
      String lbDim = type == LoadBalancerType.CLASSIC ? "LoadBalancerName" : "LoadBalancer";
      if (requests > 0) {
        String countName = type == LoadBalancerType.NETWORK ? "NewFlowCount" : "RequestCount";
        put(StandardUnit.COUNT, stamp, requests, ns, countName, lbDim, lb.dimension);
        if (type != LoadBalancerType.NETWORK) {
          if (answers > 0) {
            String rt = type == LoadBalancerType.CLASSIC ? "Latency" : "TargetResponseTime";
            put(StandardUnit.SECONDS, stamp, latency / answers, ns, rt, lbDim, lb.dimension);
          }
          if (elb5xx > 0)
            put(
                StandardUnit.COUNT,
                stamp,
                elb5xx,
                ns,
                type == LoadBalancerType.CLASSIC ? "HTTPCode_ELB_5XX" : "HTTPCode_ELB_5XX_Count",
                lbDim,
                lb.dimension);
          if (target5xx > 0)
            put(
                StandardUnit.COUNT,
                stamp,
                target5xx,
                ns,
                type == LoadBalancerType.CLASSIC
                    ? "HTTPCode_Backend_5XX"
                    : "HTTPCode_Target_5XX_Count",
                lbDim,
                lb.dimension);
        }
      }
      List<TgState> groups = registry.groupsOf(lb);
      for (TgState g : groups) {
        int healthyAll = 0;
        int unhealthyAll = 0;
        List<String> zones = lb.spec.availabilityZones();
        HostCounts counts = hostCounts(lb, g, zones);
        int routable = counts.routable;
        int[] healthy = counts.healthy;
        int[] unhealthy = counts.unhealthy;
        for (int zi = 0; zi < zones.size(); zi++) {
          String z = zones.get(zi);
          int h = healthy[zi];
          int u = unhealthy[zi];
          healthyAll += h;
          unhealthyAll += u;
          if (type == LoadBalancerType.CLASSIC) {
            put(
                StandardUnit.COUNT,
                stamp,
                h,
                ns,
                "HealthyHostCount",
                lbDim,
                lb.dimension,
                "AvailabilityZone",
                z);
            put(
                StandardUnit.COUNT,
                stamp,
                u,
                ns,
                "UnHealthyHostCount",
                lbDim,
                lb.dimension,
                "AvailabilityZone",
                z);
          } else {
            put(
                StandardUnit.COUNT,
                stamp,
                h,
                ns,
                "HealthyHostCount",
                lbDim,
                lb.dimension,
                "TargetGroup",
                g.dimension,
                "AvailabilityZone",
                z);
            put(
                StandardUnit.COUNT,
                stamp,
                u,
                ns,
                "UnHealthyHostCount",
                lbDim,
                lb.dimension,
                "TargetGroup",
                g.dimension,
                "AvailabilityZone",
                z);
          }
        }
        if (type == LoadBalancerType.CLASSIC) {
          put(StandardUnit.COUNT, stamp, healthyAll, ns, "HealthyHostCount", lbDim, lb.dimension);
          put(
              StandardUnit.COUNT,
              stamp,
              unhealthyAll,
              ns,
              "UnHealthyHostCount",
              lbDim,
              lb.dimension);
          continue;
        }
        put(
            StandardUnit.COUNT,
            stamp,
            healthyAll,
            ns,
            "HealthyHostCount",
            lbDim,
            lb.dimension,
            "TargetGroup",
            g.dimension);
        put(
            StandardUnit.COUNT,
            stamp,
            unhealthyAll,
            ns,
            "UnHealthyHostCount",
            lbDim,
            lb.dimension,
            "TargetGroup",
            g.dimension);
        Double tgRequests = byGroup.get(g.name);
        if (type == LoadBalancerType.APPLICATION && tgRequests != null && tgRequests > 0) {
          int divisor = healthyAll > 0 ? healthyAll : routable;
          if (divisor > 0) {
            double perTarget = tgRequests / divisor;
            put(
                StandardUnit.COUNT,
                stamp,
                perTarget,
                ns,
                "RequestCountPerTarget",
                "TargetGroup",
                g.dimension);
            put(
                StandardUnit.COUNT,
                stamp,
                perTarget,
                ns,
                "RequestCountPerTarget",
                lbDim,
                lb.dimension,
                "TargetGroup",
                g.dimension);
          }
          put(
              StandardUnit.COUNT,
              stamp,
              tgRequests,
              ns,
              "RequestCount",
              lbDim,
              lb.dimension,
              "TargetGroup",
              g.dimension);
        }
      }
    }
  }
}
