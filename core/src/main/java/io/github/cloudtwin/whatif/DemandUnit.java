package io.github.cloudtwin.whatif;

import org.apiguardian.api.API;

/** What a demand recording measures, and so how it becomes requests per second. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DemandUnit {
  /**
   * Each datapoint is the number of requests in its period ({@code RequestCount}, statistic Sum,
   * unit Count).
   */
  REQUESTS,
  /** Each datapoint is a rate in requests per second (unit Count/Second). */
  REQUESTS_PER_SECOND,
  /**
   * Each datapoint is the CPU time demanded in its period, in vCPU-seconds: divided by the cost
   * model's CPU per request it gives requests.
   */
  VCPU_SECONDS,
  /**
   * Each datapoint is the average CPUUtilization (Percent) of a recorded fleet of a known size:
   * times the fleet's vCPUs it gives the CPU demanded.
   */
  CPU_UTILIZATION
}
