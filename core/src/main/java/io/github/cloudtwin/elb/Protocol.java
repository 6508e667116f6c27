package io.github.cloudtwin.elb;

/** A listener, target-group or health-check protocol. */
public enum Protocol {
  HTTP,
  HTTPS,
  TCP,
  TLS,
  UDP,
  TCP_UDP;

  /** Whether this is an HTTP protocol (HTTP or HTTPS), as used by Application Load Balancers. */
  public boolean isHttp() {
    return this == HTTP || this == HTTPS;
  }
}
