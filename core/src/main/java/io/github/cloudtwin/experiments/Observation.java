package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.elb.ResponseTimes;
import java.time.Instant;

/** Reads a minute of the load balancers' own CloudWatch metrics: what the users saw. */
final class Observation {

  private Observation() {}

  /**
   * {requests, errors, mean response seconds (NaN without answers)} of the minute ending at {@code
   * now}.
   */
  static double[] traffic(CloudTwin twin, Instant now) {
    Instant from = now.minusSeconds(60);
    double requests = 0;
    double errors = 0;
    double latencyWeighted = 0;
    double answered = 0;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) {
      if (lb.type() == LoadBalancerType.NETWORK) continue;
      boolean classic = lb.type() == LoadBalancerType.CLASSIC;
      String ns = classic ? "AWS/ELB" : "AWS/ApplicationELB";
      String dim = classic ? "LoadBalancerName" : "LoadBalancer";
      double r = sum(twin, MetricId.of(ns, "RequestCount", dim, lb.dimensionValue()), from, now);
      double e =
          sum(
                  twin,
                  MetricId.of(
                      ns,
                      classic ? "HTTPCode_ELB_5XX" : "HTTPCode_ELB_5XX_Count",
                      dim,
                      lb.dimensionValue()),
                  from,
                  now)
              + sum(
                  twin,
                  MetricId.of(
                      ns,
                      classic ? "HTTPCode_Backend_5XX" : "HTTPCode_Target_5XX_Count",
                      dim,
                      lb.dimensionValue()),
                  from,
                  now);
      double t =
          twin.cloudWatch()
              .statistic(
                  MetricId.of(
                      ns, classic ? "Latency" : "TargetResponseTime", dim, lb.dimensionValue()),
                  from,
                  now,
                  Statistic.AVERAGE)
              .orElse(Double.NaN);
      requests += r;
      errors += e;
      if (!Double.isNaN(t) && r - e > 0) {
        latencyWeighted += t * (r - e);
        answered += r - e;
      }
    }
    return new double[] {
      requests, Math.min(errors, requests), answered > 0 ? latencyWeighted / answered : Double.NaN
    };
  }

  /**
   * The target response times of the minute ending at {@code now}, over every Application and
   * Classic Load Balancer.
   */
  static ResponseTimes responseTimes(CloudTwin twin, Instant now) {
    ResponseTimes out = ResponseTimes.NONE;
    for (LoadBalancer lb : twin.loadBalancing().loadBalancers()) {
      if (lb.type() != LoadBalancerType.NETWORK)
        out = out.plus(lb.responseTimes(now.minusSeconds(60), now));
    }
    return out;
  }

  private static double sum(CloudTwin twin, MetricId id, Instant from, Instant to) {
    return twin.cloudWatch().statistic(id, from, to, Statistic.SUM).orElse(0);
  }
}
