package io.github.cloudtwin.elb;

import org.apiguardian.api.API;

/** A listener, target-group or health-check protocol. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Protocol {
  /** HTTP (Application Load Balancer listeners, target groups and health checks). */
  HTTP,
  /** HTTPS (TLS-terminating HTTP). */
  HTTPS,
  /** TCP (Network Load Balancer). */
  TCP,
  /** TLS (TLS-terminating TCP, Network Load Balancer). */
  TLS,
  /** UDP (Network Load Balancer). */
  UDP,
  /** TCP and UDP on the same port (Network Load Balancer). */
  TCP_UDP;

  /**
   * {@return whether this is an HTTP protocol (HTTP or HTTPS), as used by Application Load
   * Balancers}
   */
  public boolean isHttp() {
    return this == HTTP || this == HTTPS;
  }
}
