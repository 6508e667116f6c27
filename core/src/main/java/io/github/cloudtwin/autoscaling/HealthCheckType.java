package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** Which health sources replace instances: EC2 status (always) or also the load balancer. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum HealthCheckType {
  /** EC2 status checks only (the default). */
  EC2,
  /** EC2 status checks and the health the group's target groups report. */
  ELB
}
