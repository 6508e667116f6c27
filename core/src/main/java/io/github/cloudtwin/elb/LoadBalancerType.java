package io.github.cloudtwin.elb;

import org.apiguardian.api.API;

/** The kind of Elastic Load Balancer, which decides routing and the health-check defaults. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum LoadBalancerType {
  /**
   * Application Load Balancer: HTTP(S) listener rules, round robin by default, cross-zone always
   * on.
   */
  APPLICATION("app"),
  /** Network Load Balancer: flow-hash routing, cross-zone off by default. */
  NETWORK("net"),
  /** Classic Load Balancer: instances registered directly, cross-zone off when created by API. */
  CLASSIC("classic");

  private final String prefix;

  LoadBalancerType(String prefix) {
    this.prefix = prefix;
  }

  /** {@return the ARN / dimension prefix: {@code app}, {@code net} or {@code classic}} */
  public String prefix() {
    return prefix;
  }

  /** {@return the CloudWatch namespace of this type's metrics} */
  public String namespace() {
    return this == NETWORK ? "AWS/NetworkELB" : this == CLASSIC ? "AWS/ELB" : "AWS/ApplicationELB";
  }
}
