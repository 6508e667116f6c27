package io.github.cloudtwin.autoscaling;

/** Which health sources replace instances: EC2 status (always) or also the load balancer. */
public enum HealthCheckType {
  /** EC2 status checks only (the default). */
  EC2,
  /** EC2 status checks and the health the group's target groups report. */
  ELB
}
