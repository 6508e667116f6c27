package io.github.cloudtwin.elb;

import org.apiguardian.api.API;

/** The target-group attribute {@code load_balancing.algorithm.type}. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LoadBalancingAlgorithm {
  /** {@code round_robin}, the default. */
  ROUND_ROBIN("round_robin"),
  /** {@code least_outstanding_requests}; cannot be combined with slow start. */
  LEAST_OUTSTANDING_REQUESTS("least_outstanding_requests"),
  /** {@code weighted_random}. */
  WEIGHTED_RANDOM("weighted_random");

  private final String awsName;

  LoadBalancingAlgorithm(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the attribute value as AWS writes it} */
  public String awsName() {
    return awsName;
  }
}
