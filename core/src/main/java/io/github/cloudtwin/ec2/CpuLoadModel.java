package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/**
 * Contributes CPU utilization to instances, for instance from the load-balancer traffic they serve.
 * EC2 sums the contributions with the instance's idle level and caps at 100 %.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface CpuLoadModel {

  /**
   * The average CPU percentage this model adds to {@code instance} over {@code [fromMillis,
   * toMillis)} of virtual time; 0 when it adds nothing.
   *
   * @param instance the instance
   * @param fromMillis the from millis
   * @param toMillis the to millis
   * @return the average CPU percentage this model adds to {@code instance} over {@code [fromMillis,
   *     toMillis)} of virtual time; 0 when it adds nothing
   */
  double averageCpu(Instance instance, long fromMillis, long toMillis);
}
