package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/** The health of a task or container, from its container health checks. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum HealthStatus {
  /** Every essential container with a health check passes it. */
  HEALTHY,
  /** An essential container failed its health check. */
  UNHEALTHY,
  /** No health check, or no result yet. */
  UNKNOWN
}
