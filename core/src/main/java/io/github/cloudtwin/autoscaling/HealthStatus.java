package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** The health of an instance as its Auto Scaling group sees it. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum HealthStatus {
  /** Healthy (every instance starts so). */
  HEALTHY("Healthy"),
  /** Unhealthy: it will be replaced. */
  UNHEALTHY("Unhealthy");

  private final String awsName;

  HealthStatus(String awsName) {
    this.awsName = awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
