package io.github.cloudtwin.facts;

import io.github.cloudtwin.traffic.Workload;
import org.apiguardian.api.API;

/** What the traffic model records: workloads applied and stopped. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface TrafficFact extends Fact {

  /**
   * A workload (a request-rate curve) was applied to a load balancer.
   *
   * @param loadBalancerName the load balancer name
   * @param workload the workload
   * @param method the request method
   * @param path the request path
   */
  record WorkloadApplied(String loadBalancerName, Workload workload, String method, String path)
      implements TrafficFact {
    @Override
    public String resource() {
      return "traffic/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "workload";
    }

    @Override
    public String message() {
      return "applied " + workload + " to " + method + " " + path;
    }
  }

  /**
   * A workload was stopped.
   *
   * @param loadBalancerName the load balancer name
   * @param workload the workload
   */
  record WorkloadStopped(String loadBalancerName, Workload workload) implements TrafficFact {
    @Override
    public String resource() {
      return "traffic/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "workload";
    }

    @Override
    public String message() {
      return "stopped " + workload;
    }
  }
}
