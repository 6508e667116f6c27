package io.github.cloudtwin.traffic;

import io.github.cloudtwin.ec2.CpuLoadModel;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.facts.TrafficFact;
import io.github.cloudtwin.internal.LoadBalancerTraffic;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Offered traffic of one twin: {@link Workload}s applied to load balancers, split over targets by
 * the load balancer (zone, cross-zone, algorithm, health), and the {@link CostModel} that turns
 * each instance target's served requests into EC2 CPUUtilization. Rates are piecewise constant and
 * change only at workload segment boundaries or when targets or health change.
 *
 * <p>Obtain it from {@code twin.traffic()}. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Traffic {

  private final Kernel kernel;
  private final LoadBalancing loadBalancing;
  private final LoadBalancerTraffic offered;
  private final List<TrafficFlow> flows = new ArrayList<>();
  private volatile CostModel costModel = CostModel.DEFAULT;
  private double saturatedRequests; // guarded by the kernel lock
  private final ServedRates servedRates; // guarded by the kernel lock

  /**
   * Creates the service; the twin does this, tests use {@code twin.traffic()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param loadBalancing the load balancing
   * @param wiring the twin's connections (load balancing's offered traffic)
   */
  Traffic(Kernel kernel, Ec2 ec2, LoadBalancing loadBalancing, Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    this.loadBalancing = Require.notNull("loadBalancing", loadBalancing);
    this.offered = Require.notNull("wiring", wiring).loadBalancerTraffic();
    this.servedRates = new ServedRates(offered);
    Require.notNull("ec2", ec2)
        .addCpuLoadModel(
            new CpuLoadModel() {
              @Override
              public double averageCpu(Instance instance, long fromMillis, long toMillis) {
                return Traffic.this.averageCpu(instance, fromMillis, toMillis);
              }

              @Override
              public boolean sameForEveryInstance(long fromMillis, long toMillis) {
                return idle(); // every instance gets 0
              }
            });
  }

  /**
   * Applies {@code workload} of {@code GET /} requests to the load balancer's first listener, from
   * now.
   *
   * @param loadBalancerName the load balancer name
   * @param workload the workload
   * @return the flow, which can be stopped
   */
  public TrafficFlow apply(String loadBalancerName, Workload workload) {
    return apply(loadBalancerName, Request.get(), workload);
  }

  /**
   * Applies {@code workload} of requests shaped like {@code request} (path, host, headers,
   * listener), from now.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @param workload the workload
   * @return the flow, which can be stopped
   */
  public TrafficFlow apply(String loadBalancerName, Request request, Workload workload) {
    Require.notNull("request", request);
    Require.notNull("workload", workload);
    return kernel.call(
        () -> {
          Instant now = kernel.clock().now();
          Workload.Segment first = workload.segmentAt(0);
          long id = offered.offer(loadBalancerName, request, first.requestsPerSecond());
          TrafficFlow f =
              new TrafficFlow(kernel, this, loadBalancerName, request, workload, now, id);
          f.rate = first.requestsPerSecond();
          flows.add(f);
          kernel
              .timeline()
              .record(
                  new TrafficFact.WorkloadApplied(
                      loadBalancerName, workload, request.method(), request.path()));
          schedule(f, first);
          return f;
        });
  }

  private void schedule(TrafficFlow f, Workload.Segment seg) {
    if (seg.endMillis() == Long.MAX_VALUE) return;
    f.next =
        kernel
            .scheduler()
            .at(
                f.start.plusMillis(seg.endMillis()),
                0,
                () -> {
                  if (f.stopped) return;
                  Workload.Segment s = f.workload.segmentAt(seg.endMillis());
                  f.rate = s.requestsPerSecond();
                  offered.setRate(f.flowId, f.rate);
                  schedule(f, s);
                });
  }

  void stop(TrafficFlow f) {
    kernel.run(
        () -> {
          if (f.stopped) return;
          f.stopped = true;
          if (f.next != null) f.next.cancel();
          offered.setRate(f.flowId, 0);
          kernel.timeline().record(new TrafficFact.WorkloadStopped(f.loadBalancerName, f.workload));
        });
  }

  /** {@return the flows applied so far, in order} */
  public List<TrafficFlow> flows() {
    return kernel.call(() -> List.copyOf(flows));
  }

  /**
   * Sets the cost model for every instance target.
   *
   * @param model the model
   */
  public void costModel(CostModel model) {
    Require.notNull("costModel", model);
    kernel.run(() -> costModel = model);
  }

  /** {@return the cost model} */
  public CostModel costModel() {
    kernel.checkOpen();
    return costModel;
  }

  /**
   * Requests instance targets were sent beyond their CPU capacity since the twin started: in each
   * minute an instance publishes CPU for, the share of its served requests that would take its CPU
   * above 100 % (with the {@link CostModel}'s cost per request and baseline). The twin's own
   * saturation model: AWS has no such metric.
   *
   * @return the requests
   */
  public double saturatedRequests() {
    return kernel.call(() -> saturatedRequests);
  }

  /**
   * Requests per second the target serves now.
   *
   * @param targetId the target id
   * @return requests per second the target serves now
   */
  public double servedRate(String targetId) {
    return offered.servedRate(targetId);
  }

  /**
   * Expected requests per target for {@code requests} requests shaped like {@code request}, now.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @param requests the requests
   * @return expected requests per target for {@code requests} requests shaped like {@code request},
   *     now
   */
  public Map<String, Double> expectedRequests(
      String loadBalancerName, Request request, double requests) {
    Map<String, Double> shares =
        loadBalancing.loadBalancer(loadBalancerName).expectedShares(request);
    Map<String, Double> out = new java.util.TreeMap<>();
    shares.forEach((k, v) -> out.put(k, v * requests));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** Whether no target ever served offered traffic and there is no baseline: every CPU is 0. */
  private boolean idle() {
    return !offered.hasServedTraffic() && costModel.baselineCpuPercent() == 0;
  }

  private double averageCpu(Instance instance, long fromMillis, long toMillis) {
    if (idle()) {
      return 0; // no target ever served offered traffic: nothing to integrate
    }
    double rps =
        servedRates.of(instance, instance.instanceId(), fromMillis).average(fromMillis, toMillis);
    CostModel m = costModel;
    double cpu = m.cpuPercent(rps, instance.instanceType().vCpus());
    double baseline =
        m.baselineCpuPercent() > 0 && loadBalancing.target(instance.instanceId()).isRegistered()
            ? m.baselineCpuPercent()
            : 0;
    if (cpu + baseline > 100 && cpu > 0) {
      // beyond 100 % CPU the target cannot serve its share: the excess is saturation
      saturatedRequests += rps * (cpu + baseline - 100) / cpu * (toMillis - fromMillis) / 1000.0;
    }
    return cpu + baseline;
  }
}
