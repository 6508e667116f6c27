package io.github.cloudtwin.traffic;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * How served requests turn into CPU on an EC2 instance target: {@code CPU% = rps x
 * cpuMillisPerRequest / (1000 x vCPUs) x 100}, plus a baseline while the instance is a registered
 * target.
 *
 * @param cpuMillisPerRequest CPU milliseconds one request costs (default 10)
 * @param baselineCpuPercent CPU percentage of a registered target with no traffic (default 0)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CostModel(double cpuMillisPerRequest, double baselineCpuPercent) {

  /** The default: 10 CPU ms per request, no baseline. */
  public static final CostModel DEFAULT = new CostModel(10, 0);

  /**
   * Validates.
   *
   * @param cpuMillisPerRequest CPU milliseconds one request costs (default 10)
   * @param baselineCpuPercent CPU percentage of a registered target with no traffic (default 0)
   */
  public CostModel {
    Require.between("cpuMillisPerRequest", cpuMillisPerRequest, 0, 1e6);
    Require.between("baselineCpuPercent", baselineCpuPercent, 0, 100);
  }

  /**
   * The CPU percentage of {@code requestsPerSecond} on {@code vCpus}, without the baseline.
   *
   * @param requestsPerSecond the requests per second
   * @param vCpus the v cpus
   * @return the CPU percentage of {@code requestsPerSecond} on {@code vCpus}, without the baseline
   */
  public double cpuPercent(double requestsPerSecond, int vCpus) {
    return requestsPerSecond * cpuMillisPerRequest / (1000.0 * vCpus) * 100.0;
  }
}
