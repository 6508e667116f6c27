package io.github.cloudtwin.ecs;

/** The health of a task or container, from its container health checks. */
public enum HealthStatus {
  /** Every essential container with a health check passes it. */
  HEALTHY,
  /** An essential container failed its health check. */
  UNHEALTHY,
  /** No health check, or no result yet. */
  UNKNOWN
}
