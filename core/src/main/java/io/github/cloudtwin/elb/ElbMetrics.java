package io.github.cloudtwin.elb;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
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
  private final Map<MetricId, MetricWriter> writers = new HashMap<>();

  ElbMetrics(Kernel kernel, CloudWatch cloudWatch, ElbRegistry registry, FluidModel fluid) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.registry = registry;
    this.fluid = fluid;
    kernel.every(Duration.ofMinutes(1), Phase.OBSERVE, this::publish);
  }

  private void put(MetricId id, StandardUnit unit, long stamp, double value) {
    MetricWriter w = writers.get(id);
    if (w == null) {
      w = cloudWatch.writer(id, unit);
      writers.put(id, w);
    }
    w.put(stamp, value);
  }

  private void publish() {
    long now = kernel.clock().now().toEpochMilli();
    long stamp = now - 60_000L;
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
        put(MetricId.of(ns, countName, lbDim, lb.dimension), StandardUnit.COUNT, stamp, requests);
        if (type != LoadBalancerType.NETWORK) {
          if (answers > 0) {
            String rt = type == LoadBalancerType.CLASSIC ? "Latency" : "TargetResponseTime";
            put(
                MetricId.of(ns, rt, lbDim, lb.dimension),
                StandardUnit.SECONDS,
                stamp,
                latency / answers);
          }
          if (elb5xx > 0)
            put(
                MetricId.of(
                    ns,
                    type == LoadBalancerType.CLASSIC
                        ? "HTTPCode_ELB_5XX"
                        : "HTTPCode_ELB_5XX_Count",
                    lbDim,
                    lb.dimension),
                StandardUnit.COUNT,
                stamp,
                elb5xx);
          if (target5xx > 0)
            put(
                MetricId.of(
                    ns,
                    type == LoadBalancerType.CLASSIC
                        ? "HTTPCode_Backend_5XX"
                        : "HTTPCode_Target_5XX_Count",
                    lbDim,
                    lb.dimension),
                StandardUnit.COUNT,
                stamp,
                target5xx);
        }
      }
      List<TgState> groups = registry.groupsOf(lb);
      for (TgState g : groups) {
        int healthyAll = 0;
        int unhealthyAll = 0;
        int routable = 0;
        List<String> zones = lb.spec.availabilityZones();
        int[] healthy = new int[zones.size()];
        int[] unhealthy = new int[zones.size()];
        for (Registration r : g.registrations.values()) {
          int zi = r.zoneIndex(zones);
          if (zi < 0) continue; // a target outside the load balancer's zones counts nowhere
          if (r.healthy()) healthy[zi]++;
          else if (r.state == TargetHealthState.UNHEALTHY) unhealthy[zi]++;
          if (r.routable()) routable++;
        }
        for (int zi = 0; zi < zones.size(); zi++) {
          String z = zones.get(zi);
          int h = healthy[zi];
          int u = unhealthy[zi];
          healthyAll += h;
          unhealthyAll += u;
          if (type == LoadBalancerType.CLASSIC) {
            put(
                MetricId.of(ns, "HealthyHostCount", lbDim, lb.dimension, "AvailabilityZone", z),
                StandardUnit.COUNT,
                stamp,
                h);
            put(
                MetricId.of(ns, "UnHealthyHostCount", lbDim, lb.dimension, "AvailabilityZone", z),
                StandardUnit.COUNT,
                stamp,
                u);
          } else {
            put(
                MetricId.of(
                    ns,
                    "HealthyHostCount",
                    lbDim,
                    lb.dimension,
                    "TargetGroup",
                    g.dimension,
                    "AvailabilityZone",
                    z),
                StandardUnit.COUNT,
                stamp,
                h);
            put(
                MetricId.of(
                    ns,
                    "UnHealthyHostCount",
                    lbDim,
                    lb.dimension,
                    "TargetGroup",
                    g.dimension,
                    "AvailabilityZone",
                    z),
                StandardUnit.COUNT,
                stamp,
                u);
          }
        }
        if (type == LoadBalancerType.CLASSIC) {
          put(
              MetricId.of(ns, "HealthyHostCount", lbDim, lb.dimension),
              StandardUnit.COUNT,
              stamp,
              healthyAll);
          put(
              MetricId.of(ns, "UnHealthyHostCount", lbDim, lb.dimension),
              StandardUnit.COUNT,
              stamp,
              unhealthyAll);
          continue;
        }
        put(
            MetricId.of(ns, "HealthyHostCount", lbDim, lb.dimension, "TargetGroup", g.dimension),
            StandardUnit.COUNT,
            stamp,
            healthyAll);
        put(
            MetricId.of(ns, "UnHealthyHostCount", lbDim, lb.dimension, "TargetGroup", g.dimension),
            StandardUnit.COUNT,
            stamp,
            unhealthyAll);
        Double tgRequests = byGroup.get(g.name);
        if (type == LoadBalancerType.APPLICATION && tgRequests != null && tgRequests > 0) {
          int divisor = healthyAll > 0 ? healthyAll : routable;
          if (divisor > 0) {
            double perTarget = tgRequests / divisor;
            put(
                MetricId.of(ns, "RequestCountPerTarget", "TargetGroup", g.dimension),
                StandardUnit.COUNT,
                stamp,
                perTarget);
            put(
                MetricId.of(
                    ns, "RequestCountPerTarget", lbDim, lb.dimension, "TargetGroup", g.dimension),
                StandardUnit.COUNT,
                stamp,
                perTarget);
          }
          put(
              MetricId.of(ns, "RequestCount", lbDim, lb.dimension, "TargetGroup", g.dimension),
              StandardUnit.COUNT,
              stamp,
              tgRequests);
        }
      }
    }
  }
}
