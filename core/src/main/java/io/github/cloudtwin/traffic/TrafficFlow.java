package io.github.cloudtwin.traffic;

import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A workload applied to a load balancer: a live view; {@link #stop()} ends it. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TrafficFlow {

  private final Kernel kernel;
  private final Traffic traffic;
  final String loadBalancerName;
  final Request request;
  final Workload workload;
  final Instant start;
  final long flowId;
  Scheduler.@Nullable Task next;
  double rate;
  boolean stopped;

  TrafficFlow(
      Kernel kernel,
      Traffic traffic,
      String lb,
      Request request,
      Workload workload,
      Instant start,
      long flowId) {
    this.kernel = kernel;
    this.traffic = traffic;
    this.loadBalancerName = lb;
    this.request = request;
    this.workload = workload;
    this.start = start;
    this.flowId = flowId;
  }

  /** {@return the load balancer it is applied to} */
  public String loadBalancerName() {
    return loadBalancerName;
  }

  /** {@return the workload} */
  public Workload workload() {
    return workload;
  }

  /** {@return the offered requests per second now} */
  public double requestsPerSecond() {
    return kernel.call(() -> stopped ? 0.0 : rate);
  }

  /** Stops the flow now. */
  public void stop() {
    traffic.stop(this);
  }
}
